import { MS_PER_DAY, requireDate } from '../../core/time';
import type { LifecycleState } from '../machine/state';
import { type CustomerHistory, normaliseHistory, qualifiedAt } from './history';
import { type StagePolicy, resolvePolicy } from './policy';

/**
 * The stage of the default lifecycle a customer is in at `asOf`, computed straight from the
 * history in one pass over the sorted purchase times (no state machine, no per-purchase
 * allocation). It is, by construction and by property test, the final state of {@link replay}:
 *
 * - no purchase: `lead` from the first qualifying interaction, else `prospect`;
 * - after each purchase: `won_back` if the gap before it reached `churnAfterDays`; otherwise
 *   `loyal` if loyal already (and the gap stayed under `atRiskAfterDays`) or if at least
 *   `loyalAfterPurchases` purchases fall within `loyaltyWindowDays` ending at it; otherwise `repeat`
 *   once `repeatAfterPurchases` purchases are reached; otherwise the stage stays (`first_purchase`
 *   or `won_back`);
 * - then `churned` from last purchase + `churnAfterDays`, `at_risk` from last purchase +
 *   `atRiskAfterDays`, or `at_risk` from `asOf` when the policy's `atRisk` model says so.
 *
 * Duplicate transaction ids count once; refunds are not purchases; nothing after `asOf` is read.
 *
 * @param history - the customer's transactions and interactions
 * @param policy - the {@link StagePolicy} (defaults {@link DEFAULT_STAGE_POLICY})
 * @param options - `asOf`: the moment to evaluate
 * @returns the state: stage and since when
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf` or event date; `INVALID_ARGUMENT` for a bad
 *   policy or a transaction of another customer
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const buy = (id: string, day: string) => ({ id, customerId: 'c-1', type: 'purchase' as const, occurredAt: d(day) });
 * const history = { customerId: 'c-1', transactions: [buy('t1', '2026-01-01'), buy('t2', '2026-02-01'), buy('t2', '2026-02-01')] };
 * deriveStage(history, {}, { asOf: d('2026-03-01') }).stage;
 * //=> 'repeat'
 * deriveStage(history, { atRiskAfterDays: 20, churnAfterDays: 60 }, { asOf: d('2026-03-01') }).since.toISOString();
 * //=> '2026-02-21T00:00:00.000Z'
 * ```
 */
export function deriveStage(history: CustomerHistory, policy: StagePolicy, options: { readonly asOf: Date }): LifecycleState {
  const asOfDate = requireDate(options?.asOf, 'asOf');
  const asOf = asOfDate.getTime();
  const p = resolvePolicy(policy);
  const h = normaliseHistory(history, asOf);
  const t = h.purchases;
  const n = t.length;
  const state = (stage: string, since: number): LifecycleState => Object.freeze({ customerId: h.customerId, stage, since: new Date(since) });
  if (n === 0) {
    const q = qualifiedAt(h, Infinity, p.qualifies);
    return q === undefined ? state('prospect', h.start) : state('lead', q);
  }
  const risk = p.atRiskAfterDays * MS_PER_DAY;
  const churn = p.churnAfterDays * MS_PER_DAY;
  const window = p.loyaltyWindowDays * MS_PER_DAY;
  let stage = 'first_purchase';
  let since = t[0] as number;
  let lo = 0;
  for (let k = 1; k < n; k++) {
    const at = t[k] as number;
    const gap = at - (t[k - 1] as number);
    while (at - (t[lo] as number) > window) lo++;
    const loyal = k + 1 - lo >= p.loyalAfterPurchases;
    const repeat = k + 1 >= p.repeatAfterPurchases;
    let next: string;
    if (gap >= churn) next = 'won_back';
    else if (gap >= risk) next = loyal ? 'loyal' : repeat ? 'repeat' : 'first_purchase';
    else if (stage === 'loyal' || loyal) next = 'loyal';
    else if (repeat) next = 'repeat';
    else next = stage;
    if (next !== stage || gap >= risk) since = at;
    stage = next;
  }
  const last = t[n - 1] as number;
  if (last + churn <= asOf) return state('churned', last + churn);
  if (last + risk <= asOf) return state('at_risk', last + risk);
  if (p.atRisk !== undefined) {
    const summary = { customerId: h.customerId, purchases: n, firstPurchaseAt: new Date(t[0] as number), lastPurchaseAt: new Date(last), daysSinceLastPurchase: (asOf - last) / MS_PER_DAY, asOf: asOfDate };
    if (p.atRisk(summary) === true) return state('at_risk', asOf);
  }
  return state(stage, since);
}
