/**
 * Duplicate detection quality on data crmkit did not design (FEBRL 1-4, test/fixtures/febrl) and on
 * its own synthetic generator: pairwise precision, recall and F1 with the default parameters and
 * with parameters estimated by EM (estimateMatchParameters) on the same records, with what an
 * adopter would declare (FEBRL: the social security number is an identifier). No per-set tuning.
 * `npx tsx bench/duplicates-accuracy.bench.ts`
 */
import type { Customer } from '../src';
import { estimateMatchParameters, evaluateDuplicates, findDuplicates, syntheticCustomers } from '../src/quality';
import { loadFebrl } from '../test/quality/duplicates/febrl';
import { heldOutPairs } from '../test/quality/duplicates/heldOut';
import { report } from './harness';

const asOf = new Date('2026-01-01T00:00:00Z');
const sets: { name: string; data: { customers: Customer[]; clusters: string[][] }; identifiers: string[] }[] = [
  { name: 'FEBRL 1', data: loadFebrl('dataset1.csv'), identifiers: ['socSecId'] },
  { name: 'FEBRL 2', data: loadFebrl('dataset2.csv'), identifiers: ['socSecId'] },
  { name: 'FEBRL 3', data: loadFebrl('dataset3.csv'), identifiers: ['socSecId'] },
  { name: 'FEBRL 4a+4b', data: loadFebrl('dataset4a.csv', 'dataset4b.csv'), identifiers: ['socSecId'] },
  { name: 'FEBRL 3 without declaring socSecId', data: loadFebrl('dataset3.csv'), identifiers: [] },
  { name: 'synthetic 20k (seed 7)', data: syntheticCustomers({ count: 20_000, seed: 7, asOf }), identifiers: [] },
  { name: 'held-out hand-written pairs', data: heldOutPairs(), identifiers: ['memberNo'] },
];
const r4 = (x: number) => Math.round(x * 10000) / 10000;
for (const { name, data, identifiers } of sets) {
  const defaults = evaluateDuplicates(findDuplicates(data.customers, { identifiers }).clusters, data.clusters);
  const fit = estimateMatchParameters(data.customers, { identifiers });
  const em = evaluateDuplicates(findDuplicates(data.customers, { identifiers, parameters: fit.parameters }).clusters, data.clusters);
  report({
    bench: 'duplicates-accuracy',
    name,
    records: data.customers.length,
    truePairs: defaults.truePositives + defaults.falseNegatives,
    defaultP: r4(defaults.precision), defaultR: r4(defaults.recall), defaultF1: r4(defaults.f1),
    emP: r4(em.precision), emR: r4(em.recall), emF1: r4(em.f1),
    emConverged: fit.converged, emIterations: fit.iterations, emMatchShare: r4(fit.matchShare),
  });
}
