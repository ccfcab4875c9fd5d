import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thrownCode as code } from '../../errors';
import { rfmScores, rfmScoresColumns } from 'crmkit/segmentation';

// Second implementation of the documented rule, written from its definition:
// score = floor(rank * bins / n) + 1, rank = number of values strictly worse.
function byDefinition(values: number[], bins: number, higherIsBetter: boolean): number[] {
  const n = values.length;
  return values.map((v) => {
    const rank = values.filter((w) => (higherIsBetter ? w < v : w > v)).length;
    return Math.floor((rank * bins) / n) + 1;
  });
}

describe('rfmScoresColumns (quantiles)', () => {
  it('10 distinct values in 5 bins: two per bin (hand calculation)', () => {
    const f = Float64Array.from([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
    const s = rfmScoresColumns({ recency: f, frequency: f, monetary: f });
    // F, M: 1,2 -> 1; 3,4 -> 2; 5,6 -> 3; 7,8 -> 4; 9,10 -> 5.  R reversed: 1,2 -> 5 ... 9,10 -> 1.
    expect(Array.from(s.f)).toEqual([5, 1, 5, 1, 4, 2, 4, 2, 3, 3]);
    expect(Array.from(s.r)).toEqual([1, 5, 1, 5, 2, 4, 2, 4, 3, 3]);
  });

  it('ties share a score: the score of their first rank (hand calculation)', () => {
    // frequency [1,1,1,1,1,1,2,2,5,9], n = 10, bins = 5: value 1 has rank 0 -> 1; value 2 rank 6 -> floor(3)+1 = 4;
    // 5 rank 8 -> 5; 9 rank 9 -> floor(4.5)+1 = 5.
    const f = [1, 1, 1, 1, 1, 1, 2, 2, 5, 9];
    const s = rfmScoresColumns({ recency: f, frequency: f, monetary: f });
    expect(Array.from(s.f)).toEqual([1, 1, 1, 1, 1, 1, 4, 4, 5, 5]);
    // recency reversed: value 1 has 4 larger values -> rank 4 -> floor(2)+1 = 3; value 2: rank 2 -> 2; 5: rank 1 -> 1; 9: rank 0 -> 1.
    expect(Array.from(s.r)).toEqual([3, 3, 3, 3, 3, 3, 2, 2, 1, 1]);
  });

  it('agrees with the definition on random data, and equal values always get equal scores (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (values, bins) => {
        const s = rfmScoresColumns({ recency: values, frequency: values, monetary: values }, { bins });
        expect(Array.from(s.f)).toEqual(byDefinition(values, bins, true));
        expect(Array.from(s.r)).toEqual(byDefinition(values, bins, false));
        for (const x of s.f) expect(x >= 1 && x <= bins).toBe(true);
      }),
    );
  });

  it('empty columns give empty scores; Infinity recency (never bought) scores lowest', () => {
    expect(rfmScoresColumns({ recency: [], frequency: [], monetary: [] }).r.length).toBe(0);
    const s = rfmScoresColumns({ recency: [Infinity, 1, 2, 3, 4], frequency: [0, 1, 1, 1, 1], monetary: [0, 1, 2, 3, 4] });
    expect(s.r[0]).toBe(1);
  });

  it('refuses NaN, unequal lengths and bad bins', () => {
    expect(code(() => rfmScoresColumns({ recency: [1, Number.NaN], frequency: [1, 2], monetary: [1, 2] }))).toBe('INVALID_ARGUMENT');
    expect(code(() => rfmScoresColumns({ recency: [1], frequency: [1, 2], monetary: [1, 2] }))).toBe('INVALID_ARGUMENT');
    expect(code(() => rfmScoresColumns({ recency: [1], frequency: [1], monetary: [1] }, { bins: 0 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => rfmScoresColumns({ recency: [1], frequency: [1], monetary: [1] }, { bins: 2.5 }))).toBe('INVALID_ARGUMENT');
  });
});

describe('rfmScores (fixed thresholds)', () => {
  const thresholds = { recency: [30, 90, 180, 365], frequency: [2, 4, 8, 16], monetary: [50_000, 200_000, 500_000, 2_000_000] };
  it('scores 1 + cut-offs reached, inclusive (hand calculation)', () => {
    const out = rfmScores(
      [
        { customerId: 'a', recencyDays: 30, frequency: 16, monetaryMinor: 2_000_000 }, // r: 30<=30,90,180,365 -> 5; f 16 >= all -> 5; m -> 5
        { customerId: 'b', recencyDays: 31, frequency: 3, monetaryMinor: 49_999 }, // r: 90,180,365 -> 4; f: >=2 -> 2; m: none -> 1
        { customerId: 'c', recencyDays: 400, frequency: 0, monetaryMinor: 0 }, // r 1, f 1, m 1
        { customerId: 'd', recencyDays: null, frequency: 0, monetaryMinor: 0 }, // never bought: r 1
      ],
      { thresholds },
    );
    expect(out.map((s) => [s.r, s.f, s.m])).toEqual([
      [5, 5, 5],
      [4, 2, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });
  it('refuses unsorted or non-finite thresholds', () => {
    expect(code(() => rfmScores([], { thresholds: { ...thresholds, recency: [90, 30] } }))).toBe('INVALID_ARGUMENT');
    expect(code(() => rfmScores([], { thresholds: { ...thresholds, monetary: [Number.NaN] } }))).toBe('INVALID_ARGUMENT');
  });
});
