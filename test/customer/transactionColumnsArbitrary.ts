/**
 * Random transactions for the differential tests of the columnar summaries: the same rows as
 * Transaction objects and as TransactionColumns (plain ids, a shuffled dictionary with duplicate
 * entries, or a sorted dictionary), so the object and columnar paths can be compared on identical data.
 */
import fc from 'fast-check';
import { Money } from 'crmkit';
import type { Transaction, TransactionColumns } from 'crmkit/customer';

export interface RandomTransactions {
  readonly currency: string;
  readonly rows: readonly { customerId: string; refund: boolean; minor: number; ms: number }[];
}

// Ids whose first-seen order is not their sorted order ('c10' < 'c2'), one with non-ASCII text.
const IDS = ['c1', 'c2', 'c10', 'c3', 'b', '客户9', 'c20'];
const START = Date.parse('2025-10-01T00:00:00Z');
const END = Date.parse('2026-03-20T00:00:00Z');

export function randomTransactions(): fc.Arbitrary<RandomTransactions> {
  const row = fc.record({
    customerId: fc.constantFrom(...IDS),
    refund: fc.boolean(),
    minor: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 2 ** 40 })),
    // whole hours, with many rows on the same day, week and month
    ms: fc.integer({ min: 0, max: Math.floor((END - START) / 3_600_000) }).map((h) => START + h * 3_600_000 + (h % 7) * 1000),
  });
  return fc.record({ currency: fc.constantFrom('CNY', 'JPY', 'KWD'), rows: fc.array(row, { maxLength: 80 }) });
}

export function objectsOf(t: RandomTransactions): Transaction[] {
  return t.rows.map((r, i) => ({ id: `t${i}`, customerId: r.customerId, type: r.refund ? 'refund' : 'purchase', amount: Money.ofMinor(r.minor, t.currency), occurredAt: new Date(r.ms) }));
}

/**
 * The rows as columns; `dictionary`: false for plain ids, true for a dictionary in reverse order
 * with every id twice (indices alternate between the copies), 'sorted' for a sorted dictionary
 * without duplicates (the path that uses the indices as codes).
 */
export function columnsOf(t: RandomTransactions, dictionary: boolean | 'sorted'): TransactionColumns {
  const ids = t.rows.map((r) => r.customerId);
  const dict = dictionary === 'sorted' ? [...IDS].sort() : [...IDS].reverse().flatMap((id) => [id, id]);
  const step = dictionary === 'sorted' ? 0 : 1;
  const customerId = dictionary ? { dictionary: dict, indices: Int32Array.from(ids, (id, i) => dict.indexOf(id) + step * (i % 2)) } : ids;
  return {
    currency: t.currency,
    customerId,
    type: t.rows.map((r) => (r.refund ? 'refund' : 'purchase')),
    amountMinor: Float64Array.from(t.rows, (r) => r.minor),
    occurredAtMs: Float64Array.from(t.rows, (r) => r.ms),
  };
}
