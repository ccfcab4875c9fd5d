import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, cnPublicHolidays, withPublicHolidays } from 'crmkit/lifecycle';
import { d, throwsCode } from './helpers';

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 Sunday … 6 Saturday

describe('mainland statutory holidays 2024-2026 (checked against the State Council notices)', () => {
  const data = cnPublicHolidays();

  it('has the day counts the notices state', () => {
    // 2024: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 1 (joins the weekend) + 中秋 3 + 国庆 7
    expect(data[2024]?.holidays).toHaveLength(1 + 8 + 3 + 5 + 1 + 3 + 7);
    // 2025: 元旦 1 + 春节 8 + 清明 3 + 劳动节 5 + 端午 3 + 国庆·中秋 8
    expect(data[2025]?.holidays).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    // 2026: 元旦 3 + 春节 9 + 清明 3 + 劳动节 5 + 端午 3 + 中秋 3 + 国庆 7
    expect(data[2026]?.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
  });

  it('make-up working days fall on the weekdays the notices name (周六 or 周日)', () => {
    // 2024: 2月4日(日) 2月18日(日) 4月7日(日) 4月28日(日) 5月11日(六) 9月14日(六) 9月29日(日) 10月12日(六)
    expect(data[2024]?.workingDays.map(weekday)).toEqual([0, 0, 0, 0, 6, 6, 0, 6]);
    // 2025: 1月26日(周日) 2月8日(周六) 4月27日(周日) 9月28日(周日) 10月11日(周六)
    expect(data[2025]?.workingDays.map(weekday)).toEqual([0, 6, 0, 0, 6]);
    // 2026: 1月4日(周日) 2月14日(周六) 2月28日(周六) 5月9日(周六) 9月20日(周日) 10月10日(周六)
    expect(data[2026]?.workingDays.map(weekday)).toEqual([0, 6, 6, 6, 0, 6]);
    // 春节 2026: 2月15日(腊月二十八、周日) to 23日(正月初七、周一)
    expect([weekday('2026-02-15'), weekday('2026-02-23')]).toEqual([0, 1]);
  });

  it('returns fresh data each call', () => {
    (cnPublicHolidays()[2026]?.holidays as string[]).push('2026-12-25');
    expect(cnPublicHolidays()[2026]?.holidays).not.toContain('2026-12-25');
  });
});

describe('withPublicHolidays in the SLA business calendar (hand-computed)', () => {
  it('skips 春节 2026 and works the make-up Saturday', () => {
    const calendar = withPublicHolidays({});
    // Fri 13 Feb 2026 17:00 + 120 business minutes: 17:00–18:00 (60); Sat 14 Feb is a make-up working
    // day: 09:00 + 60 = 10:00 (without the data it would be Mon 16 Feb 10:00, itself a holiday)
    expect(addBusinessMinutes(d('2026-02-13T17:00:00+08:00'), 120, calendar)).toEqual(d('2026-02-14T10:00:00+08:00'));
    // Sat 14 Feb 17:00 + 120: 60 that day, then 15-23 Feb off (9 days): Tue 24 Feb 10:00
    expect(addBusinessMinutes(d('2026-02-14T17:00:00+08:00'), 120, calendar)).toEqual(d('2026-02-24T10:00:00+08:00'));
  });

  it('keeps the calendar’s own days and takes replacement data per year', () => {
    const own = withPublicHolidays({ holidays: ['2026-12-24'] }, { 2027: { holidays: ['2027-01-01'], workingDays: [], source: 'test' } });
    expect(own.holidays).toEqual(['2026-12-24', '2027-01-01']);
    expect(own.workingDays).toEqual([]);
    throwsCode(() => withPublicHolidays({}, null as never), 'INVALID_ARGUMENT');
    throwsCode(() => withPublicHolidays({}, { 2027: { holidays: 'x' } } as never), 'INVALID_ARGUMENT');
  });
});
