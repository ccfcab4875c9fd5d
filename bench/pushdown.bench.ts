/**
 * Pushdown against in-process, on the same seeded data (bench/pushdownData.ts, written once per
 * size to .bench-out/ as a DuckDB database and the CSV pandas reads):
 * - RFM and CLV summaries: DuckDB (rfmSummarySql, clvSummarySql, results read into Node) vs
 *   summarizeRfm / summarizeTransactions over Transaction objects vs summarizeRfmColumns /
 *   summarizeTransactionsColumns over TransactionColumns (ids dictionary-encoded, and as plain
 *   strings) vs a pandas group-by (Debian python3-pandas, bench/pandas_summaries.py). Building the
 *   inputs is not timed on either side (pandas' CSV read neither); each figure is the median of
 *   PUSHDOWN_RUNS runs (default 3) after one warm-up.
 * - end to end, "score every customer where they live" (bench/pushdownEndToEnd.ts, each path in
 *   its own process so its time and peak RSS are its own): clvSummaryCountsSql in DuckDB ->
 *   fitBgNbd on the distinct rows -> expectedPurchases per row, vs reading every transaction into
 *   Node (objects, or columns) -> summarize -> fitBgNbd -> expectedPurchases per customer.
 * - with CLICKHOUSE_URL / CLICKHOUSE_SHARDS / CLICKHOUSE_CLUSTER (.ci/clickhouse-start): the CLV
 *   summary on the Distributed table against one node holding all rows, timed and compared.
 * The end-to-end path counts in weeks (PUSHDOWN_PERIOD=day for days), as CLV studies do.
 * Size: PUSHDOWN_TX transactions (default 1,000,000) of PUSHDOWN_CUSTOMERS customers (default
 * 100,000); the issue's 10,000,000 / 1,000,000 is PUSHDOWN_TX=10000000 PUSHDOWN_CUSTOMERS=1000000.
 * Figures are ratios measured in this run.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DOUBLE, DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { clvSummarySql, summarizeTransactions, summarizeTransactionsColumns } from '../src/clv/index';
import { rfmSummarySql, summarizeRfm, summarizeRfmColumns } from '../src/segmentation/index';
import { report } from './harness';
import { AS_OF, customerId, dataFiles, generate, toColumns, toTransactions } from './pushdownData';

const PERIOD = (process.env.PUSHDOWN_PERIOD ?? 'week') as 'day' | 'week';
const N = Number(process.env.PUSHDOWN_TX ?? 1_000_000);
const CUSTOMERS = Number(process.env.PUSHDOWN_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.PUSHDOWN_RUNS ?? 3);
const COLUMNS = { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' };
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/** Median wall time of RUNS runs after one warm-up, and the last result. */
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  let out = await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    out = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [out, Math.round(times[Math.floor(RUNS / 2)] as number)];
}

const data = generate(N, CUSTOMERS);
const files = await dataFiles(data);

// DuckDB on the database file, results read into Node.
const instance = await DuckDBInstance.create(files.duckdb, { access_mode: 'READ_ONLY' });
const conn = await instance.connect();
const duck = async (q: { text: string; values: unknown[] }) =>
  (await conn.runAndReadAll(q.text, q.values as never, q.values.map((v) => (typeof v === 'number' ? DOUBLE : VARCHAR)) as never)).getRowObjectsJS();
const [, duckRfmMs] = await timed(() => duck(rfmSummarySql({ table: 'tx', columns: COLUMNS, asOf: AS_OF, dialect: 'duckdb' })));
const [duckClv, duckClvMs] = await timed(() => duck(clvSummarySql({ table: 'tx', columns: COLUMNS, asOf: AS_OF, dialect: 'duckdb' })));
conn.closeSync();
instance.closeSync();

// pandas on the CSV of the same rows.
const py = spawnSync(process.env.PYTHON ?? '/usr/bin/python3', [join(import.meta.dirname, 'pandas_summaries.py'), files.csv, String(AS_OF.getTime()), String(RUNS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
const pandas = py.status === 0 ? (JSON.parse(py.stdout) as { rfm: { medianMs: number; rows: number }; clv: { medianMs: number; rows: number } }) : undefined;

// In process: columns first (small), then objects.
const dict = toColumns(data, 'dictionary');
const [colRfm, colRfmMs] = await timed(() => summarizeRfmColumns(dict, { asOf: AS_OF }));
const [colClv, colClvMs] = await timed(() => summarizeTransactionsColumns(dict, { asOf: AS_OF }));
let strings: ReturnType<typeof toColumns> | undefined = toColumns(data, 'strings');
const [, strRfmMs] = await timed(() => summarizeRfmColumns(strings as ReturnType<typeof toColumns>, { asOf: AS_OF }));
const [, strClvMs] = await timed(() => summarizeTransactionsColumns(strings as ReturnType<typeof toColumns>, { asOf: AS_OF }));
strings = undefined;
const tx = toTransactions(data);
const [objRfm, objRfmMs] = await timed(() => summarizeRfm(tx, { asOf: AS_OF }));
const [objClv, objClvMs] = await timed(() => summarizeTransactions(tx, { asOf: AS_OF }));
tx.length = 0;

// The paths agree: columns equal objects, DuckDB equals the columns (to the fen).
const duckById = new Map(duckClv.map((r) => [r.customerId as string, r]));
const clvEqual =
  duckClv.length === colClv.ids.length &&
  objClv.length === colClv.ids.length &&
  colClv.ids.every((id, i) => {
    const d = duckById.get(id);
    const o = objClv[i];
    return (
      d !== undefined && o?.customerId === id && d.frequency === colClv.frequency[i] && d.recency === colClv.recency[i] && d.T === colClv.T[i] &&
      (d.monetaryValueMinor as number) / 100 === colClv.monetaryValue[i] && o.monetaryValue.toNumber() === colClv.monetaryValue[i]
    );
  });
const rfmEqual = objRfm.length === colRfm.customerId.length && objRfm.every((r, i) => r.customerId === colRfm.customerId[i] && r.monetaryMinor === colRfm.monetaryMinor[i] && (r.recencyDays ?? Infinity) === colRfm.recencyDays[i]);
const summary = (objMs: number, colMs: number, strMs: number, duckMs: number, pandasMs: number | undefined) => ({
  objectsMs: objMs,
  columnsMs: colMs,
  columnsStringIdsMs: strMs,
  duckdbMs: duckMs,
  pandasMs,
  objectsOverPandas: pandasMs && ratio(objMs, pandasMs),
  columnsOverPandas: pandasMs && ratio(colMs, pandasMs),
  columnsStringIdsOverPandas: pandasMs && ratio(strMs, pandasMs),
  objectsOverDuckdb: ratio(objMs, duckMs),
});
report({
  bench: 'pushdown',
  transactions: N,
  customers: CUSTOMERS,
  runs: RUNS,
  rfm: summary(objRfmMs, colRfmMs, strRfmMs, duckRfmMs, pandas?.rfm.medianMs),
  clv: summary(objClvMs, colClvMs, strClvMs, duckClvMs, pandas?.clv.medianMs),
  rowsEqual: { rfm: rfmEqual && pandas?.rfm.rows === colRfm.customerId.length, clv: clvEqual && pandas?.clv.rows === colClv.ids.length },
  pandas: pandas ? 'python3-pandas' : `unavailable: ${py.stderr?.slice(0, 200)}`,
});

// End to end, each path in its own process.
const child = (mode: string) => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=16000', '--import', 'tsx', join(import.meta.dirname, 'pushdownEndToEnd.ts'), mode, files.duckdb, PERIOD], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { mode, failed: r.stderr.slice(-400) };
  return JSON.parse(r.stdout) as { mode: string; ms: number; peakRssMiB: number; params: Record<string, number> };
};
const push = child('pushdown');
const cols = child('columns');
const objs = child('objects');
const maxParamDiff = (a: typeof push, b: typeof push) => ('params' in a && 'params' in b ? Math.max(...(['r', 'alpha', 'a', 'b'] as const).map((k) => Math.abs((a.params[k] as number) - (b.params[k] as number)))) : undefined);
report({
  bench: 'pushdown',
  endToEnd: {
    period: PERIOD,
    pushdown: push,
    inProcessColumns: cols,
    inProcessObjects: objs,
    objectsOverPushdown: 'ms' in push && 'ms' in objs ? ratio(objs.ms, push.ms) : undefined,
    columnsOverPushdown: 'ms' in push && 'ms' in cols ? ratio(cols.ms, push.ms) : undefined,
    maxParamDiffObjects: maxParamDiff(push, objs),
    maxParamDiffColumns: maxParamDiff(push, cols),
  },
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
  report({ bench: 'pushdown', clickhouse: { shards: shards.length, clusterMs: distributed.ms, singleNodeMs: single.ms, rowsEqual: single.text === distributed.text, rows: single.text.split('\n').length - 1, rowsEqualInProcess: single.text.split('\n').length - 1 === colClv.ids.length } });
}
