import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCalendarDay, isLeapYear, startsWithCalendarDay } from '../../../src/core/time/calendarDay';

// The second implementation: Date's own calendar. A day exists when Date, set to it, reads it back
// unchanged (setUTCFullYear, because Date.UTC maps years 0-99 to 1900-1999).
function byDate(year: number, month: number, day: number): boolean {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return year >= 1 && d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

describe('calendar days', () => {
  it('agrees with Date on every year, month and day it is asked about (property)', () => {
    fc.assert(fc.property(fc.integer({ min: -5, max: 10_000 }), fc.integer({ min: -1, max: 14 }), fc.integer({ min: -1, max: 33 }), (y, m, d) => {
      expect(isCalendarDay(y, m, d)).toBe(byDate(y, m, d));
    }), { numRuns: 5000 });
  });

  it('knows the leap years of the Gregorian calendar (worked cases)', () => {
    expect([1900, 2000, 2024, 2026, 1600, 4].map(isLeapYear)).toEqual([false, true, true, false, true, true]);
    expect(isCalendarDay(2000, 2, 29)).toBe(true);
    expect(isCalendarDay(1900, 2, 29)).toBe(false);
    expect(isCalendarDay(2026, 4, 31)).toBe(false);
    expect(isCalendarDay(0, 1, 1)).toBe(false);
  });

  it('reads the YYYY-MM-DD start of a text', () => {
    expect(startsWithCalendarDay('2024-02-29T10:00:00Z')).toBe(true);
    expect(startsWithCalendarDay('2026-02-30')).toBe(false);
  });
});
