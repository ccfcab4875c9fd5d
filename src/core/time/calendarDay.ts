// Calendar arithmetic the areas share (internal): Date rolls an impossible day over (2026-02-30
// becomes 2 March), so text dates are checked against the calendar before Date reads them.

/** Whether `year` is a leap year of the proleptic Gregorian calendar (internal). */
export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether year, month (1 to 12) and day name a day of the calendar, from year 1 on (internal). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (!(year >= 1 && month >= 1 && month <= 12 && day >= 1)) return false;
  return day <= (MONTH_DAYS[month - 1] as number) + (month === 2 && isLeapYear(year) ? 1 : 0);
}

/** Whether text starting `YYYY-MM-DD` (a format its caller has checked) names a day of the calendar (internal). */
export function startsWithCalendarDay(text: string): boolean {
  return isCalendarDay(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)));
}
