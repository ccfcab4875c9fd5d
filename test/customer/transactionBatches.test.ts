import { describe, expect, it } from 'vitest';
import { Money, isCrmError } from 'crmkit';
import { summarizeRfm } from 'crmkit/segmentation';
import { summarizeTransactions, summarizeTransactionsColumns, summaryColumns } from 'crmkit/clv';
import type { Transaction } from '../../src/customer/transaction';

// summarizeRfm and summarizeTransactions read objects in batches of 4,096 rows (src/customer/
// transactionBatches.ts). These inputs cross the batch edges; a customer's rows are spread over
// several batches, some rows fall after asOf, some are refunds.
const AS_OF = new Date('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

function transactions(n: number, customers: number, seed: number): Transaction[] {
  let s = seed;
  const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  return Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    customerId: `c${Math.floor(rnd() * customers)}`,
    type: rnd() < 0.1 ? 'refund' : 'purchase',
    amount: rnd() < 0.5 ? Money.ofMinor(Math.floor(rnd() * 100_000), 'CNY') : Money.of(`${Math.floor(rnd() * 1000)}.${Math.floor(rnd() * 10)}5`, 'CNY'),
    occurredAt: new Date(AS_OF.getTime() - 400 * DAY + Math.floor(rnd() * 410 * DAY)),
  }));
}

/** RFM written the plain way (a Map of running totals; amounts through BigInt of their decimal string): the reference. */
function rfmReference(tx: readonly Transaction[]) {
  const by = new Map<string, { last: number; frequency: number; minor: bigint }>();
  for (const t of tx) {
    const at = t.occurredAt.getTime();
    if (at > AS_OF.getTime()) continue;
    const [whole, frac = ''] = t.amount.amount.split('.');
    const minor = BigInt(`${whole}${frac.padEnd(2, '0')}`);
    const r = by.get(t.customerId) ?? { last: -Infinity, frequency: 0, minor: 0n };
    if (t.type === 'refund') r.minor -= minor;
    else {
      r.frequency++;
      r.minor += minor;
      r.last = Math.max(r.last, at);
    }
    by.set(t.customerId, r);
  }
  return [...by]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([customerId, r]) => ({ customerId, recencyDays: r.frequency > 0 ? Math.floor((AS_OF.getTime() - r.last) / DAY) : null, frequency: r.frequency, monetaryMinor: Number(r.minor) }));
}

describe('transactions read in batches', () => {
  it.each([
    [4095, 50],
    [4096, 3000],
    [4097, 7],
    [12_345, 900],
  ])('summarizeRfm over %i rows of %i customers equals a plain Map reference', (n, customers) => {
    const tx = transactions(n, customers, n);
    const got = summarizeRfm(tx, { asOf: AS_OF }).map(({ customerId, recencyDays, frequency, monetaryMinor }) => ({ customerId, recencyDays, frequency, monetaryMinor }));
    expect(got).toEqual(rfmReference(tx));
  });

  it.each([
    [4097, 7],
    [12_345, 900],
  ])('summarizeTransactions over %i rows of %i customers equals summarizeTransactionsColumns (differential; the columns path is checked against a Map-and-Set reference in test/clv)', (n, customers) => {
    const tx = transactions(n, customers, n + 1);
    const objects = summaryColumns(summarizeTransactions(tx, { asOf: AS_OF }));
    const columns = summarizeTransactionsColumns(
      {
        currency: 'CNY',
        customerId: tx.map((t) => t.customerId),
        type: tx.map((t) => t.type),
        amountMinor: tx.map((t) => Number(t.amount.toMinor())),
        occurredAtMs: tx.map((t) => t.occurredAt.getTime()),
      },
      { asOf: AS_OF },
    );
    expect(objects.ids).toEqual(columns.ids);
    for (const k of ['frequency', 'recency', 'T', 'monetaryValue'] as const) expect(Array.from(objects[k])).toEqual(Array.from(columns[k]));
  });

  it('checks every row of summarizeTransactions, refunds too, with CrmErrors instead of TypeErrors', () => {
    const ok = { id: 't', customerId: 'c-1', type: 'purchase', amount: Money.of('1', 'CNY'), occurredAt: new Date('2026-01-01') } as const;
    const cases: [unknown, string][] = [
      [{ ...ok, amount: undefined }, 'INVALID_MONEY'],
      [{ ...ok, amount: { currency: 'CNY' } }, 'INVALID_MONEY'],
      [{ ...ok, customerId: 5 }, 'INVALID_ARGUMENT'],
      [{ ...ok, customerId: '' }, 'INVALID_ARGUMENT'],
      [null, 'INVALID_ARGUMENT'],
      [{ ...ok, type: 'gift' }, 'INVALID_ARGUMENT'],
      [{ ...ok, occurredAt: new Date(Number.NaN) }, 'INVALID_DATE'],
      [{ ...ok, type: 'refund', amount: Money.of('-1', 'CNY') }, 'INVALID_MONEY'],
      [{ ...ok, type: 'refund', amount: Money.of('1', 'USD') }, 'CURRENCY_MISMATCH'],
    ];
    for (const [bad, code] of cases) {
      let caught: unknown;
      try {
        summarizeTransactions([ok, bad as Transaction], { asOf: AS_OF });
      } catch (e) {
        caught = e;
      }
      expect(isCrmError(caught, code as never), `${JSON.stringify(bad)} -> ${code}`).toBe(true);
    }
    expect(() => summarizeTransactions(42 as never, { asOf: AS_OF })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
