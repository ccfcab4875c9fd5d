import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ces } from 'crmkit/satisfaction';
import { expectThrowsCode } from './helpers';

describe('ces', () => {
  it('mean effort, sample SD and distribution by hand', () => {
    // [7, 6, 5, 5, 3]: mean 26/5 = 5.2; deviations 1.8, 0.8, −0.2, −0.2, −2.2; squares sum
    // 3.24 + 0.64 + 0.04 + 0.04 + 4.84 = 8.8; variance 8.8/4 = 2.2; SD √2.2 = 1.483240; SE 1.483240/√5 = 0.663325.
    // Agreeing (5-7): 7, 6, 5, 5 = 4/5; disagreeing (1-3): 3 = 1/5.
    const r = ces([7, 6, 5, 5, 3]);
    expect(r.mean).toBeCloseTo(5.2, 12);
    expect(r.standardDeviation).toBeCloseTo(Math.sqrt(2.2), 12);
    expect(r.standardError).toBeCloseTo(0.663325, 6);
    // 5 answers, under 30: t(0.975, 4) = 2.776445 (t table) instead of z.
    expect(r.marginOfError).toBeCloseTo(2.776445 * 0.663325, 5);
    expect(r.intervalMethod).toBe('t');
    expect(r).toMatchObject({ n: 5, lowEffortShare: 0.8, highEffortShare: 0.2, distribution: [0, 0, 1, 0, 2, 1, 1] });
  });

  it('empty and single answers give defined results', () => {
    expect(ces([])).toMatchObject({ n: 0, mean: null, standardDeviation: null, standardError: null, marginOfError: null, lowEffortShare: null });
    expect(ces([4])).toMatchObject({ n: 1, mean: 4, standardDeviation: null, lowEffortShare: 0, highEffortShare: 0 });
  });

  it('rejects answers off the 1..7 scale', () => {
    expectThrowsCode(() => ces([8]), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => ces([0]), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => ces([2.5]), 'ANSWER_OUT_OF_SCALE');
  });

  it('property: mean and SD match the textbook two-pass formulas (second implementation)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 2, maxLength: 300 }), (s) => {
        const mean = s.reduce((a, b) => a + b, 0) / s.length;
        const sd = Math.sqrt(s.reduce((a, b) => a + (b - mean) ** 2, 0) / (s.length - 1));
        const r = ces(s);
        expect(r.mean!).toBeCloseTo(mean, 10);
        expect(r.standardDeviation!).toBeCloseTo(sd, 10);
      }),
    );
  });
});
