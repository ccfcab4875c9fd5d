import { assert, CrmError } from '../errors';
import { isValidDate } from '../../core/time';
import { isTimeInRange } from '../../core/time/range';
import type { LedgerEntry } from './entry';
import { heapPop, heapPush, type LotHeap } from './lotHeap';

/**
 * The state of one customer's ledger at an instant, in flat typed arrays: the lots (positive
 * entries) in the order they were posted with what is left of each, and the totals.
 *
 * Invariant: `posted - pendingExpiry === sum(lotRemaining) - debt`, and the spendable balance is
 * `posted - pendingExpiry - locked`.
 */
export interface LedgerSweep {
  /** Sum of the points of every entry at or before asOf. */
  readonly posted: number;
  /** Points in lots that expired at or before asOf and have no `expire` entry yet. */
  readonly pendingExpiry: number;
  /** Points removed by negative entries that found no lot to consume (an overdrawn ledger). */
  readonly debt: number;
  /** Points in lots still pending (their `pendingUntil` is after asOf): posted but not spendable. */
  readonly locked: number;
  readonly lotCount: number;
  /** Index into the entries array of each lot's entry. */
  readonly lotEntry: Int32Array;
  readonly lotRemaining: Float64Array;
  /** Expiry instant (ms) of each lot; Infinity when it never expires. */
  readonly lotExpires: Float64Array;
  /** Points of each lot that expired and have no `expire` entry yet (they count in `pendingExpiry`). */
  readonly lotLapsed: Float64Array;
  /** When each lot's points become spendable (ms); -Infinity for a lot that was never pending. */
  readonly lotPendingUntil: Float64Array;
  /** Whether each lot was spendable at asOf (1) or still pending (0). */
  readonly lotAvailable: Uint8Array;
  /** Points each lot held when it became spendable (after a return inside the window, say). */
  readonly lotReleased: Float64Array;
  /** The spendable lots in spending order (the order they became spendable). */
  readonly spendOrder: Int32Array;
  /** The earliest expiry among the lots consumed by the watched entry (Infinity when none). */
  readonly watchedExpiry: number;
}

const CLASS_POSITIVE = 0;
const CLASS_NEGATIVE = 1;
const CLASS_EXPIRE = 2;

const classOf = (e: LedgerEntry): number => (e.type === 'expire' ? CLASS_EXPIRE : e.points > 0 ? CLASS_POSITIVE : CLASS_NEGATIVE);

/**
 * Replays one customer's entries in canonical order (time, then positive / negative / expire, then
 * id) up to `asOfMs`, consuming lots oldest first with a forward pointer and expiring lots from a
 * FIFO queue on expiry (a min-heap for lots that arrive out of expiry order). Input order does not matter. `watch` is an entry id whose consumption is traced.
 *
 * A lot with `pendingUntil` after its entry's time is locked (pending) until then: it waits in a
 * min-heap and joins the spending order when it is released, so spending takes the lots in the order
 * they became spendable. Only the reversal of the entry itself (a return inside the window) takes
 * points from a pending lot.
 */
export function sweepLedger(entries: readonly LedgerEntry[], asOfMs: number, watch?: string): LedgerSweep {
  if (!Array.isArray(entries)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'entries', rule: 'must be an array' } });
  const n = entries.length;
  const times = new Float64Array(n);
  const classes = new Uint8Array(n);
  let sorted = true;
  let referenced: Set<string> | undefined;
  let positives = 0;
  const customerId = n > 0 ? (entries[0] as LedgerEntry).customerId : '';
  for (let i = 0; i < n; i++) {
    const e = entries[i] as LedgerEntry;
    // Plain ifs, not assert(): its options object would be built for every entry of the hot loop.
    if (e === null || typeof e !== 'object') throw new CrmError('INVALID_ARGUMENT', { params: { field: `entries.${i}`, rule: 'must be an object' } });
    const t = e.occurredAt instanceof Date ? e.occurredAt.getTime() : NaN;
    const x = e.expiresAt;
    if (x !== undefined && !(x instanceof Date && isTimeInRange(x.getTime()))) throw new CrmError('INVALID_DATE', { params: { field: `entries.${i}.expiresAt` } });
    if (!isTimeInRange(t)) throw new CrmError('INVALID_DATE', { params: { field: `entries.${i}.occurredAt` } });
    if (!Number.isSafeInteger(e.points)) throw new CrmError('INVALID_ARGUMENT', { params: { field: `entries.${i}.points`, rule: 'must be a whole number of points' } });
    if (e.customerId !== customerId) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'entries', rule: 'must all belong to one customer' } });
    times[i] = t;
    const c = classOf(e);
    classes[i] = c;
    if (c === CLASS_POSITIVE) positives++;
    if (e.lotId !== undefined || e.reverses !== undefined) (referenced ??= new Set()).add((e.lotId ?? e.reverses) as string);
    if (sorted && i > 0 && compareAt(entries, times, classes, i - 1, i) > 0) sorted = false;
  }
  let order: Uint32Array | undefined;
  if (!sorted) {
    order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => compareAt(entries, times, classes, a, b));
  }

  const lotEntry = new Int32Array(positives);
  const lotRemaining = new Float64Array(positives);
  const lotExpires = new Float64Array(positives);
  const lotLapsed = new Float64Array(positives);
  const lotPendingUntil = new Float64Array(positives);
  const lotAvailable = new Uint8Array(positives);
  const lotReleased = new Float64Array(positives);
  // the lots in the order they became spendable (the FIFO spending order) and the pending ones
  const avail = new Int32Array(positives);
  const availPos = new Int32Array(positives);
  let availCount = 0;
  // For each negative entry that some entry reverses: the (lot, points) it took, in the order taken.
  const traces = referenced && new Map<string, number[]>();
  const pendingHeap: LotHeap = { items: new Int32Array(positives), size: 0 };
  const heap = new Int32Array(positives);
  const lotOf = referenced && new Map<string, number>();
  let heapSize = 0;
  let lotCount = 0;
  let head = 0;
  let posted = 0;
  let pendingExpiry = 0;
  let debt = 0;
  let watchedExpiry = Infinity;

  // Lots whose expiry is not before the previous queued lot's (the usual case: N months after
  // earning, or year end) wait in a FIFO queue; the rest go to a min-heap. Both drain in expiry order.
  const queue = new Int32Array(positives);
  let queueHead = 0;
  let queueTail = 0;
  const lapse = (lot: number): void => {
    const left = lotRemaining[lot] as number;
    if (left > 0) {
      pendingExpiry += left;
      lotRemaining[lot] = 0;
      lotLapsed[lot] = left;
    }
  };
  const lapseUntil = (t: number): void => {
    while (queueHead < queueTail && (lotExpires[queue[queueHead] as number] as number) <= t) lapse(queue[queueHead++] as number);
    while (heapSize > 0 && (lotExpires[heap[0] as number] as number) <= t) {
      lapse(heap[0] as number);
      // pop: move the last element to the root and sift down
      const last = heap[--heapSize] as number;
      let i = 0;
      const key = lotExpires[last] as number;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= heapSize) break;
        if (child + 1 < heapSize && (lotExpires[heap[child + 1] as number] as number) < (lotExpires[heap[child] as number] as number)) child++;
        if ((lotExpires[heap[child] as number] as number) >= key) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = last;
    }
  };

  const makeAvailable = (lot: number): void => {
    const left = lotRemaining[lot] as number;
    const paid = debt < left ? debt : left;
    debt -= paid;
    lotRemaining[lot] = left - paid;
    lotReleased[lot] = left - paid;
    lotAvailable[lot] = 1;
    availPos[lot] = availCount;
    avail[availCount++] = lot;
  };
  const releaseUntil = (t: number): void => {
    while (pendingHeap.size > 0 && (lotPendingUntil[pendingHeap.items[0] as number] as number) <= t) makeAvailable(heapPop(pendingHeap, lotPendingUntil));
  };

  const consume = (points: number, preferred: number | undefined, traced: boolean, trace?: number[]): void => {
    let need = points;
    if (preferred !== undefined) {
      const take = Math.min(need, lotRemaining[preferred] as number);
      if (take > 0) {
        lotRemaining[preferred] = (lotRemaining[preferred] as number) - take;
        need -= take;
        trace?.push(preferred, take);
        if (traced && (lotExpires[preferred] as number) < watchedExpiry) watchedExpiry = lotExpires[preferred] as number;
      }
    }
    while (need > 0 && head < availCount) {
      const lot = avail[head] as number;
      const left = lotRemaining[lot] as number;
      if (left === 0) {
        head++;
        continue;
      }
      const take = left < need ? left : need;
      lotRemaining[lot] = left - take;
      need -= take;
      trace?.push(lot, take);
      if (traced && (lotExpires[lot] as number) < watchedExpiry) watchedExpiry = lotExpires[lot] as number;
    }
    debt += need;
  };

  // A reversal of a redemption (without its own expiresAt) puts the points back into the lots the
  // redemption took them from, last taken first, so each keeps its own expiry. Points from lots that
  // have expired by then, and points that found no lot, come back in the reversal's own lot, which
  // expires at once when it holds expired points. Returns the points for that lot.
  const refill = (trace: number[], points: number, t: number): { rest: number; expired: boolean } => {
    let give = points;
    let expiredBack = 0;
    for (let j = trace.length - 2; j >= 0 && give > 0; j -= 2) {
      const lot = trace[j] as number;
      const amount = Math.min(give, trace[j + 1] as number);
      if (amount <= 0) continue;
      trace[j + 1] = (trace[j + 1] as number) - amount;
      give -= amount;
      if ((lotExpires[lot] as number) > t) {
        lotRemaining[lot] = (lotRemaining[lot] as number) + amount;
        if ((availPos[lot] as number) < head) head = availPos[lot] as number;
      } else expiredBack += amount;
    }
    return { rest: give + expiredBack, expired: expiredBack > 0 };
  };

  for (let k = 0; k < n; k++) {
    const i = order === undefined ? k : (order[k] as number);
    const t = times[i] as number;
    if (t > asOfMs) {
      if (sorted) break;
      continue;
    }
    const e = entries[i] as LedgerEntry;
    const points = e.points;
    posted += points;
    lapseUntil(t);
    releaseUntil(t);
    if (classes[i] === CLASS_EXPIRE) {
      // An expire entry posts what lapsed from its lot (turning pending expiry into posted points);
      // anything beyond that is taken like any other negative entry.
      const lot = lotOf?.get(e.lotId as string);
      let need = -points;
      if (lot !== undefined) {
        const lapsed = lotLapsed[lot] as number;
        const take = lapsed < need ? lapsed : need;
        lotLapsed[lot] = lapsed - take;
        pendingExpiry -= take;
        need -= take;
      }
      if (need > 0) consume(need, lot, false);
      continue;
    }
    if (points > 0) {
      let own = points;
      let expires = e.expiresAt === undefined ? Infinity : e.expiresAt.getTime();
      const trace = e.reverses === undefined || e.expiresAt !== undefined ? undefined : traces?.get(e.reverses);
      if (trace !== undefined) {
        const back = refill(trace, points, t);
        own = back.rest;
        if (back.expired) expires = t;
        if (own === 0) continue;
      }
      const lot = lotCount++;
      lotEntry[lot] = i;
      lotRemaining[lot] = own;
      const pendingUntil = e.pendingUntil === undefined ? -Infinity : e.pendingUntil.getTime();
      lotPendingUntil[lot] = pendingUntil;
      if (pendingUntil > t) heapPush(pendingHeap, lotPendingUntil, lot);
      else makeAvailable(lot);
      lotExpires[lot] = expires;
      if (lotOf !== undefined && referenced?.has(e.id)) lotOf.set(e.id, lot);
      if (expires !== Infinity) {
        if (queueTail === 0 || (lotExpires[queue[queueTail - 1] as number] as number) <= expires) queue[queueTail++] = lot;
        else {
          // push and sift up
          let j = heapSize++;
          while (j > 0) {
            const parent = (j - 1) >> 1;
            if ((lotExpires[heap[parent] as number] as number) <= expires) break;
            heap[j] = heap[parent] as number;
            j = parent;
          }
          heap[j] = lot;
        }
      }
    } else {
      let trace: number[] | undefined;
      if (traces !== undefined && referenced?.has(e.id)) traces.set(e.id, (trace = []));
      consume(-points, e.reverses === undefined ? undefined : lotOf?.get(e.reverses), e.id === watch, trace);
    }
  }
  lapseUntil(asOfMs);
  releaseUntil(asOfMs);
  let locked = 0;
  for (let j = 0; j < pendingHeap.size; j++) locked += lotRemaining[pendingHeap.items[j] as number] as number;
  return { posted, pendingExpiry, debt, locked, lotCount, lotEntry, lotRemaining, lotExpires, lotLapsed, lotPendingUntil, lotAvailable, lotReleased, spendOrder: avail.subarray(0, availCount), watchedExpiry };
}

function compareAt(entries: readonly LedgerEntry[], times: Float64Array, classes: Uint8Array, a: number, b: number): number {
  const dt = (times[a] as number) - (times[b] as number);
  if (dt !== 0) return dt;
  const dc = (classes[a] as number) - (classes[b] as number);
  if (dc !== 0) return dc;
  const ia = (entries[a] as LedgerEntry).id;
  const ib = (entries[b] as LedgerEntry).id;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}

/** Milliseconds of a required `asOf` option. */
export function asOfMs(asOf: unknown): number {
  assert(isValidDate(asOf), 'INVALID_DATE', { params: { field: 'asOf' } });
  return asOf.getTime();
}
