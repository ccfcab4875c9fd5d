import { describe, expect, it } from 'vitest';
import { Money } from '../../src/core';
import type { Transaction } from '../../src/customer';
import { summarizeTransactions, summaryColumns } from '../../src/clv';
import { cdnowSampleTransactions, cdnowSummary } from './fixtures';

const purchase = (customerId: string, iso: string, amount: string, currency = 'USD'): Transaction => ({
  id: `${customerId}-${iso}-${amount}`,
  customerId,
  type: 'purchase',
  amount: Money.of(amount, currency),
  occurredAt: new Date(iso),
});

describe('summarizeTransactions on CDNOW', () => {
  const txs: Transaction[] = cdnowSampleTransactions().map((r, i) => ({
    id: `t${i}`,
    customerId: r.sampleId,
    type: 'purchase',
    amount: Money.of(r.value, 'USD'),
    occurredAt: new Date(`${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)}T00:00:00Z`),
  }));
  const rows = summarizeTransactions(txs, { asOf: new Date('1998-06-30T00:00:00Z'), calibrationEnd: new Date('1997-09-30T00:00:00Z') });
  const ref = cdnowSummary();

  it('reproduces the published CDNOW summary (lifetimes cdnow_customers_summary_with_transactions.csv): x, tₓ and T in days / 7', () => {
    expect(rows).toHaveLength(2357);
    const byId = new Map(rows.map((r) => [r.customerId, r]));
    ref.id.forEach((id, i) => {
      const r = byId.get(String(id));
      expect(r?.frequency).toBe(ref.frequency[i]);
      expect(Math.abs((r?.recency as number) / 7 - (ref.recency[i] as number))).toBeLessThan(0.006);
      expect(Math.abs((r?.T as number) / 7 - (ref.T[i] as number))).toBeLessThan(0.006);
      // zbar is published to the cent; ours rounds the exact mean half-even, so a .xx5 mean may differ by a cent
      expect(Math.abs((r?.monetaryValue.toNumber() as number) - (ref.monetaryValue[i] as number))).toBeLessThan(0.0100001);
    });
  });

  it('rounds the repeat mean half-even: customer 1 bought 29.33, then 29.73 and 14.96, so (29.73 + 14.96)/2 = 22.345 → 22.34', () => {
    const one = rows.find((r) => r.customerId === '1');
    expect(one?.monetaryValue.toString()).toBe('22.34 USD');
  });

  it('holds out weeks 40–78: the holdout purchases of all customers total the transactions after 1997-09-30 (counted by hand from the file, one per customer-day)', () => {
    const days = new Set(cdnowSampleTransactions().filter((r) => r.date > '19970930' && r.date <= '19980630').map((r) => `${r.sampleId}:${r.date}`));
    expect(rows.reduce((s, r) => s + (r.holdoutFrequency as number), 0)).toBe(days.size);
    expect(rows[0]?.holdoutDuration).toBe(273); // 1997-09-30 → 1998-06-30
  });
});

describe('summarizeTransactions definitions (hand examples)', () => {
  const asOf = new Date('2026-01-31T00:00:00Z');
  it('counts periods, not transactions; skips refunds and later purchases', () => {
    const txs = [
      purchase('a', '2026-01-01T09:00:00Z', '10'),
      purchase('a', '2026-01-05T09:00:00Z', '20'),
      purchase('a', '2026-01-05T18:00:00Z', '5'),
      purchase('a', '2026-01-11T09:00:00Z', '30'),
      { ...purchase('a', '2026-01-12T09:00:00Z', '30'), type: 'refund' as const },
      purchase('a', '2026-02-11T09:00:00Z', '99'),
      purchase('b', '2026-01-20T09:00:00Z', '7'),
    ];
    const [a, b] = summarizeTransactions(txs, { asOf });
    // a: days 1, 5, 11 → frequency 2, recency 10, T = 30; repeat totals 25 and 30 → mean 27.50
    expect([a?.frequency, a?.recency, a?.T, a?.monetaryValue.toString()]).toEqual([2, 10, 30, '27.50 USD']);
    expect([b?.frequency, b?.recency, b?.T, b?.monetaryValue.toString()]).toEqual([0, 0, 11, '0.00 USD']);
  });
  it('weeks start on Monday (UTC) and months are calendar months', () => {
    // 2026-01-04 is a Sunday, 2026-01-05 a Monday: different weeks, one day apart.
    const txs = [purchase('a', '2026-01-04T12:00:00Z', '1'), purchase('a', '2026-01-05T12:00:00Z', '1'), purchase('a', '2026-01-06T12:00:00Z', '1')];
    const [w] = summarizeTransactions(txs, { asOf, period: 'week' });
    expect([w?.frequency, w?.recency, w?.T]).toEqual([1, 1, 4]);
    const [m] = summarizeTransactions([purchase('a', '2025-11-30T12:00:00Z', '1'), purchase('a', '2025-12-01T12:00:00Z', '1')], { asOf, period: 'month' });
    expect([m?.frequency, m?.recency, m?.T]).toEqual([1, 1, 2]);
  });
  it('compares dates by period as lifetimes does: a purchase later on the asOf day counts', () => {
    const [a] = summarizeTransactions([purchase('a', '2026-01-01T08:00:00Z', '1'), purchase('a', '2026-01-31T20:00:00Z', '4')], { asOf });
    expect([a?.frequency, a?.recency, a?.T]).toEqual([1, 30, 30]);
  });
  it('leaves out customers first seen in the holdout', () => {
    const rows = summarizeTransactions([purchase('a', '2026-01-01T00:00:00Z', '1'), purchase('b', '2026-01-20T00:00:00Z', '1')], {
      asOf,
      calibrationEnd: new Date('2026-01-10T00:00:00Z'),
    });
    expect(rows.map((r) => r.customerId)).toEqual(['a']);
  });
  it('refuses mixed currencies and calibrationEnd after asOf', () => {
    expect(() => summarizeTransactions([purchase('a', '2026-01-01T00:00:00Z', '1'), purchase('a', '2026-01-02T00:00:00Z', '1', 'CNY')], { asOf })).toThrow(
      expect.objectContaining({ code: 'CURRENCY_MISMATCH' }),
    );
    expect(() => summarizeTransactions([], { asOf, calibrationEnd: new Date('2026-03-01T00:00:00Z') })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => summarizeTransactions([], { asOf: new Date('nope') })).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
  it('summaryColumns lines the summaries up as Float64Arrays', () => {
    const cols = summaryColumns(summarizeTransactions([purchase('a', '2026-01-01T00:00:00Z', '1'), purchase('a', '2026-01-03T00:00:00Z', '2.5')], { asOf }));
    expect([cols.ids, Array.from(cols.frequency), Array.from(cols.recency), Array.from(cols.T), Array.from(cols.monetaryValue)]).toEqual([['a'], [1], [2], [30], [2.5]]);
  });
});
