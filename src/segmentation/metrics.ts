import type { RfmSummary } from './rfm/summarizeRfm';
import { rfmScores, type RfmScoreOptions } from './rfm/rfmScores';
import { rfmSegment } from './rfm/rfmSegment';
import { DEFAULT_RFM_SEGMENT_MAP, type RfmSegmentMap } from './rfm/segmentMap';
import type { CustomerMetrics } from './rules/fields';

/**
 * The segment key {@link rfmMetrics} gives customers without any purchase.
 *
 * @example
 * ```ts
 * import { NO_PURCHASE_SEGMENT, recommendTreatments } from 'crmkit/segmentation';
 * recommendTreatments(NO_PURCHASE_SEGMENT)[0].key;
 * //=> 'first-purchase-discount'
 * ```
 */
export const NO_PURCHASE_SEGMENT = 'no-purchase';

/**
 * Options for {@link rfmMetrics}: scoring options plus the segment map.
 *
 * @example
 * ```ts
 * const options: RfmMetricsOptions = { bins: 5 };
 * ```
 */
export interface RfmMetricsOptions extends RfmScoreOptions {
  /** The segment map naming `rfmSegment`; default {@link DEFAULT_RFM_SEGMENT_MAP}. */
  readonly map?: RfmSegmentMap;
}

/**
 * Turns RFM summaries into the per-customer {@link CustomerMetrics} that segment rules read:
 * scores ({@link rfmScores}), the segment key ({@link rfmSegment}), lifetime spend in minor units,
 * purchase count, recency and last purchase date. Customers who never bought (`recencyDays: null`,
 * listed through `customerIds` in {@link summarizeRfm}) still get scores (the lowest recency) but
 * their segment is {@link NO_PURCHASE_SEGMENT} rather than a dormant RFM segment, since they were
 * never active. Pass the result as `metrics` to {@link evaluateSegment}.
 *
 * @param summaries - from {@link summarizeRfm}
 * @param options - {@link RfmMetricsOptions}: `bins` (default 5) or `thresholds`, and `map`
 * @returns metrics by customer id
 * @throws {CrmError} as {@link rfmScores} and {@link rfmSegment}
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * import { rfmMetrics, summarizeRfm } from 'crmkit/segmentation';
 * const buy = (customerId: string, amount: string, day: string) =>
 *   ({ customerId, type: 'purchase' as const, amount: Money.of(amount, 'CNY'), occurredAt: new Date(`${day}T00:00:00Z`) });
 * const summaries = summarizeRfm([buy('a', '900', '2026-02-27'), buy('a', '300', '2026-01-05'), buy('b', '20', '2025-06-01')], { asOf: new Date('2026-03-01T00:00:00Z') });
 * const metrics = rfmMetrics(summaries);
 * metrics.get('a');
 * //=> { rfm: { r: 3, f: 3, m: 3 }, rfmSegment: 'loyal-customers', lifetimeSpendMinor: 120000, purchaseCount: 2, recencyDays: 2, lastPurchaseAt: '2026-02-27T00:00:00.000Z' }
 * ```
 */
export function rfmMetrics(summaries: readonly RfmSummary[], options: RfmMetricsOptions = {}): Map<string, CustomerMetrics> {
  const scores = rfmScores(summaries, options);
  const map = options.map ?? DEFAULT_RFM_SEGMENT_MAP;
  const out = new Map<string, CustomerMetrics>();
  summaries.forEach((s, i) => {
    const { r, f, m } = scores[i] as { r: number; f: number; m: number };
    out.set(s.customerId, {
      rfm: { r, f, m },
      rfmSegment: s.recencyDays === null ? NO_PURCHASE_SEGMENT : rfmSegment({ r, f, m }, map).key,
      lifetimeSpendMinor: s.monetaryMinor,
      purchaseCount: s.frequency,
      recencyDays: s.recencyDays,
      lastPurchaseAt: s.lastPurchaseAt,
    });
  });
  return out;
}
