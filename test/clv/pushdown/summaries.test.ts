// Differential test of the pushdown summaries: the same seeded random transactions in memory
// (summarizeRfm, summarizeTransactions: the first implementation) and in every engine available
// (rfmSummarySql, clvSummarySql, clvSummaryCountsSql: the engine is the second implementation).
// PGlite and DuckDB always; a PostgreSQL server with PG_URL; a ClickHouse cluster with
// CLICKHOUSE_URL (see test/core/sql/engines.ts). Summaries must be equal to the minor unit, counts
// equal, and BG/NBD fitted on the engine's aggregated rows equal to the in-memory fit to 1e-9.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money, mulberry32 } from 'crmkit/core';
import type { Transaction } from 'crmkit/customer';
import { type SummaryPeriod, clvSummaryCountsSql, clvSummarySql, fitBgNbd, summarizeTransactions } from 'crmkit/clv';
import { rfmSummarySql, summarizeRfm } from 'crmkit/segmentation';
import { type Cell, type ColumnSpec, openEngines } from '../../core/sql/engines';

const ASOF = new Date('2026-03-01T09:30:00Z');
const CAL_END = new Date('2026-01-15T12:00:00Z');
const DAY = 86_400_000;
const rnd = mulberry32(20260301);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;

// Instants at whole seconds (ClickHouse 18 DateTime), chosen near day boundaries in UTC and in
// Asia/Shanghai (+08:00, whose midnight is 16:00 UTC), and around asOf and calibrationEnd.
function instant(): Date {
  const day = Date.UTC(2025, 0, 1) + Math.floor(rnd() * 430) * DAY;
  const within = pick([0, 1000, DAY - 1000, 16 * 3600_000 - 1000, 16 * 3600_000, 16 * 3600_000 + 1000, Math.floor(rnd() * 86_400) * 1000]);
  const special = [ASOF.getTime(), ASOF.getTime() + 1000, ASOF.getTime() - 1000, CAL_END.getTime(), CAL_END.getTime() + 1000, Date.UTC(2026, 2, 1, 23, 59, 59)];
  return new Date(rnd() < 0.1 ? pick(special) : day + within);
}

const transactions: Transaction[] = [];
for (let c = 0; c < 400; c++) {
  const id = `c${String(c).padStart(4, '0')}`;
  const n = rnd() < 0.3 ? 1 : 1 + Math.floor(rnd() * 10);
  let last = instant();
  for (let k = 0; k < n; k++) {
    // same-day repeats, refunds, a few zero amounts
    const at = rnd() < 0.25 ? new Date(last.getTime() + Math.floor(rnd() * 3600) * 1000) : instant();
    last = at;
    const type = rnd() < 0.15 ? 'refund' : 'purchase';
    const minor = rnd() < 0.03 ? 0 : 1 + Math.floor(rnd() * 99_999);
    transactions.push({ id: `${id}-${k}`, customerId: id, type, amount: Money.ofMinor(minor, 'CNY'), occurredAt: at });
  }
}
const COLUMNS = { customerId: 'customer id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' };
const SPECS: ColumnSpec[] = [
  { name: 'customer id', type: 'string', required: true },
  { name: 'type', type: 'string', required: true },
  { name: 'amount_minor', type: 'int', required: true },
  { name: 'occurred_at', type: 'date', required: true },
];
const rows: Cell[][] = transactions.map((t) => [t.customerId, t.type, Number(t.amount.toMinor()), t.occurredAt]);
const TABLE = 'pushdown tx';

const engines = await openEngines();
afterAll(async () => {
  for (const e of engines) await e.close();
}, 60_000);

const byId = <T extends Record<string, unknown>>(xs: T[]) => [...xs].sort((a, b) => String(a.customerId).localeCompare(String(b.customerId)));

describe('the data exercises every case (the comparisons can fail)', () => {
  it('has refunds, one-purchase customers, same-day repeats, T = 0 customers and purchases after asOf', () => {
    const rfm = summarizeRfm(transactions, { asOf: ASOF });
    expect(transactions.some((t) => t.type === 'refund')).toBe(true);
    expect(rfm.some((r) => r.frequency === 1)).toBe(true);
    expect(rfm.some((r) => r.frequency === 0)).toBe(true); // refunds only before asOf
    expect(transactions.some((t) => t.occurredAt > ASOF)).toBe(true);
    expect(summarizeTransactions(transactions, { asOf: ASOF }).droppedNewCustomers).toBeGreaterThan(0);
    expect(summarizeTransactions(transactions, { asOf: ASOF }).some((s) => s.frequency > 2)).toBe(true);
  });
});

describe.each(engines)('pushdown summaries equal the in-memory ones on $name', (engine) => {
  const source = { table: TABLE, columns: COLUMNS, dialect: engine.dialect };
  beforeAll(async () => {
    await engine.load(TABLE, SPECS, rows);
  }, 120_000);

  it('rfmSummarySql equals summarizeRfm (recency, frequency, monetary to the fen, last purchase)', async () => {
    const { text, values } = rfmSummarySql({ ...source, asOf: ASOF });
    const sql = byId(await engine.query(text, values));
    const memory = summarizeRfm(transactions, { asOf: ASOF }).map((r) => ({
      customerId: r.customerId,
      recencyDays: r.recencyDays,
      frequency: r.frequency,
      monetaryMinor: r.monetaryMinor,
      lastPurchaseAtMs: r.lastPurchaseAt === null ? null : r.lastPurchaseAt.getTime(),
    }));
    expect(sql).toEqual(byId(memory));
  });

  for (const period of ['day', 'week', 'month'] as SummaryPeriod[]) {
    for (const calibrationEnd of [undefined, CAL_END]) {
      it(`clvSummarySql equals summarizeTransactions (period ${period}${calibrationEnd ? ', with holdout' : ''})`, async () => {
        const { text, values } = clvSummarySql({ ...source, asOf: ASOF, period, ...(calibrationEnd && { calibrationEnd }) });
        const sql = byId(await engine.query(text, values));
        const memory = summarizeTransactions(transactions, { asOf: ASOF, period, ...(calibrationEnd && { calibrationEnd }) }).map((s) => ({
          customerId: s.customerId,
          frequency: s.frequency,
          recency: s.recency,
          T: s.T,
          monetaryValueMinor: Number(s.monetaryValue.toMinor()),
          ...(calibrationEnd && { holdoutFrequency: s.holdoutFrequency, holdoutMonetaryValueMinor: Number(s.holdoutMonetaryValue?.toMinor()), holdoutDuration: s.holdoutDuration }),
        }));
        expect(memory.length).toBeGreaterThan(100);
        expect(sql).toEqual(byId(memory));
      });
    }
  }

  it('clvSummaryCountsSql equals the in-memory summaries counted, and BG/NBD fitted on it equals the in-memory fit to 1e-9', async () => {
    const { text, values } = clvSummaryCountsSql({ ...source, asOf: ASOF, period: 'week' });
    const counted = await engine.query(text, values);
    const memory = summarizeTransactions(transactions, { asOf: ASOF, period: 'week' });
    const expected = new Map<string, number>();
    for (const s of memory) expected.set(`${s.frequency}|${s.recency}|${s.T}`, (expected.get(`${s.frequency}|${s.recency}|${s.T}`) ?? 0) + 1);
    expect(new Map(counted.map((r) => [`${r.frequency}|${r.recency}|${r.T}`, r.count as number]))).toEqual(expected);
    expect(counted.length).toBeLessThan(memory.length); // aggregation did reduce the rows
    // strict: false: the generated data may fit at the edge (degenerate); both paths must agree either way.
    const pushed = fitBgNbd(counted as { frequency: number; recency: number; T: number; count: number }[], { strict: false });
    const inMemory = fitBgNbd(memory, { strict: false });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(pushed.params[k] - inMemory.params[k]), k).toBeLessThan(1e-9);
  });
});
