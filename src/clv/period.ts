import { MS_PER_DAY } from '../core/time/index';
import { civilMonthOfDay } from '../core/time/civilMonth';

/**
 * The period transactions are counted in: calendar days, weeks starting Monday, or calendar
 * months, all in UTC.
 *
 * @example
 * ```ts
 * const p: SummaryPeriod = 'week';
 * ```
 */
export type SummaryPeriod = 'day' | 'week' | 'month';

const DAY_OFFSET_TO_MONDAY = 3; // 1970-01-01 was a Thursday

/**
 * Months since January 1970 of the UTC day `days` after the epoch (see `civilMonthOfDay`).
 */
function monthOfDay(days: number): number {
  return civilMonthOfDay(days) - 1970 * 12;
}

/** The period number of an instant in epoch ms: days, Monday weeks or months since 1970 in UTC (internal). */
export function periodOfMs(ms: number, period: SummaryPeriod): number {
  const day = Math.floor(ms / MS_PER_DAY);
  if (period === 'day') return day;
  return period === 'week' ? Math.floor((day + DAY_OFFSET_TO_MONDAY) / 7) : monthOfDay(day);
}

/** The period number of a Date (internal). */
export function periodIndex(d: Date, period: SummaryPeriod): number {
  return periodOfMs(d.getTime(), period);
}
