import { CrmError } from '../errors';
import { requireDate } from '../../core/time/index';
import { type TransactionColumns, badAmountMinor, checkTransactionColumns, requireInstantMs } from '../../customer/transactionColumns';
import { RfmAccumulator, type RfmSummaryColumns, addListedCustomers } from './rfmAccumulator';
import type { SummarizeRfmOptions } from './summarizeRfm';
import { IdCodes } from '../../customer/idCodes';
import { recycleScratch } from '../../core/scratch/scratchArrays';

/**
 * {@link summarizeRfm} over transaction columns: the same definitions and the same figures, with
 * customers in the same order, but read from typed columns and returned as columns, so millions of
 * rows are summarised in one flat pass with no object per row or per customer. Customers given as a
 * {@link DictionaryColumn} are grouped by their integer codes (the fastest input); with a sorted
 * dictionary no sort is needed at all.
 *
 * @param columns - {@link TransactionColumns}: `currency`, `customerId`, `type` (default purchase),
 *   `amountMinor`, `occurredAtMs`
 * @param options - {@link SummarizeRfmOptions}: `asOf` (required), `customerIds`; a `currency`, if
 *   given, must be the columns' currency
 * @returns {@link RfmSummaryColumns}, ordered by customer id
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf` or `occurredAtMs`; `INVALID_MONEY` for an
 *   amount that is not a non-negative integer or a total beyond the safe integer range;
 *   `INVALID_ARGUMENT` for unequal lengths, a bad type, customer id or dictionary index;
 *   `CURRENCY_MISMATCH` when `options.currency` differs; `INVALID_CURRENCY` for a bad currency
 *
 * @example
 * ```ts
 * import { summarizeRfmColumns } from 'crmkit/segmentation';
 * const s = summarizeRfmColumns(
 *   {
 *     currency: 'CNY',
 *     customerId: { dictionary: ['c-1', 'c-2'], indices: Int32Array.of(0, 0, 0, 1) },
 *     type: ['purchase', 'purchase', 'refund', 'purchase'],
 *     amountMinor: Float64Array.of(10000, 5000, 3000, 2500),
 *     occurredAtMs: Float64Array.of(Date.UTC(2026, 1, 1, 12), Date.UTC(2026, 1, 20, 12), Date.UTC(2026, 1, 21, 12), Date.UTC(2026, 1, 27)),
 *   },
 *   { asOf: new Date('2026-03-01T00:00:00Z') },
 * );
 * [s.customerId, Array.from(s.recencyDays), Array.from(s.frequency), Array.from(s.monetaryMinor)];
 * //=> [['c-1', 'c-2'], [8, 2], [2, 1], [12000, 2500]]
 * ```
 */
export function summarizeRfmColumns(columns: TransactionColumns, options: SummarizeRfmOptions): RfmSummaryColumns {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const c = checkTransactionColumns(columns);
  if (options.currency !== undefined && options.currency !== c.currency) {
    throw new CrmError('CURRENCY_MISMATCH', { params: { left: options.currency, right: c.currency } });
  }
  const { n, codes, type, amountMinor, occurredAtMs } = c;
  const ids = c.ids;
  const acc = new RfmAccumulator(ids.length);
  for (let i = 0; i < n; i++) {
    const at = occurredAtMs[i] as number;
    requireInstantMs(at, i);
    const minor = amountMinor[i] as number;
    if (!(minor >= 0 && minor <= Number.MAX_SAFE_INTEGER) || Math.floor(minor) !== minor) badAmountMinor(i);
    const t = type === undefined ? 'purchase' : type[i];
    if (t !== 'purchase' && t !== 'refund') {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `type.${i}`, rule: 'must be purchase or refund' } });
    }
    if (at <= asOf) acc.add(codes[i] as number, t === 'refund', at, minor);
  }
  let summaries: RfmSummaryColumns;
  if (options.customerIds === undefined) summaries = acc.finish(ids, asOf, c.currency);
  else {
    const listed = IdCodes.of(ids);
    addListedCustomers(acc, listed, options.customerIds);
    summaries = acc.finish(listed.ids, asOf, c.currency);
    listed.release();
  }
  acc.release();
  recycleScratch(codes);
  return summaries;
}
