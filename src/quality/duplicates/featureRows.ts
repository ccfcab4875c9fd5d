import type { Customer } from '../../customer/customer';
import { type Features, emptyFeatures, requireCustomerShape, writeFeatures } from './features';
import { customKeyHashes } from './keyHash';
import { StringCache } from './stringCache';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
const ROW_COLUMNS = [
  'ids', 'kind', 'name', 'family', 'given', 'familyLatin', 'givenLatin', 'phones', 'verifiedPhones', 'emails',
  'postalCode', 'city', 'district', 'street', 'birthDate', 'uscc', 'residentId',
] as const satisfies readonly (keyof Features)[];
const HASH_COLUMNS = ['nameHash', 'familyHash', 'givenHash', 'postalHash', 'birthHash', 'streetHash', 'initialHash', 'latinHash'] as const satisfies readonly (keyof Features)[];

/** A custom blocking key: the key(s) of a customer (blocking.ts's CustomBlockingKey). */
type CustomKey = (customer: Customer) => unknown;

// Rows of the first chunk of a stream of unknown length, and of the largest: chunks double from
// the one to the other, so a short stream reserves little and a long one few chunks.
const FIRST_CHUNK = 1024;
const LARGEST_CHUNK = 65_536;

/**
 * Feature rows written one record at a time, keeping nothing of a record but its features (and the
 * hashes of its custom blocking keys): how findDuplicates reads an iterable or a stream, so memory
 * holds the features, not the records. Each record's shape is checked as it comes.
 *
 * Rows go into chunks of columns sized up front, joined into columns of the exact length once read:
 * columns grown by appending would be copied at every growth, each old copy left in the old
 * generation for a full collection to free (at a million records, about 4 s and 350 MiB more).
 */
export class FeatureRows {
  private readonly full: Features[] = [];
  private chunk: Features;
  private size: number;
  private at = 0;
  private rows = 0;
  private readonly customHashes: number[][];
  private readonly strings = new StringCache();

  /** `expected` rows go into the first chunk when known (an array's length), else chunks grow. */
  constructor(private readonly defaultRegion: string, private readonly identifierKeys: readonly string[], private readonly customKeys: readonly CustomKey[], expected = 0) {
    this.size = expected > 0 ? expected : FIRST_CHUNK;
    this.chunk = emptyFeatures(defaultRegion, identifierKeys, this.size);
    this.customHashes = customKeys.map(() => []);
  }

  /** Number of records added. */
  get count(): number {
    return this.rows;
  }

  /** Adds one record's features; `INVALID_ARGUMENT` for a record of the wrong shape. */
  add(c: unknown): void {
    requireCustomerShape(c);
    if (this.at === this.size) {
      this.full.push(this.chunk);
      this.size = Math.min(LARGEST_CHUNK, Math.max(FIRST_CHUNK, this.size * 2));
      this.chunk = emptyFeatures(this.defaultRegion, this.identifierKeys, this.size);
      this.at = 0;
    }
    writeFeatures(this.chunk, this.at, c, this.strings);
    const row = this.rows;
    for (let k = 0; k < this.customKeys.length; k++) {
      const list = this.customHashes[k] as number[];
      customKeyHashes((this.customKeys[k] as CustomKey)(c), (hash) => list.push(row, hash));
    }
    this.at++;
    this.rows++;
  }

  /**
   * The features of the records added: the one chunk as it is when it holds them exactly (an
   * array read whole), else the chunks joined column by column (each chunk's column dropped once
   * copied), the hash columns into typed arrays.
   */
  done(): Features {
    const chunks = [...this.full, this.chunk];
    const lengths = chunks.map((_, k) => (k < chunks.length - 1 ? (chunks[k] as Features).ids.length : this.at));
    if (chunks.length === 1 && this.at === this.size) return { ...this.chunk, customHashes: this.customHashes };
    const n = this.rows;
    const out = emptyFeatures(this.defaultRegion, this.identifierKeys, 0) as Mutable<Features>;
    out.customHashes = this.customHashes;
    // concat copies the elements natively; the last chunk is cut to the rows written
    const join = <T>(take: (f: Features) => T[], drop: (f: Mutable<Features>) => void): T[] => {
      const parts = chunks.map((f, k) => (k < chunks.length - 1 ? take(f) : take(f).slice(0, this.at)));
      for (const f of chunks) drop(f as Mutable<Features>);
      return ([] as T[]).concat(...parts);
    };
    const rows = out as unknown as Record<string, unknown[]>;
    for (const key of ROW_COLUMNS) rows[key] = join((f) => f[key] as unknown[], (f) => ((f as unknown as Record<string, unknown[]>)[key] = []));
    out.identifiers = this.identifierKeys.map((_, c) => join((f) => f.identifiers[c] as string[], (f) => ((f.identifiers as string[][])[c] = [])));
    for (const key of HASH_COLUMNS) {
      const column = new Int32Array(n);
      let i = 0;
      for (let k = 0; k < chunks.length; k++) {
        const chunk = chunks[k] as Mutable<Features>;
        column.set((chunk[key] as Int32Array).subarray(0, lengths[k]), i);
        i += lengths[k] as number;
        chunk[key] = [];
      }
      out[key] = column;
    }
    this.full.length = 0;
    return out;
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
