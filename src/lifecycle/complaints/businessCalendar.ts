import { z } from 'zod';
import { CrmError, assert } from '../errors';
import { requireFiniteInRange } from '../../core/guards';
import { requireDate } from '../../core/time';
import { isTimeInRange } from '../../core/time/range';
import { lazySchema } from '../../core/zod/lazySchema';

const HHMM = /* @__PURE__ */ lazySchema(() => z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM'));
const Day = /* @__PURE__ */ lazySchema(() => z.iso.date());

/**
 * zod schema of a business calendar: the UTC offset of the business's clock (minutes, default
 * 480 = China Standard Time), working weekdays (ISO: 1 Monday … 7 Sunday; default Monday–Friday),
 * opening hours (`HH:MM`, end after start; default 09:00–18:00), `holidays` (local dates that are
 * closed) and `workingDays` (local dates that are open although they fall on a weekend, such as
 * China's 调休 make-up days).
 *
 * @example
 * ```ts
 * BusinessCalendarSchema.parse({ holidays: ['2026-10-01'] }).hours;
 * //=> { start: '09:00', end: '18:00' }
 * ```
 */
export const BusinessCalendarSchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    utcOffsetMinutes: z.number().int().min(-840).max(840).default(480),
    weekdays: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    hours: z.strictObject({ start: HHMM, end: HHMM }).default({ start: '09:00', end: '18:00' }),
    holidays: z.array(Day).default([]),
    workingDays: z.array(Day).default([]),
  })
  .refine((c) => c.hours.start < c.hours.end, { message: 'hours.end must be after hours.start', path: ['hours'] }));

/**
 * Input of a business calendar; see {@link BusinessCalendarSchema}.
 *
 * @example
 * ```ts
 * const cal: BusinessCalendar = { utcOffsetMinutes: 480, weekdays: [1, 2, 3, 4, 5], hours: { start: '09:00', end: '18:00' } };
 * ```
 */
export type BusinessCalendar = z.input<typeof BusinessCalendarSchema>;

const DAY = 86_400_000;
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** A parsed calendar with sets for fast lookups. */
interface ParsedCalendar {
  readonly offset: number;
  readonly weekdays: ReadonlySet<number>;
  readonly open: number;
  readonly close: number;
  readonly holidays: ReadonlySet<string>;
  readonly workingDays: ReadonlySet<string>;
}

/**
 * Parses a business calendar with {@link BusinessCalendarSchema}, defaults filled in.
 *
 * @throws {CrmError} `INVALID_ARGUMENT` naming the first bad field
 * @internal
 */
export function requireCalendar(calendar: unknown): z.output<typeof BusinessCalendarSchema> {
  const parsed = BusinessCalendarSchema.safeParse(calendar);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CrmError('INVALID_ARGUMENT', { params: { field: `calendar.${issue?.path.join('.') ?? ''}`, rule: issue?.message ?? 'invalid' } });
  }
  return parsed.data;
}

function parseCalendar(calendar: BusinessCalendar): ParsedCalendar {
  const c = requireCalendar(calendar);
  return {
    offset: c.utcOffsetMinutes * 60_000,
    weekdays: new Set(c.weekdays),
    open: minutesOf(c.hours.start) * 60_000,
    close: minutesOf(c.hours.end) * 60_000,
    holidays: new Set(c.holidays),
    workingDays: new Set(c.workingDays),
  };
}

function isOpenDay(c: ParsedCalendar, localDayStart: number): boolean {
  const d = new Date(localDayStart);
  const iso = d.toISOString().slice(0, 10);
  if (c.workingDays.has(iso)) return true;
  if (c.holidays.has(iso)) return false;
  const wd = d.getUTCDay();
  return c.weekdays.has(wd === 0 ? 7 : wd);
}

/**
 * The most business minutes {@link addBusinessMinutes} adds: ten years of minutes (5,256,000), which
 * bounds its day-by-day walk.
 *
 * @example
 * ```ts
 * import { MAX_BUSINESS_MINUTES } from 'crmkit/lifecycle';
 * MAX_BUSINESS_MINUTES;
 * //=> 5256000
 * ```
 */
export const MAX_BUSINESS_MINUTES = 5_256_000;

/**
 * The instant `minutes` of business time after `start`: only time inside opening hours on open
 * days counts. A start outside hours begins at the next opening; zero minutes from outside hours
 * gives that opening.
 *
 * @param start - when the clock starts
 * @param minutes - business minutes to add, from 0 to {@link MAX_BUSINESS_MINUTES} (ten years of minutes)
 * @param calendar - the {@link BusinessCalendar}
 * @returns the deadline
 * @throws {CrmError} `INVALID_DATE` for a bad `start` (years 0001-9999); `INVALID_ARGUMENT` for
 *   minutes outside 0..{@link MAX_BUSINESS_MINUTES}, a bad calendar, a calendar with no open day
 *   within ten years, or a deadline after the year 9999
 *
 * @example
 * ```ts
 * // Friday 17:00 Beijing time + 2 business hours (09:00–18:00, Mon–Fri) = Monday 10:00.
 * addBusinessMinutes(new Date('2026-03-06T17:00:00+08:00'), 120, {}).toISOString();
 * //=> '2026-03-09T02:00:00.000Z'
 * ```
 */
export function addBusinessMinutes(start: Date, minutes: number, calendar: BusinessCalendar): Date {
  const from = requireDate(start, 'start').getTime();
  requireFiniteInRange(minutes, 'minutes', 0, MAX_BUSINESS_MINUTES);
  const c = parseCalendar(calendar);
  let t = from + c.offset;
  let remaining = minutes * 60_000;
  // Ten years of days, plus room for very long targets (at worst one open day a week).
  const maxDays = 3660 + Math.ceil(remaining / DAY) * 7;
  for (let day = 0; day < maxDays; day++) {
    const dayStart = Math.floor(t / DAY) * DAY;
    if (isOpenDay(c, dayStart)) {
      const open = dayStart + c.open;
      const close = dayStart + c.close;
      if (t < open) t = open;
      if (t < close) {
        const available = close - t;
        if (remaining <= available) {
          const deadline = t + remaining - c.offset;
          assert(isTimeInRange(deadline), 'INVALID_ARGUMENT', { params: { field: 'minutes', rule: 'the result would fall after the year 9999' } });
          return new Date(deadline);
        }
        remaining -= available;
      }
    }
    t = dayStart + DAY;
  }
  throw new CrmError('INVALID_ARGUMENT', { params: { field: 'calendar', rule: 'has no open business time within ten years' } });
}

/**
 * The business minutes between two instants: time inside opening hours on open days in
 * `[from, to)` (0 when `to` is not after `from`). The inverse of {@link addBusinessMinutes}:
 * `addBusinessMinutes(from, businessMinutesBetween(from, to, c), c)` is `to` when `to` is inside
 * business time.
 *
 * @param from - the start
 * @param to - the end
 * @param calendar - the {@link BusinessCalendar}
 * @returns whole and fractional business minutes
 * @throws {CrmError} `INVALID_DATE`; `INVALID_ARGUMENT` for a bad calendar or a span over 100 years
 *
 * @example
 * ```ts
 * // Friday 17:00 to Monday 10:00 Beijing time (09:00–18:00, Mon–Fri): 60 + 60 minutes.
 * businessMinutesBetween(new Date('2026-03-06T17:00:00+08:00'), new Date('2026-03-09T10:00:00+08:00'), {});
 * //=> 120
 * ```
 */
export function businessMinutesBetween(from: Date, to: Date, calendar: BusinessCalendar): number {
  const a = requireDate(from, 'from').getTime();
  const b = requireDate(to, 'to').getTime();
  const c = parseCalendar(calendar);
  if (b <= a) return 0;
  if (b - a > 36_525 * DAY) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'to', rule: 'is more than 100 years after from' } });
  let total = 0;
  const end = b + c.offset;
  for (let t = a + c.offset; t < end; ) {
    const dayStart = Math.floor(t / DAY) * DAY;
    if (isOpenDay(c, dayStart)) {
      const lo = Math.max(t, dayStart + c.open);
      const hi = Math.min(end, dayStart + c.close);
      if (hi > lo) total += hi - lo;
    }
    t = dayStart + DAY;
  }
  return total / 60_000;
}
