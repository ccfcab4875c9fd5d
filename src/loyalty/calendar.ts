/**
 * Calendar arithmetic in a programme's fixed UTC offset (China Standard Time is +480 minutes and has
 * no daylight saving). Internal: instants in, instants out.
 */
const MINUTE = 60_000;

/** Year, month (0-11) and day of an instant in the zone. */
export function localParts(ms: number, offsetMinutes: number): { year: number; month: number; day: number } {
  const d = new Date(ms + offsetMinutes * MINUTE);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate() };
}

/** The instant of local midnight on the given local date (month may overflow, as Date.UTC allows). */
export function localMidnight(year: number, month: number, day: number, offsetMinutes: number): number {
  return Date.UTC(year, month, day) - offsetMinutes * MINUTE;
}

/** `ms` plus whole calendar months in the zone, clamped to the month's last day (as date-fns addMonths). */
export function addLocalMonths(ms: number, months: number, offsetMinutes: number): number {
  const d = new Date(ms + offsetMinutes * MINUTE);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.getTime() - offsetMinutes * MINUTE;
}

/** The start (local midnight) of the day, month or year containing `ms`. */
export function startOfLocalPeriod(ms: number, period: 'day' | 'month' | 'year', offsetMinutes: number): number {
  const { year, month, day } = localParts(ms, offsetMinutes);
  if (period === 'year') return localMidnight(year, 0, 1, offsetMinutes);
  if (period === 'month') return localMidnight(year, month, 1, offsetMinutes);
  return localMidnight(year, month, day, offsetMinutes);
}
