import { CrmError } from '../errors';
import { Money } from '../../core/money/Money';
import { requireDate } from '../../core/time/index';
import { RfmAccumulator, addListedCustomers, recencyDays } from './rfmAccumulator';
import type { Transaction } from '../../customer/transaction';
import { readTransactionBatches } from '../../customer/transactionBatches';
import { IdCodes } from '../../customer/idCodes';

/**
 * One customer's RFM inputs, as {@link summarizeRfm} computes them.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const s: RfmSummary = {
 *   customerId: 'c-1', recencyDays: 3, frequency: 2, monetaryMinor: 19998,
 *   monetary: Money.ofMinor(19998, 'CNY'), lastPurchaseAt: new Date('2026-02-26T00:00:00Z'),
 * };
 * ```
 */
export interface RfmSummary {
  readonly customerId: string;
  /** Whole days (24-hour periods) from the last purchase to `asOf`; `null` when there was no purchase. */
  readonly recencyDays: number | null;
  /** Number of purchases (refunds do not reduce it). */
  readonly frequency: number;
  /** Purchases minus refunds, in integer minor units (fen, cents); negative only if refunds exceed purchases. */
  readonly monetaryMinor: number;
  /** The same value as Money. */
  readonly monetary: Money;
  /** The last purchase on or before `asOf`, or `null`. */
  readonly lastPurchaseAt: Date | null;
}

/**
 * Options for {@link summarizeRfm}.
 *
 * @example
 * ```ts
 * const options: SummarizeRfmOptions = { asOf: new Date('2026-03-01T00:00:00Z'), currency: 'CNY' };
 * ```
 */
export interface SummarizeRfmOptions {
  /** The analysis date. Transactions after it are ignored. Required. */
  readonly asOf: Date;
  /**
   * The currency every amount must be in. Default: the currency of the first transaction. Required
   * when `customerIds` is given and there may be no transactions at all.
   */
  readonly currency?: string;
  /**
   * Customers to include even without transactions (they get `recencyDays: null`, frequency 0,
   * monetary zero). Default: only customers that have transactions.
   */
  readonly customerIds?: Iterable<string>;
}

/**
 * The fields of a transaction {@link summarizeRfm} reads: a full `Transaction` fits.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const t: RfmTransaction = { customerId: 'c1', type: 'purchase', amount: Money.of('10', 'CNY'), occurredAt: new Date('2026-01-01') };
 * ```
 */
export type RfmTransaction = Pick<Transaction, 'customerId' | 'type' | 'amount' | 'occurredAt'>;

/**
 * Per-customer recency, frequency and monetary value from transactions (Hughes 1994, *Strategic
 * Database Marketing*; the RFM model). Recency is the number of whole 24-hour periods from the last
 * purchase to `asOf` (time-zone independent); frequency counts purchases; monetary value is
 * purchases minus refunds, exact in minor units. Transactions after `asOf` are ignored. The output
 * is sorted by customer id so it is the same for any input order.
 *
 * @param transactions - purchases and refunds (amounts non-negative, all in one currency)
 * @param options - {@link SummarizeRfmOptions}; `asOf` is required
 * @returns one summary per customer, sorted by customer id
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf` or `occurredAt`; `INVALID_MONEY` for a
 *   missing or negative amount; `CURRENCY_MISMATCH` when amounts mix currencies;
 *   `INVALID_ARGUMENT` for a bad transaction type or id, or `customerIds` without a known currency
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * import { summarizeRfm } from 'crmkit/segmentation';
 * const tx = (customerId: string, type: 'purchase' | 'refund', amount: string, day: string) =>
 *   ({ customerId, type, amount: Money.of(amount, 'CNY'), occurredAt: new Date(`${day}T12:00:00Z`) });
 * const [a] = summarizeRfm(
 *   [tx('c-1', 'purchase', '100', '2026-02-01'), tx('c-1', 'purchase', '50', '2026-02-20'), tx('c-1', 'refund', '30', '2026-02-21')],
 *   { asOf: new Date('2026-03-01T00:00:00Z') },
 * );
 * [a.recencyDays, a.frequency, a.monetary.toString()];
 * //=> [8, 2, '120.00 CNY']
 * ```
 */
export function summarizeRfm(transactions: Iterable<RfmTransaction>, options: SummarizeRfmOptions): RfmSummary[] {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  if (options.currency !== undefined) Money.zero(options.currency);
  const acc = new RfmAccumulator(1024);
  const codes = new IdCodes(Array.isArray(transactions) ? transactions.length : 0);
  const currency = addTransactions(transactions, acc, codes, asOf, options.currency);
  if (options.customerIds !== undefined) addListedCustomers(acc, codes, options.customerIds);
  if (codes.ids.length > 0 && currency === undefined) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'currency', rule: 'required when there are no transactions' } });
  }
  const rows = summaryRows(acc, codes.ids, asOf, currency as string);
  codes.release();
  acc.release();
  return rows;
}

/** The summaries of the customers in `acc`, ordered by id, straight from its totals. */
function summaryRows(acc: RfmAccumulator, ids: readonly string[], asOf: number, currency: string): RfmSummary[] {
  const order = acc.order(ids);
  const n = order.length;
  const out = new Array<RfmSummary>(n);
  for (let i = 0; i < n; i++) {
    const c = order[i] as number;
    const frequency = acc.frequency(c);
    const bought = frequency > 0;
    const last = acc.last(c);
    const monetaryMinor = acc.minor(c);
    out[i] = {
      customerId: ids[c] as string,
      recencyDays: bought ? recencyDays(asOf, last) : null,
      frequency,
      monetaryMinor,
      monetary: Money.ofMinor(monetaryMinor, currency),
      lastPurchaseAt: bought ? new Date(last) : null,
    };
  }
  return out;
}

/** Adds every transaction on or before `asOf` to `acc`, checking them all, and returns the currency. */
function addTransactions(transactions: Iterable<RfmTransaction>, acc: RfmAccumulator, codes: IdCodes, asOf: number, given: string | undefined): string | undefined {
  return readTransactionBatches(transactions, codes, given, (b) => {
    acc.reserve(codes.ids.length);
    for (let k = 0; k < b.count; k++) {
      const at = b.atMs[k] as number;
      if (at <= asOf) acc.add(b.codes[k] as number, b.refund[k] === 1, at, b.minor[k] as number);
    }
  });
}
