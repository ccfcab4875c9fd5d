import { CrmError } from '../errors';
import { MS_PER_DAY } from '../../core/time/index';
import { codesById } from '../../customer/transactionColumns';
import type { IdCodes } from '../../customer/idCodes';
import { recycleScratch, scratchArray } from '../../core/scratch/scratchArrays';

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

// Per customer code, four numbers side by side so that one transaction touches one cache line (a
// million customers' separate columns would cost four cache misses per row): the last purchase
// instant, the purchase count, the net minor units, and 1 when the customer is present.
const STRIDE = 4;
const LAST = 0;
const FREQUENCY = 1;
const MINOR = 2;
const PRESENT = 3;

/** Whole days from the instant `last` to `asOf` (internal). */
export function recencyDays(asOf: number, last: number): number {
  return Math.floor((asOf - last) / MS_PER_DAY);
}

/** Per-customer RFM running totals in one typed array, indexed by customer code (internal). */
export class RfmAccumulator {
  state: Float64Array;

  constructor(size: number) {
    this.state = RfmAccumulator.empty(size);
  }

  private static empty(size: number): Float64Array {
    const state = scratchArray(Float64Array, size * STRIDE);
    for (let o = LAST; o < state.length; o += STRIDE) state[o] = -Infinity;
    return state;
  }

  /** Room for codes below `size` (grows by doubling; new entries empty). */
  reserve(size: number): void {
    const capacity = this.state.length / STRIDE;
    if (size <= capacity) return;
    const state = RfmAccumulator.empty(Math.max(size, capacity * 2));
    state.set(this.state);
    recycleScratch(this.state);
    this.state = state;
  }

  /** Hands the running totals back for reuse (core/scratch); the accumulator is empty afterwards. */
  release(): void {
    recycleScratch(this.state);
    this.state = RfmAccumulator.empty(0);
  }

  /** The codes of the customers present, ordered by id (`ids[c]` is code c's id). */
  order(ids: readonly string[]): Int32Array {
    const st = this.state;
    const present = scratchArray(Uint8Array, ids.length);
    for (let c = 0; c < ids.length; c++) present[c] = st[c * STRIDE + PRESENT] as number;
    const order = codesById(ids, present);
    recycleScratch(present);
    return order;
  }

  /** Code `c`'s last purchase instant (-Infinity without one). */
  last(c: number): number {
    return this.state[c * STRIDE + LAST] as number;
  }

  /** Code `c`'s purchase count. */
  frequency(c: number): number {
    return this.state[c * STRIDE + FREQUENCY] as number;
  }

  /** Code `c`'s net minor units. */
  minor(c: number): number {
    return this.state[c * STRIDE + MINOR] as number;
  }

  /** Marks customer `c` present (a listed customer, even without transactions). */
  markPresent(c: number): void {
    this.state[c * STRIDE + PRESENT] = 1;
  }

  /** Adds one transaction on or before asOf of customer `c` (refund: 1 for a refund). */
  add(c: number, refund: boolean, at: number, minor: number): void {
    const st = this.state;
    const o = c * STRIDE;
    st[o + PRESENT] = 1;
    let m = st[o + MINOR] as number;
    if (refund) m -= minor;
    else {
      st[o + FREQUENCY] = (st[o + FREQUENCY] as number) + 1;
      m += minor;
      if (at > (st[o + LAST] as number)) st[o + LAST] = at;
    }
    st[o + MINOR] = m;
    if (m > Number.MAX_SAFE_INTEGER || m < -Number.MAX_SAFE_INTEGER) tooLarge();
  }

  /** The summary columns of the customers present, ordered by id (`ids[c]` is code c's id). */
  finish(ids: readonly string[], asOf: number, currency: string): RfmSummaryColumns {
    const order = this.order(ids);
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
      const last = this.last(c);
      const frequency = this.frequency(c);
      const bought = frequency > 0;
      out.customerId[i] = ids[c] as string;
      out.recencyDays[i] = bought ? recencyDays(asOf, last) : Infinity;
      out.frequency[i] = frequency;
      out.monetaryMinor[i] = this.minor(c);
      out.lastPurchaseAtMs[i] = bought ? last : Number.NaN;
    }
    return out;
  }
}

/** Marks the `customerIds` option's customers present, adding codes for new ones (internal). */
export function addListedCustomers(acc: RfmAccumulator, codes: IdCodes, customerIds: Iterable<string>): void {
  for (const id of customerIds) {
    if (typeof id !== 'string' || id === '') {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: 'customerIds', rule: 'must be non-empty strings' } });
    }
    const c = codes.code(id);
    acc.reserve(codes.ids.length);
    acc.markPresent(c);
  }
}
