import { readFileSync } from 'node:fs';
import type { Customer } from 'crmkit';
import { organization } from '../helpers';

/**
 * Loads the Chicago early-childhood-centre records (test/fixtures/chicago-ece, see its README for
 * source and licence) as organisations the way an adopter would map the columns: site name as the
 * legal name, the address column as street line, the zip as postal code, the seven-digit phone with
 * Chicago's 312 area code in front (the sources dropped it). Truth: records with the same hand-given
 * `True Id` are one site.
 */
export function loadChicagoEce(): { customers: Customer[]; clusters: string[][] } {
  const lines = readFileSync(new URL('../../fixtures/chicago-ece/ece.tsv', import.meta.url), 'utf8').split('\n').slice(1);
  const customers: Customer[] = [];
  const groups = new Map<string, string[]>();
  for (const line of lines) {
    if (!line.trim()) continue;
    const [trueId, id, , siteName, address, zip, phone] = line.split('\t') as string[];
    const points: Customer['contactPoints'] = [];
    if (phone && /^\d{7}$/.test(phone)) points.push({ type: 'phone', value: `+1 312 ${phone}` });
    else if (phone && /^\d{10}$/.test(phone)) points.push({ type: 'phone', value: `+1 ${phone}` });
    if (address || zip) points.push({ type: 'address', country: 'US', line1: address || '-', city: 'Chicago', ...(zip && { postalCode: zip }) });
    const key = `e${id}`;
    customers.push(organization(key, siteName || '-', undefined, { contactPoints: points }));
    const g = groups.get(trueId as string);
    if (g) g.push(key);
    else groups.set(trueId as string, [key]);
  }
  return { customers, clusters: [...groups.values()].filter((g) => g.length > 1) };
}
