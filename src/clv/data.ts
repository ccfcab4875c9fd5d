import { CrmError } from './errors';
import { mulberry32 } from '../core/random';

/**
 * One customer's (or, with `count`, a group of identical customers') purchase summary in model
 * time units: `frequency` = repeat purchases, `recency` = time from first to last purchase, `T` =
 * time from first purchase to the end of observation (lifetimes' definitions).
 *
 * @example
 * ```ts
 * const row: FrequencyRecencyRow = { frequency: 2, recency: 30.43, T: 38.86 };
 * ```
 */
export interface FrequencyRecencyRow {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  /** How many customers have exactly these values (pre-aggregated data). Default 1. */
  readonly count?: number;
}

/**
 * The same data as parallel columns (plain arrays or typed arrays), the fast way to pass millions
 * of customers.
 *
 * @example
 * ```ts
 * const cols: FrequencyRecencyColumns = { frequency: [2, 0], recency: [30.43, 0], T: [38.86, 38.86] };
 * ```
 */
export interface FrequencyRecencyColumns {
  readonly frequency: ArrayLike<number>;
  readonly recency: ArrayLike<number>;
  readonly T: ArrayLike<number>;
  /** Customers per row; default 1 each. */
  readonly count?: ArrayLike<number>;
}

/**
 * Input of the purchase models: rows or columns. See {@link FrequencyRecencyRow} and {@link FrequencyRecencyColumns}.
 *
 * @example
 * ```ts
 * const data: FrequencyRecencyData = [{ frequency: 0, recency: 0, T: 10, count: 120 }];
 * ```
 */
export type FrequencyRecencyData = FrequencyRecencyColumns | readonly FrequencyRecencyRow[];

/** Validated columnar data with weights (internal). */
export interface Columns {
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly w: Float64Array;
  /** Total weight: number of customers represented. */
  readonly customers: number;
}

function bad(field: string, index: number, rule: string): never {
  throw new CrmError('INVALID_ARGUMENT', { params: { field: `${field}[${index}]`, rule }, details: { index } });
}

/** Reads and validates rows or columns into Float64Arrays (internal). */
export function toColumns(data: FrequencyRecencyData): Columns {
  if (Array.isArray(data)) return rowsToColumns(data as readonly FrequencyRecencyRow[]);
  const cols = data as FrequencyRecencyColumns;
  const n = cols?.frequency?.length;
  if (typeof n !== 'number') throw new CrmError('INVALID_ARGUMENT', { params: { field: 'data', rule: 'expected rows or columns' } });
  if (cols.recency?.length !== n || cols.T?.length !== n || (cols.count !== undefined && cols.count.length !== n)) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'data', rule: 'columns must have the same length' } });
  }
  // Float64Array columns are used as they are (never written to); anything else is copied.
  const x = cols.frequency instanceof Float64Array ? cols.frequency : Float64Array.from(cols.frequency);
  const tx = cols.recency instanceof Float64Array ? cols.recency : Float64Array.from(cols.recency);
  const T = cols.T instanceof Float64Array ? cols.T : Float64Array.from(cols.T);
  const w = cols.count === undefined ? new Float64Array(n).fill(1) : Float64Array.from(cols.count);
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const ti = tx[i] as number;
    const Ti = T[i] as number;
    const wi = w[i] as number;
    // One combined test on the hot path; the detailed checks run only for a bad row.
    if (!(xi >= 0 && Math.floor(xi) === xi && Ti > 0 && Ti < Infinity && ti >= 0 && ti <= Ti && (xi > 0 || ti === 0) && wi >= 0 && wi < Infinity)) {
      check(xi, ti, Ti, wi, i);
    }
    customers += wi;
  }
  return { x, tx, T, w, customers };
}

function check(xi: unknown, ti: unknown, Ti: unknown, wi: unknown, i: number): void {
  if (typeof xi !== 'number' || !Number.isInteger(xi) || xi < 0) bad('frequency', i, 'must be a non-negative integer');
  if (typeof Ti !== 'number' || !(Ti > 0) || !Number.isFinite(Ti)) bad('T', i, 'must be a positive finite number');
  if (typeof ti !== 'number' || !(ti >= 0) || ti > Ti) bad('recency', i, 'must be between 0 and T');
  if (xi === 0 && ti !== 0) bad('recency', i, 'must be 0 when frequency is 0');
  if (typeof wi !== 'number' || !(wi >= 0) || !Number.isFinite(wi)) bad('count', i, 'must be a non-negative number');
}

function rowsToColumns(rows: readonly FrequencyRecencyRow[]): Columns {
  const n = rows.length;
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const w = new Float64Array(n);
  let customers = 0;
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const xi = r?.frequency;
    const ti = r?.recency;
    const Ti = r?.T;
    const wi = r?.count ?? 1;
    check(xi, ti, Ti, wi, i);
    x[i] = xi as number;
    tx[i] = ti as number;
    T[i] = Ti as number;
    w[i] = wi;
    customers += wi;
  }
  return { x, tx, T, w, customers };
}

const f64 = /* @__PURE__ */ new Float64Array(1);
const u32 = /* @__PURE__ */ new Uint32Array(f64.buffer);
function bits(v: number): number {
  f64[0] = v;
  return ((u32[0] as number) ^ Math.imul(u32[1] as number, 0x9e3779b1)) | 0;
}

/**
 * Merges identical (frequency, recency, T) rows, adding their weights. The likelihood of n
 * identical customers is n times the likelihood of one, so the fit is unchanged and its cost
 * depends on the number of distinct rows, not customers (internal; open-addressing hash table).
 */
export function groupColumns(c: Columns): Columns {
  // Mostly distinct rows (continuous T) are fitted as they come: grouping and sorting a million
  // rows would cost more than it saves.
  if (!worthGrouping(c.x, c.tx, c.T)) return c;
  const g = groupWithIndex(c).grouped;
  // Canonical order (by frequency, recency, T): the likelihood sums then run in the same order
  // whatever order the rows came in (expanded or pre-aggregated, from any engine), so fits on the
  // same customers agree to the last bit instead of to the optimiser's tolerance.
  const m = g.x.length;
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  order.sort((i, j) => (g.x[i] as number) - (g.x[j] as number) || (g.tx[i] as number) - (g.tx[j] as number) || (g.T[i] as number) - (g.T[j] as number));
  const pick = (a: Float64Array) => {
    const out = new Float64Array(m);
    for (let i = 0; i < m; i++) out[i] = a[order[i] as number] as number;
    return out;
  };
  return { x: pick(g.x), tx: pick(g.tx), T: pick(g.T), w: pick(g.w), customers: g.customers };
}

/**
 * {@link groupColumns} plus, for each input row, the index of its group, so scores computed once
 * per distinct row can be scattered back (internal).
 */
export function groupWithIndex(c: Columns): { grouped: Columns; index: Int32Array } {
  const n = c.x.length;
  const index = new Int32Array(n);
  if (!worthGrouping(c.x, c.tx, c.T)) {
    for (let i = 0; i < n; i++) index[i] = i;
    return { grouped: c, index };
  }
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const gx = new Float64Array(n);
  const gt = new Float64Array(n);
  const gT = new Float64Array(n);
  const gw = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const xi = c.x[i] as number;
    const ti = c.tx[i] as number;
    const Ti = c.T[i] as number;
    let h = Math.imul(bits(xi) ^ Math.imul(bits(ti), 0x85ebca6b) ^ Math.imul(bits(Ti), 0xc2b2ae35), 0x27d4eb2f);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const k = slots[slot] as number;
      if (k === -1) {
        slots[slot] = m;
        gx[m] = xi;
        gt[m] = ti;
        gT[m] = Ti;
        gw[m] = c.w[i] as number;
        index[i] = m;
        m++;
        break;
      }
      if (gx[k] === xi && gt[k] === ti && gT[k] === Ti) {
        gw[k] = (gw[k] as number) + (c.w[i] as number);
        index[i] = k;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { grouped: { x: gx.slice(0, m), tx: gt.slice(0, m), T: gT.slice(0, m), w: gw.slice(0, m), customers: c.customers }, index };
}

/**
 * The distinct values of a column and, per row, the index of its value: an open-addressing hash
 * on typed arrays (a Map keyed by a million doubles costs seconds), so terms that depend on one
 * value alone are computed once per distinct value (internal).
 */
export function distinctIndex(values: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const n = values.length;
  const index = new Int32Array(n);
  let size = 16;
  while (size < n * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const distinct = new Float64Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    let h = Math.imul(bits(v), 0x27d4eb2f);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const k = slots[slot] as number;
      if (k === -1) {
        slots[slot] = m;
        distinct[m] = v;
        index[i] = m++;
        break;
      }
      if (distinct[k] === v) {
        index[i] = k;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return { distinct: distinct.slice(0, m), index };
}

/**
 * Whether merging rows identical in the given columns would at least halve them. Hashing a million distinct rows costs
 * more than the evaluations it saves (random access into tables larger than the cache), so when
 * T comes from timestamps and almost every row is distinct the rows are used as they are. The
 * estimate counts repeated rows in a seeded random sample of k rows: with m distinct rows drawn
 * evenly, about k²/(2m) pairs repeat, so fewer than k²/n repeats means m > n/2 (internal).
 */
export function worthGrouping(...columns: readonly Float64Array[]): boolean {
  const n = columns[0]?.length ?? 0;
  if (n <= 16_384) return true;
  const k = 4096;
  const random = mulberry32(0x5eed);
  const seen = new Set<string>();
  const drawn = new Set<number>();
  let repeats = 0;
  for (let j = 0; j < k; j++) {
    const i = Math.floor(random() * n);
    if (drawn.has(i)) continue;
    drawn.add(i);
    const key = columns.map((c) => c[i]).join(',');
    if (seen.has(key)) repeats++;
    else seen.add(key);
  }
  return repeats >= (k * k) / n;
}

/**
 * k rows drawn at random without replacement (seeded, so the same data gives the same sample), for
 * a quick fit whose end point starts the fit on all rows (internal).
 */
export function sampleColumns(c: Columns, k: number): Columns {
  const n = c.x.length;
  const random = mulberry32(0xc1f);
  const drawn = new Set<number>();
  const x = new Float64Array(k);
  const tx = new Float64Array(k);
  const T = new Float64Array(k);
  const w = new Float64Array(k);
  let customers = 0;
  for (let j = 0; j < k && drawn.size < n; ) {
    const i = Math.floor(random() * n);
    if (drawn.has(i)) continue;
    drawn.add(i);
    x[j] = c.x[i] as number;
    tx[j] = c.tx[i] as number;
    T[j] = c.T[i] as number;
    w[j] = c.w[i] as number;
    customers += w[j] as number;
    j++;
  }
  return { x, tx, T, w, customers };
}

/** The customer-weighted mean of T, the data's time scale (internal). */
export function meanT(c: Columns): number {
  let s = 0;
  for (let i = 0; i < c.T.length; i++) s += (c.w[i] as number) * (c.T[i] as number);
  return c.customers > 0 ? s / c.customers : 1;
}
