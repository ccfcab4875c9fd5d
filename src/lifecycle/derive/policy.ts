import { z } from 'zod';
import { CrmError } from '../../core/errors/CrmError';
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

const NumbersSchema = z
  .strictObject({
    repeatAfterPurchases: z.number().int().min(2).max(1_000_000),
    loyalAfterPurchases: z.number().int().min(2).max(1_000_000),
    loyaltyWindowDays: z.number().positive().max(100_000),
    atRiskAfterDays: z.number().positive().max(100_000),
    churnAfterDays: z.number().positive().max(100_000),
  })
  .refine((p) => p.loyalAfterPurchases >= p.repeatAfterPurchases, { message: 'loyalAfterPurchases must be at least repeatAfterPurchases', path: ['loyalAfterPurchases'] })
  .refine((p) => p.churnAfterDays > p.atRiskAfterDays, { message: 'churnAfterDays must exceed atRiskAfterDays', path: ['churnAfterDays'] });

/**
 * The defaults of {@link StagePolicy}.
 *
 * @example
 * ```ts
 * DEFAULT_STAGE_POLICY.churnAfterDays;
 * //=> 180
 * ```
 */
export const DEFAULT_STAGE_POLICY: Readonly<Required<Omit<StagePolicy, 'qualifies' | 'atRisk'>>> = Object.freeze({
  repeatAfterPurchases: 2,
  loyalAfterPurchases: 4,
  loyaltyWindowDays: 365,
  atRiskAfterDays: 90,
  churnAfterDays: 180,
});

/** A policy with defaults applied and numbers checked. */
export type ResolvedPolicy = Required<Omit<StagePolicy, 'qualifies' | 'atRisk'>> & Pick<StagePolicy, 'qualifies' | 'atRisk'>;

/** Applies defaults; throws INVALID_ARGUMENT naming the policy field that is wrong. */
export function resolvePolicy(policy: StagePolicy = {}): ResolvedPolicy {
  const { qualifies, atRisk, ...numbers } = policy;
  const parsed = NumbersSchema.safeParse({ ...DEFAULT_STAGE_POLICY, ...numbers });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CrmError('INVALID_ARGUMENT', {
      params: { field: `policy.${issue?.path.join('.') ?? ''}`, rule: issue?.message ?? 'invalid' },
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
    });
  }
  for (const [name, fn] of [['qualifies', qualifies], ['atRisk', atRisk]] as const) {
    if (fn !== undefined && typeof fn !== 'function') throw new CrmError('INVALID_ARGUMENT', { params: { field: `policy.${name}`, rule: 'must be a function' } });
  }
  return { ...parsed.data, qualifies, atRisk };
}
