import { type KpiOptions, type KpiPeriod, checkPeriod } from './period';
import { type KpiTransaction, anyIn, purchasesByCustomer, ratio } from './purchases';

/**
 * Options of {@link retentionRate} and {@link churnRate}: the {@link KpiOptions}, and `basePeriod`,
 * whose buyers form the base (default: the period of equal length just before `period`).
 *
 * @example
 * ```ts
 * const o: RetentionOptions = {
 *   period: { start: new Date('2026-04-01T00:00:00Z'), end: new Date('2026-07-01T00:00:00Z') },
 *   asOf: new Date('2026-07-01T00:00:00Z'),
 * };
 * ```
 */
export interface RetentionOptions extends KpiOptions {
  readonly basePeriod?: KpiPeriod;
}

/**
 * {@link retentionRate}'s result: `base` customers (bought in the base period), `retained` (of
 * those, bought again in the period), and `rate` = retained / base (null when base is 0).
 *
 * @example
 * ```ts
 * const r: RetentionFigures = { base: 4, retained: 3, rate: 0.75 };
 * ```
 */
export interface RetentionFigures {
  readonly base: number;
  readonly retained: number;
  readonly rate: number | null;
}

/** Shared by retention and churn: the base customers and which of them were retained. */
export function retentionCounts(byCustomer: ReadonlyMap<string, readonly number[]>, options: RetentionOptions, only?: (customerId: string) => boolean): RetentionFigures {
  const [start, end] = checkPeriod(options);
  const base = options.basePeriod ?? { start: new Date(2 * start - end), end: new Date(start) };
  const [bStart, bEnd] = checkPeriod({ period: base, asOf: options.asOf }, 'basePeriod');
  let n = 0;
  let kept = 0;
  for (const [id, times] of byCustomer) {
    if (only !== undefined && !only(id)) continue;
    if (!anyIn(times, bStart, bEnd)) continue;
    n++;
    if (anyIn(times, start, end)) kept++;
  }
  return { base: n, retained: kept, rate: ratio(kept, n) };
}

/**
 * Customer retention rate for a period, activity-based (for non-contractual businesses, where a
 * customer "stays" by buying again):
 *
 * `retention = |B ∩ P| / |B|`, where B = customers with a purchase in the base period and P =
 * customers with a purchase in `period`. This is the repeat-customer form of the retention rate in
 * Farris, Bendle, Pfeifer and Reibstein, *Marketing Metrics* (2nd ed., 2010), §5.3 — the share of
 * last period's customers who are customers again this period. New customers never raise it.
 *
 * @param transactions - purchases (refunds ignored; duplicate ids count once)
 * @param options - `period`, `asOf` (see {@link KpiOptions}), `basePeriod` (default: the equal-length period before)
 * @returns base, retained and rate
 * @throws {CrmError} `INVALID_DATE` for bad dates; `INVALID_ARGUMENT` for a period that is empty,
 *   reversed or ends after `asOf`
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const t = (id: string, c: string, day: string) => ({ id, customerId: c, type: 'purchase' as const, occurredAt: d(day) });
 * // Q1 buyers: a, b, c. Q2 buyers: a, c, e. Retained 2 of 3.
 * retentionRate([t('1', 'a', '2026-01-05'), t('2', 'b', '2026-02-01'), t('3', 'c', '2026-03-30'), t('4', 'a', '2026-04-02'), t('5', 'c', '2026-05-05'), t('6', 'e', '2026-06-01')],
 *   { period: { start: d('2026-04-01'), end: d('2026-07-01') }, basePeriod: { start: d('2026-01-01'), end: d('2026-04-01') }, asOf: d('2026-07-01') });
 * //=> { base: 3, retained: 2, rate: 2 / 3 }
 * ```
 */
export function retentionRate(transactions: Iterable<KpiTransaction>, options: RetentionOptions): RetentionFigures {
  const [, , asOf] = checkPeriod(options);
  return retentionCounts(purchasesByCustomer(transactions, asOf), options);
}

/**
 * {@link churnRate}'s result: `base` customers, `churned` (no purchase in the period), `rate` =
 * churned / base (null when base is 0).
 *
 * @example
 * ```ts
 * const r: ChurnFigures = { base: 4, churned: 1, rate: 0.25 };
 * ```
 */
export interface ChurnFigures {
  readonly base: number;
  readonly churned: number;
  readonly rate: number | null;
}

/**
 * Customer churn rate for a period, the complement of {@link retentionRate}:
 * `churn = |B \ P| / |B| = 1 − retention`, with B the base period's buyers and P the period's
 * (Farris et al., *Marketing Metrics*, 2010, §5.3: churn is the share of customers lost).
 *
 * @param transactions - purchases (refunds ignored; duplicate ids count once)
 * @param options - as {@link retentionRate}
 * @returns base, churned and rate
 * @throws {CrmError} `INVALID_DATE`, `INVALID_ARGUMENT` as {@link retentionRate}
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const t = (id: string, c: string, day: string) => ({ id, customerId: c, type: 'purchase' as const, occurredAt: d(day) });
 * // March buyers a, b; April buyers a. b churned: 1 of 2.
 * churnRate([t('1', 'a', '2026-03-03'), t('2', 'b', '2026-03-09'), t('3', 'a', '2026-04-10')],
 *   { period: { start: d('2026-04-01'), end: d('2026-05-01') }, basePeriod: { start: d('2026-03-01'), end: d('2026-04-01') }, asOf: d('2026-05-01') });
 * //=> { base: 2, churned: 1, rate: 0.5 }
 * ```
 */
export function churnRate(transactions: Iterable<KpiTransaction>, options: RetentionOptions): ChurnFigures {
  const r = retentionRate(transactions, options);
  const churned = r.base - r.retained;
  return { base: r.base, churned, rate: ratio(churned, r.base) };
}
