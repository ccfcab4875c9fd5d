import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PurchaseRows, SKIPPED, summarizePurchaseRows, type MinorSummaries } from '../../src/clv/purchaseSummaries';
import { BLOCK_BITS } from '../../src/clv/purchaseRows';

interface Row {
  readonly customer: number;
  readonly period: number;
  readonly minor: number;
}

/** Integer division rounded half to even, in BigInt (exact; a second implementation of the float one). */
function halfEven(total: number, n: number): number {
  if (n === 0) return 0;
  const t = BigInt(total);
  const d = BigInt(n);
  const q = t / d;
  const r2 = 2n * (t % d);
  return Number(r2 > d || (r2 === d && q % 2n !== 0n) ? q + 1n : q);
}

/**
 * lifetimes' summary_data_from_transaction_data (with calibration_and_holdout_data's split at
 * endP) written out the plain way: group with a Map, distinct periods with a Set, no sorting
 * tricks. The reference the grouping passes of summarizePurchaseRows must equal.
 */
function reference(rows: readonly Row[], ids: readonly string[], endP: number): MinorSummaries {
  const byCustomer = new Map<number, Row[]>();
  for (const r of rows) {
    if (r.period === SKIPPED) continue;
    byCustomer.set(r.customer, [...(byCustomer.get(r.customer) ?? []), r]);
  }
  const out: { id: string; f: number; r: number; T: number; m: number; hf: number; hm: number }[] = [];
  let dropped = 0;
  for (const [c, rs] of byCustomer) {
    const cal = rs.filter((r) => r.period <= endP);
    const hold = rs.filter((r) => r.period > endP);
    if (cal.length === 0) continue;
    const first = Math.min(...cal.map((r) => r.period));
    const last = Math.max(...cal.map((r) => r.period));
    if (first === endP) {
      dropped++;
      continue;
    }
    const frequency = new Set(cal.map((r) => r.period)).size - 1;
    const repeatTotal = cal.filter((r) => r.period !== first).reduce((s, r) => s + r.minor, 0);
    const holdPeriods = new Set(hold.map((r) => r.period)).size;
    const holdTotal = hold.reduce((s, r) => s + r.minor, 0);
    out.push({ id: ids[c] as string, f: frequency, r: last - first, T: endP - first, m: halfEven(repeatTotal, frequency), hf: holdPeriods, hm: halfEven(holdTotal, holdPeriods) });
  }
  out.sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    ids: out.map((o) => o.id),
    frequency: Float64Array.from(out, (o) => o.f),
    recency: Float64Array.from(out, (o) => o.r),
    T: Float64Array.from(out, (o) => o.T),
    monetaryMinor: Float64Array.from(out, (o) => o.m),
    holdoutFrequency: Float64Array.from(out, (o) => o.hf),
    holdoutMonetaryMinor: Float64Array.from(out, (o) => o.hm),
    droppedNewCustomers: dropped,
  };
}

// Customer codes up to three blocks of 4,096 wide, so rows land in several blocks (some empty) and
// the last block is partial; ids in an order unrelated to their codes unless `sortedIds`.
const CODES = 3 * (1 << BLOCK_BITS) - 5;
const arbitraryCase = fc
  .record({
    customers: fc.integer({ min: 1, max: CODES }),
    // a few customers, each picked often: ties within a period, one-row customers, holdout-only
    // ones; often the codes at block edges (the last code is -1)
    picks: fc.array(fc.oneof(fc.nat(), fc.constantFrom(0, 4095, 4096, 8191, 8192, -1)), { minLength: 1, maxLength: 12 }),
    rows: fc.array(fc.record({ pick: fc.nat(), period: fc.integer({ min: 100, max: 130 }), minor: fc.integer({ min: 0, max: 2 ** 40 }), skipped: fc.boolean() }), { maxLength: 120 }),
    endP: fc.integer({ min: 98, max: 132 }),
    sortedIds: fc.boolean(),
  })
  .map(({ customers, picks, rows, endP, sortedIds }) => {
    const codes = picks.map((p) => (p < 0 ? customers - 1 : p % customers));
    const ids = Array.from({ length: customers }, (_, c) => (sortedIds ? `c${String(c).padStart(6, '0')}` : `x${(c * 7919) % 10007}-${c}`));
    return {
      ids,
      endP,
      rows: rows.map((r) => ({ customer: codes[r.pick % codes.length] as number, period: r.skipped && r.pick % 3 === 0 ? SKIPPED : r.period, minor: r.minor })),
    };
  });

describe('summarizePurchaseRows', () => {
  it('equals the plain Map-and-Set reference on random rows with ties, one-row customers, skipped rows and calibration/holdout splits (fast-check)', () => {
    fc.assert(
      fc.property(arbitraryCase, ({ ids, rows, endP }) => {
        const expected = reference(rows, ids, endP);
        // as columns read in place (the columnar path) and as pushed rows (the objects path)
        const columns = { customer: Int32Array.from(rows, (r) => r.customer), period: Int32Array.from(rows, (r) => r.period), minor: Float64Array.from(rows, (r) => r.minor), length: rows.length };
        const pushed = new PurchaseRows(1);
        for (const r of rows) if (r.period !== SKIPPED) pushed.push(r.customer, r.period, r.minor);
        for (const input of [columns, pushed]) expect(summarizePurchaseRows(input, ids, endP)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('works out one customer by hand: periods 100, 100, 103 and 103 (holdout after 102), amounts 5, 7, 9, 11', () => {
    // calibration: periods {100} -> frequency 0, recency 0, T = 102 - 100 = 2, monetary 0;
    // holdout: one period (103) with 9 + 11 = 20 -> holdoutFrequency 1, holdoutMonetary 20.
    const rows = new PurchaseRows(1);
    for (const [p, a] of [[100, 5], [103, 9], [100, 7], [103, 11]] as const) rows.push(0, p, a);
    const s = summarizePurchaseRows(rows, ['c'], 102);
    expect([s.ids, [...s.frequency], [...s.recency], [...s.T], [...s.monetaryMinor], [...s.holdoutFrequency], [...s.holdoutMonetaryMinor]]).toEqual([['c'], [0], [0], [2], [0], [1], [20]]);
  });

  it('groups one customer with more than 32 rows (the native sort of its periods) and a customer in the last of several blocks', () => {
    // customer 0: periods 1..40 each twice (amount 1 each) -> 40 distinct periods, frequency 39,
    // repeat total 78 over 39 periods -> 2; customer 9000 (block 2): periods 5 and 8 -> frequency 1.
    const rows = new PurchaseRows(1);
    for (let p = 40; p >= 1; p--) {
      rows.push(0, p, 1);
      rows.push(0, p, 1);
    }
    rows.push(9000, 8, 3);
    rows.push(9000, 5, 4);
    const ids = Array.from({ length: 9001 }, (_, c) => `c${String(c).padStart(4, '0')}`);
    const s = summarizePurchaseRows(rows, ids, 50);
    expect([s.ids, [...s.frequency], [...s.recency], [...s.T], [...s.monetaryMinor]]).toEqual([['c0000', 'c9000'], [39, 1], [39, 3], [49, 45], [2, 3]]);
  });
});
