/**
 * The in-process summaries against a pandas group-by on public data: CDNOW's 69,659 purchases by
 * 23,570 customers (bench/data, about three purchases a customer, in customer order as published).
 * bench/pushdown.bench.ts measures the same on generated data with ten purchases a customer; with
 * few purchases a customer the per-customer result rows weigh more.
 *
 * Both sides group the same string ids (`c` + the customer number in 8 digits; pandas builds them
 * with `str.zfill`, bench/pandas_summaries.py) and, for reference, pandas on the integer numbers.
 * Each of CDNOW_ROUNDS rounds (default 5) runs pandas (CDNOW_CALLS calls of each summary, default
 * 41) and then each crmkit path as many times; a figure is the mean CPU time of one call (one
 * call's collections fall on some calls and not others, so the mean is what a call costs), and a
 * ratio is taken within a round (the machine's load changes between rounds). Reported: medians over
 * rounds. Building the inputs is not timed on either side.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarizeTransactions, summarizeTransactionsColumns } from '../src/clv/index';
import { summarizeRfm, summarizeRfmColumns } from '../src/segmentation/index';
import { report } from './harness';
import { type TxColumns, dataFiles, toColumns, toTransactions } from './pushdownData';

const ROUNDS = Number(process.env.CDNOW_ROUNDS ?? 5);
const CALLS = Number(process.env.CDNOW_CALLS ?? 41);
// The data end on 1998-06-30.
const AS_OF = new Date('1998-07-01T00:00:00Z');

/** CDNOW_master.txt as rows: customer code = customer number - 1, amounts in cents, dates at UTC midnight. */
function readCdnow(): TxColumns {
  const lines = readFileSync(join(import.meta.dirname, 'data', 'CDNOW_master.txt'), 'utf8').trim().split('\n').slice(1);
  const n = lines.length;
  const customer = new Int32Array(n);
  const minor = new Float64Array(n);
  const ms = new Float64Array(n);
  let customers = 0;
  lines.forEach((line, i) => {
    const [id, date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string];
    customer[i] = Number(id) - 1;
    customers = Math.max(customers, Number(id));
    ms[i] = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
    minor[i] = Math.round(Number(dollars) * 100);
  });
  return { n, customers, customer, refund: new Uint8Array(n), minor, ms };
}

const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] as number;
const round2 = (x: number) => Math.round(x * 100) / 100;

const data = readCdnow();
const files = await dataFiles(data);
const tx = toTransactions(data);
const strings = toColumns(data, 'strings');
const dict = toColumns(data, 'dictionary');
const options = { asOf: AS_OF, period: 'day' as const };
const paths = {
  objects: { rfm: () => summarizeRfm(tx, options).length, clv: () => summarizeTransactions(tx, options).length },
  columnsStringIds: { rfm: () => summarizeRfmColumns(strings, options).customerId.length, clv: () => summarizeTransactionsColumns(strings, options).ids.length },
  columns: { rfm: () => summarizeRfmColumns(dict, options).customerId.length, clv: () => summarizeTransactionsColumns(dict, options).ids.length },
};
type Path = keyof typeof paths;
type Kind = 'rfm' | 'clv';

/** Mean CPU milliseconds of one call of `fn` over CALLS calls. */
function meanCpu(fn: () => number): number {
  const c0 = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000 / CALLS;
}

const rows = { rfm: paths.objects.rfm(), clv: paths.objects.clv() };
for (const path of Object.keys(paths) as Path[]) for (const kind of ['rfm', 'clv'] as const) paths[path][kind]();
const ms: Record<Path | 'pandasStrings' | 'pandasCodes', Record<Kind, number[]>> = {
  pandasStrings: { rfm: [], clv: [] },
  pandasCodes: { rfm: [], clv: [] },
  objects: { rfm: [], clv: [] },
  columnsStringIds: { rfm: [], clv: [] },
  columns: { rfm: [], clv: [] },
};
const overPandasStrings: Record<Path, Record<Kind, number[]>> = { objects: { rfm: [], clv: [] }, columnsStringIds: { rfm: [], clv: [] }, columns: { rfm: [], clv: [] } };
let pandasRowsAgree = true;
for (let round = 0; round < ROUNDS; round++) {
  const py = spawnSync(process.env.PYTHON ?? '/usr/bin/python3', [join(import.meta.dirname, 'pandas_summaries.py'), files.csv, String(AS_OF.getTime()), String(CALLS)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (py.status !== 0) throw new Error(`pandas unavailable: ${py.stderr.slice(0, 300)}`);
  const pandas = JSON.parse(py.stdout) as Record<Kind | `${Kind}Strings`, { cpuMeanMs: number; rows: number }>;
  for (const kind of ['rfm', 'clv'] as const) {
    ms.pandasStrings[kind].push(pandas[`${kind}Strings`].cpuMeanMs);
    ms.pandasCodes[kind].push(pandas[kind].cpuMeanMs);
    pandasRowsAgree &&= pandas[`${kind}Strings`].rows === rows[kind] && pandas[kind].rows === rows[kind];
    for (const path of Object.keys(paths) as Path[]) {
      const t = meanCpu(paths[path][kind]);
      ms[path][kind].push(t);
      overPandasStrings[path][kind].push(t / pandas[`${kind}Strings`].cpuMeanMs);
    }
  }
}
const figures = (kind: Kind) => ({
  cpuMeanMs: Object.fromEntries(Object.entries(ms).map(([path, t]) => [path, round2(median(t[kind]))])),
  overPandasStrings: Object.fromEntries(Object.entries(overPandasStrings).map(([path, r]) => [path, round2(median(r[kind]))])),
  overPandasStringsRange: Object.fromEntries(Object.entries(overPandasStrings).map(([path, r]) => [path, [round2(Math.min(...r[kind])), round2(Math.max(...r[kind]))]])),
});
report({ bench: 'pushdown-cdnow', transactions: data.n, customers: rows.rfm, rounds: ROUNDS, callsPerRound: CALLS, rfm: figures('rfm'), clv: figures('clv'), pandasRowsAgree });
