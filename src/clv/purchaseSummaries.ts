import { CrmError } from './errors';
import { codesById } from '../customer/transactionColumns';
import { sortRange } from '../core/sort/sortRange';
import { recycleScratch, scratchArray } from '../core/scratch/scratchArrays';
import { BLOCK_BITS, type PurchaseColumns, partitionByCustomer } from './purchaseRows';

export { PurchaseRows, SKIPPED } from './purchaseRows';

/**
 * The per-customer summary in minor units, one entry per kept customer ordered by id (internal;
 * `summarizeTransactions` turns it into objects, `summarizeTransactionsColumns` into columns).
 */
export interface MinorSummaries {
  readonly ids: string[];
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  /** Mean repeat-period total, rounded half to even to the minor unit. */
  readonly monetaryMinor: Float64Array;
  readonly holdoutFrequency: Float64Array;
  readonly holdoutMonetaryMinor: Float64Array;
  readonly droppedNewCustomers: number;
}

/** Integer total / n rounded half to even (n > 0), exact for safe integers. */
function halfEvenDiv(total: number, n: number): number {
  const q = Math.floor(total / n);
  const r2 = 2 * (total - q * n);
  return r2 > n || (r2 === n && q % 2 !== 0) ? q + 1 : q;
}

function mean(total: number, count: number): number {
  if (!Number.isSafeInteger(total)) throw new CrmError('INVALID_MONEY', { params: { field: 'monetary', rule: 'total exceeds the safe integer range of minor units' } });
  return count === 0 ? 0 : halfEvenDiv(total, count);
}

/** Per customer code, the summary figures (kept = 0 for customers left out) (internal). */
class CustomerFigures {
  readonly kept: Uint8Array;
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
  readonly monetaryMinor: Float64Array;
  readonly holdoutFrequency: Float64Array;
  readonly holdoutMonetaryMinor: Float64Array;
  dropped = 0;

  constructor(m: number) {
    this.kept = scratchArray(Uint8Array, m);
    this.frequency = scratchArray(Float64Array, m);
    this.recency = scratchArray(Float64Array, m);
    this.T = scratchArray(Float64Array, m);
    this.monetaryMinor = scratchArray(Float64Array, m);
    this.holdoutFrequency = scratchArray(Float64Array, m);
    this.holdoutMonetaryMinor = scratchArray(Float64Array, m);
  }

  /** Hands the columns back for reuse (core/scratch); the figures must not be read afterwards. */
  release(): void {
    recycleScratch(this.kept, this.frequency, this.recency, this.T, this.monetaryMinor, this.holdoutFrequency, this.holdoutMonetaryMinor);
  }

  /** Customer `c`'s figures from its rows `lo..hi` of `ps` (periods, sorted here) and `amts`. */
  add(c: number, ps: Int32Array, amts: Float64Array, lo: number, hi: number, endP: number): void {
    let first = Infinity;
    let last = -Infinity;
    let total = 0;
    let holdTotal = 0;
    for (let i = lo; i < hi; i++) {
      const p = ps[i] as number;
      const a = amts[i] as number;
      if (p > endP) holdTotal += a;
      else {
        total += a;
        if (p < first) first = p;
        if (p > last) last = p;
      }
    }
    if (first === Infinity) return;
    if (first === endP) {
      this.dropped++;
      return;
    }
    let firstTotal = 0;
    for (let i = lo; i < hi; i++) if (ps[i] === first) firstTotal += amts[i] as number;
    let periods = 1;
    let holdPeriods = 0;
    if (hi - lo > 1) {
      sortRange(ps, lo, hi, 32);
      periods = 0;
      for (let i = lo; i < hi; i++) {
        const p = ps[i] as number;
        if (i !== lo && p === ps[i - 1]) continue;
        if (p > endP) holdPeriods++;
        else periods++;
      }
    }
    this.kept[c] = 1;
    this.frequency[c] = periods - 1;
    this.recency[c] = last - first;
    this.T[c] = endP - first;
    this.monetaryMinor[c] = mean(total - firstTotal, periods - 1);
    this.holdoutFrequency[c] = holdPeriods;
    this.holdoutMonetaryMinor[c] = mean(holdTotal, holdPeriods);
  }
}

/**
 * Summarises purchase rows (customer codes index `ids`; periods at most asOf's, or SKIPPED) with
 * lifetimes' definitions. The rows are grouped by customer in two counting-sort passes, first by
 * blocks of 4,096 customer codes and then by customer within a block, so every scatter writes into
 * memory that stays in cache (one pass over a million customers' counters would miss it on almost
 * every row); each customer's few periods are then sorted to count the distinct ones (internal).
 */
export function summarizePurchaseRows(rows: PurchaseColumns, ids: readonly string[], endP: number): MinorSummaries {
  const m = ids.length;
  const blocks = partitionByCustomer(rows, m);
  const figures = new CustomerFigures(m);
  const size = 1 << BLOCK_BITS;
  const start = scratchArray(Int32Array, size + 1);
  const fill = scratchArray(Int32Array, size);
  const ps = scratchArray(Int32Array, blocks.maxRows);
  const amts = scratchArray(Float64Array, blocks.maxRows);
  for (let b = 0; b < blocks.count; b++) {
    const lo = blocks.start[b] as number;
    const hi = blocks.start[b + 1] as number;
    start.fill(0);
    for (let i = lo; i < hi; i++) {
      const l = (blocks.local[i] as number) + 1;
      start[l] = (start[l] as number) + 1;
    }
    for (let l = 0; l < size; l++) {
      start[l + 1] = (start[l + 1] as number) + (start[l] as number);
      fill[l] = start[l] as number;
    }
    for (let i = lo; i < hi; i++) {
      const l = blocks.local[i] as number;
      const at = fill[l] as number;
      fill[l] = at + 1;
      ps[at] = blocks.period[i] as number;
      amts[at] = blocks.minor[i] as number;
    }
    const c0 = b << BLOCK_BITS;
    const customers = Math.min(size, m - c0);
    for (let l = 0; l < customers; l++) figures.add(c0 + l, ps, amts, start[l] as number, start[l + 1] as number, endP);
  }
  recycleScratch(start, fill, ps, amts, blocks.start, blocks.local, blocks.period, blocks.minor);
  const order = codesById(ids, figures.kept);
  const k = order.length;
  const pick = (col: Float64Array) => {
    const out = new Float64Array(k);
    for (let i = 0; i < k; i++) out[i] = col[order[i] as number] as number;
    return out;
  };
  const outIds = new Array<string>(k);
  for (let i = 0; i < k; i++) outIds[i] = ids[order[i] as number] as string;
  const summaries = {
    ids: outIds,
    frequency: pick(figures.frequency),
    recency: pick(figures.recency),
    T: pick(figures.T),
    monetaryMinor: pick(figures.monetaryMinor),
    holdoutFrequency: pick(figures.holdoutFrequency),
    holdoutMonetaryMinor: pick(figures.holdoutMonetaryMinor),
    droppedNewCustomers: figures.dropped,
  };
  figures.release();
  return summaries;
}
