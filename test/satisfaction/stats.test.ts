import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareToTarget, criticalValue, normalCdf, normalQuantile, wilsonInterval } from 'crmkit/satisfaction';
import { expectThrowsCode } from './helpers';

describe('normalQuantile / normalCdf', () => {
  // Reference values: Abramowitz & Stegun, Handbook of Mathematical Functions, Table 26.1 and 26.5
  // (quantiles 0.8416212336, 1.2815515655, 1.6448536270, 1.9599639845, 2.3263478740, 2.5758293035;
  // P(1) = 0.8413447461, P(2) = 0.9772498681, P(3) = 0.9986501020).
  it.each([
    [0.8, 0.8416212336],
    [0.9, 1.2815515655],
    [0.95, 1.644853627],
    [0.975, 1.9599639845],
    [0.99, 2.326347874],
    [0.995, 2.5758293035],
  ])('quantile(%f) = %f (A&S Table 26.5)', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 9);
    expect(normalQuantile(1 - p)).toBeCloseTo(-z, 9);
  });

  it.each([
    [1, 0.8413447461],
    [2, 0.9772498681],
    [3, 0.998650102],
    [0, 0.5],
  ])('cdf(%f) = %f (A&S Table 26.1)', (x, p) => {
    expect(normalCdf(x)).toBeCloseTo(p, 10);
    expect(normalCdf(-x)).toBeCloseTo(1 - p, 10);
  });

  it('keeps precision in the far tail: 1 − Φ(8) = 6.22096e-16 (A&S 26.2.12 asymptotic series: φ(8)/8 · (1 − 1/64 + 3/4096) = 6.2210e-16)', () => {
    const phi8 = Math.exp(-32) / Math.sqrt(2 * Math.PI);
    const asymptotic = (phi8 / 8) * (1 - 1 / 64 + 3 / 4096 - 15 / 262144);
    expect(normalCdf(-8) / asymptotic).toBeCloseTo(1, 4);
  });

  it('property: the quantile inverts the cdf', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalQuantile(p)) - p)).toBeLessThan(1e-13 + 1e-9 * Math.min(p, 1 - p));
      }),
    );
  });

  it('rejects probabilities outside (0, 1)', () => {
    expectThrowsCode(() => normalQuantile(0), 'INVALID_ARGUMENT');
    expectThrowsCode(() => normalQuantile(1), 'INVALID_ARGUMENT');
    expectThrowsCode(() => normalQuantile(Number.NaN), 'INVALID_ARGUMENT');
    expectThrowsCode(() => criticalValue(95), 'INVALID_ARGUMENT');
  });
});

describe('wilsonInterval', () => {
  // Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven
  // methods", Statistics in Medicine 17 (1998) 857-872, Table I, method 3 (score, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i/%i gives %f..%f (Newcombe 1998, Table I)', (s, n, lo, hi) => {
    const ci = wilsonInterval(s, n);
    expect(ci!.lower).toBeCloseTo(lo, 4);
    expect(ci!.upper).toBeCloseTo(hi, 4);
  });

  it('8/10 by hand: z = 1.959964, z² = 3.841459; centre 0.8 + 3.841459/20 = 0.992073; half 1.959964·sqrt(0.016 + 0.009604) = 1.959964·0.160011 = 0.313617; /1.384146', () => {
    const ci = wilsonInterval(8, 10)!;
    expect(ci.lower).toBeCloseTo((0.992073 - 0.313617) / 1.384146, 5);
    expect(ci.upper).toBeCloseTo((0.992073 + 0.313617) / 1.384146, 5);
  });

  it('is null for n = 0 and rejects impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expectThrowsCode(() => wilsonInterval(3, 2), 'INVALID_ARGUMENT');
    expectThrowsCode(() => wilsonInterval(1.5, 2), 'INVALID_ARGUMENT');
    expectThrowsCode(() => wilsonInterval(-1, 2), 'INVALID_ARGUMENT');
  });

  it('property: the interval lies in 0..1 and contains the observed share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const s = Math.round(f * n);
        const ci = wilsonInterval(s, n)!;
        expect(ci.lower).toBeGreaterThanOrEqual(0);
        expect(ci.upper).toBeLessThanOrEqual(1);
        expect(ci.lower).toBeLessThanOrEqual(s / n + 1e-12);
        expect(ci.upper).toBeGreaterThanOrEqual(s / n - 1e-12);
      }),
    );
  });
});

describe('compareToTarget', () => {
  it('85 ± SE 2 against 90: gap −5, z = −5/2 = −2.5, p = 2·(1 − Φ(2.5)) = 2·0.0062097 = 0.0124193 (A&S Table 26.1)', () => {
    const t = compareToTarget(85, 2, 90);
    expect(t.gap).toBe(-5);
    expect(t.z).toBe(-2.5);
    expect(t.pValue).toBeCloseTo(0.0124193, 6);
    expect(t).toMatchObject({ meaningful: true, verdict: 'below' });
  });

  it('a gap inside the margin of error (1.96 × 2 = 3.92 > 2) is unclear; above works the same way', () => {
    expect(compareToTarget(88, 2, 90)).toMatchObject({ meaningful: false, verdict: 'unclear' });
    expect(compareToTarget(95, 2, 90)).toMatchObject({ meaningful: true, verdict: 'above' });
  });

  it('defined results without data, without an error estimate, and with zero variance', () => {
    expect(compareToTarget(null, null, 90)).toEqual({ target: 90, gap: null, z: null, pValue: null, meaningful: false, verdict: 'no-data' });
    expect(compareToTarget(80, null, 90)).toMatchObject({ gap: -10, meaningful: false, verdict: 'unclear' });
    expect(compareToTarget(80, 0, 90)).toMatchObject({ gap: -10, z: null, pValue: null, meaningful: true, verdict: 'below' });
    expect(compareToTarget(90, 0, 90)).toMatchObject({ gap: 0, meaningful: false, verdict: 'unclear' });
  });
});
