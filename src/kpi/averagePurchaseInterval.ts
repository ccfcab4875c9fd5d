import { MS_PER_DAY } from '../core/time';
import { type KpiOptions, checkPeriod } from './period';
import { type KpiTransaction, purchasesByCustomer } from './purchases';

/**
 * {@link averagePurchaseInterval}'s result; `meanDays` and `medianDays` are null when there is no interval.
 *
 * @example
 * ```ts
 * const r: PurchaseIntervalFigures = { intervals: 2, customers: 1, meanDays: 15, medianDays: 15 };
 * ```
 */
export interface PurchaseIntervalFigures {
  /** Number of intervals measured. */
  readonly intervals: number;
  /** Customers contributing at least one interval. */
  readonly customers: number;
  readonly meanDays: number | null;
  readonly medianDays: number | null;
}

/**
 * Average purchase interval (平均购买间隔) in days of 24 hours: over every pair of consecutive
 * purchases of the same customer whose later purchase falls in the period (the earlier one may be
 * before it), `mean = Σ (tᵢ − tᵢ₋₁) / n`; the median of the same gaps is given too, since gaps are
 * skewed. Each interval counts once, so frequent buyers weigh more (interval-weighted, not
 * customer-weighted).
 *
 * @param transactions - purchases (refunds ignored; duplicate ids count once)
 * @param options - `period` and `asOf` (see {@link KpiOptions})
 * @returns count of intervals and customers, mean and median days
 * @throws {CrmError} `INVALID_DATE`, `INVALID_ARGUMENT` for a bad period
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const t = (id: string, c: string, day: string) => ({ id, customerId: c, type: 'purchase' as const, occurredAt: d(day) });
 * // a: Feb 20 → Mar 2 (10 days) → Mar 22 (20 days); b: one purchase, no interval.
 * averagePurchaseInterval([t('1', 'a', '2026-02-20'), t('2', 'a', '2026-03-02'), t('3', 'a', '2026-03-22'), t('4', 'b', '2026-03-05')],
 *   { period: { start: d('2026-03-01'), end: d('2026-04-01') }, asOf: d('2026-04-01') });
 * //=> { intervals: 2, customers: 1, meanDays: 15, medianDays: 15 }
 * ```
 */
export function averagePurchaseInterval(transactions: Iterable<KpiTransaction>, options: KpiOptions): PurchaseIntervalFigures {
  const [start, end, asOf] = checkPeriod(options);
  const gaps: number[] = [];
  let customers = 0;
  for (const times of purchasesByCustomer(transactions, asOf).values()) {
    let any = false;
    for (let i = 1; i < times.length; i++) {
      const t = times[i] as number;
      if (t < start || t >= end) continue;
      gaps.push((t - (times[i - 1] as number)) / MS_PER_DAY);
      any = true;
    }
    if (any) customers++;
  }
  if (gaps.length === 0) return { intervals: 0, customers: 0, meanDays: null, medianDays: null };
  const sorted = Float64Array.from(gaps).sort();
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) sum += sorted[i] as number;
  const mid = sorted.length >>> 1;
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { intervals: sorted.length, customers, meanDays: sum / sorted.length, medianDays: median };
}
