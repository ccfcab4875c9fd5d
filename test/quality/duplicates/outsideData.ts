import { existsSync, readFileSync } from 'node:fs';
import type { Customer } from 'crmkit';
import { person } from '../helpers';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Labelled data sets crmkit did not design and may not commit (see OUTSIDE_DATA.md next to this
 * file): read from `CRMKIT_OUTSIDE_DATA`, default `.outside-data/` at the repository root.
 */
export const OUTSIDE_DATA = process.env.CRMKIT_OUTSIDE_DATA ?? fileURLToPath(new URL('../../../.outside-data', import.meta.url));

/** Whether the outside file `path` (relative to {@link OUTSIDE_DATA}) is present. */
export const hasOutsideFile = (path: string): boolean => existsSync(join(OUTSIDE_DATA, path));

/** The text of the outside file `path`. */
export const readOutsideFile = (path: string): string => readFileSync(join(OUTSIDE_DATA, path), 'utf8');

/** One record of a labelled person set, as an adopter maps the columns (empty text: not given). */
export interface LabelledPerson {
  readonly key: string;
  readonly cluster: string;
  readonly first: string;
  readonly surname: string;
  /** `YYYY-MM-DD`; anything else, or a date that does not exist (1630-02-30), is dropped as an import would. */
  readonly dob: string;
  readonly contactPoints: Customer['contactPoints'];
}

/**
 * Customers from labelled person records: first name and surname into `person` and the display
 * name from both, the date of birth into `birthDate`; truth: records of one `cluster` are one
 * person (clusters of one left out).
 */
export function labelledPeople(records: Iterable<LabelledPerson>): { customers: Customer[]; clusters: string[][] } {
  const customers: Customer[] = [];
  const groups = new Map<string, string[]>();
  for (const r of records) {
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(r.dob) ? new Date(`${r.dob}T00:00:00Z`) : undefined;
    const birthDate = parsed && !Number.isNaN(parsed.getTime()) ? parsed : undefined;
    customers.push(
      person(r.key, [r.first, r.surname].filter(Boolean).join(' ') || '-', {
        person: { ...(r.first && { givenName: r.first }), ...(r.surname && { familyName: r.surname }), ...(birthDate && { birthDate }) },
        contactPoints: r.contactPoints,
      } as Partial<Customer>),
    );
    const g = groups.get(r.cluster);
    if (g) g.push(r.key);
    else groups.set(r.cluster, [r.key]);
  }
  return { customers, clusters: [...groups.values()].filter((g) => g.length > 1) };
}
