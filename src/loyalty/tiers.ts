import { Money } from '../core/money/Money';
import { assert } from './errors';
import { requireDenseArray } from '../core/guards';
import { MS_PER_DAY, requireDate } from '../core/time';
import { addLocalMonths, localMidnight, localParts } from './calendar';
import type { LedgerEntry } from './ledger/entry';
import { asOfMs, sweepLedger } from './ledger/sweep';
import type { LoyaltyProgram } from './program';

/**
 * A qualification figure in the programme's basis: points earned, or spend.
 *
 * @example
 * ```ts
 * const q: TierAmount = { points: 1200 };
 * ```
 */
export type TierAmount = { readonly points: number } | { readonly spend: Money };

/**
 * What {@link evaluateTier} reports about one customer at `asOf`.
 *
 * @example
 * ```ts
 * const e: TierEvaluation = { tier: 'member', qualifying: { points: 300 }, redeemable: 120, next: { tier: 'gold', missing: { points: 4700 } } };
 * ```
 */
export interface TierEvaluation {
  /** The tier held at `asOf`. */
  readonly tier: string;
  /** When that tier was reached (absent for the first tier held from the start). */
  readonly since?: Date;
  /** Qualification in the current window at `asOf` (qualifying points, or spend): redemptions never lower it. */
  readonly qualifying: TierAmount;
  /** Redeemable (spendable) points at `asOf`, as `balance`: what redemptions spend. */
  readonly redeemable: number;
  /** The next tier up and what is still missing to reach it (absent at the top tier). */
  readonly next?: { readonly tier: string; readonly missing: TierAmount };
  /** The next review of the tier held (absent for the first tier, which cannot be lost). */
  readonly nextReview?: Date;
  /** When a review found the customer short: the end of the grace period, at which the tier drops unless requalified. */
  readonly graceUntil?: Date;
  /** The tier the customer drops to at the next review (or grace end) if nothing more is earned; absent when the tier holds. */
  readonly dropTo?: string;
}

/**
 * Options for {@link evaluateTier}.
 *
 * @example
 * ```ts
 * const options: EvaluateTierOptions = { asOf: new Date('2026-12-31T00:00:00Z') };
 * ```
 */
export interface EvaluateTierOptions {
  /** The instant to evaluate at; later entries are ignored. */
  readonly asOf: Date;
}

/**
 * A customer's tier at `asOf`, replayed from the ledger under the programme's rules:
 *
 * - qualification counts `earn` entries (their qualifying points, `qualifyingPoints` when given and
 *   `points` otherwise, or their `spend`) in the window: the rolling `months` up to the instant, or
 *   the calendar year so far. Redemptions and expiry never lower it: qualifying and redeemable points
 *   are two figures. A pending earn counts from its `pendingUntil` (when the return window has
 *   passed). A reversed earn no longer counts,
 *   from the start (in proportion when partly reversed), so a tier reached only through a refunded
 *   purchase is pulled back;
 * - a customer moves up as soon as an earn lifts qualification over a higher threshold;
 * - at each review (anniversary: `every` months after the tier was reached or last kept; calendar
 *   year: each 1 January) the qualification of the window closing at the review (the rolling months up to it, or the
 *   calendar year just ended) is checked.
 *   Short of the tier held, the customer keeps it for `graceDays`; at the grace end the window then
 *   is checked again, and if still short the tier drops by at most `maxStepsDown` (null: straight to
 *   the qualified tier).
 *
 * @param history - one customer's ledger entries (any order)
 * @param program - the parsed programme
 * @param options - `asOf`
 * @returns the tier, qualifying and redeemable points, progress to the next, the next review and
 *   where the customer would drop to
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf` or entry date (years 0001-9999);
 *   `INVALID_ARGUMENT` for entries of several customers, a sparse `history`, entries that are not
 *   objects or have fractional points; `INVALID_PROGRAM` for a programme without tiers
 *
 * @example
 * ```ts
 * import { evaluateTier, parseLoyaltyProgram } from 'crmkit/loyalty';
 * const program = parseLoyaltyProgram({
 *   id: 'club', currency: 'CNY',
 *   earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } },
 *   tiers: [{ id: 'member', threshold: { points: 0 } }, { id: 'silver', threshold: { points: 1000 } }, { id: 'gold', threshold: { points: 5000 } }],
 * });
 * const history = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 1200, occurredAt: new Date('2026-02-01T00:00:00Z') },
 * ] as const;
 * const e = evaluateTier(history, program, { asOf: new Date('2026-06-01T00:00:00Z') });
 * [e.tier, e.next.missing.points, e.nextReview.toISOString()];
 * //=> ['silver', 3800, '2027-02-01T00:00:00.000Z']
 *
 * // the 1200 points leave the 12-month window before the review
 * e.dropTo;
 * //=> 'member'
 * ```
 */
export function evaluateTier(history: readonly LedgerEntry[], program: LoyaltyProgram, options: EvaluateTierOptions): TierEvaluation {
  const asOf = asOfMs(options?.asOf);
  requireDenseArray(history, 'history');
  assert(program !== null && typeof program === 'object' && Array.isArray(program.tiers) && program.tiers.length > 0, 'INVALID_PROGRAM', {
    params: { rule: 'must have at least one tier; pass the result of parseLoyaltyProgram' },
  });
  history.forEach((e, i) => {
    assert(e !== null && typeof e === 'object' && Number.isSafeInteger(e.points), 'INVALID_ARGUMENT', { params: { field: `history.${i}`, rule: 'must be a ledger entry' } });
    requireDate(e.occurredAt, `history.${i}.occurredAt`);
  });
  const bySpend = program.qualification.basis === 'spend';
  const offset = program.utcOffsetMinutes;
  const customerId = history[0]?.customerId;

  // Qualifying events: earn entries net of their reversals (retroactively).
  const reversed = new Map<string, number>();
  for (const e of history) {
    assert(e.customerId === customerId, 'INVALID_ARGUMENT', { params: { field: 'history', rule: 'must all belong to one customer' } });
    if (e.type === 'reverse' && e.reverses !== undefined && e.occurredAt.getTime() <= asOf) {
      reversed.set(e.reverses, (reversed.get(e.reverses) ?? 0) + Math.abs(e.points));
    }
  }
  const events: { t: number; v: number }[] = [];
  for (const e of history) {
    const t = Math.max(e.occurredAt.getTime(), e.pendingUntil?.getTime() ?? -Infinity);
    if (e.type !== 'earn' || t > asOf) continue;
    const kept = Math.max(0, e.points - (reversed.get(e.id) ?? 0)) / e.points;
    const full = bySpend ? (e.spend === undefined ? 0 : Number(e.spend.toMinor())) : (e.qualifyingPoints ?? e.points);
    const v = Math.round(full * kept);
    if (v > 0) events.push({ t, v });
  }
  events.sort((a, b) => a.t - b.t);
  const times = new Float64Array(events.length);
  const prefix = new Float64Array(events.length + 1);
  events.forEach((ev, i) => {
    times[i] = ev.t;
    prefix[i + 1] = (prefix[i] as number) + ev.v;
  });
  const countUpTo = (t: number): number => {
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((times[mid] as number) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const window = program.qualification.window;
  const qual = (t: number): number => {
    const start =
      window.kind === 'rolling' ? addLocalMonths(t, -window.months, offset) : localMidnight(localParts(t, offset).year, 0, 1, offset) - 1;
    return (prefix[countUpTo(t)] as number) - (prefix[countUpTo(start)] as number);
  };
  // A review looks at the window that closes at the review: the 12 months up to it (so the earn that
  // won the tier, exactly a window ago, no longer counts) or the calendar year that just ended.
  const atReview = (t: number): number => qual(window.kind === 'rolling' ? t : t - 1);
  const thresholds = program.tiers.map((tier) => ('points' in tier.threshold ? tier.threshold.points : Number(tier.threshold.spend.toMinor())));
  const tierFor = (q: number): number => {
    let i = 0;
    while (i + 1 < thresholds.length && (thresholds[i + 1] as number) <= q) i++;
    return i;
  };
  const review = program.downgrade.review;
  const reviewAfter = (t: number): number =>
    review.kind === 'anniversary' ? addLocalMonths(t, review.every, offset) : localMidnight(localParts(t, offset).year + 1, 0, 1, offset);
  const steps = program.downgrade.maxStepsDown;
  const graceMs = program.downgrade.graceDays * MS_PER_DAY;
  const dropFrom = (current: number, target: number): number => (steps === null ? target : Math.max(target, current - steps));

  let cur = 0;
  let since: number | undefined;
  let nextReview = Infinity;
  let graceUntil = Infinity;
  let reviewedAt = 0;
  let k = 0;
  for (;;) {
    const eventAt = k < times.length ? (times[k] as number) : Infinity;
    const deadline = Math.min(nextReview, graceUntil);
    if (Math.min(eventAt, deadline) > asOf) break;
    if (eventAt <= deadline) {
      const target = tierFor(qual(eventAt));
      if (target > cur) {
        cur = target;
        since = eventAt;
        nextReview = reviewAfter(eventAt);
        graceUntil = Infinity;
      }
      k++;
    } else if (graceUntil !== Infinity) {
      const target = tierFor(qual(graceUntil));
      if (target >= cur) nextReview = reviewAfter(reviewedAt);
      else {
        cur = dropFrom(cur, target);
        since = graceUntil;
        nextReview = cur > 0 ? reviewAfter(graceUntil) : Infinity;
      }
      graceUntil = Infinity;
    } else {
      const at = nextReview;
      const target = tierFor(atReview(at));
      if (target >= cur) nextReview = reviewAfter(at);
      else if (graceMs > 0) {
        reviewedAt = at;
        graceUntil = at + graceMs;
        nextReview = Infinity;
      } else {
        cur = dropFrom(cur, target);
        since = at;
        nextReview = cur > 0 ? reviewAfter(at) : Infinity;
      }
    }
  }

  const amount = (v: number): TierAmount => (bySpend ? { spend: Money.ofMinor(Math.max(0, v), program.currency) } : { points: Math.max(0, v) });
  const now = qual(asOf);
  let dropTo: string | undefined;
  if (graceUntil !== Infinity || nextReview !== Infinity) {
    // With nothing more earned: short at the review (if one is next) and still short at the grace end?
    const shortAtReview = graceUntil !== Infinity || tierFor(atReview(nextReview)) < cur;
    const end = graceUntil !== Infinity ? graceUntil : graceMs > 0 ? nextReview + graceMs : nextReview;
    const target = tierFor(graceUntil === Infinity && graceMs === 0 ? atReview(end) : qual(end));
    if (shortAtReview && target < cur) dropTo = program.tiers[dropFrom(cur, target)]?.id;
  }
  const upper = program.tiers[cur + 1];
  const ledger = sweepLedger(history, asOf);
  return {
    tier: (program.tiers[cur] as (typeof program.tiers)[number]).id,
    ...(since !== undefined && { since: new Date(since) }),
    qualifying: amount(now),
    redeemable: ledger.posted - ledger.pendingExpiry - ledger.locked,
    ...(upper !== undefined && { next: { tier: upper.id, missing: amount((thresholds[cur + 1] as number) - now) } }),
    ...(nextReview !== Infinity && { nextReview: new Date(nextReview) }),
    ...(graceUntil !== Infinity && { graceUntil: new Date(graceUntil) }),
    ...(dropTo !== undefined && { dropTo }),
  };
}
