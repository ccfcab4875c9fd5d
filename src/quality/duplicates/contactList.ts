/**
 * A record's normalised phones (or emails) as one value: '' for none, the value itself for one,
 * an array for two or more. Most records have one phone and one email; a one-element array per
 * record and field costs 56 bytes more than the string alone, which at a million records is
 * about a tenth of a search's memory (internal).
 */
export type ContactList = string | readonly string[];

/** The list with no values. */
export const NO_CONTACTS: ContactList = '';

/** Number of values in `list`. */
export function contactCount(list: ContactList): number {
  return typeof list === 'string' ? (list === '' ? 0 : 1) : list.length;
}

/** Value k of `list` (k below {@link contactCount}); for k = 0 the first value, '' when there is none. */
export function contactAt(list: ContactList, k: number): string {
  return typeof list === 'string' ? list : (list[k] as string);
}

/** `list` with the non-empty value `s` added at the end (a new list from the second value on). */
export function addContact(list: ContactList, s: string): ContactList {
  if (list === '') return s;
  return typeof list === 'string' ? [list, s] : [...list, s];
}

/** Whether `test` holds for some value of `a` with some value of `b`. */
export function anyContactPair(a: ContactList, b: ContactList, test: (x: string, y: string) => boolean): boolean {
  const na = contactCount(a);
  const nb = contactCount(b);
  for (let i = 0; i < na; i++) for (let j = 0; j < nb; j++) if (test(contactAt(a, i), contactAt(b, j))) return true;
  return false;
}
