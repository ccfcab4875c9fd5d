/**
 * The in-process summaries against a pandas group-by, each in a process of its own, as pandas runs
 * in its own: a Node child builds only its own input (Transaction objects, or TransactionColumns
 * with string or dictionary ids) from the seeded data of bench/pushdownData.ts, so the collector
 * walks what that path's user would hold and nothing else (bench/pushdown.bench.ts holds every
 * path's input in one process, which makes the object path's collections walk all of them).
 *
 * Each round runs pandas (bench/pandas_summaries.py, CALLS calls of each summary after one
 * warm-up) and then each Node path (one warm-up, CALLS calls); a figure is the mean CPU time of a
 * call (collections included, on both sides), and a ratio is taken within a round, so the machine's
 * load changes between rounds, not within one. Reported: the median over rounds of each ratio, and
 * every round's figures. Below 1 is faster than pandas on the same string ids.
 *
 * `npx tsx bench/pushdown-isolated.bench.ts` (PUSHDOWN_TX, default 1,000,000 transactions;
 * PUSHDOWN_CUSTOMERS, default 100,000; PUSHDOWN_RUNS rounds, default 5; PUSHDOWN_CALLS, default 9).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarizeTransactions, summarizeTransactionsColumns } from '../src/clv/index';
import { summarizeRfm, summarizeRfmColumns } from '../src/segmentation/index';
import { report } from './harness';
import { AS_OF, dataFiles, generate, toColumns, toTransactions } from './pushdownData';

const N = Number(process.env.PUSHDOWN_TX ?? 1_000_000);
const CUSTOMERS = Number(process.env.PUSHDOWN_CUSTOMERS ?? 100_000);
const RUNS = Number(process.env.PUSHDOWN_RUNS ?? 5);
const CALLS = Number(process.env.PUSHDOWN_CALLS ?? 9);
const PATHS = ['objects', 'columnsStringIds', 'columns'] as const;
type Path = (typeof PATHS)[number];
type Kind = 'rfm' | 'clv';

/**
 * Mean CPU milliseconds of `calls` calls of `run`, after a full collection (the child runs with
 * --expose-gc: building the input leaves garbage whose collection is not the summary's cost, as
 * pandas' frame is built before its timing starts) and one warm-up call.
 */
function meanCpuMs(run: () => unknown, calls: number): number {
  (globalThis as { gc?: () => void }).gc?.();
  run();
  let total = 0;
  for (let k = 0; k < calls; k++) {
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    total += (c.user + c.system) / 1000;
  }
  return total / calls;
}

if (process.argv[2] === '--child') {
  const path = process.argv[3] as Path;
  const data = generate(N, CUSTOMERS);
  const options = { asOf: AS_OF };
  let out: Record<Kind, number>;
  if (path === 'objects') {
    const tx = toTransactions(data);
    out = { rfm: meanCpuMs(() => summarizeRfm(tx, options), CALLS), clv: meanCpuMs(() => summarizeTransactions(tx, options), CALLS) };
  } else {
    const cols = toColumns(data, path === 'columns' ? 'dictionary' : 'strings');
    out = { rfm: meanCpuMs(() => summarizeRfmColumns(cols, options), CALLS), clv: meanCpuMs(() => summarizeTransactionsColumns(cols, options), CALLS) };
  }
  process.stdout.write(JSON.stringify(out));
} else {
  const files = await dataFiles(generate(N, CUSTOMERS));
  const self = fileURLToPath(import.meta.url);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
  const round2 = (x: number) => Math.round(x * 100) / 100;
  const rounds: { pandasStringsCpuMs: Record<Kind, number>; cpuMs: Record<Path, Record<Kind, number>> }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const py = spawnSync(process.env.PYTHON ?? '/usr/bin/python3', [join(import.meta.dirname, 'pandas_summaries.py'), files.csv, String(AS_OF.getTime()), String(CALLS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (py.status !== 0) throw new Error(`pandas unavailable: ${py.stderr.slice(0, 300)}`);
    const pandas = JSON.parse(py.stdout) as Record<string, { cpuMeanMs: number }>;
    const cpuMs = {} as Record<Path, Record<Kind, number>>;
    for (const path of PATHS) {
      const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', path], { encoding: 'utf8', maxBuffer: 1 << 20, env: process.env });
      if (child.status !== 0) throw new Error(`${path} failed: ${child.stderr.slice(-400)}`);
      cpuMs[path] = JSON.parse(child.stdout) as Record<Kind, number>;
    }
    rounds.push({ pandasStringsCpuMs: { rfm: (pandas.rfmStrings as { cpuMeanMs: number }).cpuMeanMs, clv: (pandas.clvStrings as { cpuMeanMs: number }).cpuMeanMs }, cpuMs });
  }
  const overPandas = (kind: Kind) =>
    Object.fromEntries(PATHS.map((path) => [path, round2(median(rounds.map((r) => r.cpuMs[path][kind] / r.pandasStringsCpuMs[kind])))]));
  report({
    bench: 'pushdown-isolated',
    transactions: N,
    customers: CUSTOMERS,
    rounds: RUNS,
    callsPerRound: CALLS,
    cpuOverPandasStrings: { rfm: overPandas('rfm'), clv: overPandas('clv') },
    pandasStringsCpuMs: { rfm: round2(median(rounds.map((r) => r.pandasStringsCpuMs.rfm))), clv: round2(median(rounds.map((r) => r.pandasStringsCpuMs.clv))) },
    perRound: rounds.map((r) => ({
      pandasStrings: r.pandasStringsCpuMs,
      ...Object.fromEntries(PATHS.map((path) => [path, { rfm: round2(r.cpuMs[path].rfm), clv: round2(r.cpuMs[path].clv) }])),
    })),
  });
}
