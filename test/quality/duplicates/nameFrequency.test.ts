import fc from 'fast-check';
import { columnOf } from './featureColumns';
import { describe, expect, it } from 'vitest';
import { fieldHash } from '../../../src/quality/duplicates/keyHash';
import { NameFrequency, nameFrequencyOfColumn } from '../../../src/quality/duplicates/nameFrequency';

// The column version must give exactly what the incremental NameFrequency (the duplicate index's,
// a Map of names) gives for every row: NameFrequency is the second implementation here.
function byMap(names: readonly string[]): number[] {
  const counts = new NameFrequency();
  for (const name of names) counts.add(name);
  return names.map((name) => counts.adjustment(name));
}

const column = (names: readonly string[], hash: (s: string) => number) => {
  const adjustment = nameFrequencyOfColumn(columnOf(names), Int32Array.from(names, hash), names.length);
  return names.map((_, i) => adjustment(i));
};

// Few letters and short names, so names repeat; '' is a missing name.
const names = fc.array(fc.constantFrom('', 'wang', 'li', 'zhang', '王伟', 'liu', 'smith', 'john', 'a', 'b'), { maxLength: 300 });

describe('nameFrequencyOfColumn', () => {
  it('agrees with NameFrequency on every row, with the real field hashes', () => {
    fc.assert(fc.property(names, (xs) => {
      expect(column(xs, fieldHash)).toEqual(byMap(xs));
    }));
  });

  it('agrees with NameFrequency when different names share a hash (collisions are told apart)', () => {
    // Every non-empty name of the same length gets the same hash: 'li', 'wa', '王伟' collide.
    const colliding = (s: string) => (s ? s.length + 1 : 0);
    fc.assert(fc.property(names, (xs) => {
      expect(column(xs, colliding)).toEqual(byMap(xs));
    }));
  });

  it('agrees with NameFrequency past the first table (it doubles) and past a chunk of rows', () => {
    // 40,000 rows over 9,000 distinct names: the table starts at 4,096 slots and doubles twice,
    // and the rows span three column chunks. Drawn from a fixed-seed generator, skewed so a few
    // names are common; and again with hashes folded to 512 values, so growth re-places long runs.
    let seed = 7;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const xs = Array.from({ length: 40_000 }, () => (rnd() < 0.05 ? '' : `n${Math.floor(9000 * rnd() ** 2)}`));
    expect(column(xs, fieldHash)).toEqual(byMap(xs));
    expect(column(xs, (s) => (s ? (fieldHash(s) & 511) | 1 : 0))).toEqual(byMap(xs));
  });

  it('weakens the common name by log2(E[tf] / tf), worked by hand', () => {
    // 3 x 'wang', 1 x 'li', one missing: n = 4, sum of squares 9 + 1 = 10, E[tf] = 10 / 16,
    // tf(wang) = 3 / 4, adjustment log2((10 / 16) / (3 / 4)) = log2(5 / 6); 'li' occurs once: 0.
    const xs = ['wang', 'li', 'wang', '', 'wang'];
    const adjustment = nameFrequencyOfColumn(columnOf(xs), Int32Array.from(xs, fieldHash), xs.length);
    expect(adjustment(0)).toBeCloseTo(Math.log2(5 / 6), 12);
    expect(adjustment(1)).toBe(0);
    expect(adjustment(3)).toBe(0);
  });
});
