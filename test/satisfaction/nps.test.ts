import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nps } from 'crmkit/satisfaction';
import { expectThrowsCode } from './helpers';

// Student t quantiles from the t table (A&S Table 26.10; the same to 6 places as scipy.stats.t.ppf).
const T975_9 = 2.262157;
const T95_9 = 1.833113;

describe('nps', () => {
  it('scores a hand-counted set and its multinomial standard error (Rocks 2016)', () => {
    // [10, 9, 9, 8, 7, 6, 3, 10, 9, 5]: promoters 10,9,9,10,9 = 5; passives 8,7 = 2; detractors 6,3,5 = 3.
    // NPS = 100 × (5/10 − 3/10) = 20.
    // Var = (0.5·0.5 + 0.3·0.7 + 2·0.5·0.3) / 10 = (0.25 + 0.21 + 0.30) / 10 = 0.076; SE = 100·√0.076 = 27.5681.
    // Check by the +1/0/−1 coding: mean 0.2, E[x²] = 0.8, variance 0.8 − 0.04 = 0.76, /10 = 0.076.
    const r = nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
    expect(r).toMatchObject({ n: 10, promoters: 5, passives: 2, detractors: 3, promoterShare: 0.5, detractorShare: 0.3 });
    expect(r.score).toBeCloseTo(20, 12);
    expect(r.standardError).toBeCloseTo(27.5681, 4);
    // 10 answers, under 30: the margin uses t(0.975, 9) = 2.262157 instead of z: 62.3634.
    expect(r.marginOfError).toBeCloseTo(T975_9 * 27.56810, 3);
    expect(r.intervalMethod).toBe('t');
  });

  it('accepts typed arrays and honours the confidence level (90%, 10 answers: t(0.95, 9) = 1.833113)', () => {
    const r = nps(Uint8Array.from([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]), { confidence: 0.9 });
    expect(r.marginOfError).toBeCloseTo(T95_9 * 27.56810, 3);
    expect(r.confidence).toBe(0.9);
  });

  it('category boundaries: 9 promotes, 8 and 7 are passive, 6 detracts', () => {
    expect(nps([9])).toMatchObject({ promoters: 1, passives: 0, detractors: 0, score: 100 });
    expect(nps([7, 8])).toMatchObject({ promoters: 0, passives: 2, detractors: 0, score: 0 });
    expect(nps([6, 0])).toMatchObject({ promoters: 0, passives: 0, detractors: 2, score: -100 });
  });

  it('empty set: n = 0 and null statistics, never NaN', () => {
    expect(nps([])).toEqual({
      n: 0, promoters: 0, passives: 0, detractors: 0, promoterShare: null, detractorShare: null,
      score: null, standardError: null, marginOfError: null, intervalMethod: 'normal', insufficient: false, confidence: 0.95,
    });
  });

  it.each([[[11]], [[-1]], [[7.5]], [[Number.NaN]], [[Infinity]]])('rejects %j with ANSWER_OUT_OF_SCALE', (scores) => {
    const err = expectThrowsCode(() => nps(scores as number[]), 'ANSWER_OUT_OF_SCALE');
    expect(err.message).toBe('answer to nps is outside its scale 0-10');
  });

  const answers = fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 300 });

  it('property: the score stays within −100..100 and the error is non-negative', () => {
    fc.assert(
      fc.property(answers, (s) => {
        const r = nps(s);
        if (s.length === 0) {
          expect(r.score).toBeNull();
          return;
        }
        expect(r.score!).toBeGreaterThanOrEqual(-100);
        expect(r.score!).toBeLessThanOrEqual(100);
        if (s.length >= 2) expect(r.standardError!).toBeGreaterThanOrEqual(0);
        else expect(r.standardError).toBeNull();
        expect(r.promoters + r.passives + r.detractors).toBe(s.length);
      }),
    );
  });

  it('property: adding a promoter never lowers the score; adding a detractor never raises it', () => {
    fc.assert(
      fc.property(answers.filter((s) => s.length > 0), fc.integer({ min: 9, max: 10 }), fc.integer({ min: 0, max: 6 }), (s, p, d) => {
        const base = nps(s).score!;
        expect(nps([...s, p]).score!).toBeGreaterThanOrEqual(base - 1e-9);
        expect(nps([...s, d]).score!).toBeLessThanOrEqual(base + 1e-9);
      }),
    );
  });

  it('property: the standard error equals the +1/0/−1 coding computed directly (second implementation)', () => {
    fc.assert(
      fc.property(answers.filter((s) => s.length > 0), (s) => {
        const x = s.map((v): number => (v >= 9 ? 1 : v >= 7 ? 0 : -1));
        const mean = x.reduce((a, b) => a + b, 0) / x.length;
        const variance = x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length;
        expect(nps(s).standardError!).toBeCloseTo(100 * Math.sqrt(variance / x.length), 9);
      }),
    );
  });
});
