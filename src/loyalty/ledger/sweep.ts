import { assert } from '../../core/errors/assert';
import { CrmError } from '../../core/errors/CrmError';
import { isValidDate } from '../../core/time';
import { isTimeInRange } from '../../core/time/range';
import type { LedgerEntry } from './entry';

/**
 * The state of one customer's ledger at an instant, in flat typed arrays: the lots (positive
 * entries) in the order they were posted with what is left of each, and the totals.
 *
 * Invariant: `posted - pendingExpiry === sum(lotRemaining) - debt`.
 */
export interface LedgerSweep {
  /** Sum of the points of every entry at or before asOf. */
  readonly posted: number;
  /** Points in lots that expired at or before asOf and have no `expire` entry yet. */
  readonly pendingExpiry: number;
  /** Points removed by negative entries that found no lot to consume (an overdrawn ledger). */
  readonly debt: number;
  readonly lotCount: number;
  /** Index into the entries array of each lot's entry. */
  readonly lotEntry: Int32Array;
  readonly lotRemaining: Float64Array;
  /** Expiry instant (ms) of each lot; Infinity when it never expires. */
  readonly lotExpires: Float64Array;
  /** Points of each lot that expired and have no `expire` entry yet (they count in `pendingExpiry`). */
  readonly lotLapsed: Float64Array;
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

  const consume = (points: number, preferred: number | undefined, traced: boolean): void => {
    let need = points;
    if (preferred !== undefined) {
      const take = Math.min(need, lotRemaining[preferred] as number);
      if (take > 0) {
        lotRemaining[preferred] = (lotRemaining[preferred] as number) - take;
        need -= take;
        if (traced && (lotExpires[preferred] as number) < watchedExpiry) watchedExpiry = lotExpires[preferred] as number;
      }
    }
    while (need > 0 && head < lotCount) {
      const left = lotRemaining[head] as number;
      if (left === 0) {
        head++;
        continue;
      }
      const take = left < need ? left : need;
      lotRemaining[head] = left - take;
      need -= take;
      if (traced && (lotExpires[head] as number) < watchedExpiry) watchedExpiry = lotExpires[head] as number;
    }
    debt += need;
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
      const lot = lotCount++;
      const paid = debt < points ? debt : points;
      debt -= paid;
      lotEntry[lot] = i;
      lotRemaining[lot] = points - paid;
      const expires = e.expiresAt === undefined ? Infinity : e.expiresAt.getTime();
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
      consume(-points, e.reverses === undefined ? undefined : lotOf?.get(e.reverses), e.id === watch);
    }
  }
  lapseUntil(asOfMs);
  return { posted, pendingExpiry, debt, lotCount, lotEntry, lotRemaining, lotExpires, lotLapsed, watchedExpiry };
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
