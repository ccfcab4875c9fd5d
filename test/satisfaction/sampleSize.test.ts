import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csat, nps, requiredSampleSize, requiredSampleSizes } from 'crmkit/satisfaction';
import { expectThrowsCode } from './helpers';

const Z95 = 1.959963984540054; // A&S Table 26.5

describe('requiredSampleSize', () => {
  it('NPS and CSAT sizes by Cochran’s formula, by hand', () => {
    // NPS, expected 40% promoters and 20% detractors: Var = 0.4 + 0.2 − 0.2² = 0.56 per answer (±1 coding),
    // 0.56 × 10⁴ points²; ±3 points: z² × 5600 / 9 = 3.841459 × 622.22 = 2390.24 → 2391.
    expect(requiredSampleSize({ metric: 'nps', marginOfError: 3, expected: { promoterShare: 0.4, detractorShare: 0.2 } })).toBe(
      Math.ceil((Z95 ** 2 * 5600) / 9),
    );
    expect(Math.ceil((Z95 ** 2 * 5600) / 9)).toBe(2391);
    // CSAT worst case (p = 0.5), ±3 percentage points at 90% (z = 1.644854): 2.705543 × 0.25 / 0.0009 = 751.5 → 752.
    expect(requiredSampleSize({ metric: 'csat', marginOfError: 0.03, confidence: 0.9 })).toBe(752);
    // Finite population of 2,000 for the first: 2390.24 / (1 + 2389.24 / 2000) = 1089.1 → 1090.
    expect(requiredSampleSize({ metric: 'nps', marginOfError: 3, expected: { promoterShare: 0.4, detractorShare: 0.2 }, population: 2000 })).toBe(1090);
  });

  it('under 30 the NPS plan grows until the t margin meets the target (as nps() scores it)', () => {
    // ±40 points, worst case: z-based n = 3.841459 × 10⁴ / 1600 = 24.0 → 25, but with 25 answers the margin
    // uses t(0.975, 24) = 2.063899: 2.063899² × 10⁴ / 1600 = 26.62 > 25; 26: t(0.975, 25) → 26.51 > 26;
    // 27: t(0.975, 26) = 2.055529 → 26.41 ≤ 27.
    expect(requiredSampleSize({ metric: 'nps', marginOfError: 40 })).toBe(27);
  });

  it('property: at the planned size the score’s own margin meets the target (differential against nps and csat)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 4, max: 30 }), (pp, pd, margin) => {
        fc.pre(pp + pd <= 10 && pp + pd > 0);
        const n = requiredSampleSize({ metric: 'nps', marginOfError: margin, expected: { promoterShare: pp / 10, detractorShare: pd / 10 } });
        // Answers in exactly the expected shares (n a multiple of 10 keeps them exact).
        const m = Math.ceil(n / 10) * 10;
        const answers = Array.from({ length: m }, (_, i) => (i % 10 < pp ? 10 : i % 10 < pp + pd ? 0 : 8));
        const r = nps(answers);
        if (r.standardError! > 0) expect(r.marginOfError!).toBeLessThanOrEqual(margin + 1e-9);
      }),
      { numRuns: 80 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 10 }), (p10, m100) => {
        const e = m100 / 100;
        const n = requiredSampleSize({ metric: 'csat', marginOfError: e, expected: { share: p10 / 10 } });
        fc.pre(n >= 30);
        const m = Math.ceil(n / 10) * 10;
        const answers = Array.from({ length: m }, (_, i) => (i % 10 < p10 ? 5 : 1));
        const ci = csat(answers).interval!;
        // Wilson is not symmetric; its half-width stays within the planned (Wald) margin plus a little.
        expect((ci.upper - ci.lower) / 2).toBeLessThanOrEqual(e * 1.01);
      }),
      { numRuns: 60 },
    );
  });

  it('per segment, with each segment’s population', () => {
    // vip: 1536.58 / (1 + 1535.58/300) = 251.1 → 252; mass: 1536.58 / (1 + 1535.58/1e6) = 1534.2 → 1535.
    expect(requiredSampleSizes({ vip: 300, mass: 1_000_000 }, { metric: 'nps', marginOfError: 5 })).toEqual({ vip: 252, mass: 1535 });
    expect(requiredSampleSize({ metric: 'nps', marginOfError: 5, population: 10 })).toBe(10);
  });

  it('refuses margins, shares and populations out of range', () => {
    expectThrowsCode(() => requiredSampleSize({ metric: 'nps', marginOfError: 0 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => requiredSampleSize({ metric: 'csat', marginOfError: 5 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => requiredSampleSize({ metric: 'nps', marginOfError: 5, expected: { promoterShare: 0.7, detractorShare: 0.5 } }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => requiredSampleSize({ metric: 'nps', marginOfError: 5, population: 0 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => requiredSampleSize({ metric: 'ces' as 'nps', marginOfError: 5 }), 'INVALID_ARGUMENT');
  });
});
