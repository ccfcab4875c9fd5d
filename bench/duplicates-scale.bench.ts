/**
 * Duplicate detection at scale, each measurement in its own child process so its peak resident
 * set (maxRSS) is its own: the synthetic records alone (the baseline memory of holding the data),
 * findDuplicates over them, and the duplicate index (build, then single-record lookups). A CPU
 * reference (sorting 10 x 1M float64s) is timed in the same child, so times can be read as ratios
 * on a loaded machine. "Peak" is the child's maxRSS with the records in memory (`peakRssMiB`) and
 * that minus the RSS of holding the records alone (`addedPeakRssMiB`); findDuplicates also reports
 * its comparisons and the pairs completeness of blocking (true pairs among the candidates). `npx tsx bench/duplicates-scale.bench.ts [count] [data|findDuplicates|index]` (default 1,000,000, all three).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BLOCKING_KEYS, createDuplicateIndex, findDuplicates, syntheticCustomers } from '../src/quality';
import { candidatePairs } from '../src/quality/duplicates/blocking';
import { extractFeatures } from '../src/quality/duplicates/features';
import { report } from './harness';

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
function pairsCompleteness(s: ReturnType<typeof syntheticCustomers>): Record<string, number> {
  const n = s.customers.length;
  const at = new Map(s.customers.map((c, i) => [c.id, i]));
  const f = extractFeatures(s.customers, 'CN');
  const { codes } = candidatePairs(s.customers, f, BLOCKING_KEYS, [], 100, 20, true);
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

if (mode === '--child') {
  const what = process.argv[3] as string;
  const count = Number(process.argv[4]);
  const referenceMs = cpuReference();
  const s = syntheticCustomers({ count, seed: 2, asOf });
  const rssAfterData = Math.round(process.resourceUsage().maxRSS / 1024);
  const out: Record<string, unknown> = { what, count, referenceMs, rssAfterDataMiB: rssAfterData };
  if (what === 'findDuplicates') {
    const t = performance.now();
    const cpu = process.cpuUsage();
    const r = findDuplicates(s.customers);
    const ms = Math.round(performance.now() - t);
    const used = process.cpuUsage(cpu);
    out.ms = ms;
    // CPU time (all threads, garbage collector included) moves less than wall time on a loaded machine.
    out.cpuMs = Math.round((used.user + used.system) / 1000);
    out.ratioToReference = Math.round((ms / referenceMs) * 100) / 100;
    out.comparisons = r.comparisons;
    out.pairs = r.pairs.length;
    out.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    Object.assign(out, pairsCompleteness(s));
  } else if (what === 'index') {
    const held = s.customers.slice(0, count - 10_000);
    const leads = s.customers.slice(count - 10_000);
    let t = performance.now();
    const cpu = process.cpuUsage();
    const index = createDuplicateIndex(held);
    out.buildMs = Math.round(performance.now() - t);
    const used = process.cpuUsage(cpu);
    out.buildCpuMs = Math.round((used.user + used.system) / 1000);
    const took = new Float64Array(leads.length);
    let found = 0;
    for (let k = 0; k < leads.length; k++) {
      t = performance.now();
      found += index.match(leads[k] as (typeof leads)[number]).length;
      took[k] = performance.now() - t;
    }
    const total = took.reduce((s, x) => s + x, 0);
    took.sort();
    const quantile = (q: number) => Math.round((took[Math.min(took.length - 1, Math.floor(q * took.length))] as number) * 1000) / 1000;
    out.lookupMsEach = Math.round((total / leads.length) * 1000) / 1000;
    out.lookupMsP50 = quantile(0.5);
    out.lookupMsP99 = quantile(0.99);
    out.lookups = leads.length;
    out.pairsFound = found;
  }
  const peakRss = (out.peakRssMiB as number | undefined) ?? Math.round(process.resourceUsage().maxRSS / 1024);
  out.peakRssMiB = peakRss;
  // What the search itself added on top of holding the records.
  out.addedPeakRssMiB = peakRss - rssAfterData;
  process.stdout.write(JSON.stringify(out));
} else {
  const count = Number(mode ?? 1_000_000);
  const self = fileURLToPath(import.meta.url);
  const only = process.argv[3];
  for (const what of only ? [only] : ['data', 'findDuplicates', 'index']) {
    const line = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', what, String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    report({ bench: 'duplicates-scale', ...JSON.parse(line) });
  }
}
