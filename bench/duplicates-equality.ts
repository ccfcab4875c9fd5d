/**
 * Checks that findDuplicates gives byte-identical results in two source trees (a speed change must
 * not change a pair or a cluster): runs the same data sets through each tree's findDuplicates in a
 * child process and compares the SHA-256 of the JSON results. The data (FEBRL 1-4, the realistic
 * sets, Chicago, Splink fake_1000, the held-out records, synthetic 20k and 100k) is built by this
 * tree's loaders, so both trees see the same records; one set also passes a custom blocking key.
 *
 * `npx tsx bench/duplicates-equality.ts <other-src-dir> [set,set...]`, e.g. a baseline exported with
 * `git archive 7def76c src | tar -x -C /tmp/base` (with a node_modules link beside it).
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Customer } from '../src';
import type { FindDuplicatesOptions } from '../src/quality';
import { syntheticCustomers } from '../src/quality';
import { loadChicagoEce } from '../test/quality/duplicates/chicagoEce';
import { loadFebrl } from '../test/quality/duplicates/febrl';
import { heldOutPairs } from '../test/quality/duplicates/heldOut';
import { realisticCustomers } from '../test/quality/duplicates/realistic';
import { loadSplinkFake1000 } from '../test/quality/duplicates/splinkFake1000';

const asOf = new Date('2026-01-01T00:00:00Z');
const byCity: FindDuplicatesOptions['customKeys'] = [(c) => c.contactPoints.find((p) => p.type === 'address')?.city, (c) => c.tags];
const sets: Record<string, { data: () => Customer[]; options: FindDuplicatesOptions }> = {
  febrl1: { data: () => loadFebrl('dataset1.csv').customers, options: { identifiers: ['socSecId'] } },
  febrl2: { data: () => loadFebrl('dataset2.csv').customers, options: { identifiers: ['socSecId'] } },
  febrl3: { data: () => loadFebrl('dataset3.csv').customers, options: { identifiers: ['socSecId'] } },
  febrl4: { data: () => loadFebrl('dataset4a.csv', 'dataset4b.csv').customers, options: { identifiers: ['socSecId'] } },
  febrl3bare: { data: () => loadFebrl('dataset3.csv').customers, options: {} },
  febrl1custom: { data: () => loadFebrl('dataset1.csv').customers, options: { customKeys: byCity, maxBlockSize: 400 } },
  realistic: { data: () => realisticCustomers(10_000, 11).customers, options: {} },
  realistic2: { data: () => realisticCustomers(5_000, 12).customers, options: {} },
  chicago: { data: () => loadChicagoEce().customers, options: {} },
  splink: { data: () => loadSplinkFake1000().customers, options: {} },
  heldOut: { data: () => heldOutPairs().customers, options: { identifiers: ['memberNo'] } },
  synthetic20k: { data: () => syntheticCustomers({ count: 20_000, seed: 7, asOf }).customers, options: {} },
  synthetic100k: { data: () => syntheticCustomers({ count: 100_000, seed: 2, asOf }).customers, options: {} },
};

if (process.argv[2] === '--child') {
  const root = process.argv[3] as string;
  const names = (process.argv[4] as string).split(',');
  const { findDuplicates } = (await import(pathToFileURL(resolve(root, 'quality/index.ts')).href)) as typeof import('../src/quality');
  const out: Record<string, string> = {};
  for (const name of names) {
    const set = sets[name];
    if (!set) throw new Error(`unknown set ${name}`);
    const r = findDuplicates(set.data(), set.options);
    out[name] = createHash('sha256').update(JSON.stringify(r)).digest('hex').slice(0, 16);
  }
  process.stdout.write(JSON.stringify(out));
} else {
  const other = process.argv[2];
  if (!other) throw new Error('usage: duplicates-equality.ts <other-src-dir> [set,set...]');
  const names = process.argv[3] ?? Object.keys(sets).join(',');
  const self = fileURLToPath(import.meta.url);
  const run = (root: string) =>
    JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', self, '--child', root, names], { encoding: 'utf8', maxBuffer: 1 << 20 })) as Record<string, string>;
  const mine = run(fileURLToPath(new URL('../src', import.meta.url)));
  const theirs = run(resolve(other));
  let same = true;
  for (const name of names.split(',')) {
    const equal = mine[name] === theirs[name];
    same &&= equal;
    process.stdout.write(`${JSON.stringify({ bench: 'duplicates-equality', set: name, here: mine[name], other: theirs[name], equal })}\n`);
  }
  process.stdout.write(`${same ? 'identical' : 'DIFFERENT'}\n`);
  process.exitCode = same ? 0 : 1;
}
