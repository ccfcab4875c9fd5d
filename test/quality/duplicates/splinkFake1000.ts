import type { Customer } from 'crmkit';
import { hasOutsideFile, labelledPeople, readOutsideFile } from './outsideData';

const FILE = 'splink-fake-1000/fake_1000.csv';

/** Whether the set is present (it is not committed). */
export const splinkFake1000Available = hasOutsideFile(FILE);

/**
 * Loads Splink's `fake_1000` records (an outside file, see OUTSIDE_DATA.md for source and
 * licence) as customers the way an adopter would map the columns: first name and surname into
 * `person` (the set swaps them in some records and leaves either out in others), the display name
 * from both, date of birth into `birthDate`, the email as an email contact point and the city as an
 * address with only a city (UK). Truth: records with the same `cluster` are one person.
 */
export function loadSplinkFake1000(): { customers: Customer[]; clusters: string[][] } {
  const lines = readOutsideFile(FILE).split('\n').slice(1);
  return labelledPeople(
    lines
      .filter((line) => line.trim())
      .map((line) => {
        const [id, first, surname, dob, city, email, cluster] = line.split(',').map((s) => s.trim()) as string[];
        const points: Customer['contactPoints'] = [];
        if (email) points.push({ type: 'email', value: email });
        if (city) points.push({ type: 'address', country: 'GB', line1: '-', city });
        return { key: `s${id}`, cluster: cluster as string, first: first as string, surname: surname as string, dob: dob as string, contactPoints: points };
      }),
  );
}
