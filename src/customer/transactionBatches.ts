import { CrmError } from './errors';
import { Money } from '../core/money/Money';
import { minorUnitsOf } from '../core/money/minorUnits';
import type { Transaction } from './transaction';
import type { IdCodes } from './idCodes';

/**
 * The fields of a transaction the summaries read: a full `Transaction` fits (internal; exported
 * by the areas as `RfmTransaction`).
 */
export type TransactionFields = Pick<Transaction, 'customerId' | 'type' | 'amount' | 'occurredAt'>;

/** Rows per batch: a batch's columns stay in the processor's cache between the passes. */
const BATCH = 4096;

/**
 * A batch of checked transactions as columns (internal): row k is customer code `codes[k]`,
 * instant `atMs[k]`, `minor[k]` non-negative minor units, `refund[k]` 1 for a refund. Valid for
 * the duration of the callback only (the arrays are reused).
 */
export interface TransactionBatch {
  readonly count: number;
  readonly codes: Int32Array;
  readonly atMs: Float64Array;
  readonly minor: Float64Array;
  readonly refund: Uint8Array;
}

function bad(index: number, field: string, rule: string): never {
  throw new CrmError('INVALID_ARGUMENT', { params: { field: `transactions.${index}.${field}`, rule } });
}

function badAmount(index: number): never {
  throw new CrmError('INVALID_MONEY', { params: { field: `transactions.${index}.amount`, rule: 'must be a non-negative Money' } });
}

/**
 * Reads and checks every transaction, coding customer ids with `codes`, and hands them to
 * `onBatch` in batches of columns; returns the currency (`given`, else the first transaction's;
 * undefined when there are none). Each batch goes through tight passes (read and check each
 * object into typed columns, then code the batch's ids with {@link IdCodes.codeBatch}) so the hash
 * lookups' cache misses overlap; amounts become minor units without Decimal arithmetic
 * ({@link minorUnitsOf}) and instants numbers: nothing is allocated per row (internal).
 *
 * @throws {CrmError} `INVALID_ARGUMENT` when `transactions` is not iterable or a row is not an
 *   object with a non-empty string `customerId` and a `type` of purchase or refund; `INVALID_DATE`
 *   for an `occurredAt` that is not a valid Date; `INVALID_MONEY` for an amount that is not a
 *   non-negative Money; `CURRENCY_MISMATCH` when amounts mix currencies
 * @internal
 */
export function readTransactionBatches(
  transactions: Iterable<TransactionFields>,
  codes: IdCodes,
  given: string | undefined,
  onBatch: (batch: TransactionBatch) => void,
): string | undefined {
  if (transactions === null || typeof transactions !== 'object' || !(Symbol.iterator in transactions)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'transactions', rule: 'must be an iterable of transactions' } });
  }
  let currency = given;
  let exponent = currency === undefined ? -1 : Money.zero(currency).exponent;
  const ids = new Array<string>(BATCH);
  const batch = { count: 0, codes: new Int32Array(BATCH), atMs: new Float64Array(BATCH), minor: new Float64Array(BATCH), refund: new Uint8Array(BATCH) };
  const flush = () => {
    codes.codeBatch(ids, batch.count, batch.codes);
    onBatch(batch);
    batch.count = 0;
  };
  let index = 0;
  for (const t of transactions) {
    if (t === null || typeof t !== 'object') bad(index, 'customerId', 'must be a non-empty string');
    const id = t.customerId;
    if (typeof id !== 'string' || id === '') bad(index, 'customerId', 'must be a non-empty string');
    const occurredAt = t.occurredAt;
    const at = occurredAt instanceof Date ? occurredAt.getTime() : Number.NaN;
    if (Number.isNaN(at)) throw new CrmError('INVALID_DATE', { params: { field: `transactions.${index}.occurredAt` } });
    const amount = t.amount;
    // This copy's Money is recognised by its private field; the brand check is for other copies.
    if (!Money.isOwn(amount) && !Money.isMoney(amount)) badAmount(index);
    const type = t.type;
    if (type !== 'purchase' && type !== 'refund') bad(index, 'type', 'must be purchase or refund');
    if (amount.currency !== currency) {
      if (currency !== undefined) throw new CrmError('CURRENCY_MISMATCH', { params: { left: currency, right: amount.currency } });
      currency = amount.currency;
      exponent = amount.exponent;
    }
    const minor = minorUnitsOf(amount, exponent);
    if (minor < 0) badAmount(index);
    const k = batch.count;
    ids[k] = id;
    batch.atMs[k] = at;
    batch.minor[k] = minor;
    batch.refund[k] = type === 'refund' ? 1 : 0;
    batch.count = k + 1;
    if (batch.count === BATCH) flush();
    index++;
  }
  if (batch.count > 0) flush();
  return currency;
}
