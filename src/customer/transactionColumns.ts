import { CrmError } from './errors';
import { Money } from '../core/money/Money';
import { isTimeInRange } from '../core/time/range';
import { IdCodes } from './idCodes';
import { scratchArray } from '../core/scratch/scratchArrays';
import { sortCodesById } from './idOrder';

/**
 * Customer ids dictionary-encoded, the way Arrow, Parquet and DuckDB hand out a string column:
 * row `i` belongs to `dictionary[indices[i]]`. Decoding costs nothing and grouping by the integer
 * codes is much faster than by strings.
 *
 * @example
 * ```ts
 * const ids: DictionaryColumn = { dictionary: ['c-1', 'c-2'], indices: Int32Array.of(0, 1, 0) };
 * ```
 */
export interface DictionaryColumn {
  /** The distinct values (non-empty strings; duplicates are allowed and merged). */
  readonly dictionary: readonly string[];
  /** Per row, an integer index into `dictionary`. */
  readonly indices: ArrayLike<number>;
}

/**
 * Transactions as parallel columns, row `i` across every column: the fast input of
 * `summarizeRfmColumns` and `summarizeTransactionsColumns` for millions of rows read from Arrow,
 * Parquet or a database driver. The fields are a `Transaction`'s, with `amount` as integer minor
 * units in one `currency` (as `amountMinor` in `TransactionTable`) and `occurredAt` as epoch
 * milliseconds.
 *
 * @example
 * ```ts
 * const cols: TransactionColumns = {
 *   currency: 'CNY',
 *   customerId: ['c-1', 'c-2', 'c-1'],
 *   type: ['purchase', 'purchase', 'refund'],
 *   amountMinor: Float64Array.of(9900, 1999, 900),
 *   occurredAtMs: Float64Array.of(Date.UTC(2026, 0, 5), Date.UTC(2026, 0, 9), Date.UTC(2026, 1, 1)),
 * };
 * ```
 */
export interface TransactionColumns {
  /** ISO 4217 code of every amount. */
  readonly currency: string;
  /** Per row, the customer id (non-empty): plain strings or a {@link DictionaryColumn}. */
  readonly customerId: ArrayLike<string> | DictionaryColumn;
  /** Per row, `'purchase'` or `'refund'`. Default: every row is a purchase. */
  readonly type?: ArrayLike<string>;
  /** Per row, the amount in integer minor units (fen, cents), non-negative. */
  readonly amountMinor: ArrayLike<number>;
  /** Per row, when it happened: integer epoch milliseconds (UTC), years 0001-9999. */
  readonly occurredAtMs: ArrayLike<number>;
}

/**
 * Customers as integer codes: `codes[i]` of row i indexes `ids`, whose entries are distinct
 * (internal). `codes` is scratch (core/scratch): the caller hands it back when done.
 */
export interface CustomerCodes {
  readonly codes: Int32Array;
  readonly ids: readonly string[];
}

/** The checked columns with customers as codes (internal). */
export interface CheckedColumns extends CustomerCodes {
  readonly n: number;
  readonly currency: string;
  readonly exponent: number;
  readonly type: ArrayLike<string> | undefined;
  readonly amountMinor: ArrayLike<number>;
  readonly occurredAtMs: ArrayLike<number>;
}

function bad(field: string, rule: string, index?: number): never {
  throw new CrmError('INVALID_ARGUMENT', { params: { field: index === undefined ? field : `${field}.${index}`, rule } });
}

function isDictionary(c: unknown): c is DictionaryColumn {
  return typeof c === 'object' && c !== null && 'dictionary' in c && 'indices' in c;
}

function requireId(id: unknown, field: string, index: number): string {
  if (typeof id !== 'string' || id === '') bad(field, 'must be a non-empty string', index);
  return id;
}

/**
 * Distinct ids and codes from a plain column, in one pass (see {@link IdCodes.codeBatch}); the ids
 * are checked once each, afterwards, and a bad one is reported at its first row.
 */
function codesOfStrings(column: ArrayLike<string>, n: number): CustomerCodes {
  const codes = scratchArray(Int32Array, n);
  const coder = new IdCodes(n);
  coder.codeBatch(column, n, codes);
  coder.release();
  const ids = coder.ids;
  for (let c = 0; c < ids.length; c++) {
    const id = ids[c];
    if (typeof id !== 'string' || id === '') bad('customerId', 'must be a non-empty string', codes.indexOf(c));
  }
  return { codes, ids };
}

/**
 * Codes from a dictionary column; duplicate dictionary entries are merged into one code. A
 * dictionary in strictly ascending order (checked in one pass; a sorted dictionary is common) has
 * no duplicates, so its indices are the codes and no Map of a million ids is built.
 */
function codesOfDictionary(column: DictionaryColumn, n: number): CustomerCodes {
  const { dictionary, indices } = column;
  if (!Array.isArray(dictionary)) bad('customerId.dictionary', 'must be an array');
  if (indices?.length !== n) bad('columns', 'customerId, amountMinor, occurredAtMs and type must have equal lengths');
  const size = dictionary.length;
  let ascending = true;
  for (let d = 0; d < size; d++) {
    const id = requireId(dictionary[d], 'customerId.dictionary', d);
    if (d > 0 && !((dictionary[d - 1] as string) < id)) ascending = false;
  }
  const { ids, remap } = ascending ? { ids: dictionary.slice() as string[], remap: undefined } : mergeDuplicates(dictionary);
  const codes = scratchArray(Int32Array, n);
  for (let i = 0; i < n; i++) {
    const k = indices[i] as number;
    if (!(k >= 0 && k < size) || Math.floor(k) !== k) bad('customerId.indices', 'must be integer indices into the dictionary', i);
    codes[i] = remap === undefined ? k : (remap[k] as number);
  }
  return { codes, ids };
}

/** The distinct entries of a dictionary and, per entry, the code of its first occurrence. */
function mergeDuplicates(dictionary: readonly string[]): { ids: string[]; remap: Int32Array } {
  const remap = new Int32Array(dictionary.length);
  const ids: string[] = [];
  const seen = new Map<string, number>();
  for (let d = 0; d < dictionary.length; d++) {
    const id = dictionary[d] as string;
    let c = seen.get(id);
    if (c === undefined) {
      c = ids.length;
      seen.set(id, c);
      ids.push(id);
    }
    remap[d] = c;
  }
  return { ids, remap };
}

/**
 * Checks {@link TransactionColumns} (equal lengths, currency) and encodes customers as codes;
 * amounts, instants and types are checked by the caller's row loop (internal).
 */
export function checkTransactionColumns(columns: TransactionColumns): CheckedColumns {
  if (columns === null || typeof columns !== 'object') bad('columns', 'must be transaction columns');
  const { currency, customerId, type, amountMinor, occurredAtMs } = columns;
  const exponent = Money.zero(currency as string).exponent;
  const n = amountMinor?.length;
  if (typeof n !== 'number' || occurredAtMs?.length !== n || (type !== undefined && type?.length !== n) || customerId === null || typeof customerId !== 'object') {
    bad('columns', 'customerId, amountMinor, occurredAtMs and type must have equal lengths');
  }
  let ids: CustomerCodes;
  if (isDictionary(customerId)) ids = codesOfDictionary(customerId, n);
  else {
    if (customerId.length !== n) bad('columns', 'customerId, amountMinor, occurredAtMs and type must have equal lengths');
    ids = codesOfStrings(customerId, n);
  }
  return { n, currency, exponent, type, amountMinor, occurredAtMs, ...ids };
}

/** Throws unless `minor` is a non-negative safe integer amount (internal, per row). */
export function badAmountMinor(index: number): never {
  throw new CrmError('INVALID_MONEY', { params: { field: `amountMinor.${index}`, rule: 'must be zero or more, in whole minor units, below 2^53 of them' } });
}

/** Throws unless `ms` is an integer instant in years 0001-9999 (internal, per row). */
export function requireInstantMs(ms: number, index: number): void {
  if (!isTimeInRange(ms) || Math.floor(ms) !== ms) throw new CrmError('INVALID_DATE', { params: { field: `occurredAtMs.${index}` } });
}

/**
 * Orders the codes in `present` (a 0/1 flag per code) by id, as `[...ids].sort()` would: a
 * linear check first, because ids often arrive sorted (a sorted dictionary, a table ordered by
 * customer) and then no sort is needed (internal).
 */
export function codesById(ids: readonly string[], present: Uint8Array): Int32Array {
  let count = 0;
  let sorted = true;
  let prev: string | undefined;
  for (let c = 0; c < ids.length; c++) {
    if (present[c] === 0) continue;
    const id = ids[c] as string;
    // once out of order, no more comparing (a string comparison is a call into the runtime)
    if (sorted && prev !== undefined && !(prev < id)) sorted = false;
    prev = id;
    count++;
  }
  const order = new Int32Array(count);
  let k = 0;
  for (let c = 0; c < ids.length; c++) if (present[c] !== 0) order[k++] = c;
  if (!sorted) sortCodesById(ids, order);
  return order;
}
