import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { thrownCode as code } from '../../errors';
import { Money } from 'crmkit';
import { summarizeRfm, summarizeRfmColumns, type TransactionColumns } from 'crmkit/segmentation';
import { columnsOf, objectsOf, randomTransactions } from '../../customer/transactionColumnsArbitrary';

const asOf = new Date('2026-03-01T00:00:00Z');

describe('summarizeRfmColumns', () => {
  it('computes recency, frequency and net monetary value (the hand calculation of summarizeRfm.test.ts)', () => {
    // c-1: purchases 2026-01-10 (99.90) and 2026-02-19T18:00Z (200.10), refund 50.00 on 2026-02-20:
    // recency floor(9.25) = 9 days, frequency 2, monetary 25000 fen. c-0: only a refund, so no
    // recency (Infinity) and -1.00.
    const s = summarizeRfmColumns(
      {
        currency: 'CNY',
        customerId: ['c-1', 'c-1', 'c-1', 'c-0'],
        type: ['purchase', 'purchase', 'refund', 'refund'],
        amountMinor: [9990, 20010, 5000, 100],
        occurredAtMs: [Date.parse('2026-01-10T08:00:00Z'), Date.parse('2026-02-19T18:00:00Z'), Date.parse('2026-02-20T00:00:00Z'), Date.parse('2026-02-01T00:00:00Z')],
      },
      { asOf },
    );
    expect(s.customerId).toEqual(['c-0', 'c-1']);
    expect(Array.from(s.recencyDays)).toEqual([Infinity, 9]);
    expect(Array.from(s.frequency)).toEqual([0, 2]);
    expect(Array.from(s.monetaryMinor)).toEqual([-100, 25000]);
    expect(Array.from(s.lastPurchaseAtMs)).toEqual([Number.NaN, Date.parse('2026-02-19T18:00:00Z')]);
  });

  it('equals summarizeRfm on the same transactions, to the cent, for plain and dictionary ids (differential, fast-check)', () => {
    fc.assert(
      fc.property(randomTransactions(), fc.constantFrom(false, true, 'sorted' as const), fc.array(fc.constantFrom('z-new', 'a-new', 'c3'), { maxLength: 3 }), (txs, dictionary, listed) => {
        const objects = objectsOf(txs);
        const options = { asOf, currency: txs.currency, customerIds: listed };
        const rows = summarizeRfm(objects, options);
        const cols = summarizeRfmColumns(columnsOf(txs, dictionary), options);
        expect(cols.customerId).toEqual(rows.map((r) => r.customerId));
        expect(Array.from(cols.recencyDays)).toEqual(rows.map((r) => r.recencyDays ?? Infinity));
        expect(Array.from(cols.frequency)).toEqual(rows.map((r) => r.frequency));
        expect(Array.from(cols.monetaryMinor)).toEqual(rows.map((r) => r.monetaryMinor));
        expect(Array.from(cols.monetaryMinor, (m) => Money.ofMinor(m, txs.currency).toString())).toEqual(rows.map((r) => r.monetary.toString()));
        expect(Array.from(cols.lastPurchaseAtMs)).toEqual(rows.map((r) => r.lastPurchaseAt?.getTime() ?? Number.NaN));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses bad columns with CrmErrors', () => {
    const good: TransactionColumns = { currency: 'CNY', customerId: ['a'], amountMinor: [1], occurredAtMs: [0] };
    expect(code(() => summarizeRfmColumns({ ...good, amountMinor: [1, 2] }, { asOf }))).toBe('INVALID_ARGUMENT');
    expect(code(() => summarizeRfmColumns({ ...good, amountMinor: [-1] }, { asOf }))).toBe('INVALID_MONEY');
    expect(code(() => summarizeRfmColumns({ ...good, amountMinor: [1.5] }, { asOf }))).toBe('INVALID_MONEY');
    expect(code(() => summarizeRfmColumns({ ...good, occurredAtMs: [Number.NaN] }, { asOf }))).toBe('INVALID_DATE');
    expect(code(() => summarizeRfmColumns({ ...good, occurredAtMs: [1e300] }, { asOf }))).toBe('INVALID_DATE');
    expect(code(() => summarizeRfmColumns({ ...good, type: ['gift'] }, { asOf }))).toBe('INVALID_ARGUMENT');
    expect(code(() => summarizeRfmColumns({ ...good, customerId: [''] }, { asOf }))).toBe('INVALID_ARGUMENT');
    expect(code(() => summarizeRfmColumns({ ...good, customerId: { dictionary: ['a'], indices: [1] } }, { asOf }))).toBe('INVALID_ARGUMENT');
    expect(code(() => summarizeRfmColumns({ ...good, currency: 'XXXX' }, { asOf }))).toBe('INVALID_CURRENCY');
    expect(code(() => summarizeRfmColumns(good, { asOf, currency: 'USD' }))).toBe('CURRENCY_MISMATCH');
    expect(code(() => summarizeRfmColumns(good, { asOf: new Date(Number.NaN) }))).toBe('INVALID_DATE');
    expect(code(() => summarizeRfmColumns(null as never, { asOf }))).toBe('INVALID_ARGUMENT');
  });

  it('reports the first row whose id is bad, however many rows and runs come before it', () => {
    // Rows 0-2999 are good; the first bad ids are at rows 3000 (empty) and 3001 (a number), so the
    // error names row 3000, as a row-by-row check would.
    const ids: unknown[] = Array.from({ length: 5000 }, (_, i) => `c${i % 700}`);
    ids[3000] = '';
    ids[3001] = 7;
    ids[4000] = '';
    const n = ids.length;
    const columns = { currency: 'CNY', customerId: ids as string[], amountMinor: new Float64Array(n).fill(1), occurredAtMs: new Float64Array(n) };
    let field: unknown;
    try {
      summarizeRfmColumns(columns, { asOf });
    } catch (e) {
      field = (e as { params?: { field?: unknown } }).params?.field;
    }
    expect(field).toBe('customerId.3000');
  });
});
