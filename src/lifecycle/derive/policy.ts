import { CrmError } from '../errors';
import type { Interaction } from '../../customer/interaction';

/**
 * What an `atRisk` callback of a {@link StagePolicy} receives: a summary of the customer's
 * purchases up to `asOf`.
 *
 * @example
 * ```ts
 * const s: PurchaseSummary = {
 *   customerId: 'c-1', purchases: 3, firstPurchaseAt: new Date('2026-01-01T00:00:00Z'),
 *   lastPurchaseAt: new Date('2026-03-01T00:00:00Z'), daysSinceLastPurchase: 31, asOf: new Date('2026-04-01T00:00:00Z'),
 * };
 * ```
 */
export interface PurchaseSummary {
  readonly customerId: string;
  readonly purchases: number;
  readonly firstPurchaseAt: Date;
  readonly lastPurchaseAt: Date;
  /** (asOf − lastPurchaseAt) in days of 24 hours, fractional. */
  readonly daysSinceLastPurchase: number;
  readonly asOf: Date;
}

/**
 * How stages are derived from a history. Days are periods of 24 hours counted from the instant of
 * the last purchase (no calendar or time-zone rounding).
 *
 * - `repeatAfterPurchases` (default 2, at least 2): purchases that make a repeat buyer.
 * - `loyalAfterPurchases` (default 4, at least `repeatAfterPurchases`) purchases within
 *   `loyaltyWindowDays` (default 365) ending at a purchase make a customer loyal.
 * - `atRiskAfterDays` (default 90): days without a purchase after which a buyer is at risk.
 * - `churnAfterDays` (default 180, more than `atRiskAfterDays`): days without a purchase after
 *   which a customer has churned.
 * - `qualifies` (default: every interaction): which interactions before the first purchase make a
 *   prospect a lead.
 * - `atRisk` (optional): an expected-purchase model's verdict at `asOf` (for example "P(alive) <
 *   0.5" from a BG/NBD fit); when it returns true for an active buyer, the buyer is at risk from `asOf`.
 *
 * @example
 * ```ts
 * const policy: StagePolicy = { repeatAfterPurchases: 2, atRiskAfterDays: 60, churnAfterDays: 120 };
 * ```
 */
export interface StagePolicy {
  readonly repeatAfterPurchases?: number;
  readonly loyalAfterPurchases?: number;
  readonly loyaltyWindowDays?: number;
  readonly atRiskAfterDays?: number;
  readonly churnAfterDays?: number;
  readonly qualifies?: (interaction: Pick<Interaction, 'type' | 'direction' | 'channel' | 'occurredAt'>) => boolean;
  readonly atRisk?: (summary: PurchaseSummary) => boolean;
}

/**
 * The defaults of {@link StagePolicy}.
 *
 * @example
 * ```ts
 * DEFAULT_STAGE_POLICY.churnAfterDays;
 * //=> 180
 * ```
 */
export const DEFAULT_STAGE_POLICY: Readonly<Required<Omit<StagePolicy, 'qualifies' | 'atRisk'>>> = /* @__PURE__ */ Object.freeze({
  repeatAfterPurchases: 2,
  loyalAfterPurchases: 4,
  loyaltyWindowDays: 365,
  atRiskAfterDays: 90,
  churnAfterDays: 180,
});

/** A policy with defaults applied and numbers checked. */
export type ResolvedPolicy = Required<Omit<StagePolicy, 'qualifies' | 'atRisk'>> & Pick<StagePolicy, 'qualifies' | 'atRisk'>;

function fail(field: string, rule: string): never {
  throw new CrmError('INVALID_ARGUMENT', { params: { field: `policy.${field}`, rule } });
}
function count(n: number): boolean {
  return Number.isInteger(n) && n >= 2 && n <= 1_000_000;
}
function days(n: number): boolean {
  return typeof n === 'number' && n > 0 && n <= 100_000;
}

/** Applies defaults; throws INVALID_ARGUMENT naming the policy field that is wrong. Hand-written checks (no zod) because it runs once per customer. */
export function resolvePolicy(policy: StagePolicy = {}): ResolvedPolicy {
  const p = {
    repeatAfterPurchases: policy.repeatAfterPurchases ?? DEFAULT_STAGE_POLICY.repeatAfterPurchases,
    loyalAfterPurchases: policy.loyalAfterPurchases ?? DEFAULT_STAGE_POLICY.loyalAfterPurchases,
    loyaltyWindowDays: policy.loyaltyWindowDays ?? DEFAULT_STAGE_POLICY.loyaltyWindowDays,
    atRiskAfterDays: policy.atRiskAfterDays ?? DEFAULT_STAGE_POLICY.atRiskAfterDays,
    churnAfterDays: policy.churnAfterDays ?? DEFAULT_STAGE_POLICY.churnAfterDays,
    qualifies: policy.qualifies,
    atRisk: policy.atRisk,
  };
  if (!count(p.repeatAfterPurchases)) fail('repeatAfterPurchases', 'must be an integer from 2 to 1000000');
  if (!count(p.loyalAfterPurchases)) fail('loyalAfterPurchases', 'must be an integer from 2 to 1000000');
  if (p.loyalAfterPurchases < p.repeatAfterPurchases) fail('loyalAfterPurchases', 'must be at least repeatAfterPurchases');
  for (const f of ['loyaltyWindowDays', 'atRiskAfterDays', 'churnAfterDays'] as const) if (!days(p[f])) fail(f, 'must be a number of days above 0, at most 100000');
  if (p.churnAfterDays <= p.atRiskAfterDays) fail('churnAfterDays', 'must exceed atRiskAfterDays');
  if (p.qualifies !== undefined && typeof p.qualifies !== 'function') fail('qualifies', 'must be a function');
  if (p.atRisk !== undefined && typeof p.atRisk !== 'function') fail('atRisk', 'must be a function');
  return p;
}
