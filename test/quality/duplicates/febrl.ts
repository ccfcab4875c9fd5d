import { readFileSync } from 'node:fs';
import type { Customer } from 'crmkit';
import { person } from '../helpers';

/**
 * Loads a FEBRL data set (test/fixtures/febrl, see its README for source and licence) as customers
 * the way an adopter would map the columns: given name and surname into `person`, the street
 * number and first line into `line1`, locality into `line2`, suburb as city, state as region,
 * postcode; a date of birth that is a calendar date into `birthDate` (FEBRL damages some into
 * non-dates, which an adopter's import would reject); the social security number into the
 * attribute `socSecId`, which the adopter declares as an identifier. Truth: `rec-N-org` and
 * `rec-N-dup-K` are one person.
 */
export function loadFebrl(...files: string[]): { customers: Customer[]; clusters: string[][] } {
  const customers: Customer[] = [];
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const lines = readFileSync(new URL(`../../fixtures/febrl/${file}`, import.meta.url), 'utf8').split('\n');
    for (const line of lines.slice(1)) {
      if (!line.trim()) continue;
      const [id, given, surname, number, address1, address2, suburb, postcode, state, dob, ssn] = line.split(',').map((s) => s.trim()) as string[];
      const person_ = {
        ...(given && { givenName: given }),
        ...(surname && { familyName: surname }),
        ...(validDate(dob as string) && { birthDate: validDate(dob as string) as Date }),
      };
      const line1 = [number, address1].filter(Boolean).join(' ');
      customers.push(
        person(id as string, [given, surname].filter(Boolean).join(' ') || '-', {
          person: person_,
          contactPoints: [
            {
              type: 'address', country: 'AU', line1: line1 || '-',
              ...(address2 && { line2: address2 }), ...(suburb && { city: suburb }), ...(state && { region: state }), ...(postcode && { postalCode: postcode }),
            },
          ],
          attributes: ssn ? { socSecId: ssn } : {},
        } as Partial<Customer>),
      );
      const key = (id as string).replace(/-(org|dup-\d+)$/, '');
      const g = groups.get(key);
      if (g) g.push(id as string);
      else groups.set(key, [id as string]);
    }
  }
  return { customers, clusters: [...groups.values()].filter((g) => g.length > 1) };
}

function validDate(s: string): Date | undefined {
  if (!/^\d{8}$/.test(s)) return undefined;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(4, 6));
  const d = Number(s.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}
