/**
 * Duplicate detection on the seeded synthetic set (src/quality/synthetic): time and quality at
 * 100,000 records (target: under 10 s on one core, F1 >= 0.95), then time and peak memory at
 * 1,000,000. Also merge throughput. `npx tsx bench/quality.bench.ts [--skip-million]`
 */
import { assessQuality, evaluateDuplicates, findDuplicates, mergeCustomers, syntheticCustomers } from '../src/quality';
import { measure, memoryMiB, report } from './harness';

const asOf = new Date('2026-01-01T00:00:00Z');
const gc = (globalThis as { gc?: () => void }).gc;

{
  const s = syntheticCustomers({ count: 100_000, seed: 1, asOf });
  let result = findDuplicates(s.customers);
  const cpu0 = process.cpuUsage();
  findDuplicates(s.customers);
  const cpu = process.cpuUsage(cpu0);
  report({ bench: 'quality', name: 'findDuplicates 100k CPU time (one run)', cpuMs: Math.round((cpu.user + cpu.system) / 1000) });
  await measure('quality', 'findDuplicates 100k', () => (result = findDuplicates(s.customers)), { items: 100_000, runs: 3, extra: { comparisons: result.comparisons } });
  const q = evaluateDuplicates(result.clusters, s.clusters);
  report({ bench: 'quality', name: 'findDuplicates 100k quality', truePairs: q.truePositives + q.falseNegatives, ...q });

  // Merge every found cluster (the golden-record step of a cleaning run).
  const byId = new Map(s.customers.map((c) => [c.id, c]));
  const groups = result.clusters.map((ids) => ids.map((id) => byId.get(id)!));
  await measure('quality', 'mergeCustomers (all clusters of 100k)', () => {
    for (const g of groups) mergeCustomers(g, { now: asOf });
  }, { items: groups.length, runs: 3 });
  await measure('quality', 'assessQuality 100k (without duplicate search)', () => assessQuality(s.customers, { asOf, duplicates: false }), { items: 100_000, runs: 3 });
}

if (!process.argv.includes('--skip-million')) {
  gc?.();
  const s = syntheticCustomers({ count: 1_000_000, seed: 2, asOf });
  gc?.();
  const before = memoryMiB();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = findDuplicates(s.customers);
  const cpu = process.cpuUsage(cpu0);
  const ms = performance.now() - t0;
  const after = memoryMiB();
  const q = evaluateDuplicates(result.clusters, s.clusters);
  report({
    bench: 'quality',
    name: 'findDuplicates 1M (one run)',
    wallMs: Math.round(ms),
    // CPU time of this process (user + system, including the GC threads): less sensitive than wall
    // time to other processes sharing the machine.
    cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    comparisons: result.comparisons,
    inputHeapUsedMiB: before.heapUsedMiB,
    afterHeapUsedMiB: after.heapUsedMiB,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    precision: q.precision,
    recall: q.recall,
    f1: q.f1,
  });
}
