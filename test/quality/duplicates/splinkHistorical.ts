import type { Customer } from 'crmkit';
import { hasOutsideFile, labelledPeople, readOutsideFile } from './outsideData';

const FILE = 'splink-historical/historical_50k.csv';

/** Whether the set is present (it is not committed). */
export const splinkHistoricalAvailable = hasOutsideFile(FILE);

/** The fields of one CSV line (quoted fields may hold commas; `""` is a quote). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const ch = line[k] as string;
    if (quoted) {
      if (ch === '"' && line[k + 1] === '"') {
        field += '"';
        k++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

/**
 * Loads Splink's `historical_figures_with_errors_50k` records (an outside file, see OUTSIDE_DATA.md
 * for source and licence) as customers the way an adopter would map the columns: first name and
 * surname into `person` and the display name from both, date of birth into `birthDate`, and the
 * (fake) postcode with the birth place as a UK address without a street. Full name, gender and
 * occupation are not fields crmkit compares. Truth: records with the same `cluster` are one person.
 */
export function loadSplinkHistorical(): { customers: Customer[]; clusters: string[][] } {
  const lines = readOutsideFile(FILE).split('\n');
  const header = csvFields(lines[0] as string);
  const columns = ['unique_id', 'cluster', 'first_name', 'surname', 'dob', 'birth_place', 'postcode_fake'].map((name) => header.indexOf(name));
  return labelledPeople(
    lines
      .slice(1)
      .filter((line) => line.trim())
      .map((line) => {
        const f = csvFields(line).map((s) => s.trim());
        const [id, cluster, first, surname, dob, place, postcode] = columns.map((i) => f[i] ?? '') as string[];
        const points: Customer['contactPoints'] = [];
        if (place || postcode) points.push({ type: 'address', country: 'GB', line1: '-', ...(place && { city: place }), ...(postcode && { postalCode: postcode }) });
        return { key: `h${id}`, cluster: cluster as string, first: first as string, surname: surname as string, dob: dob as string, contactPoints: points };
      }),
  );
}
