import { assert } from '../../errors';
import { type LunarDate, observedLunarDay } from './lunarDate';

/**
 * The Gregorian dates (`YYYY-MM-DD`) in a Gregorian year on which a customer born on a lunar date
 * celebrates the lunar birthday (过农历生日): the same lunar month and day in each lunar year, by
 * these rules, the most common custom:
 *
 * - born in a leap month (闰月): celebrated in the regular month of that number every year (leap
 *   months recur only every few years);
 * - born on day 30 of a month that has 29 days in a given year: celebrated on its 29th, the last day
 *   of the month (the birthday never moves into the next month).
 *
 * A lunar year straddles two Gregorian years, so a Gregorian year can hold none, one or (for
 * birthdays late in the lunar year) two of them; dates are listed in order.
 *
 * @param birth - the lunar birth date (`year` is not used; `leap` and `day` as above)
 * @param year - the Gregorian year, 1901 to 2100
 * @returns the dates in that year
 * @throws {CrmError} `INVALID_ARGUMENT` for a month outside 1-12, a day outside 1-30 or a year
 *   outside 1901-2100
 *
 * @example
 * ```ts
 * import { lunarBirthdays } from 'crmkit/lifecycle';
 * // born on 八月十五: the birthday falls on 中秋 each year
 * lunarBirthdays({ year: 1990, month: 8, day: 15 }, 2025);
 * //=> ['2025-10-06']
 *
 * // born on 腊月三十 (12th month, day 30): in lunar 2024 the 12th month has 29 days
 * lunarBirthdays({ year: 1988, month: 12, day: 30 }, 2025);
 * //=> ['2025-01-28']
 * ```
 */
export function lunarBirthdays(birth: LunarDate, year: number): string[] {
  const month = birth?.month;
  const day = birth?.day;
  assert(Number.isInteger(month) && month >= 1 && month <= 12, 'INVALID_ARGUMENT', { params: { field: 'month', rule: 'must be 1 to 12' } });
  assert(Number.isInteger(day) && day >= 1 && day <= 30, 'INVALID_ARGUMENT', { params: { field: 'day', rule: 'must be 1 to 30' } });
  assert(Number.isInteger(year) && year >= 1901 && year <= 2100, 'INVALID_ARGUMENT', { params: { field: 'year', rule: 'must be 1901 to 2100' } });
  const out: string[] = [];
  for (const lunarYear of [year - 1, year]) {
    const on = observedLunarDay(lunarYear, month, day);
    if (on !== undefined && on.startsWith(`${year}-`)) out.push(on);
  }
  return out;
}
