import { evaluateDuplicates, findDuplicates } from '../src/quality';
import { loadFebrl } from '../test/quality/duplicates/febrl';
const sets = [['dataset1.csv'], ['dataset2.csv'], ['dataset3.csv'], ['dataset4a.csv', 'dataset4b.csv']];
for (const files of sets) {
  const { customers, clusters } = loadFebrl(...files);
  const t = performance.now();
  const r = findDuplicates(customers, process.env.NOID ? {} : { identifiers: ['socSecId'] });
  const q = evaluateDuplicates(r.clusters, clusters);
  console.log(files[0], 'P', q.precision.toFixed(4), 'R', q.recall.toFixed(4), 'F1', q.f1.toFixed(4), 'cmp', r.comparisons, 'skipped', r.skippedBlocks, Math.round(performance.now() - t), 'ms');
}
