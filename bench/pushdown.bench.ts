/**
 * Pushdown against in-process, on the same seeded data (bench/pushdownData.ts, written once per
 * size to .bench-out/ as a DuckDB database and the CSV pandas reads):
 * - RFM and CLV summaries: DuckDB (rfmSummarySql, clvSummarySql, results read into Node) vs
 *   summarizeRfm / summarizeTransactions over Transaction objects vs summarizeRfmColumns /
 *   summarizeTransactionsColumns over TransactionColumns (ids dictionary-encoded, and as plain
 *   strings) vs a pandas group-by (Debian python3-pandas, bench/pandas_summaries.py; on integer
 *   customer codes, and on the string ids the Node paths group). Building the
 *   inputs is not timed on either side (pandas' CSV read neither). After one warm-up, PUSHDOWN_RUNS
 *   rounds (default 3) each run pandas and every path once; the figures are medians over rounds,
 *   ratios taken within a round (the machine's load changes between rounds, not within one), of
 *   wall time and of CPU time (process.cpuUsage against Python's process_time: the steadier figure
 *   when the machine is shared).
 * - end to end, "score every customer where they live" (bench/pushdownEndToEnd.ts, each path in
 *   its own process so its time and peak RSS are its own): clvSummaryCountsSql in DuckDB ->
 *   fitBgNbd on the distinct rows -> expectedPurchases per row, vs reading every transaction into
 *   Node (objects, or columns) -> summarize -> fitBgNbd -> expectedPurchases per customer.
 * The ClickHouse cluster against one node is bench/pushdownCluster.ts (it starts the servers).
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
import { AS_OF, dataFiles, generate, toColumns, toTransactions } from './pushdownData';

const PERIOD = (process.env.PUSHDOWN_PERIOD ?? 'week') as 'day' | 'week';
const N = Number(process.env.PUSHDOWN_TX ?? 1_000_000);
const CUSTOMERS = Number(process.env.PUSHDOWN_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.PUSHDOWN_RUNS ?? 3);
const COLUMNS = { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' };
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
const msSince = (t0: number) => Math.round(performance.now() - t0);

const data = generate(N, CUSTOMERS);
const files = await dataFiles(data);
// The summaries side by side in this process, then end to end in child processes.
{
  const instance = await DuckDBInstance.create(files.duckdb, { access_mode: 'READ_ONLY' });
  const conn = await instance.connect();
  const duck = async (q: { text: string; values: unknown[] }) =>
    (await conn.runAndReadAll(q.text, q.values as never, q.values.map((v) => (typeof v === 'number' ? DOUBLE : VARCHAR)) as never)).getRowObjectsJS();
  const dict = toColumns(data, 'dictionary');
  const strings = toColumns(data, 'strings');
  const tx = toTransactions(data);
  const options = { asOf: AS_OF };
  const paths = {
    columns: { rfm: () => summarizeRfmColumns(dict, options), clv: () => summarizeTransactionsColumns(dict, options) },
    columnsStringIds: { rfm: () => summarizeRfmColumns(strings, options), clv: () => summarizeTransactionsColumns(strings, options) },
    objects: { rfm: () => summarizeRfm(tx, options), clv: () => summarizeTransactions(tx, options) },
    // Last in each round: DuckDB's worker threads stay busy a moment after a query, and this
    // process's CPU time counts every thread.
    duckdb: { rfm: () => duck(rfmSummarySql({ table: 'tx', columns: COLUMNS, asOf: AS_OF, dialect: 'duckdb' })), clv: () => duck(clvSummarySql({ table: 'tx', columns: COLUMNS, asOf: AS_OF, dialect: 'duckdb' })) },
  };
  type Path = keyof typeof paths;
  type Kind = 'rfm' | 'clv';
  const pandasRound = () => {
    const py = spawnSync(process.env.PYTHON ?? '/usr/bin/python3', [join(import.meta.dirname, 'pandas_summaries.py'), files.csv, String(AS_OF.getTime()), '1'], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (py.status !== 0) throw new Error(`pandas unavailable: ${py.stderr.slice(0, 300)}`);
    return JSON.parse(py.stdout) as Record<Kind | `${Kind}Strings`, { medianMs: number; cpuMs: number; rows: number }>;
  };

  // Warm-up (and the results compared below), then RUNS rounds. Each round runs pandas (its CSV
  // read untimed) and every path once, so a ratio compares runs made under the same machine load;
  // the figures are the medians over rounds.
  const duckClv = await paths.duckdb.clv();
  await paths.duckdb.rfm();
  const colRfm = paths.columns.rfm();
  const colClv = paths.columns.clv();
  paths.columnsStringIds.rfm();
  paths.columnsStringIds.clv();
  const objRfm = paths.objects.rfm();
  const objClv = paths.objects.clv();
  const times = { pandas: { rfm: [] as number[], clv: [] as number[] } } as Record<Path | 'pandas', Record<Kind, number[]>>;
  const overPandas = {} as Record<Path, Record<Kind, number[]>>;
  const cpuOverPandas = {} as Record<Path, Record<Kind, number[]>>;
  const cpuOverPandasStrings = {} as Record<Path, Record<Kind, number[]>>;
  const pandasStringsCpu: Record<Kind, number[]> = { rfm: [], clv: [] };
  let pandasRows: Record<Kind, number> | undefined;
  for (let round = 0; round < RUNS; round++) {
    const pandas = pandasRound();
    pandasRows = { rfm: pandas.rfm.rows === pandas.rfmStrings.rows ? pandas.rfm.rows : -1, clv: pandas.clv.rows === pandas.clvStrings.rows ? pandas.clv.rows : -1 };
    for (const kind of ['rfm', 'clv'] as const) {
      times.pandas[kind].push(pandas[kind].medianMs);
      pandasStringsCpu[kind].push(pandas[`${kind}Strings`].cpuMs);
    }
    for (const path of Object.keys(paths) as Path[]) {
      for (const kind of ['rfm', 'clv'] as const) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        await paths[path][kind]();
        const ms = msSince(t0);
        const cpu = process.cpuUsage(c0);
        ((times[path] ??= { rfm: [], clv: [] })[kind]).push(ms);
        ((overPandas[path] ??= { rfm: [], clv: [] })[kind]).push(ms / pandas[kind].medianMs);
        ((cpuOverPandas[path] ??= { rfm: [], clv: [] })[kind]).push((cpu.user + cpu.system) / 1000 / pandas[kind].cpuMs);
        ((cpuOverPandasStrings[path] ??= { rfm: [], clv: [] })[kind]).push((cpu.user + cpu.system) / 1000 / pandas[`${kind}Strings`].cpuMs);
      }
    }
  }
  conn.closeSync();
  instance.closeSync();

  // The paths agree: columns equal objects, DuckDB equals the columns (to the fen), pandas counts the same customers.
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
  const figures = (kind: Kind) => ({
    medianMs: Object.fromEntries(Object.entries(times).map(([path, t]) => [path, median(t[kind])])),
    overPandas: Object.fromEntries(Object.entries(overPandas).map(([path, r]) => [path, ratio(median(r[kind]), 1)])),
    // CPU time over pandas' CPU time (all of this process's threads: DuckDB's workers count too).
    cpuOverPandas: Object.fromEntries(Object.entries(cpuOverPandas).map(([path, r]) => [path, ratio(median(r[kind]), 1)])),
    // The same against pandas grouping the customers' string ids (the text the Node paths group).
    pandasStringsCpuMs: median(pandasStringsCpu[kind]),
    cpuOverPandasStrings: Object.fromEntries(Object.entries(cpuOverPandasStrings).map(([path, r]) => [path, ratio(median(r[kind]), 1)])),
    objectsOverColumns: ratio(median(times.objects[kind]), median(times.columns[kind])),
  });
  report({
    bench: 'pushdown',
    transactions: N,
    customers: CUSTOMERS,
    rounds: RUNS,
    rfm: figures('rfm'),
    clv: figures('clv'),
    rowsEqual: { rfm: rfmEqual && pandasRows?.rfm === colRfm.customerId.length, clv: clvEqual && pandasRows?.clv === colClv.ids.length },
  });
  tx.length = 0;

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
}

