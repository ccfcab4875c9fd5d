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
 * - `file`: findDuplicates over the same records read back from an export, one JSON object a line
 *   (written once into .bench-out/, gitignored), as an adopter reads a database export or a
 *   cursor: `readMs` is the time spent reading and parsing lines (inside the iterator's next),
 *   `searchMs` the rest. The generator of `stream` takes about as long as the search and leaves
 *   garbage of its own (a batch of clusters at a time) for the search's collections; parsing
 *   lines leaves only the records.
 * - `parsedArray`: findDuplicates over an array of the same records parsed from the export of
 *   `file` and held by the caller, as an adopter holds rows loaded from a database or a JSON
 *   export; one full collection runs before the timing (the child has --expose-gc) so parsing's
 *   garbage is not counted. `findDuplicates` above holds the generator's records instead, which lie
 *   scattered across the heap among the generator's own garbage; reading them is what makes that
 *   figure about twice this one.
 * - `index`: the duplicate index (build, then single-record lookups).
 *
 * `npx tsx bench/duplicates-scale.bench.ts [count] [data|findDuplicates|parsedArray|stream|file|index] [--base <src dir>]`
 * (default 1,000,000, all six). With `--base`, `findDuplicates` also runs on another source tree
 * (say main's, `git archive <commit> src | tar -x -C /tmp/base`, with a node_modules link beside
 * it) in the same run, reported as `findDuplicates (base)`.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Customer } from '../src';
import { DATA_DIR, report } from './harness';

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

/** The export of `count` synthetic records (seed 2), one JSON object a line; written once. */
async function exportFile(count: number): Promise<string> {
  const file = join(DATA_DIR, `duplicates-${count}.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(DATA_DIR, { recursive: true });
  const q = (await import('../src/quality/index')) as Quality;
  const fd = openSync(`${file}.part`, 'w');
  let lines: string[] = [];
  for (const c of q.syntheticCustomerStream({ count, seed: 2, asOf })) {
    lines.push(JSON.stringify(c));
    if (lines.length === 10_000) {
      writeFileSync(fd, `${lines.join('\n')}\n`);
      lines = [];
    }
  }
  if (lines.length > 0) writeFileSync(fd, `${lines.join('\n')}\n`);
  closeSync(fd);
  renameSync(`${file}.part`, file);
  return file;
}

/** The lines of a file as parsed JSON, read 1 MiB at a time (a line may span reads). */
function* jsonLines(file: string): Generator<unknown> {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let carry = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) break;
      const bytes = carry.length > 0 ? Buffer.concat([carry, buffer.subarray(0, read)]) : buffer.subarray(0, read);
      let start = 0;
      for (let nl = bytes.indexOf(10, start); nl >= 0; nl = bytes.indexOf(10, start)) {
        yield JSON.parse(bytes.toString('utf8', start, nl));
        start = nl + 1;
      }
      carry = Buffer.from(bytes.subarray(start));
    }
    if (carry.length > 0) yield JSON.parse(carry.toString('utf8'));
  } finally {
    closeSync(fd);
  }
}

/** `inner` as an iterable that adds the time spent in its `next` to `spent.ms`. */
function timedSource<T>(inner: Iterator<T>, spent: { ms: number }): Iterable<T> {
  return {
    [Symbol.iterator]: () => ({
      next: () => {
        const t = performance.now();
        const r = inner.next();
        spent.ms += performance.now() - t;
        return r;
      },
    }),
  };
}

if (mode === '--child') {
  const what = process.argv[3] as string;
  const count = Number(process.argv[4]);
  const root = process.argv[5] as string;
  const q = (await import(pathToFileURL(resolve(root, 'quality/index.ts')).href)) as Quality;
  const referenceMs = cpuReference();
  const out: Record<string, unknown> = { what, count, referenceMs };
  if (what === 'parsedArray') {
    const records = [...(jsonLines(process.argv[7] as string) as Iterable<Customer>)];
    (globalThis as { gc?: () => void }).gc?.();
    const rssAfterData = Math.round(process.memoryUsage().rss / 2 ** 20);
    const { result, figures } = timed(() => q.findDuplicates(records), referenceMs);
    const peakRss = rssMiB();
    Object.assign(out, figures, { comparisons: result.comparisons, pairs: result.pairs.length, rssAfterDataMiB: rssAfterData, peakRssMiB: peakRss, addedPeakRssMiB: peakRss - rssAfterData });
  } else if (what === 'stream' || what === 'file') {
    // nothing held: the records are made (stream) or parsed (file) as findDuplicates reads them;
    // the time spent making or reading them (inside the iterator's next) is taken out as makeMs or
    // readMs, so searchMs is the search's own
    const spent = { ms: 0 };
    const inner = what === 'stream' ? q.syntheticCustomerStream({ count, seed: 2, asOf }) : (jsonLines(process.argv[7] as string) as Iterator<Customer>);
    const { result, figures } = timed(() => q.findDuplicates(timedSource(inner, spent)), referenceMs);
    const searchMs = Math.round((figures.ms as number) - spent.ms);
    Object.assign(out, figures, { [what === 'stream' ? 'makeMs' : 'readMs']: Math.round(spent.ms), searchMs, searchRatioToReference: Math.round((searchMs / referenceMs) * 100) / 100 });
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
  const child = async (what: string, root: string, label: string) => {
    const file = what === 'file' || what === 'parsedArray' ? [await exportFile(count)] : [];
    return JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', what, String(count), root, label, ...file], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Record<string, unknown>;
  };
  for (const what of only ? [only] : ['data', 'findDuplicates', 'parsedArray', 'stream', 'file', 'index']) {
    if ((what === 'findDuplicates' || what === 'file') && base) report({ bench: 'duplicates-scale', ...(await child(what, base, 'base')), what: `${what} (base)` });
    report({ bench: 'duplicates-scale', ...(await child(what, here, 'here')) });
  }
}
