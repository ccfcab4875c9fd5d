/**
 * Duplicate detection at scale, each measurement in its own child process so its peak resident
 * set (maxRSS) is its own. A CPU reference (sorting 10 x 1M float64s) is timed in each child, so
 * times can be read as ratios on a loaded machine; CPU time (all threads, the garbage collector
 * included) is reported beside wall time.
 *
 * - `data`: the synthetic records alone (the memory of holding them), and the time to make them
 *   one at a time and drop them (`syntheticCustomerStream`), which the `stream` time includes.
 * - `findDuplicates`: over an array of the records (held by the caller): `peakRssMiB`, and
 *   `addedPeakRssMiB`, that minus the RSS of holding the records; its comparisons and the pairs
 *   completeness of blocking (true pairs among the candidates).
 * - `stream`: findDuplicates over `syntheticCustomerStream` (the same records, made as they are
 *   read and never held): `peakRssMiB` is the whole process, what a 1 GB budget is about; `ms`
 *   includes making the records, `makeMs` is the time spent inside the generator and `searchMs`
 *   the rest (garbage the generator leaves is collected on either side).
 * - `index`: the duplicate index (build, then single-record lookups).
 *
 * `npx tsx bench/duplicates-scale.bench.ts [count] [data|findDuplicates|stream|index] [--base <src dir>]`
 * (default 1,000,000, all four). With `--base`, `findDuplicates` also runs on another source tree
 * (say main's, `git archive <commit> src | tar -x -C /tmp/base`, with a node_modules link beside
 * it) in the same run, reported as `findDuplicates (base)`.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Customer } from '../src';
import { report } from './harness';

type Quality = typeof import('../src/quality');
const asOf = new Date('2026-01-01T00:00:00Z');
const mode = process.argv[2];

function cpuReference(): number {
  const t = performance.now();
  for (let k = 0; k < 10; k++) {
    const a = new Float64Array(1_000_000);
    for (let i = 0; i < a.length; i++) a[i] = Math.random();
    a.sort();
  }
  return Math.round(performance.now() - t);
}

/**
 * Pairs completeness (Christen 2012): the share of true duplicate pairs that blocking makes
 * candidates, with the default keys and block limits; measured after the peak RSS is taken.
 */
async function pairsCompleteness(s: ReturnType<Quality['syntheticCustomers']>): Promise<Record<string, number>> {
  const { BLOCKING_KEYS } = await import('../src/quality');
  const { candidatePairs } = await import('../src/quality/duplicates/blocking');
  const { extractFeatures } = await import('../src/quality/duplicates/featureRows');
  const n = s.customers.length;
  const at = new Map(s.customers.map((c, i) => [c.id, i]));
  const f = extractFeatures(s.customers, 'CN');
  const { codes } = candidatePairs(f, BLOCKING_KEYS, 100, 20, true);
  const candidates = new Set(codes);
  let truePairs = 0;
  let found = 0;
  for (const cluster of s.clusters) {
    for (let x = 0; x < cluster.length; x++) {
      for (let y = x + 1; y < cluster.length; y++) {
        const a = at.get(cluster[x] as string) as number;
        const b = at.get(cluster[y] as string) as number;
        truePairs++;
        if (candidates.has(Math.min(a, b) * n + Math.max(a, b))) found++;
      }
    }
  }
  return { truePairs, pairsCompleteness: Math.round((found / truePairs) * 10000) / 10000 };
}

/** Wall and CPU time of `run`, and its ratio to the CPU reference. */
function timed<T>(run: () => T, referenceMs: number): { result: T; figures: Record<string, number> } {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const result = run();
  const ms = Math.round(performance.now() - t);
  const used = process.cpuUsage(cpu);
  return { result, figures: { ms, cpuMs: Math.round((used.user + used.system) / 1000), ratioToReference: Math.round((ms / referenceMs) * 100) / 100 } };
}

const rssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === '--child') {
  const what = process.argv[3] as string;
  const count = Number(process.argv[4]);
  const root = process.argv[5] as string;
  const q = (await import(pathToFileURL(resolve(root, 'quality/index.ts')).href)) as Quality;
  const referenceMs = cpuReference();
  const out: Record<string, unknown> = { what, count, referenceMs };
  if (what === 'stream') {
    // nothing held: the records are made as findDuplicates reads them; the time spent making them
    // (inside the generator's next) is taken out as makeMs, so searchMs is the search's own
    const inner = q.syntheticCustomerStream({ count, seed: 2, asOf });
    let makeMs = 0;
    const source: Iterable<Customer> = {
      [Symbol.iterator]: () => ({
        next: () => {
          const t = performance.now();
          const r = inner.next();
          makeMs += performance.now() - t;
          return r as IteratorResult<Customer>;
        },
      }),
    };
    const { result, figures } = timed(() => q.findDuplicates(source), referenceMs);
    const searchMs = Math.round((figures.ms as number) - makeMs);
    Object.assign(out, figures, { makeMs: Math.round(makeMs), searchMs, searchRatioToReference: Math.round((searchMs / referenceMs) * 100) / 100 });
    Object.assign(out, { comparisons: result.comparisons, pairs: result.pairs.length, peakRssMiB: rssMiB() });
  } else {
    const s = q.syntheticCustomers({ count, seed: 2, asOf });
    const rssAfterData = rssMiB();
    out.rssAfterDataMiB = rssAfterData;
    if (what === 'data') {
      if (typeof q.syntheticCustomerStream === 'function') {
        const made = timed(() => {
          let k = 0;
          for (const c of q.syntheticCustomerStream({ count, seed: 2, asOf })) k += c.id.length;
          return k;
        }, referenceMs);
        out.streamMakeMs = made.figures.ms;
        out.streamMakeCpuMs = made.figures.cpuMs;
      }
    } else if (what === 'findDuplicates') {
      const { result, figures } = timed(() => q.findDuplicates(s.customers), referenceMs);
      Object.assign(out, figures, { comparisons: result.comparisons, pairs: result.pairs.length, peakRssMiB: rssMiB() });
      if (process.argv[6] !== 'base') Object.assign(out, await pairsCompleteness(s));
    } else if (what === 'index') {
      const held = s.customers.slice(0, count - 10_000);
      const leads = s.customers.slice(count - 10_000);
      const { result: index, figures } = timed(() => q.createDuplicateIndex(held), referenceMs);
      out.buildMs = figures.ms;
      out.buildCpuMs = figures.cpuMs;
      const took = new Float64Array(leads.length);
      let found = 0;
      for (let k = 0; k < leads.length; k++) {
        const t = performance.now();
        found += index.match(leads[k] as (typeof leads)[number]).length;
        took[k] = performance.now() - t;
      }
      const total = took.reduce((sum, x) => sum + x, 0);
      took.sort();
      const quantile = (p: number) => Math.round((took[Math.min(took.length - 1, Math.floor(p * took.length))] as number) * 1000) / 1000;
      Object.assign(out, { lookupMsEach: Math.round((total / leads.length) * 1000) / 1000, lookupMsP50: quantile(0.5), lookupMsP99: quantile(0.99), lookups: leads.length, pairsFound: found });
    }
    const peakRss = (out.peakRssMiB as number | undefined) ?? rssMiB();
    out.peakRssMiB = peakRss;
    // What the search itself added on top of holding the records.
    out.addedPeakRssMiB = peakRss - rssAfterData;
  }
  process.stdout.write(JSON.stringify(out));
} else {
  const args = process.argv.slice(2);
  const at = args.indexOf('--base');
  const base = at >= 0 ? resolve(args[at + 1] as string) : undefined;
  const rest = at >= 0 ? args.filter((_, i) => i !== at && i !== at + 1) : args;
  const count = Number(rest[0] ?? 1_000_000);
  const only = rest[1];
  const self = fileURLToPath(import.meta.url);
  const here = fileURLToPath(new URL('../src', import.meta.url));
  const child = (what: string, root: string, label: string) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', what, String(count), root, label], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Record<string, unknown>;
  for (const what of only ? [only] : ['data', 'findDuplicates', 'stream', 'index']) {
    if (what === 'findDuplicates' && base) report({ bench: 'duplicates-scale', ...child(what, base, 'base'), what: 'findDuplicates (base)' });
    report({ bench: 'duplicates-scale', ...child(what, here, 'here') });
  }
}
