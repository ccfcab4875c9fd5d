// Test helpers over the duplicate search's feature columns.
import { CHUNK_ROWS, type Column } from '../../../src/quality/duplicates/column';
import { type ContactList, contactAt, contactCount } from '../../../src/quality/duplicates/contactList';

/** A column holding `values`, cut into chunks as the search keeps them. */
export function columnOf<T>(values: readonly T[]): Column<T> {
  const column: Column<T> = [];
  for (let k = 0; k < values.length; k += CHUNK_ROWS) column.push(values.slice(k, k + CHUNK_ROWS));
  return column;
}

/** The values of a contact list as an array. */
export function contactValues(list: ContactList): string[] {
  return Array.from({ length: contactCount(list) }, (_, k) => contactAt(list, k));
}
