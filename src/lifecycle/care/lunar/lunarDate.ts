import { assert, CrmError } from '../../errors';
import { LUNAR_FIRST_YEAR, LUNAR_YEARS } from './lunarTable';

/**
 * A date in the Chinese lunar calendar (农历): the lunar year (the Gregorian year its new year falls
 * in), the month 1-12, the day 1-30, and whether the month is the leap month (闰月) of that number.
 *
 * @example
 * ```ts
 * const midAutumn2025: LunarDate = { year: 2025, month: 8, day: 15 };
 * ```
 */
export interface LunarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** The leap month of that number (闰月); default false. */
  readonly leap?: boolean;
}

const DAY = 86_400_000;

/** The unpacked row of one lunar year. */
export interface LunarYearRow {
  /** UTC midnight of lunar new year. */
  readonly newYear: number;
  readonly leap: number;
  /** Month lengths in year order (13 with a leap month). */
  readonly lengths: readonly number[];
}

/** The row of a lunar year in the table, or undefined outside 1900-2100. */
export function lunarYearRow(year: number): LunarYearRow | undefined {
  const packed = LUNAR_YEARS[year - LUNAR_FIRST_YEAR];
  if (packed === undefined || !Number.isInteger(year)) return undefined;
  const leap = (packed >> 13) & 0xf;
  const lengths: number[] = [];
  for (let i = 0; i < (leap === 0 ? 12 : 13); i++) lengths.push((packed >> i) & 1 ? 30 : 29);
  return { newYear: Date.UTC(year, 0, 1) + (packed >> 17) * DAY, leap, lengths };
}

/** Index in year order of month `month` (leap or not) given the year's leap month. */
export function monthIndex(month: number, leapMonth: number, leap: boolean): number {
  return month - 1 + (leapMonth !== 0 && (month > leapMonth || (leap && month === leapMonth)) ? 1 : 0);
}

const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/**
 * The Gregorian date (`YYYY-MM-DD`) of a lunar date, from a table generated from tyme4ts for lunar
 * years 1900-2100 (scripts/generate-lunar-table.mjs).
 *
 * @param date - the lunar date; `leap: true` for the leap month (闰月) of that number
 * @returns the Gregorian calendar date
 * @throws {CrmError} `INVALID_ARGUMENT` for a year outside 1900-2100, a month outside 1-12, a leap
 *   month the year does not have, or a day the month does not have (day 30 of a 29-day month)
 *
 * @example
 * ```ts
 * import { lunarToGregorian } from 'crmkit/lifecycle';
 * lunarToGregorian({ year: 2024, month: 1, day: 1 });
 * //=> '2024-02-10'
 * lunarToGregorian({ year: 2025, month: 8, day: 15 });
 * //=> '2025-10-06'
 * lunarToGregorian({ year: 2023, month: 2, day: 1, leap: true });
 * //=> '2023-03-22'
 * ```
 */
export function lunarToGregorian(date: LunarDate): string {
  const row = lunarYearRow(date?.year);
  assert(row !== undefined, 'INVALID_ARGUMENT', { params: { field: 'year', rule: 'must be a lunar year from 1900 to 2100' } });
  const { month, day } = date;
  assert(Number.isInteger(month) && month >= 1 && month <= 12, 'INVALID_ARGUMENT', { params: { field: 'month', rule: 'must be 1 to 12' } });
  const leap = date.leap === true;
  assert(!leap || row.leap === month, 'INVALID_ARGUMENT', { params: { field: 'leap', rule: 'the year has no leap month of that number' } });
  const index = monthIndex(month, row.leap, leap);
  const length = row.lengths[index] as number;
  assert(Number.isInteger(day) && day >= 1 && day <= length, 'INVALID_ARGUMENT', { params: { field: 'day', rule: 'not a day of that lunar month' } });
  let ms = row.newYear;
  for (let i = 0; i < index; i++) ms += (row.lengths[i] as number) * DAY;
  return isoDay(ms + (day - 1) * DAY);
}

/**
 * The lunar date of a Gregorian date (`YYYY-MM-DD`), from 1900-01-31 (lunar 1900-01-01) to the
 * last day of lunar year 2100 (2101-01-28).
 *
 * @param day - the Gregorian calendar date, `YYYY-MM-DD`
 * @returns the lunar date (`leap` present only when true)
 * @throws {CrmError} `INVALID_ARGUMENT` for a malformed date or one outside the table
 *
 * @example
 * ```ts
 * import { gregorianToLunar } from 'crmkit/lifecycle';
 * gregorianToLunar('2026-02-17');
 * //=> { year: 2026, month: 1, day: 1 }
 * gregorianToLunar('2023-04-19');
 * //=> { year: 2023, month: 2, day: 29, leap: true }
 * ```
 */
export function gregorianToLunar(day: string): LunarDate {
  const ms = typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  assert(ms === ms && isoDay(ms) === day, 'INVALID_ARGUMENT', { params: { field: 'day', rule: 'must be a YYYY-MM-DD date' } });
  let year = Number(day.slice(0, 4));
  let row = lunarYearRow(year);
  if (row === undefined || ms < row.newYear) row = lunarYearRow(--year);
  if (row === undefined) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'day', rule: 'must be from 1900-01-31 to 2101-01-28' } });
  let offset = (ms - row.newYear) / DAY;
  for (let i = 0; i < row.lengths.length; i++) {
    const length = row.lengths[i] as number;
    if (offset < length) {
      const leap = row.leap !== 0 && i === row.leap;
      const month = row.leap !== 0 && i >= row.leap ? i : i + 1;
      return { year, month, day: offset + 1, ...(leap && { leap: true }) };
    }
    offset -= length;
  }
  throw new CrmError('INVALID_ARGUMENT', { params: { field: 'day', rule: 'must be from 1900-01-31 to 2101-01-28' } });
}

/**
 * The observed Gregorian date of lunar `month`/`day` (regular month) in a lunar year, or undefined
 * outside the table: day 30 of a month that has 29 days that year is its last day, the 29th.
 */
export function observedLunarDay(year: number, month: number, day: number): string | undefined {
  const row = lunarYearRow(year);
  if (row === undefined) return undefined;
  const index = monthIndex(month, row.leap, false);
  let ms = row.newYear;
  for (let i = 0; i < index; i++) ms += (row.lengths[i] as number) * DAY;
  return isoDay(ms + (Math.min(day, row.lengths[index] as number) - 1) * DAY);
}
