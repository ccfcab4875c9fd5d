import { z } from 'zod';
import { assert, CrmError } from '../errors';
import { MS_PER_DAY, isValidDate, requireDate } from '../../core/time';
import type { ConsentChannel, Customer } from '../../customer/customer';
import type { Interaction } from '../../customer/interaction';
import type { Transaction } from '../../customer/transaction';
import { type OutreachConsent, channelConsent } from '../../privacy/consent/outreachConsent';
import type { LifecycleState } from '../machine/state';
import { type FollowUpRule, FollowUpRuleSchema } from './followUpRule';

/**
 * One follow-up to make: who, under which rule, by when, on which consented channel, and the
 * customer's owner.
 *
 * @example
 * ```ts
 * const f: FollowUp = { customerId: 'c-1', ruleId: 'vip', dueAt: new Date(0), overdueDays: 2, channel: 'phone', ownerId: 'u-1' };
 * ```
 */
export interface FollowUp {
  readonly customerId: string;
  readonly ruleId: string;
  readonly dueAt: Date;
  /** Whole days past `dueAt` at `asOf` (0 when not yet or just due). */
  readonly overdueDays: number;
  readonly channel: ConsentChannel;
  readonly ownerId: string | null;
}

/**
 * A follow-up that is due but will not be made, and why: contacted within the quiet period, or no
 * consent on any of the rule's channels.
 *
 * @example
 * ```ts
 * const s: SkippedFollowUp = { customerId: 'c-2', ruleId: 'vip', reason: 'no_consent' };
 * ```
 */
export interface SkippedFollowUp {
  readonly customerId: string;
  readonly ruleId: string;
  readonly reason: 'recently_contacted' | 'no_consent';
}

/**
 * Options of {@link followUpsDue}.
 *
 * - `asOf` (required): the day the list is for.
 * - `interactions`: contacts so far (any type or direction counts as a contact; later than `asOf` ignored).
 * - `transactions`: to find first purchases (for `after_first_purchase`).
 * - `states`: each customer's lifecycle state by id (stage and since); default the customer's
 *   `lifecycleStage` with an unknown entry time (an `after_stage_entry` rule is then due at `asOf`).
 * - `quietDays` (default 7): skip customers contacted within this many days before `asOf`.
 * - `consent`: consent histories by customer id; when given, a channel is used only if
 *   `consentStatus` allows it (purpose default `marketing`, at `asOf`), so a withdrawal stops the
 *   follow-up. Customers without a history, and everyone when absent, use `consent[channel].granted`.
 *
 * @example
 * ```ts
 * const o: FollowUpOptions = { asOf: new Date('2026-03-01T00:00:00Z'), quietDays: 3 };
 * ```
 */
export interface FollowUpOptions {
  readonly asOf: Date;
  readonly interactions?: Iterable<Pick<Interaction, 'customerId' | 'occurredAt'>>;
  readonly transactions?: Iterable<Pick<Transaction, 'customerId' | 'type' | 'occurredAt'>>;
  readonly states?: ReadonlyMap<string, LifecycleState>;
  readonly quietDays?: number;
  readonly consent?: OutreachConsent;
}

/**
 * The fields of a customer {@link followUpsDue} reads: a full `Customer` fits.
 *
 * @example
 * ```ts
 * const c: FollowUpCustomer = { id: 'c1', tags: ['vip'], consent: {} };
 * ```
 */
export type FollowUpCustomer = Pick<Customer, 'id' | 'tags' | 'consent' | 'ownerId' | 'lifecycleStage'>;

function latestBy<T extends { customerId: string; occurredAt: Date }>(items: Iterable<T> | undefined, asOf: number, keep: (t: T) => boolean, pickMax: boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const it of items ?? []) {
    assert(isValidDate(it.occurredAt), 'INVALID_DATE', { params: { field: 'occurredAt' } });
    const at = it.occurredAt.getTime();
    if (at > asOf || !keep(it)) continue;
    const prev = out.get(it.customerId);
    if (prev === undefined || (pickMax ? at > prev : at < prev)) out.set(it.customerId, at);
  }
  return out;
}

/**
 * The follow-up (回访) due list for a day: for each customer, the first rule (in the order given)
 * that matches and is due, on the first of its channels the customer consents to (`consent[channel].granted`).
 * Customers contacted within `quietDays` are skipped, as are customers with no consented channel;
 * both are reported in `skipped`. One follow-up per customer at most.
 *
 * @param customers - customers (id, tags, consent, ownerId, lifecycleStage)
 * @param rules - the rules, most important first (see {@link DEFAULT_FOLLOW_UP_RULES})
 * @param options - see {@link FollowUpOptions}
 * @returns `due` (by due date, then customer id) and `skipped`
 * @throws {CrmError} `INVALID_DATE`; `VALIDATION_FAILED` for a rule that does not parse;
 *   `INVALID_ARGUMENT` for a bad `quietDays`
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const vip = { id: 'c-1', tags: ['vip'], consent: { phone: { granted: true, updatedAt: d('2026-01-01') } }, ownerId: 'u-1', lifecycleStage: 'loyal' };
 * followUpsDue([vip], DEFAULT_FOLLOW_UP_RULES, {
 *   asOf: d('2026-03-01'),
 *   interactions: [{ customerId: 'c-1', occurredAt: d('2026-01-20') }],
 * }).due;
 * //=> [{ customerId: 'c-1', ruleId: 'vip', dueAt: d('2026-02-19'), overdueDays: 10, channel: 'phone', ownerId: 'u-1' }]
 * ```
 */
export function followUpsDue(customers: Iterable<FollowUpCustomer>, rules: readonly FollowUpRule[], options: FollowUpOptions): { due: FollowUp[]; skipped: SkippedFollowUp[] } {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const quietDays = options.quietDays ?? 7;
  assert(Number.isFinite(quietDays) && quietDays >= 0, 'INVALID_ARGUMENT', { params: { field: 'quietDays', rule: 'must be a non-negative number' } });
  const parsed = z.array(FollowUpRuleSchema).safeParse(rules);
  if (!parsed.success) {
    throw new CrmError('VALIDATION_FAILED', { params: { entity: 'follow-up rules' }, details: { issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) } });
  }
  const mayContact = channelConsent(options.consent, options.asOf);
  const lastContact = latestBy(options.interactions, asOf, () => true, true);
  const firstPurchase = latestBy(options.transactions, asOf, (t) => t.type === 'purchase', false);
  const due: FollowUp[] = [];
  const skipped: SkippedFollowUp[] = [];
  for (const c of customers) {
    const state = options.states?.get(c.id);
    if (state !== undefined) requireDate(state.since, 'state.since');
    const stage = state?.stage ?? c.lifecycleStage;
    const contact = lastContact.get(c.id);
    for (const rule of parsed.data) {
      if (rule.stages !== undefined && !rule.stages.includes(stage)) continue;
      if (rule.tags !== undefined && !rule.tags.some((t) => c.tags.includes(t))) continue;
      const dueAt = dueDate(rule, { contact, since: state?.since.getTime(), first: firstPurchase.get(c.id), asOf });
      if (dueAt === undefined) continue;
      if (contact !== undefined && asOf - contact < quietDays * MS_PER_DAY) {
        skipped.push({ customerId: c.id, ruleId: rule.id, reason: 'recently_contacted' });
        break;
      }
      const channel = rule.channels.find((ch) => mayContact(c, ch) === true);
      if (channel === undefined) {
        skipped.push({ customerId: c.id, ruleId: rule.id, reason: 'no_consent' });
        break;
      }
      const overdueDays = Math.max(0, Math.floor((asOf - dueAt) / MS_PER_DAY));
      due.push({ customerId: c.id, ruleId: rule.id, dueAt: new Date(dueAt), overdueDays, channel, ownerId: c.ownerId ?? null });
      break;
    }
  }
  due.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return { due, skipped };
}

/** When the rule's follow-up is due, or undefined if it is not due at asOf (or already done). */
function dueDate(rule: FollowUpRule, x: { contact?: number; since?: number; first?: number; asOf: number }): number | undefined {
  const days = rule.cadence.days * MS_PER_DAY;
  switch (rule.cadence.kind) {
    case 'every': {
      const at = x.contact === undefined ? x.asOf : x.contact + days;
      return at <= x.asOf ? at : undefined;
    }
    case 'after_stage_entry': {
      // Listed from entering the stage until a contact happens; dueAt is the deadline.
      if (x.since === undefined) return x.asOf;
      if (x.since > x.asOf || (x.contact !== undefined && x.contact >= x.since)) return undefined;
      return x.since + days;
    }
    case 'after_first_purchase': {
      if (x.first === undefined) return undefined;
      const at = x.first + days;
      if (at > x.asOf || (x.contact !== undefined && x.contact >= x.first)) return undefined;
      return at;
    }
  }
}
