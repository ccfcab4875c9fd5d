import { assert } from './errors';
import { requireDate } from '../core/time';
import type { RecordListOptions } from '../repository/CustomerRecordRepository';

/**
 * Checks a record-listing options object before a page is cut: an object (or undefined), with `from`
 * and `to` valid Dates in years 0001-9999 when given and `cursor` a string when given (`limit` is
 * {@link pageLimit}'s). Returns the time bounds as milliseconds (±Infinity when absent).
 *
 * @throws {CrmError} `INVALID_ARGUMENT` for options that are not an object or a cursor that is not a
 *   string; `INVALID_DATE` for `from` or `to`
 * @internal
 */
export function requireRecordListOptions(options: unknown): { readonly from: number; readonly to: number; readonly options: RecordListOptions } {
  const o = requireListOptions<RecordListOptions>(options);
  const { from, to } = o;
  return {
    from: from === undefined ? -Infinity : requireDate(from, 'from').getTime(),
    to: to === undefined ? Infinity : requireDate(to, 'to').getTime(),
    options: o as RecordListOptions,
  };
}

/**
 * Checks an options object of a repository method: undefined (read as `{}`) or an object; and when
 * it has a `cursor`, a string.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireListOptions<T extends { readonly cursor?: string }>(options: unknown): T {
  const o = options === undefined ? {} : options;
  assert(o !== null && typeof o === 'object', 'INVALID_ARGUMENT', { params: { field: 'options', rule: 'must be an object' } });
  const { cursor } = o as { readonly cursor?: unknown };
  assert(cursor === undefined || typeof cursor === 'string', 'INVALID_ARGUMENT', { params: { field: 'cursor', rule: 'not a cursor this repository issued' } });
  return o as T;
}
