import { assert, CrmError } from './errors';
import type { Transaction } from '../customer/transaction';
import { sortTimes } from '../core/time/sortTimes';

/**
 * The transaction fields the KPIs read; full `Transaction` records fit. Refunds are not purchases;
 * a transaction id seen twice counts once.
 *
 * @example
 * ```ts
 * const t: KpiTransaction = { id: 't-1', customerId: 'c-1', type: 'purchase', occurredAt: new Date('2026-03-02T00:00:00Z') };
 * ```
 */
export type KpiTransaction = Pick<Transaction, 'id' | 'customerId' | 'type' | 'occurredAt'>;

/** Purchase times per customer (ascending, deduplicated by transaction id, ≤ asOf). */
export function purchasesByCustomer(transactions: Iterable<KpiTransaction>, asOf: number): Map<string, readonly number[]> {
  assert(transactions != null && typeof (transactions as Iterable<unknown>)[Symbol.iterator] === 'function', 'INVALID_ARGUMENT', { params: { field: 'transactions', rule: 'must be iterable' } });
  const seen = new Set<string>();
  const lists = new Map<string, number[]>();
  for (const t of transactions) {
    // instanceof + getTime rather than date-fns isValid, which is several times slower per call.
    const at = t.occurredAt instanceof Date ? t.occurredAt.getTime() : Number.NaN;
    if (Number.isNaN(at)) throw new CrmError('INVALID_DATE', { params: { field: 'transaction.occurredAt' } });
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    if (t.type !== 'purchase' || at > asOf) continue;
    const list = lists.get(t.customerId);
    if (list === undefined) lists.set(t.customerId, [at]);
    else list.push(at);
  }
  for (const list of lists.values()) sortTimes(list);
  return lists;
}

/** Whether a sorted array has a value in [start, end). */
export function anyIn(times: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < times.length && (times[lo] as number) < end;
}

/** Count of values in [start, end) of a sorted array. */
export function countIn(times: readonly number[], start: number, end: number): number {
  let n = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i] as number;
    if (t >= end) break;
    if (t >= start) n++;
  }
  return n;
}

/** numerator / denominator, or null when the denominator is 0 (never NaN). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
