import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csat, wilsonInterval } from 'crmkit/satisfaction';
import { expectThrowsCode } from './helpers';

describe('csat', () => {
  it('top-2-box share on a 5-point scale; under 30 answers the exact Clopper-Pearson interval', () => {
    // [5, 4, 4, 3, 5, 2, 5, 4, 1, 5]: answers >= 4 are 5,4,4,5,5,4,5 = 7 of 10; mean 38/10 = 3.8.
    // Wilson (z = 1.959964, z² = 3.841459): centre 0.7 + 3.841459/20 = 0.892073;
    // half 1.959964·√(0.21/10 + 3.841459/400) = 1.959964·√0.030604 = 0.342875; denominator 1.384146.
    // lower (0.892073 − 0.342875)/1.384146 = 0.39678, upper (0.892073 + 0.342875)/1.384146 = 0.89221.
    // Under 30 answers csat reports the exact interval instead: Beta(7, 4) at 0.025 = 0.34755 and
    // Beta(8, 3) at 0.975 = 0.93326 (scipy.stats.beta.ppf); the Wilson figures are checked directly.
    const r = csat([5, 4, 4, 3, 5, 2, 5, 4, 1, 5]);
    expect(r).toMatchObject({ n: 10, satisfied: 7, share: 0.7, distribution: [1, 1, 1, 3, 4] });
    expect(r.mean).toBeCloseTo(3.8, 12);
    expect(r.intervalMethod).toBe('clopper-pearson');
    expect(r.interval!.lower).toBeCloseTo(0.34755, 4);
    expect(r.interval!.upper).toBeCloseTo(0.93326, 4);
    const wilson = wilsonInterval(7, 10)!;
    expect(wilson.lower).toBeCloseTo(0.39678, 4);
    expect(wilson.upper).toBeCloseTo(0.89221, 4);
  });

  it('a 7-point scale defaults to top-2-box (6 and 7); the threshold is configurable', () => {
    // [7, 6, 5, 5, 1]: >= 6 → 2 of 5 = 0.4; >= 5 → 4 of 5 = 0.8.
    expect(csat([7, 6, 5, 5, 1], { scale: 7 })).toMatchObject({ satisfied: 2, share: 0.4, distribution: [1, 0, 0, 0, 2, 1, 1] });
    expect(csat([7, 6, 5, 5, 1], { scale: 7, satisfiedAtOrAbove: 5 }).share).toBe(0.8);
    expect(csat([5, 4, 3], { satisfiedAtOrAbove: 5 }).satisfied).toBe(1);
  });

  it('empty set: defined result with null statistics', () => {
    expect(csat([])).toEqual({
      n: 0, satisfied: 0, share: null, interval: null, intervalMethod: 'clopper-pearson', insufficient: false, mean: null,
      distribution: [0, 0, 0, 0, 0], confidence: 0.95,
    });
  });

  it('rejects answers off the scale and bad options', () => {
    expectThrowsCode(() => csat([6]), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => csat([0]), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => csat([4.5]), 'ANSWER_OUT_OF_SCALE');
    expect(csat([6, 7], { scale: 7 }).n).toBe(2);
    expectThrowsCode(() => csat([4], { scale: 10 as 5 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => csat([4], { satisfiedAtOrAbove: 6 }), 'INVALID_ARGUMENT');
  });

  it('property: the share is in 0..1 and inside its interval; counts add up', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 200 }), (s) => {
        const r = csat(s);
        expect(r.share!).toBeGreaterThanOrEqual(0);
        expect(r.share!).toBeLessThanOrEqual(1);
        expect(r.interval!.lower).toBeLessThanOrEqual(r.share! + 1e-12);
        expect(r.interval!.upper).toBeGreaterThanOrEqual(r.share! - 1e-12);
        expect(r.distribution.reduce((a, b) => a + b, 0)).toBe(s.length);
      }),
    );
  });
});
