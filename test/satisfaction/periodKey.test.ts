import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getISOWeek, getISOWeekYear } from 'date-fns';
import { periodKey } from 'crmkit/satisfaction';
import { expectThrowsCode } from './helpers';

describe('periodKey', () => {
  it('labels day, month, quarter and year in UTC by default', () => {
    const at = new Date('2026-08-15T12:00:00Z');
    expect(['day', 'month', 'quarter', 'year'].map((p) => periodKey(at, p as 'day'))).toEqual(['2026-08-15', '2026-08', '2026-Q3', '2026']);
  });

  it('uses the given offset for the calendar: 2026-12-31T20:00Z is already 2027 in China (+08:00)', () => {
    const at = new Date('2026-12-31T20:00:00Z');
    expect(periodKey(at, 'year')).toBe('2026');
    expect(periodKey(at, 'day', { utcOffsetMinutes: 480 })).toBe('2027-01-01');
    expect(periodKey(at, 'quarter', { utcOffsetMinutes: 480 })).toBe('2027-Q1');
  });

  it('ISO weeks: 2026-01-01 (a Thursday) is 2026-W01; 2027-01-03 (a Sunday) is still 2026-W53 (ISO 8601 calendar)', () => {
    expect(periodKey(new Date('2026-01-01T00:00:00Z'), 'week')).toBe('2026-W01');
    expect(periodKey(new Date('2027-01-03T00:00:00Z'), 'week')).toBe('2026-W53');
    expect(periodKey(new Date('2027-01-04T00:00:00Z'), 'week')).toBe('2027-W01');
  });

  it('property: ISO week labels agree with date-fns getISOWeek / getISOWeekYear (second implementation)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        // date-fns reads local time, so give it the same calendar day at local midnight
        const local = new Date(y, m, d);
        const expected = `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, '0')}`;
        expect(periodKey(new Date(Date.UTC(y, m, d, 12)), 'week')).toBe(expected);
      }),
    );
  });

  it('rejects invalid dates and unknown periods', () => {
    expectThrowsCode(() => periodKey(new Date('nope'), 'day'), 'INVALID_DATE');
    expectThrowsCode(() => periodKey(new Date('2026-01-01'), 'decade' as 'day'), 'INVALID_ARGUMENT');
  });
});
