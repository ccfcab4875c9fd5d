/**
 * One end-to-end path of "score every customer where they live", run as its own process by
 * bench/pushdown.bench.ts so its time and peak resident memory are its own:
 *   pushdown  clvSummaryCountsSql in DuckDB -> fitBgNbd on the distinct rows -> expectedPurchases per row
 *   objects   read every transaction into Transaction objects -> summarizeTransactions -> fit -> score
 *   columns   read every transaction into TransactionColumns -> summarizeTransactionsColumns -> fit -> score
 * Usage: node --import tsx bench/pushdownEndToEnd.ts MODE DUCKDB_FILE PERIOD; prints one JSON line.
 * The database is the file bench/pushdownData.ts wrote (table tx); the process opens it read-only.
 */
import { performance } from 'node:perf_hooks';
import { DOUBLE, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { clvSummaryCountsSql, expectedPurchases, fitBgNbd, summarizeTransactions, summarizeTransactionsColumns } from '../src/clv/index';
import { Money } from '../src/core/money/Money';
import type { Transaction } from '../src/customer/index';
import { AS_OF } from './pushdownData';

const [mode, file, period] = process.argv.slice(2) as ['pushdown' | 'objects' | 'columns', string, 'day' | 'week'];
const t0 = performance.now();
// Embedded DuckDB counts in this process's memory and by default may use 80% of the machine's RAM;
// a process that scores where the data lives gives it a budget (DUCKDB_MEMORY_LIMIT, default 256MB).
const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY', memory_limit: process.env.DUCKDB_MEMORY_LIMIT ?? '256MB' });
const conn = await instance.connect();
const options = { asOf: AS_OF, period };

/** Streams every transaction, one DuckDB chunk (2,048 rows) at a time. */
async function eachRow(visit: (customerId: string, type: string, minor: number, ms: number) => void): Promise<void> {
  const result = await conn.stream('SELECT customer_id, type, CAST(amount_minor AS DOUBLE), CAST(epoch_ms(occurred_at) AS DOUBLE) FROM tx');
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const [ids, types, minors, times] = chunk.getColumns() as [string[], string[], number[], number[]];
    for (let i = 0; i < ids.length; i++) visit(ids[i] as string, types[i] as string, minors[i] as number, times[i] as number);
  }
}

let out: Record<string, unknown>;
if (mode === 'pushdown') {
  const q = clvSummaryCountsSql({ table: 'tx', columns: { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' }, asOf: AS_OF, period, dialect: 'duckdb' });
  const reader = await conn.runAndReadAll(q.text, q.values as never, q.values.map((v) => (typeof v === 'number' ? DOUBLE : VARCHAR)) as never);
  const rows = reader.getRowObjectsJS() as unknown as { frequency: number; recency: number; T: number; count: number }[];
  const model = fitBgNbd(rows, { strict: false });
  const scores = expectedPurchases(model, rows, 30);
  out = { distinctRows: rows.length, customers: rows.reduce((s, r) => s + r.count, 0), scored: scores.length, params: model.params };
} else if (mode === 'objects') {
  const tx: Transaction[] = [];
  await eachRow((customerId, type, minor, ms) => {
    tx.push({ id: `t${tx.length}`, customerId, type: type as 'purchase' | 'refund', amount: Money.ofMinor(minor, 'CNY'), occurredAt: new Date(ms) });
  });
  const loadedMs = performance.now() - t0;
  const summaries = summarizeTransactions(tx, options);
  const model = fitBgNbd(summaries, { strict: false });
  const scores = expectedPurchases(model, summaries, 30);
  out = { loadMs: Math.round(loadedMs), customers: summaries.length, scored: scores.length, params: model.params };
} else {
  let n = 0;
  let cap = 1 << 20;
  let customerId: string[] = [];
  let type: string[] = [];
  let amountMinor = new Float64Array(cap);
  let occurredAtMs = new Float64Array(cap);
  await eachRow((id, t, minor, ms) => {
    if (n === cap) {
      cap *= 2;
      const grow = (a: Float64Array) => {
        const b = new Float64Array(cap);
        b.set(a);
        return b;
      };
      amountMinor = grow(amountMinor);
      occurredAtMs = grow(occurredAtMs);
    }
    customerId.push(id);
    type.push(t);
    amountMinor[n] = minor;
    occurredAtMs[n] = ms;
    n++;
  });
  const loadedMs = performance.now() - t0;
  const s = summarizeTransactionsColumns({ currency: 'CNY', customerId, type, amountMinor: amountMinor.subarray(0, n), occurredAtMs: occurredAtMs.subarray(0, n) }, options);
  customerId = [];
  type = [];
  const model = fitBgNbd(s, { strict: false });
  const scores = expectedPurchases(model, s, 30);
  out = { loadMs: Math.round(loadedMs), customers: s.ids.length, scored: scores.length, params: model.params };
}
const ms = Math.round(performance.now() - t0);
conn.closeSync();
instance.closeSync();
process.stdout.write(`${JSON.stringify({ mode, ms, peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), ...out })}\n`);
