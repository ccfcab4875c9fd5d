/**
 * Duplicate detection quality on data crmkit did not design: FEBRL 1-4 (test/fixtures/febrl), the
 * Chicago early-childhood-centre records with their hand-given truth, Splink's fake_1000 and its
 * historical figures (outside files, not committed: see test/quality/duplicates/OUTSIDE_DATA.md; skipped when absent), and
 * mixed Chinese and Western customer records (assumed surname frequencies) with the
 * damage of issue 18 (test/quality/duplicates/realistic.ts), records of a second generator written by
 * another hand without reading the matcher (test/quality/duplicates/independentSet.ts); then crmkit's own synthetic generator and the
 * hand-written held-out records. Pairwise precision, recall and F1 with the default parameters and
 * with parameters estimated by EM (estimateMatchParameters) on the same records, used with the
 * thresholds the fit returns, with what an
 * adopter would declare (FEBRL: the social security number is an identifier). One configuration
 * for every set, no tuning per set.
 *
 * `npx tsx bench/duplicates-accuracy.bench.ts [set,set...] [--errors]`: `--errors` also prints the
 * false and missed pairs of the default run grouped by cause (never compared by blocking, or the
 * evidence signature of the pair), the largest groups first, with three examples each.
 */
import type { Customer } from '../src';
import { estimateMatchParameters, evaluateDuplicates, findDuplicates, syntheticCustomers } from '../src/quality';
import { chicagoEceAvailable, loadChicagoEce } from '../test/quality/duplicates/chicagoEce';
import { errorGroups } from '../test/quality/duplicates/errorAnalysis';
import { loadFebrl } from '../test/quality/duplicates/febrl';
import { heldOutPairs } from '../test/quality/duplicates/heldOut';
import { independentCustomers } from '../test/quality/duplicates/independentSet';
import { realisticCustomers } from '../test/quality/duplicates/realistic';
import { loadSplinkFake1000, splinkFake1000Available } from '../test/quality/duplicates/splinkFake1000';
import { loadSplinkHistorical, splinkHistoricalAvailable } from '../test/quality/duplicates/splinkHistorical';
import { report } from './harness';

type Data = { customers: Customer[]; clusters: string[][] };
const asOf = new Date('2026-01-01T00:00:00Z');
const sets: Record<string, { label: string; data: () => Data; identifiers: string[]; available?: boolean }> = {
  febrl1: { label: 'FEBRL 1', data: () => loadFebrl('dataset1.csv'), identifiers: ['socSecId'] },
  febrl2: { label: 'FEBRL 2', data: () => loadFebrl('dataset2.csv'), identifiers: ['socSecId'] },
  febrl3: { label: 'FEBRL 3', data: () => loadFebrl('dataset3.csv'), identifiers: ['socSecId'] },
  febrl4: { label: 'FEBRL 4a+4b', data: () => loadFebrl('dataset4a.csv', 'dataset4b.csv'), identifiers: ['socSecId'] },
  febrl3bare: { label: 'FEBRL 3 without declaring socSecId', data: () => loadFebrl('dataset3.csv'), identifiers: [] },
  realistic: { label: 'realistic Chinese + Western, 10k (seed 11)', data: () => realisticCustomers(10_000, 11), identifiers: [] },
  independent: { label: 'independent generator, 3k entities (seed 1; written apart from the matcher)', data: () => independentCustomers(3_000, 1), identifiers: [] },
  independent2: { label: 'independent generator, 3k entities (seed 2)', data: () => independentCustomers(3_000, 2), identifiers: [] },
  realistic2: { label: 'realistic Chinese + Western, 5k (seed 12)', data: () => realisticCustomers(5_000, 12), identifiers: [] },
  chicago: { label: 'Chicago early-childhood centres (organisations)', data: () => loadChicagoEce(), identifiers: [], available: chicagoEceAvailable },
  splink: { label: 'Splink fake_1000 (UK people, heavy damage)', data: () => loadSplinkFake1000(), identifiers: [], available: splinkFake1000Available },
  historical: { label: 'Splink historical figures 50k (UK people, titles, heavy damage)', data: () => loadSplinkHistorical(), identifiers: [], available: splinkHistoricalAvailable },
  synthetic: { label: 'synthetic 20k (seed 7)', data: () => syntheticCustomers({ count: 20_000, seed: 7, asOf }), identifiers: [] },
  heldOut: { label: 'held-out hand-written records', data: () => heldOutPairs(), identifiers: ['memberNo'] },
};
const args = process.argv.slice(2);
const wanted = args.find((a) => !a.startsWith('--'))?.split(',') ?? Object.keys(sets);
const showErrors = args.includes('--errors');
const r4 = (x: number) => Math.round(x * 10000) / 10000;

for (const key of wanted) {
  const set = sets[key];
  if (!set) throw new Error(`unknown set ${key}; one of ${Object.keys(sets).join(', ')}`);
  if (set.available === false) {
    report({ bench: 'duplicates-accuracy', name: set.label, skipped: 'outside data not present (test/quality/duplicates/OUTSIDE_DATA.md)' });
    continue;
  }
  const data = set.data();
  const { identifiers } = set;
  const defaults = evaluateDuplicates(findDuplicates(data.customers, { identifiers }).clusters, data.clusters);
  const fit = estimateMatchParameters(data.customers, { identifiers });
  const { parameters, threshold, reviewThreshold } = fit;
  const em = evaluateDuplicates(findDuplicates(data.customers, { identifiers, parameters, threshold, reviewThreshold }).clusters, data.clusters);
  report({
    bench: 'duplicates-accuracy',
    name: set.label,
    records: data.customers.length,
    truePairs: defaults.truePositives + defaults.falseNegatives,
    defaultP: r4(defaults.precision), defaultR: r4(defaults.recall), defaultF1: r4(defaults.f1),
    emP: r4(em.precision), emR: r4(em.recall), emF1: r4(em.f1),
    emConverged: fit.converged, emIterations: fit.iterations, emMatchShare: r4(fit.matchShare), emThreshold: r4(threshold),
  });
  if (showErrors) printErrors(data, identifiers);
}

function printErrors(data: Data, identifiers: string[]): void {
  const byId = new Map(data.customers.map((c) => [c.id, c]));
  const describe = (id: string) => {
    const c = byId.get(id) as Customer;
    const points = (c.contactPoints ?? []).map((p) => (p.type === 'address' ? `${p.city ?? ''}${p.district ?? ''}${p.line1 ?? ''} ${p.postalCode ?? ''}` : p.type === 'phone' || p.type === 'email' ? p.value : p.type));
    const birth = c.person?.birthDate instanceof Date ? ` b${c.person.birthDate.toISOString().slice(0, 10)}` : '';
    return `${c.displayName} [${points.join('; ')}${birth}]`;
  };
  const groups = errorGroups(data.customers, data.clusters, { identifiers });
  for (const [label, map] of [['false pairs', groups.falsePositives], ['missed pairs', groups.falseNegatives]] as const) {
    for (const [cause, pairs] of [...map].sort((x, y) => y[1].length - x[1].length).slice(0, 15)) {
      console.log(`  ${label} ${pairs.length}: ${cause}`);
      for (const pair of pairs.slice(0, 3)) console.log(`      ${pair.split(' ').map(describe).join('  <>  ')}`);
    }
  }
}
