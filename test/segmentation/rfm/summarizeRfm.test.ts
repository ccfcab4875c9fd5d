import { describe, expect, it } from 'vitest';
import { thrownCode as code } from '../../errors';
import { Money } from 'crmkit';
import { summarizeRfm } from 'crmkit/segmentation';

const asOf = new Date('2026-03-01T00:00:00Z');
const tx = (customerId: string, type: 'purchase' | 'refund', amount: string, at: string, currency = 'CNY') => ({
  customerId,
  type,
  amount: Money.of(amount, currency),
  occurredAt: new Date(at),
});

describe('summarizeRfm', () => {
  it('computes recency, frequency and net monetary value (hand calculation)', () => {
    // c-1: purchases 2026-01-10 (99.90) and 2026-02-19T18:00Z (200.10), refund 50.00 on 2026-02-20.
    // recency = floor((2026-03-01T00:00Z - 2026-02-19T18:00Z) / 24h) = floor(9.25) = 9 days.
    // monetary = 99.90 + 200.10 - 50.00 = 250.00 CNY = 25000 fen; frequency = 2 purchases.
    const [s] = summarizeRfm(
      [tx('c-1', 'purchase', '99.90', '2026-01-10T08:00:00Z'), tx('c-1', 'purchase', '200.10', '2026-02-19T18:00:00Z'), tx('c-1', 'refund', '50', '2026-02-20T00:00:00Z')],
      { asOf },
    );
    expect(s).toMatchObject({ customerId: 'c-1', recencyDays: 9, frequency: 2, monetaryMinor: 25000 });
    expect(s?.monetary.toString()).toBe('250.00 CNY');
    expect(s?.lastPurchaseAt?.toISOString()).toBe('2026-02-19T18:00:00.000Z');
  });

  it('ignores transactions after asOf and sorts by customer id whatever the input order', () => {
    const out = summarizeRfm([tx('b', 'purchase', '1', '2026-02-28T00:00:00Z'), tx('a', 'purchase', '5', '2026-04-01T00:00:00Z'), tx('a', 'purchase', '2', '2026-01-30T00:00:00Z')], { asOf });
    // a: only the 2026-01-30 purchase counts: 30 days, 1 purchase, 2.00
    expect(out.map((s) => [s.customerId, s.recencyDays, s.frequency, s.monetaryMinor])).toEqual([
      ['a', 30, 1, 200],
      ['b', 1, 1, 100],
    ]);
  });

  it('empty input gives an empty list; listed customers without transactions get null recency', () => {
    expect(summarizeRfm([], { asOf })).toEqual([]);
    const [s] = summarizeRfm([], { asOf, customerIds: ['c-9'], currency: 'CNY' });
    expect(s).toMatchObject({ customerId: 'c-9', recencyDays: null, frequency: 0, monetaryMinor: 0, lastPurchaseAt: null });
    expect(code(() => summarizeRfm([], { asOf, customerIds: ['c-9'] }))).toBe('INVALID_ARGUMENT');
  });

  it('a customer with only a refund has no recency, frequency 0 and negative value', () => {
    const [s] = summarizeRfm([tx('r', 'refund', '10', '2026-02-01T00:00:00Z')], { asOf });
    expect(s).toMatchObject({ recencyDays: null, frequency: 0, monetaryMinor: -1000 });
  });

  it('rejects mixed currencies, negative money, bad dates and a missing asOf with typed errors', () => {
    expect(code(() => summarizeRfm([tx('a', 'purchase', '1', '2026-01-01T00:00:00Z'), tx('b', 'purchase', '1', '2026-01-01T00:00:00Z', 'USD')], { asOf }))).toBe('CURRENCY_MISMATCH');
    expect(code(() => summarizeRfm([tx('a', 'purchase', '-1', '2026-01-01T00:00:00Z')], { asOf }))).toBe('INVALID_MONEY');
    expect(code(() => summarizeRfm([{ ...tx('a', 'purchase', '1', '2026-01-01T00:00:00Z'), occurredAt: new Date('nope') }], { asOf }))).toBe('INVALID_DATE');
    expect(code(() => summarizeRfm([], { asOf: new Date(Number.NaN) }))).toBe('INVALID_DATE');
    expect(code(() => summarizeRfm([{ ...tx('a', 'purchase', '1', '2026-01-01T00:00:00Z'), type: 'gift' as 'purchase' }], { asOf }))).toBe('INVALID_ARGUMENT');
    expect(code(() => summarizeRfm([{ ...tx('a', 'purchase', '1', '2026-01-01T00:00:00Z'), amount: 5 as unknown as Money }], { asOf }))).toBe('INVALID_MONEY');
  });

  it('rounds sub-minor amounts half-even, like Money.toMinor: 1.005 + 1.015 CNY = 100 + 102 fen', () => {
    const [s] = summarizeRfm([tx('a', 'purchase', '1.005', '2026-02-01T00:00:00Z'), tx('a', 'purchase', '1.015', '2026-02-01T00:00:00Z')], { asOf });
    expect(s?.monetaryMinor).toBe(202);
  });

  it('refuses totals beyond the safe integer range of minor units', () => {
    const big = '90071992547409.91'; // 2^53 - 1 fen
    expect(code(() => summarizeRfm([tx('a', 'purchase', big, '2026-02-01T00:00:00Z'), tx('a', 'purchase', '1', '2026-02-01T00:00:00Z')], { asOf }))).toBe('INVALID_MONEY');
  });

  it('uses exact minor units (JPY has no minor unit)', () => {
    const [s] = summarizeRfm([tx('a', 'purchase', '1999', '2026-02-01T00:00:00Z', 'JPY')], { asOf });
    expect(s?.monetaryMinor).toBe(1999);
  });
});
