import { z } from 'zod';
import { assert, CrmError } from '../errors';
import { isValidDate } from '../../core/time';
import { isCalendarDay, isLeapYear } from '../../core/time/calendarDay';
import type { ConsentChannel, Customer } from '../../customer/customer';
import { gregorianToLunar, observedLunarDay } from './lunar/lunarDate';
import { lunarBirthdays } from './lunar/lunarBirthdays';
import { type OutreachConsent, channelConsent } from '../../privacy/consent/outreachConsent';
import { lazySchema } from '../../core/zod/lazySchema';

/**
 * zod schema of a care holiday: every year on `month`/`day` (Gregorian), every lunar year on
 * `lunar.month`/`lunar.day` (农历, such as 中秋 on 8/15; day 30 falls on the 29th when the month is
 * short; see `lunarHolidays`), or on the listed `dates` only.
 *
 * @example
 * ```ts
 * CareHolidaySchema.parse({ id: 'mid_autumn', dates: ['2026-09-25'] }).id;
 * //=> 'mid_autumn'
 * ```
 */
export const CareHolidaySchema = /* @__PURE__ */ lazySchema(() => z.union([
  z.strictObject({ id: z.string().min(1).max(64), month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }),
  z.strictObject({ id: z.string().min(1).max(64), dates: z.array(z.iso.date()).min(1) }),
  z.strictObject({ id: z.string().min(1).max(64), lunar: z.strictObject({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(30) }) }),
]));

/**
 * A care holiday; see {@link CareHolidaySchema}.
 *
 * @example
 * ```ts
 * const newYear: CareHoliday = { id: 'new_year', month: 1, day: 1 };
 * ```
 */
export type CareHoliday = z.infer<typeof CareHolidaySchema>;

/**
 * One dated care task (客户关怀): a birthday, a membership anniversary (`years` since joining) or a
 * holiday greeting, on a calendar date, with the channel to use and the customer's owner.
 *
 * @example
 * ```ts
 * const t: CareTask = { customerId: 'c-1', kind: 'birthday', on: '2026-05-04', channel: 'wechat', ownerId: null };
 * ```
 */
export interface CareTask {
  readonly customerId: string;
  readonly kind: 'birthday' | 'anniversary' | 'holiday';
  /** The calendar date, `YYYY-MM-DD`. */
  readonly on: string;
  readonly channel: ConsentChannel;
  readonly ownerId: string | null;
  /** For anniversaries: full years since joining. */
  readonly years?: number;
  /** For holidays: the holiday id. */
  readonly holidayId?: string;
}

/**
 * Options of {@link careTasks}.
 *
 * - `from`, `to` (required): the calendar dates covered, inclusive, `YYYY-MM-DD` (at most 3 years).
 * - `holidays` (default none): see {@link CareHolidaySchema}.
 * - `birthdays`, `anniversaries` (default true): whether to plan those.
 * - `memberSince` (default the customer's `createdAt`): the date anniversaries count from.
 * - `lunarBirthday` (default none): customers for whom it returns true celebrate the lunar
 *   birthday (农历生日): the lunar date of their birth date, by the rules of `lunarBirthdays`
 *   (births from 1900-01-31 to 2101-01-28, years to 2100; outside that range no lunar birthday).
 * - `channels` (default wechat, sms, email, phone): preference order; the first consented one is used.
 * - `consent`: consent histories by customer id, judged by `consentStatus` at `consent.asOf`
 *   (required here) for `consent.purpose` (default `marketing`); customers without a history, and
 *   everyone when absent, use their per-channel `consent` flags.
 *
 * Dates of birth and `createdAt` are read as UTC calendar dates (a plain `2026-05-04` parses to UTC
 * midnight). A 29 February date falls on 28 February in other years.
 *
 * @example
 * ```ts
 * const o: CareOptions = { from: '2026-01-01', to: '2026-12-31', holidays: [{ id: 'new_year', month: 1, day: 1 }] };
 * ```
 */
export interface CareOptions {
  readonly from: string;
  readonly to: string;
  readonly holidays?: readonly CareHoliday[];
  readonly birthdays?: boolean;
  readonly anniversaries?: boolean;
  readonly memberSince?: (customer: CareCustomer) => Date | undefined;
  readonly channels?: readonly ConsentChannel[];
  readonly lunarBirthday?: (customer: CareCustomer) => boolean;
  readonly consent?: OutreachConsent;
}

/**
 * The fields of a customer {@link careTasks} reads: a full `Customer` fits.
 *
 * @example
 * ```ts
 * const c: CareCustomer = { id: 'c1', kind: 'person', createdAt: new Date('2024-01-01'), consent: {} };
 * ```
 */
export type CareCustomer = Pick<Customer, 'id' | 'kind' | 'person' | 'createdAt' | 'consent' | 'ownerId'>;

const isoDay = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The date of month/day in year y, with 29 Feb moved to 28 Feb in common years; null for impossible dates (31 Apr). */
function dayIn(y: number, m: number, d: number): string | null {
  if (m === 2 && d === 29 && !isLeapYear(y)) return isoDay(y, 2, 28);
  return isCalendarDay(y, m, d) ? isoDay(y, m, d) : null;
}

/**
 * Dated care tasks (客户关怀) for a date range: birthdays of persons, membership anniversaries
 * (whole years from `memberSince`; the joining day itself is not an anniversary) and holiday
 * greetings, for customers with consent on one of the `channels`. Customers without such consent
 * get no task and are listed in `skipped`. Tasks are ordered by date, then customer id, then kind.
 *
 * @param customers - customers (id, kind, person.birthDate, createdAt, consent, ownerId)
 * @param options - see {@link CareOptions}
 * @returns `tasks` and the ids `skipped` for lack of consent
 * @throws {CrmError} `INVALID_ARGUMENT` for a bad range or holiday; `INVALID_DATE` for a bad `createdAt`
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const ann = { id: 'c-1', kind: 'person' as const, person: { birthDate: d('1990-05-04') }, createdAt: d('2024-05-10'),
 *   consent: { wechat: { granted: true, updatedAt: d('2024-05-10') } } };
 * careTasks([ann], { from: '2026-05-01', to: '2026-05-31' }).tasks.map((t) => `${t.kind} ${t.on}`);
 * //=> ['birthday 2026-05-04', 'anniversary 2026-05-10']
 * ```
 */
export function careTasks(customers: Iterable<CareCustomer>, options: CareOptions): { tasks: CareTask[]; skipped: string[] } {
  const Range = z.strictObject({ from: z.iso.date(), to: z.iso.date() });
  const range = Range.safeParse({ from: options?.from, to: options?.to });
  if (!range.success) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'from/to', rule: 'must be YYYY-MM-DD dates' } });
  const { from, to } = range.data;
  assert(from <= to, 'INVALID_ARGUMENT', { params: { field: 'to', rule: 'must not be before from' } });
  const fromYear = Number(from.slice(0, 4));
  const toYear = Number(to.slice(0, 4));
  assert(toYear - fromYear <= 3, 'INVALID_ARGUMENT', { params: { field: 'to', rule: 'the range may span at most 3 years' } });
  const holidays = z.array(CareHolidaySchema).safeParse(options.holidays ?? []);
  if (!holidays.success) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'holidays', rule: holidays.error.issues[0]?.message ?? 'invalid' } });
  const channels = options.channels ?? ['wechat', 'sms', 'email', 'phone'];
  const inRange = (day: string | null): day is string => day !== null && day >= from && day <= to;
  // Holiday dates in range are the same for everyone: compute them once.
  const holidayDays: { id: string; on: string }[] = [];
  for (const h of holidays.data) {
    if ('dates' in h) for (const on of h.dates) if (inRange(on)) holidayDays.push({ id: h.id, on });
    if ('month' in h) for (let y = fromYear; y <= toYear; y++) { const on = dayIn(y, h.month, h.day); if (inRange(on)) holidayDays.push({ id: h.id, on }); }
    if ('lunar' in h) {
      // a lunar year starts in January or February: lunar year y - 1 reaches into Gregorian year y
      for (let y = fromYear - 1; y <= toYear; y++) {
        const on = observedLunarDay(y, h.lunar.month, h.lunar.day) ?? null;
        if (inRange(on)) holidayDays.push({ id: h.id, on });
      }
    }
  }
  const mayContact = channelConsent(options.consent, undefined);
  const tasks: CareTask[] = [];
  const skipped: string[] = [];
  for (const c of customers) {
    const channel = channels.find((ch) => mayContact(c, ch) === true);
    if (channel === undefined) {
      skipped.push(c.id);
      continue;
    }
    const base = { customerId: c.id, channel, ownerId: c.ownerId ?? null };
    const birth = c.kind === 'person' ? c.person?.birthDate : undefined;
    if (options.birthdays !== false && birth !== undefined && isValidDate(birth) && options.lunarBirthday?.(c) === true) {
      // lunar birthdays exist for births and years the lunar table covers (1900-2100)
      const born = birth.toISOString().slice(0, 10);
      if (born >= '1900-01-31' && born <= '2101-01-28') {
        const lunar = gregorianToLunar(born);
        for (let y = Math.max(fromYear, 1901); y <= Math.min(toYear, 2100); y++) {
          for (const on of lunarBirthdays(lunar, y)) if (inRange(on) && on > born) tasks.push({ ...base, kind: 'birthday', on });
        }
      }
    } else if (options.birthdays !== false && birth !== undefined && isValidDate(birth)) {
      for (let y = fromYear; y <= toYear; y++) {
        const on = dayIn(y, birth.getUTCMonth() + 1, birth.getUTCDate());
        if (inRange(on) && y > birth.getUTCFullYear()) tasks.push({ ...base, kind: 'birthday', on });
      }
    }
    if (options.anniversaries !== false) {
      const since = options.memberSince ? options.memberSince(c) : c.createdAt;
      if (since !== undefined) {
        assert(isValidDate(since), 'INVALID_DATE', { params: { field: 'memberSince' } });
        for (let y = Math.max(fromYear, since.getUTCFullYear() + 1); y <= toYear; y++) {
          const on = dayIn(y, since.getUTCMonth() + 1, since.getUTCDate());
          if (inRange(on)) tasks.push({ ...base, kind: 'anniversary', on, years: y - since.getUTCFullYear() });
        }
      }
    }
    for (const h of holidayDays) tasks.push({ ...base, kind: 'holiday', on: h.on, holidayId: h.id });
  }
  const order = { birthday: 0, anniversary: 1, holiday: 2 };
  tasks.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : order[a.kind] - order[b.kind]));
  return { tasks, skipped };
}
