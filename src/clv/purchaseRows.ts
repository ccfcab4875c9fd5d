import { recycleScratch, scratchArray } from '../core/scratch/scratchArrays';

/** The period of a row that is not a purchase to summarise (a refund, or after asOf): above every period. */
export const SKIPPED = 0x7fffffff;

/**
 * Purchases as columns (internal): row i is customer code `customer[i]`, period `period[i]`
 * (SKIPPED for a row to leave out), `minor[i]` minor units. The columns path fills `period` and
 * reads the caller's codes and amounts in place; the objects path pushes into {@link PurchaseRows}.
 */
export interface PurchaseColumns {
  readonly customer: ArrayLike<number>;
  readonly period: ArrayLike<number>;
  readonly minor: ArrayLike<number>;
  readonly length: number;
}

/**
 * Growable typed columns of the purchases kept: customer code, period and minor units (internal).
 * Periods are integers that fit 32 bits (days since 1970 over years 0001-9999 are within ±3
 * million), so they take half the memory a Float64Array would when millions of rows are grouped.
 */
export class PurchaseRows implements PurchaseColumns {
  customer: Int32Array;
  period: Int32Array;
  minor: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.customer = scratchArray(Int32Array, capacity);
    this.period = scratchArray(Int32Array, capacity);
    this.minor = scratchArray(Float64Array, capacity);
  }

  push(customer: number, period: number, minor: number): void {
    if (this.length === this.customer.length) {
      const customer = scratchArray(Int32Array, 2 * this.customer.length);
      const period = scratchArray(Int32Array, 2 * this.period.length);
      const minor = scratchArray(Float64Array, 2 * this.minor.length);
      customer.set(this.customer);
      period.set(this.period);
      minor.set(this.minor);
      recycleScratch(this.customer, this.period, this.minor);
      this.customer = customer;
      this.period = period;
      this.minor = minor;
    }
    this.customer[this.length] = customer;
    this.period[this.length] = period;
    this.minor[this.length] = minor;
    this.length++;
  }

  /** Hands the columns back for reuse (core/scratch); the rows are empty afterwards. */
  release(): void {
    recycleScratch(this.customer, this.period, this.minor);
    this.customer = new Int32Array(0);
    this.period = new Int32Array(0);
    this.minor = new Float64Array(0);
    this.length = 0;
  }
}

/** log2 of the customers per block: a block's counters (16 KiB) and rows stay in cache. */
export const BLOCK_BITS = 12;

/** Rows grouped by block of customer codes (code >> BLOCK_BITS), codes kept as their low bits. */
export interface CustomerBlocks {
  readonly count: number;
  /** Block b's rows are start[b]..start[b + 1]. */
  readonly start: Int32Array;
  /** Customer code within its block. */
  readonly local: Uint16Array;
  readonly period: Int32Array;
  readonly minor: Float64Array;
  /** Rows of the largest block. */
  readonly maxRows: number;
}

/**
 * Groups the rows by block of 4,096 customer codes (a counting sort on the code's high bits): the
 * scatter writes to one place per block, few enough to stay in cache (internal).
 */
export function partitionByCustomer(rows: PurchaseColumns, customers: number): CustomerBlocks {
  const n = rows.length;
  const count = customers === 0 ? 0 : ((customers - 1) >>> BLOCK_BITS) + 1;
  const start = scratchArray(Int32Array, count + 1);
  const { customer, period, minor } = rows;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    if (period[i] === SKIPPED) continue;
    const b = ((customer[i] as number) >>> BLOCK_BITS) + 1;
    start[b] = (start[b] as number) + 1;
    kept++;
  }
  let maxRows = 0;
  for (let b = 0; b < count; b++) {
    maxRows = Math.max(maxRows, start[b + 1] as number);
    start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  }
  const fill = start.slice(0, count);
  const local = scratchArray(Uint16Array, kept);
  const outPeriod = scratchArray(Int32Array, kept);
  const outMinor = scratchArray(Float64Array, kept);
  const mask = (1 << BLOCK_BITS) - 1;
  for (let i = 0; i < n; i++) {
    const p = period[i] as number;
    if (p === SKIPPED) continue;
    const c = customer[i] as number;
    const b = c >>> BLOCK_BITS;
    const at = fill[b] as number;
    fill[b] = at + 1;
    local[at] = c & mask;
    outPeriod[at] = p;
    outMinor[at] = minor[i] as number;
  }
  return { count, start, local, period: outPeriod, minor: outMinor, maxRows };
}
