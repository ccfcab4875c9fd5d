import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { isValid } from 'date-fns/isValid';
import { assert } from '../errors/assert';
import { isTimeInRange } from './range';

/**
 * Whether `value` is a `Date` holding a real instant (not `new Date('nope')`) within the years
 * 0001-9999 (UTC) that crmkit, ISO 8601 and PostgreSQL all accept.
 *
 * @param value - anything
 * @returns true for a valid Date in years 0001-9999
 *
 * @example
 * ```ts
 * import { isValidDate } from 'crmkit';
 * isValidDate(new Date('2026-01-01'));
 * //=> true
 * isValidDate(new Date('nope'));
 * //=> false
 * ```
 */
export function isValidDate(value: unknown): value is Date {
  return value instanceof Date && isValid(value) && isTimeInRange(value.getTime());
}

/**
 * Asserts that `value` is a valid Date within years 0001-9999, naming `field` in the error.
 *
 * @param value - the candidate
 * @param field - the field name for the message (for example `asOf`)
 * @returns the date
 * @throws {CrmError} `INVALID_DATE`
 *
 * @example
 * ```ts
 * import { requireDate } from 'crmkit';
 * requireDate(new Date('2026-01-01'), 'asOf').getUTCFullYear();
 * //=> 2026
 * ```
 */
export function requireDate(value: unknown, field: string): Date {
  assert(isValidDate(value), 'INVALID_DATE', { params: { field } });
  return value;
}

/**
 * Whole calendar days from `from` to `to` (positive when `to` is later), counted in the runtime's
 * local time zone as date-fns does. For UTC day boundaries run with `TZ=UTC` or pass UTC-midnight dates.
 *
 * @param from - the earlier date
 * @param to - the later date
 * @returns the number of calendar days
 * @throws {CrmError} `INVALID_DATE` when either is not a valid Date in years 0001-9999
 *
 * @example
 * ```ts
 * import { daysBetween } from 'crmkit';
 * daysBetween(new Date('2026-01-01T12:00:00Z'), new Date('2026-01-31T12:00:00Z'));
 * //=> 30
 * ```
 */
export function daysBetween(from: Date, to: Date): number {
  return differenceInCalendarDays(requireDate(to, 'to'), requireDate(from, 'from'));
}

export { DateSchema } from './schema';

/**
 * Milliseconds in one day, for fast float arithmetic on timestamps in hot loops.
 *
 * @example
 * ```ts
 * import { MS_PER_DAY } from 'crmkit';
 * (Date.UTC(2026, 0, 31) - Date.UTC(2026, 0, 1)) / MS_PER_DAY;
 * //=> 30
 * ```
 */
export const MS_PER_DAY = 86_400_000;
