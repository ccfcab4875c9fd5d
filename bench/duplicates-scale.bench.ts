/**
 * Duplicate detection at scale, each measurement in its own child process so its peak resident
 * set (maxRSS) is its own: the synthetic records alone (the baseline memory of holding the data),
 * findDuplicates over them, and the duplicate index (build, then single-record lookups). A CPU
 * reference (sorting 10 x 1M float64s) is timed in the same child, so times can be read as ratios
 * on a loaded machine. `npx tsx bench/duplicates-scale.bench.ts [count]` (default 1,000,000).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createDuplicateIndex, findDuplicates, syntheticCustomers } from '../src/quality';
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

if (mode === '--child') {
  const what = process.argv[3] as string;
  const count = Number(process.argv[4]);
  const referenceMs = cpuReference();
  const s = syntheticCustomers({ count, seed: 2, asOf });
  const rssAfterData = Math.round(process.resourceUsage().maxRSS / 1024);
  const out: Record<string, unknown> = { what, count, referenceMs, rssAfterDataMiB: rssAfterData };
  if (what === 'findDuplicates') {
    const t = performance.now();
    const r = findDuplicates(s.customers);
    out.ms = Math.round(performance.now() - t);
    out.comparisons = r.comparisons;
    out.pairs = r.pairs.length;
  } else if (what === 'index') {
    const held = s.customers.slice(0, count - 10_000);
    const leads = s.customers.slice(count - 10_000);
    let t = performance.now();
    const index = createDuplicateIndex(held);
    out.buildMs = Math.round(performance.now() - t);
    t = performance.now();
    let found = 0;
    for (const lead of leads) found += index.match(lead).length;
    out.lookupMsEach = Math.round(((performance.now() - t) / leads.length) * 1000) / 1000;
    out.lookups = leads.length;
    out.pairsFound = found;
  }
  out.peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(JSON.stringify(out));
} else {
  const count = Number(mode ?? 1_000_000);
  const self = fileURLToPath(import.meta.url);
  for (const what of ['data', 'findDuplicates', 'index']) {
    const line = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', what, String(count)], { encoding: 'utf8', maxBuffer: 1 << 20 });
    report({ bench: 'duplicates-scale', ...JSON.parse(line) });
  }
}
