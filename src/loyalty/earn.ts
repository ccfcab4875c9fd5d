import { D, DECIMAL_ROUNDING as ROUNDING } from '../core/money/decimal';
import { assert, CrmError } from './errors';
import type { Money } from '../core/money/Money';
import { requireObject } from '../core/guards';
import { MS_PER_DAY, requireDate } from '../core/time';
import { localParts, startOfLocalPeriod } from './calendar';
import { expiryOf } from './expiryOf';
import type { LedgerEntry } from './ledger/entry';
import { requireLedgerEntries } from './ledger/requireEntries';
import type { LoyaltyProgram } from './program';

/**
 * The purchase points are earned on: a `Transaction` (crmkit/customer) of type `purchase` fits.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const p: Purchase = { id: 't-1', customerId: 'c-1', amount: Money.of('99.50', 'CNY'), occurredAt: new Date('2026-03-01') };
 * ```
 */
export interface Purchase {
  readonly id: string;
  readonly customerId: string;
  readonly amount: Money;
  readonly occurredAt: Date;
  readonly type?: 'purchase' | 'refund';
  /** Where it was bought (`store`, `web`, ...): picks the return window in `earning.pending.byChannel`. */
  readonly channel?: string;
}

/**
 * Options for {@link earnPoints}: the facts about the customer that bonuses and caps depend on.
 *
 * @example
 * ```ts
 * const options: EarnOptions = { tier: 'gold', birthMonth: 3, firstPurchase: false };
 * ```
 */
export interface EarnOptions {
  /** The tier id the customer holds at the purchase (its multiplier applies). Default: the first tier. */
  readonly tier?: string;
  /** The customer's birth month, 1 to 12, for `birthday-month` bonuses. Default: none. */
  readonly birthMonth?: number;
  /** Whether this is the customer's first purchase, for `first-purchase` bonuses. Default false. */
  readonly firstPurchase?: boolean;
  /** Whether the purchase came through a referral, for `referral` bonuses. Default false. */
  readonly referral?: boolean;
  /** The customer's ledger so far, for caps per period (and idempotency). Default none. */
  readonly entries?: readonly LedgerEntry[];
}

/**
 * How {@link earnPoints} arrived at its figure.
 *
 * @example
 * ```ts
 * const r: EarnResult = { points: 0, qualifyingPoints: 0, uncapped: 0, multiplier: '1', bonusPoints: 0, bonuses: [] };
 * ```
 */
export interface EarnResult {
  /** The `earn` entry to append (absent when 0 points are earned). Keyed `earn:<purchase id>`. */
  readonly entry?: LedgerEntry;
  /** Points earned after caps (redeemable points). */
  readonly points: number;
  /** The part of `points` that counts toward tiers: redeemable-only bonuses left out, never more than `points`. */
  readonly qualifyingPoints: number;
  /** Points before caps. */
  readonly uncapped: number;
  /** The product of the tier multiplier and every bonus multiplier that applied, as a decimal string. */
  readonly multiplier: string;
  /** Fixed bonus points that applied. */
  readonly bonusPoints: number;
  /** Ids of the bonus rules that applied. */
  readonly bonuses: readonly string[];
}

/**
 * The points a purchase earns:
 * `round(amount / rate.spend × rate.points × tier multiplier × Π bonus multipliers) + Σ bonus points`,
 * rounded once with the programme's rounding rule (default `floor`) in exact decimal arithmetic,
 * then cut to what every cap (`day`, `month`, `year` in the programme's UTC offset) still allows
 * given the `earn` entries already in that period. Points are whole numbers.
 *
 * Qualifying points are figured the same way without the redeemable-only bonuses, capped at the
 * points (the entry carries `qualifyingPoints` only when they differ). When the programme has a
 * return window (`earning.pending`: `days`, or `byChannel[purchase.channel]`), the entry carries
 * `pendingUntil = occurredAt + days × 24 h`: the points are pending until then.
 *
 * Idempotent: when `entries` already hold `earn:<purchase id>`, that entry is returned unchanged.
 *
 * @param purchase - the purchase (amount in the programme's currency, not negative)
 * @param program - the parsed programme
 * @param options - tier, birth month, first purchase, referral, ledger entries for caps
 * @returns the entry and the breakdown
 * @throws {CrmError} `CURRENCY_MISMATCH` when the purchase is in another currency; `INVALID_ARGUMENT`
 *   for a refund, a negative amount, an unknown tier or birth month, a purchase without a string id,
 *   or `entries` that are not a dense array of ledger entries; `INVALID_DATE`
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * import { earnPoints, parseLoyaltyProgram } from 'crmkit/loyalty';
 * const program = parseLoyaltyProgram({
 *   id: 'club', currency: 'CNY',
 *   earning: {
 *     rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 },
 *     bonuses: [{ kind: 'birthday-month', id: 'bday', multiplier: '2' }],
 *   },
 *   tiers: [{ id: 'member', threshold: { points: 0 } }, { id: 'gold', threshold: { points: 5000 }, multiplier: '1.5' }],
 * });
 * const purchase = { id: 't-1', customerId: 'c-1', amount: Money.of('99.90', 'CNY'), occurredAt: new Date('2026-03-08T10:00:00Z') };
 * const r = earnPoints(purchase, program, { tier: 'gold', birthMonth: 3 });
 * // floor(99.90 × 1.5 × 2) = floor(299.7)
 * [r.points, r.multiplier, r.bonuses];
 * //=> [299, '3', ['bday']]
 * ```
 */
export function earnPoints(purchase: Purchase, program: LoyaltyProgram, options: EarnOptions = {}): EarnResult {
  requireObject(options, 'options');
  const entries = options.entries === undefined ? [] : requireLedgerEntries(options.entries, 'entries');
  assert(purchase !== null && typeof purchase === 'object' && typeof purchase.id === 'string', 'INVALID_ARGUMENT', { params: { field: 'purchase', rule: 'must be a purchase' } });
  const id = `earn:${purchase.id}`;
  const existing = entries.find((e) => e.id === id);
  if (existing !== undefined) {
    return { entry: existing, points: existing.points, qualifyingPoints: existing.qualifyingPoints ?? existing.points, uncapped: existing.points, multiplier: '1', bonusPoints: 0, bonuses: [] };
  }
  const at = requireDate(purchase.occurredAt, 'occurredAt').getTime();
  assert(purchase.type !== 'refund', 'INVALID_ARGUMENT', { params: { field: 'purchase.type', rule: 'refunds earn nothing; reverse the purchase instead' } });
  if (purchase.amount.currency !== program.currency) {
    throw new CrmError('CURRENCY_MISMATCH', { params: { left: purchase.amount.currency, right: program.currency } });
  }
  assert(!purchase.amount.isNegative(), 'INVALID_ARGUMENT', { params: { field: 'purchase.amount', rule: 'must not be negative' } });
  const tier = options.tier === undefined ? program.tiers[0] : program.tiers.find((t) => t.id === options.tier);
  assert(tier !== undefined, 'INVALID_ARGUMENT', { params: { field: 'tier', rule: 'not a tier of this programme' } });
  const bm = options.birthMonth;
  assert(bm === undefined || (Number.isInteger(bm) && bm >= 1 && bm <= 12), 'INVALID_ARGUMENT', { params: { field: 'birthMonth', rule: 'must be 1 to 12' } });

  const offset = program.utcOffsetMinutes;
  let multiplier = new D(tier.multiplier);
  let qualifyingMultiplier = multiplier;
  let bonusPoints = 0;
  let qualifyingBonus = 0;
  const bonuses: string[] = [];
  for (const b of program.earning.bonuses) {
    const applies =
      b.kind === 'birthday-month'
        ? bm !== undefined && localParts(at, offset).month === bm - 1
        : b.kind === 'first-purchase'
          ? options.firstPurchase === true
          : b.kind === 'referral'
            ? options.referral === true
            : b.from.getTime() <= at && at < b.to.getTime();
    if (!applies) continue;
    bonuses.push(b.id);
    if (b.multiplier !== undefined) multiplier = multiplier.times(b.multiplier);
    if (b.points !== undefined) bonusPoints += b.points;
    if (b.redeemableOnly) continue;
    if (b.multiplier !== undefined) qualifyingMultiplier = qualifyingMultiplier.times(b.multiplier);
    if (b.points !== undefined) qualifyingBonus += b.points;
  }
  const rate = program.earning.rate;
  const base = new D(purchase.amount.amount).div(rate.spend.amount).times(rate.points);
  const rounding = ROUNDING[program.earning.rounding];
  const uncapped = base.times(multiplier).toDecimalPlaces(0, rounding).toNumber() + bonusPoints;
  const qualifyingUncapped = base.times(qualifyingMultiplier).toDecimalPlaces(0, rounding).toNumber() + qualifyingBonus;

  let points = uncapped;
  for (const cap of program.earning.caps) {
    const start = startOfLocalPeriod(at, cap.period, offset);
    const end = nextPeriod(start, cap.period, offset);
    let used = 0;
    for (const e of entries) {
      const t = e.occurredAt.getTime();
      if (e.type === 'earn' && t >= start && t < end) used += e.points;
    }
    points = Math.max(0, Math.min(points, cap.maxPoints - used));
  }
  const qualifyingPoints = Math.min(points, qualifyingUncapped);
  const result = { points, qualifyingPoints, uncapped, multiplier: multiplier.toString(), bonusPoints, bonuses };
  if (points === 0) return result;
  const expiresAt = expiryOf(purchase.occurredAt, program);
  const pending = program.earning.pending;
  const channelDays = purchase.channel === undefined ? undefined : pending.byChannel[purchase.channel];
  const days = channelDays ?? pending.days;
  const entry: LedgerEntry = {
    id,
    customerId: purchase.customerId,
    type: 'earn',
    points,
    occurredAt: new Date(at),
    ...(expiresAt !== undefined && { expiresAt }),
    ...(days > 0 && { pendingUntil: new Date(at + days * MS_PER_DAY) }),
    ...(qualifyingPoints !== points && { qualifyingPoints }),
    spend: purchase.amount,
    sourceRef: purchase.id,
  };
  return { ...result, entry };
}

function nextPeriod(start: number, period: 'day' | 'month' | 'year', offset: number): number {
  const probe = period === 'day' ? start + 36 * 3_600_000 : period === 'month' ? start + 40 * 86_400_000 : start + 400 * 86_400_000;
  return startOfLocalPeriod(probe, period, offset);
}
