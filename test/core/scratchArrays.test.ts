import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recycleScratch, scratchArray, scratchPoolBytes, scratchPoolSize } from '../../src/core/scratch/scratchArrays';
import { IdCodes } from '../../src/customer/idCodes';
import { Money, type Transaction } from 'crmkit';
import { summarizeRfm, summarizeRfmColumns } from 'crmkit/segmentation';
import { summarizeTransactions, summarizeTransactionsColumns } from 'crmkit/clv';

describe('scratch arrays (core/scratch)', () => {
  it('reuses a handed-back buffer, zero-filled whatever the last borrower wrote', () => {
    const a = scratchArray(Float64Array, 5000);
    a.fill(7.5);
    const buffer = a.buffer;
    recycleScratch(a);
    const b = scratchArray(Float64Array, 5000);
    expect(b.buffer).toBe(buffer);
    expect(b.every((x) => x === 0)).toBe(true);
    // The same bytes seen as another type, shorter: still all zero, and the length asked for.
    recycleScratch(b);
    new Float64Array(buffer).fill(-1);
    const c = scratchArray(Int32Array, 3000);
    expect(c.buffer).toBe(buffer);
    expect(c.length).toBe(3000);
    expect(c.every((x) => x === 0)).toBe(true);
    recycleScratch(c);
  });

  it('never lends one buffer twice: nested borrows, and a buffer handed back twice, get distinct buffers', () => {
    const a = scratchArray(Int32Array, 4096);
    recycleScratch(a);
    recycleScratch(a);
    const x = scratchArray(Int32Array, 4096);
    const y = scratchArray(Int32Array, 4096);
    expect(x.buffer).not.toBe(y.buffer);
    x.fill(1);
    expect(y.every((v) => v === 0)).toBe(true);
    recycleScratch(x, y);
  });

  it('keeps a small request off a much larger buffer, and holds at most 64 buffers', () => {
    const big = scratchArray(Uint8Array, 1 << 22);
    const bigBuffer = big.buffer;
    recycleScratch(big);
    const small = scratchArray(Uint8Array, 2048);
    expect(small.buffer).not.toBe(bigBuffer);
    recycleScratch(small);
    const many = Array.from({ length: 100 }, (_, i) => scratchArray(Uint16Array, 1024 + i));
    recycleScratch(...many);
    expect(scratchPoolSize()).toBeLessThanOrEqual(64);
  });

  it('holds at most 256 MiB: large buffers push smaller ones out, and one larger than that is not kept', () => {
    // Fresh ArrayBuffers are zero pages the system maps lazily: these take no memory until written.
    const mib = 2 ** 20;
    const large = [100, 100, 100].map((m) => new Uint8Array(m * mib));
    recycleScratch(...large);
    expect(scratchPoolBytes()).toBeLessThanOrEqual(256 * mib);
    expect(scratchPoolBytes()).toBeGreaterThanOrEqual(200 * mib);
    recycleScratch(new Uint8Array(300 * mib));
    expect(scratchPoolBytes()).toBeLessThanOrEqual(256 * mib);
    // Borrowing one gives it back to no one else: the pool shrinks by it.
    const before = scratchPoolBytes();
    const borrowed = scratchArray(Uint8Array, 90 * mib);
    expect(borrowed.buffer.byteLength).toBe(100 * mib);
    expect(scratchPoolBytes()).toBe(before - 100 * mib);
  });
});

describe('IdCodes.release', () => {
  it('still answers every id with its code afterwards, and codes new ids after the known ones, whatever the size hint (reference: a Map; fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3000).map((n) => `c${n}`), { minLength: 1, maxLength: 4000 }), fc.array(fc.nat(4000).map((n) => `c${n}`), { maxLength: 200 }), fc.nat(1 << 20), (first, later, expectedIds) => {
        // Any size hint, from none to more than the table may start with.
        const coder = new IdCodes(expectedIds);
        const map = new Map<string, number>();
        const ref = (id: string) => {
          if (!map.has(id)) map.set(id, map.size);
          return map.get(id) as number;
        };
        for (const id of first) expect(coder.code(id)).toBe(ref(id));
        coder.release();
        const out = new Int32Array(later.length);
        coder.codeBatch(later, later.length, out);
        expect(Array.from(out)).toEqual(later.map(ref));
        expect(coder.ids).toEqual([...map.keys()]);
      }),
      { numRuns: 60 },
    );
  });
});

// The summaries hand their working arrays back, so a later call borrows arrays an earlier call
// wrote. Whatever the order of calls, each result must equal the one the same input gave first.
describe('summaries do not depend on what earlier calls left in the pool', () => {
  const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000);
  const rows = (seed: number, customers: number, n: number): Transaction[] => {
    let s = seed;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    return Array.from({ length: n }, (_, i) => ({
      id: `t${i}`,
      customerId: `k${Math.floor(next() * customers)}`,
      type: next() < 0.1 ? ('refund' as const) : ('purchase' as const),
      amount: Money.ofMinor(Math.floor(next() * 50_000), 'CNY'),
      occurredAt: day(Math.floor(next() * 200)),
    }));
  };
  const asOf = day(180);
  const columnsOf = (tx: Transaction[]) => ({
    currency: 'CNY',
    customerId: tx.map((t) => t.customerId),
    type: tx.map((t) => t.type),
    amountMinor: Float64Array.from(tx, (t) => Number(t.amount.toMinor())),
    occurredAtMs: Float64Array.from(tx, (t) => t.occurredAt.getTime()),
  });

  it('gives equal results for the same input before and after calls of other sizes, on objects and on columns', () => {
    const a = rows(1, 3000, 20_000);
    const b = rows(2, 40, 500);
    const c = rows(3, 9000, 30_000);
    const first = { rfm: summarizeRfm(a, { asOf }), clv: summarizeTransactions(a, { asOf }), rfmCols: summarizeRfmColumns(columnsOf(a), { asOf }), clvCols: summarizeTransactionsColumns(columnsOf(a), { asOf }) };
    for (const other of [b, c, b]) {
      summarizeRfm(other, { asOf });
      summarizeTransactions(other, { asOf });
      summarizeRfmColumns(columnsOf(other), { asOf });
      summarizeTransactionsColumns(columnsOf(other), { asOf });
      expect(summarizeRfm(a, { asOf })).toEqual(first.rfm);
      expect(summarizeTransactions(a, { asOf })).toEqual(first.clv);
      expect(summarizeRfmColumns(columnsOf(a), { asOf })).toEqual(first.rfmCols);
      expect(summarizeTransactionsColumns(columnsOf(a), { asOf })).toEqual(first.clvCols);
    }
    // The first results are the caller's: later calls must not have written into them.
    expect(first.rfmCols.frequency.reduce((x, y) => x + y, 0)).toBe(a.filter((t) => t.type === 'purchase' && t.occurredAt <= asOf).length);
  });

  it('gives correct results when a summary runs inside another one (a generator that summarizes while it is read)', () => {
    const outer = rows(4, 500, 4000);
    const inner = rows(5, 700, 6000);
    const expectedInner = summarizeRfm(inner, { asOf });
    const expectedOuter = summarizeRfm(outer, { asOf });
    let nested: unknown;
    function* reading() {
      for (let i = 0; i < outer.length; i++) {
        if (i === 2500) nested = summarizeRfm(inner, { asOf });
        yield outer[i] as Transaction;
      }
    }
    expect(summarizeRfm(reading(), { asOf })).toEqual(expectedOuter);
    expect(nested).toEqual(expectedInner);
  });
});
