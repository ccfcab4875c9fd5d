import { requireFiniteInRange } from '../core/guards';
import { Money } from '../core/money/Money';
import type { Opportunity } from '../pipeline/opportunity';

const BASE = /* @__PURE__ */ Date.UTC(2026, 0, 1);
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation'] as const;

/**
 * A valid open opportunity of the default B2B pipeline for contract suites and adopters' own tests:
 * `n` picks a deterministic variant (customer `cust-<n % 4>`, owner `owner-<n % 3>`, stage, amount
 * with fen, close date).
 *
 * @param n - any non-negative integer; the same `n` gives the same opportunity
 * @returns a stored-shape opportunity at version 1
 *
 * @example
 * ```ts
 * import { sampleOpportunity } from 'crmkit/testing';
 * [sampleOpportunity(7).id, sampleOpportunity(7).amount.toString()];
 * //=> ['opp-00007', '7000.07 CNY']
 * ```
 */
export function sampleOpportunity(n: number): Opportunity {
  requireFiniteInRange(n, 'n', 0, 999_999, true);
  const at = new Date(BASE + n * 60_000);
  const stage = STAGES[n % STAGES.length] as string;
  return {
    id: `opp-${String(n).padStart(5, '0')}`,
    customerId: `cust-${n % 4}`,
    ownerId: `owner-${n % 3}`,
    name: `Deal ${n}`,
    amount: Money.ofMinor(n * 100_001, 'CNY'),
    stage,
    expectedCloseDate: new Date(BASE + (30 + n) * 86_400_000),
    ...(n % 2 === 0 && { source: 'referral' }),
    createdAt: at,
    updatedAt: at,
    version: 1,
    stageHistory: [{ stage, at }],
  };
}
