import { CrmError } from './errors';
import { type TransactionColumns, badAmountMinor, checkTransactionColumns, requireInstantMs } from '../customer/transactionColumns';
import { periodOfMs } from './period';
import { recycleScratch, scratchArray } from '../core/scratch/scratchArrays';
import { SKIPPED, summarizePurchaseRows } from './purchaseSummaries';
import { type SummarizeOptions, summaryWindow } from './summary';

/**
 * {@link summarizeTransactionsColumns}' result: the columns {@link summaryColumns} makes of
 * {@link summarizeTransactions}' summaries (same customers, same order, same numbers; money as
 * float major units), plus the holdout columns when `calibrationEnd` was given.
 *
 * @example
 * ```ts
 * const s: CustomerSummaryColumns = {
 *   currency: 'USD', ids: ['c-1'], frequency: Float64Array.of(2), recency: Float64Array.of(10),
 *   T: Float64Array.of(30), monetaryValue: Float64Array.of(27.5), droppedNewCustomers: 1,
 * };
 * ```
 */
export interface CustomerSummaryColumns {
  readonly currency: string;
  readonly ids: string[];
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Mean repeat-period total in major units (rounded half-even to the minor unit first). */
  readonly monetaryValue: Float64Array;
  /** Periods with a purchase in the holdout (only with calibrationEnd). */
  readonly holdoutFrequency?: Float64Array;
  /** Mean per-period holdout total in major units (only with calibrationEnd). */
  readonly holdoutMonetaryValue?: Float64Array;
  /** Length of the holdout in periods, the same for every customer (only with calibrationEnd). */
  readonly holdoutDuration?: number;
  /** Customers left out because T = 0, as in {@link CustomerSummaries}. */
  readonly droppedNewCustomers: number;
}

/**
 * {@link summarizeTransactions} over transaction columns: the same definitions, customers and
 * figures, read from typed columns in one flat pass (no Date, Money or object per row) and
 * returned as the columns the models take. Refunds are skipped, as there; customers given as a
 * {@link DictionaryColumn} are grouped by their integer codes.
 *
 * @param columns - {@link TransactionColumns}: `currency`, `customerId`, `type` (default purchase),
 *   `amountMinor`, `occurredAtMs`
 * @param options - {@link SummarizeOptions}: asOf (required), period ('day'), calibrationEnd (none)
 * @returns {@link CustomerSummaryColumns}, ordered by customer id
 * @throws {CrmError} `INVALID_DATE` for a bad asOf, calibrationEnd or `occurredAtMs`;
 *   `INVALID_ARGUMENT` for a bad period, calibrationEnd after asOf, unequal lengths, a bad type,
 *   customer id or dictionary index; `INVALID_MONEY` for an amount that is not a non-negative
 *   integer or a total beyond the safe integer range; `INVALID_CURRENCY` for a bad currency
 *
 * @example
 * ```ts
 * import { summarizeTransactionsColumns } from 'crmkit/clv';
 * const day = (d: number) => Date.UTC(2026, 0, d, 10);
 * const s = summarizeTransactionsColumns(
 *   {
 *     currency: 'USD',
 *     customerId: ['c-1', 'c-1', 'c-1', 'c-1', 'c-2'],
 *     amountMinor: Float64Array.of(1000, 2000, 500, 3000, 800),
 *     occurredAtMs: Float64Array.of(day(1), day(5), day(5), day(11), day(31)),
 *   },
 *   { asOf: new Date('2026-01-31T00:00:00Z') },
 * );
 * [s.ids, s.frequency[0], s.recency[0], s.T[0], s.monetaryValue[0], s.droppedNewCustomers];
 * //=> [['c-1'], 2, 10, 30, 27.5, 1]
 * ```
 */
export function summarizeTransactionsColumns(columns: TransactionColumns, options: SummarizeOptions): CustomerSummaryColumns {
  const { period, calEnd, endP, asOfP } = summaryWindow(options);
  const c = checkTransactionColumns(columns);
  const { n, codes, type, amountMinor, occurredAtMs } = c;
  // One pass checks every row and writes its period (SKIPPED for refunds and rows after asOf); the
  // codes and amounts are then read in place, not copied.
  const periods = scratchArray(Int32Array, n);
  for (let i = 0; i < n; i++) {
    const ms = occurredAtMs[i] as number;
    requireInstantMs(ms, i);
    const minor = amountMinor[i] as number;
    if (!(minor >= 0 && minor <= Number.MAX_SAFE_INTEGER) || Math.floor(minor) !== minor) badAmountMinor(i);
    if (type !== undefined) {
      const t = type[i];
      if (t === 'refund') {
        periods[i] = SKIPPED;
        continue;
      }
      if (t !== 'purchase') throw new CrmError('INVALID_ARGUMENT', { params: { field: `type.${i}`, rule: 'must be purchase or refund' } });
    }
    const p = periodOfMs(ms, period);
    periods[i] = p <= asOfP ? p : SKIPPED;
  }
  const s = summarizePurchaseRows({ customer: codes, period: periods, minor: amountMinor, length: n }, c.ids, endP);
  recycleScratch(codes, periods);
  const unit = 10 ** c.exponent;
  const major = (minor: Float64Array) => {
    const out = new Float64Array(minor.length);
    for (let i = 0; i < out.length; i++) out[i] = (minor[i] as number) / unit;
    return out;
  };
  const out = { currency: c.currency, ids: s.ids, frequency: s.frequency, recency: s.recency, T: s.T, monetaryValue: major(s.monetaryMinor), droppedNewCustomers: s.droppedNewCustomers };
  return calEnd ? { ...out, holdoutFrequency: s.holdoutFrequency, holdoutMonetaryValue: major(s.holdoutMonetaryMinor), holdoutDuration: asOfP - endP } : out;
}
