import { CrmError } from '../errors';
import { MS_PER_DAY } from '../../core/time/index';
import { codesById } from '../../customer/transactionColumns';

/**
 * {@link summarizeRfmColumns}' result: one entry per customer at the same index, ordered by
 * customer id, with {@link RfmSummary}'s fields as columns. A customer without a purchase has
 * `recencyDays` Infinity (as {@link RfmColumns} expects: they score lowest) and
 * `lastPurchaseAtMs` NaN, where `RfmSummary` has null.
 *
 * @example
 * ```ts
 * const s: RfmSummaryColumns = {
 *   currency: 'CNY', customerId: ['c-1'], recencyDays: Float64Array.of(3), frequency: Float64Array.of(2),
 *   monetaryMinor: Float64Array.of(19998), lastPurchaseAtMs: Float64Array.of(Date.UTC(2026, 1, 26)),
 * };
 * ```
 */
export interface RfmSummaryColumns {
  readonly currency: string;
  readonly customerId: string[];
  /** Whole days from the last purchase to `asOf`; Infinity without a purchase. */
  readonly recencyDays: Float64Array;
  /** Number of purchases. */
  readonly frequency: Float64Array;
  /** Purchases minus refunds in integer minor units. */
  readonly monetaryMinor: Float64Array;
  /** The last purchase on or before `asOf` as epoch milliseconds; NaN without one. */
  readonly lastPurchaseAtMs: Float64Array;
}

function tooLarge(): never {
  throw new CrmError('INVALID_MONEY', { params: { field: 'monetary', rule: 'total exceeds the safe integer range of minor units' } });
}

/** Per-customer RFM running totals in typed arrays, indexed by customer code (internal). */
export class RfmAccumulator {
  last: Float64Array;
  frequency: Float64Array;
  minor: Float64Array;
  present: Uint8Array;

  constructor(size: number) {
    this.last = new Float64Array(size).fill(-Infinity);
    this.frequency = new Float64Array(size);
    this.minor = new Float64Array(size);
    this.present = new Uint8Array(size);
  }

  /** Room for codes below `size` (grows by doubling; new entries empty). */
  reserve(size: number): void {
    if (size <= this.last.length) return;
    const cap = Math.max(size, this.last.length * 2);
    const last = new Float64Array(cap).fill(-Infinity);
    last.set(this.last);
    const frequency = new Float64Array(cap);
    frequency.set(this.frequency);
    const minor = new Float64Array(cap);
    minor.set(this.minor);
    const present = new Uint8Array(cap);
    present.set(this.present);
    Object.assign(this, { last, frequency, minor, present });
  }

  /** Adds one transaction on or before asOf of customer `c` (refund: 1 for a refund). */
  add(c: number, refund: boolean, at: number, minor: number): void {
    this.present[c] = 1;
    if (refund) {
      this.minor[c] = (this.minor[c] as number) - minor;
    } else {
      this.frequency[c] = (this.frequency[c] as number) + 1;
      this.minor[c] = (this.minor[c] as number) + minor;
      if (at > (this.last[c] as number)) this.last[c] = at;
    }
    const m = this.minor[c] as number;
    if (m > Number.MAX_SAFE_INTEGER || m < -Number.MAX_SAFE_INTEGER) tooLarge();
  }

  /** The summary columns of the customers present, ordered by id (`ids[c]` is code c's id). */
  finish(ids: readonly string[], asOf: number, currency: string): RfmSummaryColumns {
    const order = codesById(ids, this.present);
    const n = order.length;
    const out = {
      currency,
      customerId: new Array<string>(n),
      recencyDays: new Float64Array(n),
      frequency: new Float64Array(n),
      monetaryMinor: new Float64Array(n),
      lastPurchaseAtMs: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const c = order[i] as number;
      const last = this.last[c] as number;
      const bought = (this.frequency[c] as number) > 0;
      out.customerId[i] = ids[c] as string;
      out.recencyDays[i] = bought ? Math.floor((asOf - last) / MS_PER_DAY) : Infinity;
      out.frequency[i] = this.frequency[c] as number;
      out.monetaryMinor[i] = this.minor[c] as number;
      out.lastPurchaseAtMs[i] = bought ? last : Number.NaN;
    }
    return out;
  }
}

/** Marks the `customerIds` option's customers present, adding codes for new ones (internal). */
export function addListedCustomers(acc: RfmAccumulator, ids: string[], codeOf: Map<string, number>, customerIds: Iterable<string>): void {
  for (const id of customerIds) {
    if (typeof id !== 'string' || id === '') {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: 'customerIds', rule: 'must be non-empty strings' } });
    }
    let c = codeOf.get(id);
    if (c === undefined) {
      c = ids.length;
      codeOf.set(id, c);
      ids.push(id);
      acc.reserve(ids.length);
    }
    acc.present[c] = 1;
  }
}
