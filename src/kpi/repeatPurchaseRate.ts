import { type KpiOptions, checkPeriod } from './period';
import { type KpiTransaction, countIn, purchasesByCustomer, ratio } from './purchases';

/**
 * {@link repeatPurchaseRate}'s result.
 *
 * @example
 * ```ts
 * const r: RepeatPurchaseFigures = { buyers: 10, repeatBuyers: 3, rate: 0.3 };
 * ```
 */
export interface RepeatPurchaseFigures {
  /** Customers with at least one purchase in the period. */
  readonly buyers: number;
  /** Customers with at least two purchases in the period. */
  readonly repeatBuyers: number;
  /** repeatBuyers / buyers, or null when there were no buyers. */
  readonly rate: number | null;
}

/**
 * Repeat-purchase rate (复购率) of a period: `repeat buyers / buyers`, where buyers made at least one
 * purchase in the period and repeat buyers at least two (the customer-count definition common in
 * e-commerce reporting, for example Farris et al., *Marketing Metrics*, 2010, §5.3 "repeat rate").
 *
 * @param transactions - purchases (refunds ignored; duplicate ids count once)
 * @param options - `period` and `asOf` (see {@link KpiOptions})
 * @returns buyers, repeat buyers and rate
 * @throws {CrmError} `INVALID_DATE`, `INVALID_ARGUMENT` for a bad period
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const t = (id: string, c: string, day: string) => ({ id, customerId: c, type: 'purchase' as const, occurredAt: d(day) });
 * // a buys twice, b once, c once: 1 of 3 buyers repeated.
 * repeatPurchaseRate([t('1', 'a', '2026-03-01'), t('2', 'a', '2026-03-20'), t('3', 'b', '2026-03-02'), t('4', 'c', '2026-03-03'), t('4', 'c', '2026-03-03')],
 *   { period: { start: d('2026-03-01'), end: d('2026-04-01') }, asOf: d('2026-04-01') });
 * //=> { buyers: 3, repeatBuyers: 1, rate: 1 / 3 }
 * ```
 */
export function repeatPurchaseRate(transactions: Iterable<KpiTransaction>, options: KpiOptions): RepeatPurchaseFigures {
  const [start, end, asOf] = checkPeriod(options);
  let buyers = 0;
  let repeat = 0;
  for (const times of purchasesByCustomer(transactions, asOf).values()) {
    const n = countIn(times, start, end);
    if (n >= 1) buyers++;
    if (n >= 2) repeat++;
  }
  return { buyers, repeatBuyers: repeat, rate: ratio(repeat, buyers) };
}
