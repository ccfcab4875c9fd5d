import type { Customer } from '../../customer/customer';
import { type Features, HASH_COLUMNS, emptyFeatures, requireCustomerShape, textColumns, writeFeatures } from './features';
import { CHUNK_ROWS, type Column, reserveChunk, truncateColumn } from './column';
import { customKeyHashes } from './keyHash';
import { StringCache } from './stringCache';

/** A custom blocking key: the key(s) of a customer (blocking.ts's CustomBlockingKey). */
type CustomKey = (customer: Customer) => unknown;

// Rows of the hash columns of a stream of unknown length at first; they double when full.
const FIRST_HASH_ROWS = 1024;

/**
 * Feature rows written one record at a time, keeping nothing of a record but its features (and the
 * hashes of its custom blocking keys): how findDuplicates reads an iterable or a stream, so memory
 * holds the features, not the records. Each record's shape is checked as it comes.
 *
 * The text columns fill chunks sized up front ({@link Column}), which are kept as they are when
 * the input ends: columns grown by appending would be copied at every growth, and chunks joined
 * into flat columns at the end would be copied once, each old copy left for a full collection to
 * free. The hash columns (four bytes a row each) are typed arrays that double when full, or sized
 * once when the number of records is known.
 */
export class FeatureRows {
  private readonly f: Features;
  private readonly customHashes: number[][];
  private readonly strings = new StringCache();
  private readonly textColumns: Column<unknown>[];
  private capacity = 0;
  private rows = 0;

  /** `expected` records are the number to reserve for when known (an array's length), else 0. */
  constructor(defaultRegion: string, identifierKeys: readonly string[], private readonly customKeys: readonly CustomKey[], private readonly expected = 0) {
    const hashRows = expected > 0 ? expected : FIRST_HASH_ROWS;
    this.f = emptyFeatures(defaultRegion, identifierKeys, () => new Int32Array(hashRows));
    this.customHashes = customKeys.map(() => []);
    this.textColumns = textColumns(this.f);
  }

  /** Number of records added. */
  get count(): number {
    return this.rows;
  }

  /** Adds one record's features; `INVALID_ARGUMENT` for a record of the wrong shape. */
  add(c: unknown): void {
    requireCustomerShape(c);
    const row = this.rows;
    if (row === this.capacity) this.reserve();
    writeFeatures(this.f, row, c, this.strings);
    for (let k = 0; k < this.customKeys.length; k++) {
      const list = this.customHashes[k] as number[];
      customKeyHashes((this.customKeys[k] as CustomKey)(c), (hash) => list.push(row, hash));
    }
    this.rows = row + 1;
  }

  /** Room for the next chunk of rows: a chunk in every text column, and hash columns long enough. */
  private reserve(): void {
    const rows = this.expected > this.rows ? this.expected - this.rows : CHUNK_ROWS;
    for (const column of this.textColumns) reserveChunk(column, rows);
    this.capacity += Math.min(CHUNK_ROWS, rows);
    const f = this.f as unknown as Record<string, Int32Array>;
    const length = (f.nameHash as Int32Array).length;
    if (this.capacity > length) {
      const grown = Math.max(this.capacity, 2 * length);
      for (const key of HASH_COLUMNS) {
        const column = new Int32Array(grown);
        column.set(f[key] as Int32Array);
        f[key] = column;
      }
    }
  }

  /**
   * The features of the records added: the text columns' last chunk cut to the rows written (in
   * place), the hash columns as views of their first rows.
   */
  done(): Features {
    const n = this.rows;
    for (const column of this.textColumns) truncateColumn(column, n);
    const f = this.f as unknown as Record<string, unknown>;
    for (const key of HASH_COLUMNS) f[key] = (f[key] as Int32Array).subarray(0, n);
    f.customHashes = this.customHashes;
    this.f.count = n;
    return this.f;
  }
}

/**
 * Extracts matching features from customers, normalising with src/validation's normalisers,
 * reading the iterable once ({@link FeatureRows}).
 */
export function extractFeatures(customers: Iterable<Customer>, defaultRegion: string, identifierKeys: readonly string[] = [], customKeys: readonly CustomKey[] = []): Features {
  const rows = new FeatureRows(defaultRegion, identifierKeys, customKeys, Array.isArray(customers) ? customers.length : 0);
  for (const c of customers) rows.add(c);
  return rows.done();
}
