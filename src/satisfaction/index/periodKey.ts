import { assert } from '../errors';
import { optionalFiniteInRange } from '../../core/guards';
import { requireDate } from '../../core/time';

/**
 * Calendar periods responses can be grouped by.
 *
 * @example
 * ```ts
 * const p: Period = 'quarter';
 * ```
 */
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';

/**
 * Options for {@link periodKey}.
 *
 * @example
 * ```ts
 * const options: PeriodOptions = { utcOffsetMinutes: 480 }; // China Standard Time
 * ```
 */
export interface PeriodOptions {
  /**
   * The offset from UTC, in minutes, of the time zone whose calendar decides the period (480 for
   * China Standard Time). Default 0 (UTC).
   */
  readonly utcOffsetMinutes?: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The label of the calendar period an instant falls in, in a fixed-offset time zone: `2026-03-01`
 * (day), `2026-W09` (ISO 8601 week, which may belong to the neighbouring year), `2026-03` (month),
 * `2026-Q1` (quarter), `2026` (year). Labels sort in time order.
 *
 * @param at - the instant
 * @param period - the period kind
 * @param options - `utcOffsetMinutes` (default 0, UTC)
 * @returns the period label
 * @throws {CrmError} `INVALID_DATE` for an invalid date or one outside years 0001-9999;
 *   `INVALID_ARGUMENT` for an unknown period or a `utcOffsetMinutes` that is not an integer from -840 to 840
 *
 * @example
 * ```ts
 * import { periodKey } from 'crmkit/satisfaction';
 * const at = new Date('2026-03-31T18:00:00Z');
 * [periodKey(at, 'month'), periodKey(at, 'month', { utcOffsetMinutes: 480 })];
 * //=> ['2026-03', '2026-04']
 * periodKey(new Date('2027-01-01T00:00:00Z'), 'week');
 * //=> '2026-W53'
 * ```
 */
export function periodKey(at: Date, period: Period, options: PeriodOptions = {}): string {
  const offset = optionalFiniteInRange(options?.utcOffsetMinutes, 'utcOffsetMinutes', 0, -840, 840, true);
  const local = new Date(requireDate(at, 'answeredAt').getTime() + offset * 60_000);
  // Four digits, so labels of years before 1000 sort too (an offset may reach year 0 or 10000).
  const y = pad(local.getUTCFullYear(), 4);
  const m = local.getUTCMonth();
  switch (period) {
    case 'day':
      return `${y}-${pad(m + 1)}-${pad(local.getUTCDate())}`;
    case 'month':
      return `${y}-${pad(m + 1)}`;
    case 'quarter':
      return `${y}-Q${Math.floor(m / 3) + 1}`;
    case 'year':
      return String(y);
    case 'week': {
      // ISO 8601: the week belongs to the year of its Thursday.
      // Day arithmetic on epoch days: Date.UTC reads the years 0-99 as 1900-1999.
      const day = Math.floor(local.getTime() / 86_400_000) * 86_400_000;
      const weekday = (new Date(day).getUTCDay() + 6) % 7;
      const thursday = new Date(day + (3 - weekday) * 86_400_000);
      const isoYear = thursday.getUTCFullYear();
      const week = 1 + Math.floor((thursday.getTime() - new Date(day).setUTCFullYear(isoYear, 0, 1)) / (7 * 86_400_000));
      return `${pad(isoYear, 4)}-W${pad(week)}`;
    }
    default:
      assert(false, 'INVALID_ARGUMENT', { params: { field: 'period', rule: 'must be day, week, month, quarter or year' } });
  }
}
