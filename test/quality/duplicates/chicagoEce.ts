import type { Customer } from 'crmkit';
import { hasOutsideFile, readOutsideFile } from './outsideData';
import { organization } from '../helpers';

const FILE = 'chicago-ece/ece.tsv';

/** Whether the set is present (it is not committed). */
export const chicagoEceAvailable = hasOutsideFile(FILE);

/**
 * Loads the Chicago early-childhood-centre records (an outside file, see OUTSIDE_DATA.md for
 * source and licence) as organisations the way an adopter would map the columns: site name as the
 * legal name, the address column as street line, the zip as postal code, the seven-digit phone with
 * Chicago's 312 area code in front (the sources dropped it). Truth: records with the same hand-given
 * `True Id` are one site.
 */
export function loadChicagoEce(): { customers: Customer[]; clusters: string[][] } {
  const lines = readOutsideFile(FILE).split('\n').slice(1);
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
