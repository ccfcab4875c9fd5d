import { MS_PER_DAY } from '../core/time/index';

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
 * Months since January 1970 of the UTC day `days` after the epoch, by Hinnant's civil-from-days
 * (https://howardhinnant.github.io/date_algorithms.html#civil_from_days): integer arithmetic,
 * no Date per row.
 */
function monthOfDay(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month0 = mp < 10 ? mp + 2 : mp - 10;
  const year = yoe + era * 400 + (mp < 10 ? 0 : 1);
  return (year - 1970) * 12 + month0;
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
