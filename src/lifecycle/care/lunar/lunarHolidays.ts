import type { CareHoliday } from '../careTasks';

/**
 * The traditional lunar festivals as {@link CareHoliday}s for `careTasks`: 春节 (`spring_festival`,
 * 1st month 1st day), 元宵 (`lantern`, 1/15), 端午 (`dragon_boat`, 5/5), 七夕 (`qixi`, 7/7), 中秋
 * (`mid_autumn`, 8/15) and 重阳 (`double_ninth`, 9/9). Add `{ id: 'new_years_eve', lunar: { month: 12,
 * day: 30 } }` for 除夕 (the last day of the year: the 29th when the 12th month is short). Returns a
 * fresh copy each call.
 *
 * @returns the six festivals
 *
 * @example
 * ```ts
 * import { lunarHolidays } from 'crmkit/lifecycle';
 * lunarHolidays().map((h) => h.id);
 * //=> ['spring_festival', 'lantern', 'dragon_boat', 'qixi', 'mid_autumn', 'double_ninth']
 * ```
 */
export function lunarHolidays(): CareHoliday[] {
  return [
    { id: 'spring_festival', lunar: { month: 1, day: 1 } },
    { id: 'lantern', lunar: { month: 1, day: 15 } },
    { id: 'dragon_boat', lunar: { month: 5, day: 5 } },
    { id: 'qixi', lunar: { month: 7, day: 7 } },
    { id: 'mid_autumn', lunar: { month: 8, day: 15 } },
    { id: 'double_ninth', lunar: { month: 9, day: 9 } },
  ];
}
