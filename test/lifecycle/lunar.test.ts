import { describe, expect, it } from 'vitest';
import { LunarDay, LunarYear, SolarDay } from 'tyme4ts';
import { careTasks, gregorianToLunar, lunarBirthdays, lunarHolidays, lunarToGregorian, type LunarDate } from 'crmkit/lifecycle';
import { throwsCode } from './helpers';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

describe('lunar calendar: differential against tyme4ts (the library the table was generated from), 1900-2100', () => {
  it('every Gregorian day from 1900-01-31 to 2101-01-28 converts to the lunar date tyme4ts gives', () => {
    const start = Date.UTC(1900, 0, 31);
    const end = Date.UTC(2101, 0, 28);
    let checked = 0;
    // every day would be 73,400 tyme4ts calls; every 7th day plus every first of a Gregorian month
    // visits every lunar month and both sides of every month boundary over the years
    for (let t = start; t <= end; t += DAY) {
      const d = new Date(t);
      if ((t - start) % (7 * DAY) !== 0 && d.getUTCDate() !== 1) continue;
      const lunar = SolarDay.fromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()).getLunarDay();
      const month = lunar.getLunarMonth();
      const expected: LunarDate = { year: month.getYear(), month: Math.abs(month.getMonthWithLeap()), day: lunar.getDay(), ...(month.isLeap() && { leap: true }) };
      expect(gregorianToLunar(iso(t))).toEqual(expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(12_000);
  });

  it('the first and last day of every lunar month 1900-2100 converts to the Gregorian date tyme4ts gives', () => {
    for (let year = 1900; year <= 2100; year++) {
      for (const m of LunarYear.fromYear(year).getMonths()) {
        const month = Math.abs(m.getMonthWithLeap());
        const leap = m.isLeap();
        for (const day of [1, m.getDayCount()]) {
          const s = LunarDay.fromYmd(year, m.getMonthWithLeap(), day).getSolarDay();
          const expected = `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`;
          expect(lunarToGregorian({ year, month, day, leap })).toBe(expected);
          expect(gregorianToLunar(expected)).toEqual({ year, month, day, ...(leap && { leap: true }) });
        }
      }
    }
  });
});

describe('lunar calendar: dates that can be cited', () => {
  it('春节 2024-02-10, 2025-01-29, 2026-02-17; 中秋 2024-09-17, 2025-10-06', () => {
    // Spring Festival and Mid-Autumn dates as in the State Council holiday notices for 2024-2026
    // (春节 is the day the holiday is named for; 中秋 2025 fell inside the 1-8 October holiday).
    expect([2024, 2025, 2026].map((year) => lunarToGregorian({ year, month: 1, day: 1 }))).toEqual(['2024-02-10', '2025-01-29', '2026-02-17']);
    expect([2024, 2025].map((year) => lunarToGregorian({ year, month: 8, day: 15 }))).toEqual(['2024-09-17', '2025-10-06']);
    expect(gregorianToLunar('2024-02-10')).toEqual({ year: 2024, month: 1, day: 1 });
    // 2023 had a leap second month (闰二月), 22 March to 19 April 2023
    expect(gregorianToLunar('2023-03-22')).toEqual({ year: 2023, month: 2, day: 1, leap: true });
  });

  it('refuses dates outside the table or the month', () => {
    throwsCode(() => lunarToGregorian({ year: 1899, month: 1, day: 1 }), 'INVALID_ARGUMENT');
    throwsCode(() => lunarToGregorian({ year: 2101, month: 1, day: 1 }), 'INVALID_ARGUMENT');
    throwsCode(() => lunarToGregorian({ year: 2024, month: 2, day: 1, leap: true }), 'INVALID_ARGUMENT');
    throwsCode(() => lunarToGregorian({ year: 2024, month: 13, day: 1 }), 'INVALID_ARGUMENT');
    // lunar 2024's 12th month has 29 days (除夕 2025 was 28 January, 春节 the 29th)
    throwsCode(() => lunarToGregorian({ year: 2024, month: 12, day: 30 }), 'INVALID_ARGUMENT');
    throwsCode(() => gregorianToLunar('1900-01-30'), 'INVALID_ARGUMENT');
    throwsCode(() => gregorianToLunar('2101-01-29'), 'INVALID_ARGUMENT');
    throwsCode(() => gregorianToLunar('2024-02-30'), 'INVALID_ARGUMENT');
  });
});

describe('lunar birthdays (rules hand-applied)', () => {
  it('born in a leap month: the regular month of that number', () => {
    // born 闰二月初十 2023; in 2025 (no leap 2nd month) and 2026: 二月初十
    const birth = { year: 2023, month: 2, day: 10, leap: true };
    expect(lunarBirthdays(birth, 2025)).toEqual([lunarToGregorian({ year: 2025, month: 2, day: 10 })]);
    expect(lunarBirthdays(birth, 2026)).toEqual([lunarToGregorian({ year: 2026, month: 2, day: 10 })]);
  });

  it('day 30 of a short month is its 29th; a late-year birthday can fall twice or never in a Gregorian year', () => {
    // 腊月三十: lunar 2024's 12th month has 29 days → 2025-01-28 (除夕, the day before 春节 2025-01-29)
    expect(lunarBirthdays({ year: 1988, month: 12, day: 30 }, 2025)).toEqual(['2025-01-28']);
    // 十一月廿五: lunar 2024's falls on 2024-12-25 and lunar 2025's on 2026-01-13 (tyme4ts), so
    // Gregorian 2025 holds none of them
    expect(lunarToGregorian({ year: 2024, month: 11, day: 25 })).toBe('2024-12-25');
    expect(lunarBirthdays({ year: 1990, month: 11, day: 25 }, 2025)).toEqual([]);
    throwsCode(() => lunarBirthdays({ year: 1990, month: 11, day: 31 }, 2025), 'INVALID_ARGUMENT');
    throwsCode(() => lunarBirthdays({ year: 1990, month: 11, day: 1 }, 2101), 'INVALID_ARGUMENT');
  });
});

describe('careTasks with lunar holidays and lunar birthdays', () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  const customer = { id: 'c-1', kind: 'person' as const, person: { birthDate: d('1990-10-03') }, createdAt: d('2030-01-01'), consent: { wechat: { granted: true, updatedAt: d('2024-01-01') } } };

  it('plans the six festivals on their 2026 dates', () => {
    const { tasks } = careTasks([customer], { from: '2026-01-01', to: '2026-12-31', holidays: lunarHolidays(), birthdays: false });
    // each date from the table; 春节 2026-02-17 is cited above, the rest are lunarToGregorian of 1/15, 5/5, 7/7, 8/15, 9/9
    const expected = [
      ['spring_festival', '2026-02-17'],
      ['lantern', lunarToGregorian({ year: 2026, month: 1, day: 15 })],
      ['dragon_boat', lunarToGregorian({ year: 2026, month: 5, day: 5 })],
      ['qixi', lunarToGregorian({ year: 2026, month: 7, day: 7 })],
      ['mid_autumn', lunarToGregorian({ year: 2026, month: 8, day: 15 })],
      ['double_ninth', lunarToGregorian({ year: 2026, month: 9, day: 9 })],
    ];
    expect(tasks.map((t) => [t.holidayId, t.on])).toEqual(expected);
    // 中秋 2026 fell in the State Council's 25-27 September holiday; 端午 in 19-21 June
    expect(expected[4]?.[1]).toBe('2026-09-25');
    expect(expected[2]?.[1]).toBe('2026-06-19');
  });

  it('a customer born 1990-10-03 (lunar 八月十五 1990) celebrates the lunar birthday on 中秋', () => {
    expect(gregorianToLunar('1990-10-03')).toEqual({ year: 1990, month: 8, day: 15 });
    const lunar = careTasks([customer], { from: '2025-01-01', to: '2026-12-31', lunarBirthday: () => true, anniversaries: false });
    expect(lunar.tasks.map((t) => `${t.kind} ${t.on}`)).toEqual(['birthday 2025-10-06', 'birthday 2026-09-25']);
    const solar = careTasks([customer], { from: '2025-01-01', to: '2026-12-31', anniversaries: false });
    expect(solar.tasks.map((t) => t.on)).toEqual(['2025-10-03', '2026-10-03']);
  });
});
