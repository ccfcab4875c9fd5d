import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { thrownCode as code } from '../errors';
import { summarizeTransactions, summarizeTransactionsColumns, summaryColumns, type SummaryPeriod } from 'crmkit/clv';
import { periodIndex, periodOfMs } from '../../src/clv/period';
import { MAX_TIME, MIN_TIME } from '../../src/core/time/range';
import { columnsOf, objectsOf, randomTransactions } from '../customer/transactionColumnsArbitrary';

const asOf = new Date('2026-03-01T00:00:00Z');

describe('summarizeTransactionsColumns', () => {
  it('equals summaryColumns(summarizeTransactions(...)) on the same transactions, to the cent (differential, fast-check)', () => {
    fc.assert(
      fc.property(
        randomTransactions(),
        fc.constantFrom(false, true, 'sorted' as const),
        fc.constantFrom<SummaryPeriod>('day', 'week', 'month'),
        fc.constantFrom(undefined, new Date('2026-01-15T12:00:00Z'), asOf),
        (txs, dictionary, period, calibrationEnd) => {
          const options = { asOf, period, calibrationEnd };
          const rows = summarizeTransactions(objectsOf(txs), options);
          const expected = summaryColumns(rows);
          const cols = summarizeTransactionsColumns(columnsOf(txs, dictionary), options);
          expect(cols.ids).toEqual(expected.ids);
          expect(cols.frequency).toEqual(expected.frequency);
          expect(cols.recency).toEqual(expected.recency);
          expect(cols.T).toEqual(expected.T);
          expect(cols.monetaryValue).toEqual(expected.monetaryValue);
          expect(cols.droppedNewCustomers).toBe(rows.droppedNewCustomers);
          if (calibrationEnd) {
            expect(Array.from(cols.holdoutFrequency ?? [])).toEqual(rows.map((r) => r.holdoutFrequency));
            expect(Array.from(cols.holdoutMonetaryValue ?? [])).toEqual(rows.map((r) => r.holdoutMonetaryValue?.toNumber()));
            for (const r of rows) expect(cols.holdoutDuration).toBe(r.holdoutDuration);
          } else {
            expect(cols.holdoutFrequency).toBeUndefined();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('works out lifetimes’ definitions by hand: c-1 buys 10 on Jan 1, 20 + 5 on Jan 5, 30 on Jan 11; c-2 only on Jan 31', () => {
    // day periods, asOf Jan 31: c-1 frequency 2 (periods 5 and 11 after the first), recency 10,
    // T 30, monetary (25 + 30) / 2 = 27.50; c-2's first purchase is in asOf's period: dropped.
    const day = (d: number) => Date.UTC(2026, 0, d, 10);
    const s = summarizeTransactionsColumns(
      { currency: 'USD', customerId: ['c-1', 'c-1', 'c-2', 'c-1', 'c-1'], amountMinor: [1000, 2000, 800, 500, 3000], occurredAtMs: [day(1), day(5), day(31), day(5), day(11)] },
      { asOf: new Date('2026-01-31T00:00:00Z') },
    );
    expect([s.ids, [...s.frequency], [...s.recency], [...s.T], [...s.monetaryValue], s.droppedNewCustomers]).toEqual([['c-1'], [2], [10], [30], [27.5], 1]);
  });

  it('refuses bad columns and options with CrmErrors', () => {
    const good = { currency: 'USD', customerId: ['a'], amountMinor: [1], occurredAtMs: [0] };
    expect(code(() => summarizeTransactionsColumns({ ...good, occurredAtMs: [0.5] }, { asOf }))).toBe('INVALID_DATE');
    expect(code(() => summarizeTransactionsColumns({ ...good, amountMinor: [2 ** 60] }, { asOf }))).toBe('INVALID_MONEY');
    expect(code(() => summarizeTransactionsColumns({ ...good, type: ['x'] }, { asOf }))).toBe('INVALID_ARGUMENT');
    expect(code(() => summarizeTransactionsColumns(good, { asOf, period: 'year' as never }))).toBe('INVALID_ARGUMENT');
    expect(code(() => summarizeTransactionsColumns(good, { asOf, calibrationEnd: new Date('2027-01-01') }))).toBe('INVALID_ARGUMENT');
  });
});

describe('periodOfMs', () => {
  it('numbers months as Date’s UTC calendar does, over years 0001-9999 (second implementation: getUTCFullYear/getUTCMonth)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN_TIME, max: MAX_TIME }), (ms) => {
        const d = new Date(ms);
        expect(periodOfMs(ms, 'month')).toBe((d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth());
        expect(periodIndex(d, 'month')).toBe(periodOfMs(ms, 'month'));
      }),
      { numRuns: 2000 },
    );
    // month boundaries: 2024-02-29T23:59:59.999Z is Feb, a millisecond later is March; 1969-12-31 is month -1
    expect(periodOfMs(Date.UTC(2024, 1, 29, 23, 59, 59, 999), 'month')).toBe(54 * 12 + 1);
    expect(periodOfMs(Date.UTC(2024, 2, 1), 'month')).toBe(54 * 12 + 2);
    expect(periodOfMs(Date.UTC(1969, 11, 31, 23), 'month')).toBe(-1);
  });
});
