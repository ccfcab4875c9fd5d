import { MS_PER_DAY, requireDate } from '../../core/time';
import { type CustomerHistory, normaliseHistory, qualifiedAt } from './history';
import { type StagePolicy, resolvePolicy } from './policy';

/**
 * A lifecycle event at a time, with the context its guards read.
 *
 * @example
 * ```ts
 * const e: TimedEvent = { event: 'purchase', at: new Date('2026-01-05T00:00:00Z'), context: { purchases: 1, repeat: false, loyal: false } };
 * ```
 */
export interface TimedEvent {
  readonly event: string;
  readonly at: Date;
  readonly context: Readonly<Record<string, unknown>>;
}

/**
 * The events of the default lifecycle that a history implies, in time order: `qualify` at the first
 * qualifying interaction before any purchase; `purchase` at each purchase, with the facts
 * `purchases` (count so far), `repeat` and `loyal` (per the {@link StagePolicy}); `inactivity` at
 * `atRiskAfterDays` and `churn` at `churnAfterDays` after a purchase when no purchase came in
 * between (an event falling exactly on the next purchase's instant comes before it); and
 * `inactivity` at `asOf` when the policy's `atRisk` model says so for an active buyer.
 *
 * @param history - one customer's transactions and interactions
 * @param policy - the {@link StagePolicy} (defaults: {@link DEFAULT_STAGE_POLICY})
 * @param options - `asOf`: nothing after it is read
 * @returns the events, oldest first
 * @throws {CrmError} `INVALID_DATE`, `INVALID_ARGUMENT` for a bad history or policy
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * historyEvents({
 *   customerId: 'c-1',
 *   transactions: [{ id: 't-1', customerId: 'c-1', type: 'purchase', occurredAt: d('2026-01-01') }],
 * }, {}, { asOf: d('2026-05-01') }).map((e) => `${e.event}@${e.at.toISOString().slice(0, 10)}`);
 * //=> ['purchase@2026-01-01', 'inactivity@2026-04-01']
 * ```
 */
export function historyEvents(history: CustomerHistory, policy: StagePolicy, options: { readonly asOf: Date }): TimedEvent[] {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const p = resolvePolicy(policy);
  const h = normaliseHistory(history, asOf);
  const risk = p.atRiskAfterDays * MS_PER_DAY;
  const churn = p.churnAfterDays * MS_PER_DAY;
  const window = p.loyaltyWindowDays * MS_PER_DAY;
  const t = h.purchases;
  const out: TimedEvent[] = [];
  const first = t.length > 0 ? (t[0] as number) : Infinity;
  const q = qualifiedAt(h, first, p.qualifies);
  if (q !== undefined) out.push({ event: 'qualify', at: new Date(q), context: {} });
  const gapEvents = (last: number, until: number) => {
    if (last + risk <= until) out.push({ event: 'inactivity', at: new Date(last + risk), context: {} });
    if (last + churn <= until) out.push({ event: 'churn', at: new Date(last + churn), context: {} });
  };
  for (let k = 0; k < t.length; k++) {
    const at = t[k] as number;
    if (k > 0) gapEvents(t[k - 1] as number, at);
    // Deliberately a plain count (not the two-pointer scan deriveStage uses), so the two stay independent.
    const inWindow = t.slice(0, k + 1).filter((x) => at - x <= window).length;
    out.push({ event: 'purchase', at: new Date(at), context: { purchases: k + 1, repeat: k + 1 >= p.repeatAfterPurchases, loyal: inWindow >= p.loyalAfterPurchases } });
  }
  if (t.length > 0) {
    const last = t[t.length - 1] as number;
    gapEvents(last, asOf);
    if (last + risk > asOf && p.atRisk !== undefined) {
      const summary = { customerId: h.customerId, purchases: t.length, firstPurchaseAt: new Date(first), lastPurchaseAt: new Date(last), daysSinceLastPurchase: (asOf - last) / MS_PER_DAY, asOf: new Date(asOf) };
      if (p.atRisk(summary) === true) out.push({ event: 'inactivity', at: new Date(asOf), context: {} });
    }
  }
  return out;
}
