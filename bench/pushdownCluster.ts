/**
 * The pushdown summaries on a two-shard ClickHouse cluster against one ClickHouse node, on the same
 * seeded rows (bench/pushdownData.ts): load time, query time and row-by-row equality.
 *
 * - Servers: those of CLICKHOUSE_URL / CLICKHOUSE_SHARDS / CLICKHOUSE_CLUSTER when set (left
 *   running); otherwise this script starts .ci/clickhouse-start with a self-stop timer of
 *   CLUSTER_SERVER_SECONDS (default 5400) and stops both servers when it ends (removing their
 *   temporary data directory).
 * - Tables: `bench_tx_single`, a MergeTree on the first node holding every row, and `bench_tx`, a
 *   Distributed table over `bench_tx_local` on each shard, sharded by cityHash64(customer_id) so a
 *   customer's rows sit on one shard. Both are loaded from the same encoded chunks of CLUSTER_CHUNK
 *   rows (default 500,000) over HTTP in CLUSTER_FORMAT (default RowBinary, the fastest of
 *   RowBinary, TabSeparated and JSONEachRow on 18.16 here; `tsv` and `json` select the others;
 *   the cluster's insert is synchronous, insert_distributed_sync=1), then merged to one part per
 *   table (OPTIMIZE FINAL) so background merges do not run during the queries. Encoding, each
 *   load and the merges are timed separately.
 * - Queries: rfmSummarySql, clvSummarySql (days), clvSummarySql with calibrationEnd (the holdout
 *   columns) and clvSummaryCountsSql (weeks), each sorted by every key column; one warm-up, then
 *   CLUSTER_RUNS runs (default 3) alternating single node and cluster; medians reported.
 * - Equality: the sorted TabSeparated results of the single node and the cluster compared line by
 *   line (ClickHouse prints a Float64 with the shortest text that reads back as it, so equal text
 *   is equal values in every column); then the single node's RFM and CLV summaries against
 *   summarizeRfmColumns / summarizeTransactionsColumns in this process, column by column.
 * - Memory: this Node process's peak resident set after the ClickHouse part, and at the end (the
 *   in-process check holds the summaries of both sides at once).
 * Size: PUSHDOWN_TX transactions (default 1,000,000) of PUSHDOWN_CUSTOMERS customers (default
 * 100,000); the figure is PUSHDOWN_TX=10000000 PUSHDOWN_CUSTOMERS=1000000.
 * Usage: npx tsx bench/pushdownCluster.ts (prints JSON lines; never fails for being slow).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clvSummaryCountsSql, clvSummarySql, summarizeTransactionsColumns } from '../src/clv/index';
import { rfmSummarySql, summarizeRfmColumns } from '../src/segmentation/index';
import { report } from './harness';
import { AS_OF, type TxColumns, customerId, generate, toColumns } from './pushdownData';

const N = Number(process.env.PUSHDOWN_TX ?? 1_000_000);
const CUSTOMERS = Number(process.env.PUSHDOWN_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.CLUSTER_RUNS ?? 3);
const CHUNK = Number(process.env.CLUSTER_CHUNK ?? 500_000);
const FORMAT = (process.env.CLUSTER_FORMAT ?? 'rowbinary') as Format;
const CALIBRATION_END = new Date(AS_OF.getTime() - 182 * 86_400_000);
const COLUMNS = { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' };

const msSince = (t0: number) => Math.round(performance.now() - t0);
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

// --- servers -------------------------------------------------------------------------------------
interface Servers {
  readonly url: string;
  readonly shards: string[];
  readonly cluster: string;
  /** Stops the servers this script started (and removes their data); a no-op for given ones. */
  readonly stop: () => Promise<void>;
}

function servers(): Servers {
  const given = process.env.CLICKHOUSE_URL;
  if (given) {
    return { url: given, shards: (process.env.CLICKHOUSE_SHARDS ?? given).split(','), cluster: process.env.CLICKHOUSE_CLUSTER ?? 'pushdown', stop: async () => {} };
  }
  const seconds = process.env.CLUSTER_SERVER_SECONDS ?? '5400';
  const out = execFileSync('bash', [join(import.meta.dirname, '..', '.ci', 'clickhouse-start'), seconds], { encoding: 'utf8' });
  const env = Object.fromEntries([...out.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1] as string, m[2] as string]));
  const pids = (env.CLICKHOUSE_PIDS ?? '').split(',').filter(Boolean).map(Number);
  return {
    url: env.CLICKHOUSE_URL as string,
    shards: (env.CLICKHOUSE_SHARDS as string).split(','),
    cluster: env.CLICKHOUSE_CLUSTER as string,
    stop: async () => {
      const alive = (pid: number) => {
        try {
          process.kill(-pid, 0);
          return true;
        } catch {
          return false; // stopped (by us or by its timer)
        }
      };
      for (const pid of pids) if (alive(pid)) process.kill(-pid, 'SIGTERM'); // timeout leads the group its server runs in
      for (let i = 0; i < 60 && pids.some(alive); i++) await new Promise((r) => setTimeout(r, 500));
      if (!pids.some(alive) && env.CLICKHOUSE_ROOT?.includes('crmkit-clickhouse.')) rmSync(env.CLICKHOUSE_ROOT, { recursive: true, force: true });
    },
  };
}

async function post(base: string, body: string | Buffer, settings = ''): Promise<string> {
  const res = await fetch(`${base}/?${settings}`, { method: 'POST', body });
  const text = await res.text();
  if (!res.ok) throw new Error(`ClickHouse: ${text.slice(0, 400)}`);
  return text;
}

// --- encoding: one chunk of rows in the insert format ----------------------------------------------
type Format = 'rowbinary' | 'tsv' | 'json';
const FORMAT_NAME: Record<Format, string> = { rowbinary: 'RowBinary', tsv: 'TabSeparated', json: 'JSONEachRow' };
const PURCHASE = Buffer.from('\x08purchase');
const REFUND = Buffer.from('\x06refund');

/** RowBinary: String as a varint length and bytes, Int64 and DateTime (UInt32) little-endian. */
function rowBinary(d: TxColumns, from: number, to: number): Buffer {
  const buf = Buffer.allocUnsafe((to - from) * (10 + 9 + 8 + 4));
  let o = 0;
  for (let i = from; i < to; i++) {
    buf[o++] = 9; // customerId(i) is 'c' and eight digits
    buf[o++] = 0x63;
    let c = d.customer[i] as number;
    for (let k = 7; k >= 0; k--) {
      buf[o + k] = 0x30 + (c % 10);
      c = Math.floor(c / 10);
    }
    o += 8;
    o += (d.refund[i] ? REFUND : PURCHASE).copy(buf, o);
    const minor = d.minor[i] as number;
    buf.writeUInt32LE(minor % 0x1_0000_0000, o);
    buf.writeUInt32LE(Math.floor(minor / 0x1_0000_0000), o + 4);
    buf.writeUInt32LE(Math.floor((d.ms[i] as number) / 1000), o + 8);
    o += 12;
  }
  return buf.subarray(0, o);
}

function encode(d: TxColumns, from: number, to: number): Buffer | string {
  if (FORMAT === 'rowbinary') return rowBinary(d, from, to);
  const lines = new Array<string>(to - from);
  for (let i = from; i < to; i++) {
    const id = customerId(d.customer[i] as number);
    const type = d.refund[i] ? 'refund' : 'purchase';
    const s = Math.floor((d.ms[i] as number) / 1000);
    lines[i - from] =
      FORMAT === 'tsv' ? `${id}\t${type}\t${d.minor[i]}\t${s}` : JSON.stringify({ customer_id: id, type, amount_minor: d.minor[i], occurred_at: s });
  }
  return `${lines.join('\n')}\n`;
}

// --- the run ---------------------------------------------------------------------------------------
const ch = servers();
try {
  const t0 = performance.now();
  const data = generate(N, CUSTOMERS);
  const generateMs = msSince(t0);

  const cols = '`customer_id` String, `type` String, `amount_minor` Int64, `occurred_at` DateTime';
  for (const s of ch.shards) {
    await post(s, 'DROP TABLE IF EXISTS bench_tx_local');
    await post(s, `CREATE TABLE bench_tx_local (${cols}) ENGINE = MergeTree() ORDER BY customer_id`);
  }
  await post(ch.url, 'DROP TABLE IF EXISTS bench_tx');
  await post(ch.url, `CREATE TABLE bench_tx AS bench_tx_local ENGINE = Distributed(${ch.cluster}, currentDatabase(), bench_tx_local, cityHash64(customer_id))`);
  await post(ch.url, 'DROP TABLE IF EXISTS bench_tx_single');
  await post(ch.url, `CREATE TABLE bench_tx_single (${cols}) ENGINE = MergeTree() ORDER BY customer_id`);

  const load = { encodeMs: 0, singleMs: 0, clusterMs: 0, singleMergeMs: 0, clusterMergeMs: 0, bytes: 0 };
  for (let i = 0; i < N; i += CHUNK) {
    let t = performance.now();
    const body = encode(data, i, Math.min(N, i + CHUNK));
    load.encodeMs += msSince(t);
    load.bytes += typeof body === 'string' ? Buffer.byteLength(body) : body.length;
    const insert = (table: string) => `INSERT INTO ${table} FORMAT ${FORMAT_NAME[FORMAT]}`;
    t = performance.now();
    await post(ch.url, body, `query=${encodeURIComponent(insert('bench_tx_single'))}`);
    load.singleMs += msSince(t);
    t = performance.now();
    await post(ch.url, body, `query=${encodeURIComponent(insert('bench_tx'))}&insert_distributed_sync=1`);
    load.clusterMs += msSince(t);
  }
  let t = performance.now();
  await post(ch.url, 'OPTIMIZE TABLE bench_tx_single FINAL');
  load.singleMergeMs = msSince(t);
  t = performance.now();
  await Promise.all(ch.shards.map((s) => post(s, 'OPTIMIZE TABLE bench_tx_local FINAL')));
  load.clusterMergeMs = msSince(t);
  const counts = await Promise.all([post(ch.url, 'SELECT count() FROM bench_tx_single'), post(ch.url, 'SELECT count() FROM bench_tx'), ...ch.shards.map((s) => post(s, 'SELECT count() FROM bench_tx_local'))]);
  report({
    bench: 'pushdownCluster',
    transactions: N,
    customers: CUSTOMERS,
    shards: ch.shards.length,
    format: FORMAT_NAME[FORMAT],
    chunkRows: CHUNK,
    generateMs,
    load: { ...load, mib: Math.round(load.bytes / 2 ** 20) },
    rows: { single: Number(counts[0]), cluster: Number(counts[1]), perShard: counts.slice(2).map(Number) },
  });

  const source = (table: string) => ({ table, columns: COLUMNS, asOf: AS_OF, dialect: 'clickhouse' as const });
  const queries = {
    rfm: { sql: (table: string) => rfmSummarySql(source(table)), key: '`customerId`' },
    clv: { sql: (table: string) => clvSummarySql(source(table)), key: '`customerId`' },
    clvHoldout: { sql: (table: string) => clvSummarySql({ ...source(table), calibrationEnd: CALIBRATION_END }), key: '`customerId`' },
    countsWeek: { sql: (table: string) => clvSummaryCountsSql({ ...source(table), period: 'week' }), key: '`frequency`, `recency`, `T`' },
  };
  const sorted = (kind: keyof typeof queries, table: string) => `SELECT * FROM (${queries[kind].sql(table).text}) ORDER BY ${queries[kind].key} FORMAT TabSeparated`;

  const results: Record<string, string> = {};
  for (const kind of Object.keys(queries) as (keyof typeof queries)[]) {
    const times = { single: [] as number[], cluster: [] as number[] };
    let single = await post(ch.url, sorted(kind, 'bench_tx_single'));
    let cluster = await post(ch.url, sorted(kind, 'bench_tx'));
    for (let r = 0; r < RUNS; r++) {
      let q0 = performance.now();
      single = await post(ch.url, sorted(kind, 'bench_tx_single'));
      times.single.push(msSince(q0));
      q0 = performance.now();
      cluster = await post(ch.url, sorted(kind, 'bench_tx'));
      times.cluster.push(msSince(q0));
    }
    const a = single.split('\n');
    const b = cluster.split('\n');
    let differing = 0;
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) differing++;
    const rows = a.length - 1; // the text ends with a newline
    report({
      bench: 'pushdownCluster',
      query: kind,
      singleMs: median(times.single),
      clusterMs: median(times.cluster),
      clusterOverSingle: Math.round((median(times.cluster) / median(times.single)) * 100) / 100,
      runs: RUNS,
      rowsCompared: rows,
      clusterRows: b.length - 1,
      differingRows: differing,
      equal: single === cluster,
    });
    if (kind === 'rfm' || kind === 'clv') results[kind] = single;
  }
  const peakAfterClickhouse = peakRssMiB();

  // The single node against the in-process functions, column by column.
  const dict = toColumns(data, 'dictionary');
  const rfm = summarizeRfmColumns(dict, { asOf: AS_OF });
  const clv = summarizeTransactionsColumns(dict, { asOf: AS_OF });
  // NULL (\N) is Infinity in recencyDays and NaN in lastPurchaseAtMs, as summarizeRfmColumns documents.
  const num = (s: string | undefined, ifNull = NaN) => (s === '\\N' ? ifNull : Number(s));
  const rfmLines = (results.rfm as string).split('\n').slice(0, -1);
  const rfmEqual =
    rfmLines.length === rfm.customerId.length &&
    rfmLines.every((line, i) => {
      const [id, recency, frequency, monetary, last] = line.split('\t');
      return id === rfm.customerId[i] && num(recency, Infinity) === rfm.recencyDays[i] && num(frequency) === rfm.frequency[i] && num(monetary) === rfm.monetaryMinor[i] && Object.is(num(last), rfm.lastPurchaseAtMs[i]);
    });
  const clvLines = (results.clv as string).split('\n').slice(0, -1);
  const clvEqual =
    clvLines.length === clv.ids.length &&
    clvLines.every((line, i) => {
      const [id, frequency, recency, T, monetary] = line.split('\t');
      return id === clv.ids[i] && num(frequency) === clv.frequency[i] && num(recency) === clv.recency[i] && num(T) === clv.T[i] && num(monetary) / 100 === clv.monetaryValue[i];
    });
  report({
    bench: 'pushdownCluster',
    inProcess: { rfmRows: rfmLines.length, rfmEqual, clvRows: clvLines.length, clvEqual },
    peakRssMiB: { afterClickhouse: peakAfterClickhouse, end: peakRssMiB() },
  });
} finally {
  await ch.stop();
}
