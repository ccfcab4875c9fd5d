/**
 * Pushdown against in-process, on the same seeded data (bench/pushdownData.ts):
 * - RFM and CLV summaries: DuckDB (rfmSummarySql, clvSummarySql) vs summarizeRfm /
 *   summarizeTransactions vs a pandas group-by (Debian python3-pandas, bench/pandas_summaries.py);
 * - end to end, "score every customer where they live": clvSummaryCountsSql in DuckDB -> fitBgNbd
 *   on the distinct rows -> expectedPurchases per distinct row, vs summarizeTransactions ->
 *   fitBgNbd -> expectedPurchases per customer; with the process's peak resident memory after the
 *   pushdown path (measured before the in-process path builds its objects);
 * - with CLICKHOUSE_URL / CLICKHOUSE_SHARDS / CLICKHOUSE_CLUSTER (.ci/clickhouse-start): the CLV
 *   summary on the Distributed table against one node holding all rows, timed and compared.
 * The end-to-end path counts in weeks (PUSHDOWN_PERIOD=day for days), as CLV studies do.
 * Size: PUSHDOWN_TX transactions (default 1,000,000) of PUSHDOWN_CUSTOMERS customers (default
 * 100,000); the 10,000,000 / 1,000,000 is PUSHDOWN_TX=10000000 PUSHDOWN_CUSTOMERS=1000000.
 * Figures are ratios measured in this run.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DOUBLE, DuckDBInstance, VARCHAR, timestampTZValue } from '@duckdb/node-api';
import { clvSummaryCountsSql, clvSummarySql, expectedPurchases, fitBgNbd, summarizeTransactions } from '../src/clv/index';
import { rfmSummarySql, summarizeRfm } from '../src/segmentation/index';
import { report } from './harness';
import { AS_OF, customerId, generate, toTransactions } from './pushdownData';

const PERIOD = (process.env.PUSHDOWN_PERIOD ?? 'week') as 'day' | 'week';
const N = Number(process.env.PUSHDOWN_TX ?? 1_000_000);
const CUSTOMERS = Number(process.env.PUSHDOWN_CUSTOMERS ?? 100_000);
const COLUMNS = { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' };
const mib = (b: number) => Math.round(b / 2 ** 20);
const timed = async <T>(fn: () => Promise<T> | T): Promise<[T, number]> => {
  const t0 = performance.now();
  const out = await fn();
  return [out, Math.round(performance.now() - t0)];
};

const data = generate(N, CUSTOMERS);
const instance = await DuckDBInstance.create(':memory:');
const conn = await instance.connect();
await conn.run('CREATE TABLE tx (customer_id VARCHAR, type VARCHAR, amount_minor BIGINT, occurred_at TIMESTAMPTZ)');
const appender = await conn.createAppender('tx');
for (let i = 0; i < N; i++) {
  appender.appendVarchar(customerId(data.customer[i] as number));
  appender.appendVarchar(data.refund[i] ? 'refund' : 'purchase');
  appender.appendBigInt(BigInt(data.minor[i] as number));
  appender.appendTimestampTZ(timestampTZValue(BigInt(data.ms[i] as number) * 1000n));
  appender.endRow();
}
appender.closeSync();
const duck = async (q: { text: string; values: unknown[] }) =>
  (await conn.runAndReadAll(q.text, q.values as never, q.values.map((v) => (typeof v === 'number' ? DOUBLE : VARCHAR)) as never)).getRowObjectsJS();

// Pushdown path first, so the peak resident set it reports holds no Transaction objects.
const [, duckRfmMs] = await timed(() => duck(rfmSummarySql({ table: 'tx', columns: COLUMNS, asOf: AS_OF, dialect: 'duckdb' })));
const [duckClv, duckClvMs] = await timed(() => duck(clvSummarySql({ table: 'tx', columns: COLUMNS, asOf: AS_OF, dialect: 'duckdb' })));
const [pushScores, pushMs] = await timed(async () => {
  const rows = (await duck(clvSummaryCountsSql({ table: 'tx', columns: COLUMNS, asOf: AS_OF, period: PERIOD, dialect: 'duckdb' }))) as { frequency: number; recency: number; T: number; count: number }[];
  const model = fitBgNbd(rows);
  return { rows: rows.length, model, perRow: expectedPurchases(model, rows, 30) };
});
const pushPeakRss = process.resourceUsage().maxRSS * 1024;

const tx = toTransactions(data);
const [, memRfmMs] = await timed(() => summarizeRfm(tx, { asOf: AS_OF }));
const [memClv, memClvMs] = await timed(() => summarizeTransactions(tx, { asOf: AS_OF }));
const [memModel, memMs] = await timed(() => {
  const summaries = summarizeTransactions(tx, { asOf: AS_OF });
  const model = fitBgNbd(summaries);
  return { model, perCustomer: expectedPurchases(model, summaries, 30) };
});
const allPeakRss = process.resourceUsage().maxRSS * 1024;

const csv = join(tmpdir(), `crmkit-pushdown-${process.pid}.csv`);
const lines = ['customer,type,minor,ms'];
for (let i = 0; i < N; i++) lines.push(`${data.customer[i]},${data.refund[i]},${data.minor[i]},${data.ms[i]}`);
writeFileSync(csv, lines.join('\n'));
const py = spawnSync(process.env.PYTHON ?? '/usr/bin/python3', [join(import.meta.dirname, 'pandas_summaries.py'), csv, String(AS_OF.getTime()), '3'], { encoding: 'utf8' });
const pandas = py.status === 0 ? (JSON.parse(py.stdout) as { rfm: { medianMs: number }; clv: { medianMs: number } }) : undefined;

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
report({
  bench: 'pushdown',
  transactions: N,
  customers: CUSTOMERS,
  rfm: { duckdbMs: duckRfmMs, inProcessMs: memRfmMs, pandasMs: pandas?.rfm.medianMs, inProcessOverDuckdb: ratio(memRfmMs, duckRfmMs), inProcessOverPandas: pandas && ratio(memRfmMs, pandas.rfm.medianMs) },
  clv: { duckdbMs: duckClvMs, inProcessMs: memClvMs, pandasMs: pandas?.clv.medianMs, inProcessOverDuckdb: ratio(memClvMs, duckClvMs), inProcessOverPandas: pandas && ratio(memClvMs, pandas.clv.medianMs) },
  summariesEqualInCount: duckClv.length === memClv.length,
  endToEnd: {
    period: PERIOD,
    pushdownMs: pushMs,
    inProcessMs: memMs,
    speedup: ratio(memMs, pushMs),
    distinctRows: pushScores.rows,
    maxParamDiff: Math.max(...(['r', 'alpha', 'a', 'b'] as const).map((k) => Math.abs(pushScores.model.params[k] - memModel.model.params[k]))),
    pushdownPeakRssMiB: mib(pushPeakRss),
    inProcessPeakRssMiB: mib(allPeakRss),
  },
  pandas: pandas ? 'python3-pandas' : `unavailable: ${py.stderr?.slice(0, 200)}`,
});

const ch = process.env.CLICKHOUSE_URL;
if (ch) {
  const shards = (process.env.CLICKHOUSE_SHARDS ?? ch).split(',');
  const cluster = process.env.CLICKHOUSE_CLUSTER ?? 'pushdown';
  const post = async (base: string, body: string, settings = '') => {
    const res = await fetch(`${base}/?${settings}`, { method: 'POST', body });
    const text = await res.text();
    if (!res.ok) throw new Error(text.slice(0, 300));
    return text;
  };
  const cols = '`customer_id` String, `type` String, `amount_minor` Int64, `occurred_at` DateTime';
  for (const s of shards) {
    await post(s, 'DROP TABLE IF EXISTS bench_tx_local');
    await post(s, `CREATE TABLE bench_tx_local (${cols}) ENGINE = MergeTree() ORDER BY customer_id`);
  }
  await post(ch, 'DROP TABLE IF EXISTS bench_tx');
  await post(ch, `CREATE TABLE bench_tx AS bench_tx_local ENGINE = Distributed(${cluster}, currentDatabase(), bench_tx_local, cityHash64(customer_id))`);
  await post(ch, 'DROP TABLE IF EXISTS bench_tx_single');
  await post(ch, `CREATE TABLE bench_tx_single (${cols}) ENGINE = MergeTree() ORDER BY customer_id`);
  for (let i = 0; i < N; i += 200_000) {
    const body: string[] = [];
    for (let j = i; j < Math.min(N, i + 200_000); j++) {
      body.push(JSON.stringify({ customer_id: customerId(data.customer[j] as number), type: data.refund[j] ? 'refund' : 'purchase', amount_minor: data.minor[j], occurred_at: Math.floor((data.ms[j] as number) / 1000) }));
    }
    await post(ch, `INSERT INTO bench_tx FORMAT JSONEachRow\n${body.join('\n')}`, 'insert_distributed_sync=1');
    await post(ch, `INSERT INTO bench_tx_single FORMAT JSONEachRow\n${body.join('\n')}`);
  }
  const query = async (table: string) => {
    const q = clvSummarySql({ table, columns: COLUMNS, asOf: AS_OF, dialect: 'clickhouse' });
    const [text, ms] = await timed(() => post(ch, `${q.text} ORDER BY customerId FORMAT TabSeparated`));
    return { text, ms };
  };
  const single = await query('bench_tx_single');
  const distributed = await query('bench_tx');
  report({ bench: 'pushdown', clickhouse: { shards: shards.length, clusterMs: distributed.ms, singleNodeMs: single.ms, rowsEqual: single.text === distributed.text, rows: single.text.split('\n').length - 1 } });
}
conn.closeSync();
instance.closeSync();
