import { assert } from '../errors';
import { type BusinessCalendar, requireCalendar } from './businessCalendar';

/**
 * One year of public holidays for a business calendar: the closed dates (`holidays`), the weekend
 * dates worked instead (`workingDays`, 调休上班) and where the data comes from.
 *
 * @example
 * ```ts
 * const y: PublicHolidayYear = { holidays: ['2027-01-01'], workingDays: [], source: 'my notice' };
 * ```
 */
export interface PublicHolidayYear {
  readonly holidays: readonly string[];
  readonly workingDays: readonly string[];
  readonly source: string;
}

const DAY = 86_400_000;
/** Every date from `from` to `to` inclusive, `YYYY-MM-DD`. */
const span = (from: string, to: string = from): string[] => {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += DAY) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
};

/**
 * Mainland China's statutory holidays with their make-up working days (法定节假日与调休), 2024-2026,
 * as published each year by the General Office of the State Council (国务院办公厅关于部分节假日
 * 安排的通知): 2024 国办发明电〔2023〕7号 (25 October 2023), 2025 国办发明电〔2024〕12号 (12 November
 * 2024), 2026 国办发明电〔2025〕7号 (4 November 2025). Holidays that only join a weekend list the
 * weekday off. The data is replaceable: add next year's notice (or your region's or company's days)
 * as another key and pass the result to {@link withPublicHolidays}. Returns a fresh copy each call.
 *
 * @returns the years, keyed by Gregorian year
 *
 * @example
 * ```ts
 * import { cnPublicHolidays } from 'crmkit/lifecycle';
 * const y2026 = cnPublicHolidays()[2026];
 * [y2026.holidays.length, y2026.workingDays];
 * //=> [33, ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']]
 * ```
 */
export function cnPublicHolidays(): Record<number, PublicHolidayYear> {
  return {
    2024: {
      holidays: [
        ...span('2024-01-01'),
        ...span('2024-02-10', '2024-02-17'),
        ...span('2024-04-04', '2024-04-06'),
        ...span('2024-05-01', '2024-05-05'),
        ...span('2024-06-10'),
        ...span('2024-09-15', '2024-09-17'),
        ...span('2024-10-01', '2024-10-07'),
      ],
      workingDays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
      source: '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25)',
    },
    2025: {
      holidays: [
        ...span('2025-01-01'),
        ...span('2025-01-28', '2025-02-04'),
        ...span('2025-04-04', '2025-04-06'),
        ...span('2025-05-01', '2025-05-05'),
        ...span('2025-05-31', '2025-06-02'),
        ...span('2025-10-01', '2025-10-08'),
      ],
      workingDays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
      source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12), https://www.gov.cn/zhengce/content/202411/content_6986382.htm',
    },
    2026: {
      holidays: [
        ...span('2026-01-01', '2026-01-03'),
        ...span('2026-02-15', '2026-02-23'),
        ...span('2026-04-04', '2026-04-06'),
        ...span('2026-05-01', '2026-05-05'),
        ...span('2026-06-19', '2026-06-21'),
        ...span('2026-09-25', '2026-09-27'),
        ...span('2026-10-01', '2026-10-07'),
      ],
      workingDays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
      source: '国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号, 2025-11-04), https://www.gov.cn/zhengce/content/202511/content_7047090.htm',
    },
  };
}

/**
 * A business calendar with public holidays and make-up working days added: every year of `years`
 * (default {@link cnPublicHolidays}) joins the calendar's own `holidays` and `workingDays` (its own
 * entries are kept; a date in both lists is a working day, as `addBusinessMinutes` reads them).
 *
 * @param calendar - the base {@link BusinessCalendar} (hours, weekdays, offset)
 * @param years - the holiday data per year; default mainland China 2024-2026
 * @returns a new calendar
 * @throws {CrmError} `INVALID_ARGUMENT` when `calendar` is not a valid {@link BusinessCalendar}
 *   (checked with {@link BusinessCalendarSchema}) or `years` is not an object of years with
 *   `YYYY-MM-DD` days
 *
 * @example
 * ```ts
 * import { addBusinessMinutes, withPublicHolidays } from 'crmkit/lifecycle';
 * const calendar = withPublicHolidays({ hours: { start: '09:00', end: '18:00' } });
 * // Wednesday 30 September 2026 17:00 + 2 business hours: 17:00-18:00, then 1-7 October are off
 * addBusinessMinutes(new Date('2026-09-30T17:00:00+08:00'), 120, calendar).toISOString();
 * //=> '2026-10-08T02:00:00.000Z'
 * ```
 */
export function withPublicHolidays(calendar: BusinessCalendar, years: Readonly<Record<number, PublicHolidayYear>> = cnPublicHolidays()): BusinessCalendar {
  assert(typeof years === 'object' && years !== null, 'INVALID_ARGUMENT', { params: { field: 'years', rule: 'must be an object of years' } });
  requireCalendar(calendar);
  const holidays = new Set(calendar.holidays ?? []);
  const workingDays = new Set(calendar.workingDays ?? []);
  for (const year of Object.values(years)) {
    assert(Array.isArray(year?.holidays) && Array.isArray(year.workingDays), 'INVALID_ARGUMENT', { params: { field: 'years', rule: 'must be an object of years' } });
    for (const d of year.holidays) holidays.add(d);
    for (const d of year.workingDays) workingDays.add(d);
  }
  // Copies of the caller's lists and hours: the new calendar shares nothing with the old one.
  const out: BusinessCalendar = {
    ...calendar,
    ...(calendar.weekdays !== undefined && { weekdays: [...calendar.weekdays] }),
    ...(calendar.hours !== undefined && { hours: { ...calendar.hours } }),
    holidays: [...holidays].sort(),
    workingDays: [...workingDays].sort(),
  };
  requireCalendar(out);
  return out;
}
