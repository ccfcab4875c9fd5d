import { CrmError } from './errors';
import { codesById } from '../customer/transactionColumns';

/** Growable typed columns of the purchases kept: customer code, period, minor units (internal). */
export class PurchaseRows {
  customer: Int32Array;
  period: Float64Array;
  minor: Float64Array;
  length = 0;

  constructor(capacity = 1024) {
    this.customer = new Int32Array(capacity);
    this.period = new Float64Array(capacity);
    this.minor = new Float64Array(capacity);
  }

  push(customer: number, period: number, minor: number): void {
    if (this.length === this.customer.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.customer = grow(this.customer);
      this.period = grow(this.period);
      this.minor = grow(this.minor);
    }
    this.customer[this.length] = customer;
    this.period[this.length] = period;
    this.minor[this.length] = minor;
    this.length++;
  }
}

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

/** Sorts a short run of periods in place (insertion sort; the native sort for long runs). */
function sortPeriods(ps: Float64Array, lo: number, hi: number): void {
  if (hi - lo > 32) {
    ps.subarray(lo, hi).sort();
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const p = ps[i] as number;
    let j = i - 1;
    while (j >= lo && (ps[j] as number) > p) {
      ps[j + 1] = ps[j] as number;
      j--;
    }
    ps[j + 1] = p;
  }
}

/**
 * Summarises purchase rows (customer codes index `ids`; periods already at most asOf's) with
 * lifetimes' definitions: a counting sort groups each customer's rows, one pass finds the first
 * and last period and the totals, and the customer's periods alone are sorted to count the
 * distinct ones (internal).
 */
export function summarizePurchaseRows(rows: PurchaseRows, ids: readonly string[], endP: number): MinorSummaries {
  const n = rows.length;
  const m = ids.length;
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) {
    const k = (rows.customer[i] as number) + 1;
    start[k] = (start[k] as number) + 1;
  }
  for (let c = 0; c < m; c++) start[c + 1] = (start[c + 1] as number) + (start[c] as number);
  const fill = start.slice(0, m);
  const ps = new Float64Array(n);
  const amts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = rows.customer[i] as number;
    const at = fill[c] as number;
    fill[c] = at + 1;
    ps[at] = rows.period[i] as number;
    amts[at] = rows.minor[i] as number;
  }
  const frequency = new Float64Array(m);
  const recency = new Float64Array(m);
  const T = new Float64Array(m);
  const monetary = new Float64Array(m);
  const holdFrequency = new Float64Array(m);
  const holdMonetary = new Float64Array(m);
  const kept = new Uint8Array(m);
  let dropped = 0;
  for (let c = 0; c < m; c++) {
    const lo = start[c] as number;
    const hi = start[c + 1] as number;
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
    if (first === Infinity) continue;
    if (first === endP) {
      dropped++;
      continue;
    }
    let firstTotal = 0;
    for (let i = lo; i < hi; i++) if (ps[i] === first) firstTotal += amts[i] as number;
    sortPeriods(ps, lo, hi);
    let periods = 0;
    let holdPeriods = 0;
    for (let i = lo; i < hi; i++) {
      const p = ps[i] as number;
      if (i !== lo && p === ps[i - 1]) continue;
      if (p > endP) holdPeriods++;
      else periods++;
    }
    kept[c] = 1;
    frequency[c] = periods - 1;
    recency[c] = last - first;
    T[c] = endP - first;
    monetary[c] = mean(total - firstTotal, periods - 1);
    holdFrequency[c] = holdPeriods;
    holdMonetary[c] = mean(holdTotal, holdPeriods);
  }
  const order = codesById(ids, kept);
  const pick = (col: Float64Array) => Float64Array.from(order, (c) => col[c] as number);
  return {
    ids: Array.from(order, (c) => ids[c] as string),
    frequency: pick(frequency),
    recency: pick(recency),
    T: pick(T),
    monetaryMinor: pick(monetary),
    holdoutFrequency: pick(holdFrequency),
    holdoutMonetaryMinor: pick(holdMonetary),
    droppedNewCustomers: dropped,
  };
}
