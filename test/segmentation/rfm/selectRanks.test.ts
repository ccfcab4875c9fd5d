import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectRanks } from '../../../src/segmentation/rfm/selectRanks';

// Second implementation: the native sort, then index.
const bySort = (xs: number[], ranks: number[]) => ranks.map((r) => Float64Array.from(xs).sort()[r]);

describe('selectRanks (internal)', () => {
  it('equals sort-then-index on random data with ties, infinities and signed zeros (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(Infinity, -Infinity, -0, 0.5)), { minLength: 1, maxLength: 300 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 9 }),
        (xs, raw) => {
          const ranks = raw.map((r) => r % xs.length).sort((a, b) => a - b);
          // -0 and 0 compare equal, as the scoring comparisons treat them
          expect(Array.from(selectRanks(Float64Array.from(xs), ranks)).map((v) => v + 0)).toEqual(bySort(xs, ranks).map((v) => (v as number) + 0));
        },
      ),
    );
  });

  it('handles sorted, reversed and constant inputs of 100,000 values', () => {
    const n = 100_000;
    const ranks = [0, 19_999, 50_000, 99_999];
    const up = Float64Array.from({ length: n }, (_, i) => i);
    expect(Array.from(selectRanks(up.slice(), ranks))).toEqual(ranks);
    expect(Array.from(selectRanks(up.slice().reverse(), ranks))).toEqual(ranks);
    expect(Array.from(selectRanks(new Float64Array(n).fill(7), ranks))).toEqual([7, 7, 7, 7]);
  });

  it('organ-pipe and median-of-three killer shapes still give the right answer', () => {
    const n = 50_000;
    const pipe = Float64Array.from({ length: n }, (_, i) => (i < n / 2 ? i : n - i));
    const killer = Float64Array.from({ length: n }, (_, i) => (i % 2 === 0 ? i : n - i));
    for (const xs of [pipe, killer]) {
      const ranks = [1, 10_000, 25_000, 49_999];
      expect(Array.from(selectRanks(xs.slice(), ranks))).toEqual(bySort(Array.from(xs), ranks));
    }
  });
});
