import { describe, expect, it } from 'vitest';
import { expectedAverageSpend, fitGammaGamma, type GammaGammaModel } from '../../src/clv';
import { cdnowSummary, rng } from './fixtures';

const cdnow = cdnowSummary();
const fitted = fitGammaGamma(cdnow);

describe('fitGammaGamma on the CDNOW sample', () => {
  it('recovers p = 6.25, q = 3.74, γ = 15.44 (Fader & Hardie 2013, "The Gamma-Gamma Model of Monetary Value"; lifetimes asserts 2 decimals)', () => {
    const { p, q, v } = fitted.params;
    expect(p).toBeCloseTo(6.25, 2);
    expect(q).toBeCloseTo(3.74, 2);
    expect(Math.abs(v - 15.44)).toBeLessThan(0.01);
    expect(fitted.fit?.customers).toBe(946);
  });
  it('reaches LL = −4055.92, the value of the numpy/scipy fit of the same likelihood (peers/bgnbd_numpy.py, run 2026-11-23)', () => {
    expect(fitted.fit?.logLikelihood).toBeCloseTo(-4055.92, 2);
  });
});

describe('expectedAverageSpend', () => {
  const gg: GammaGammaModel = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } };
  it('is the credibility-weighted mean of FHL 2005 eq. 5, by hand', () => {
    // x = 2, m̄ = 22.35: w = px/(px + q − 1) = 12.5/15.24; population mean γp/(q − 1) = 96.5/2.74
    const w = 12.5 / 15.24;
    const [v, v0] = expectedAverageSpend(gg, [{ frequency: 2, monetaryValue: 22.35 }, { frequency: 0, monetaryValue: 0 }]);
    expect(v).toBeCloseTo((1 - w) * (96.5 / 2.74) + w * 22.35, 12);
    expect(v0).toBeCloseTo(96.5 / 2.74, 12);
  });
  it('refuses q ≤ 1 (infinite mean) with INVALID_MODEL', () => {
    expect(() => expectedAverageSpend({ model: 'gammagamma', params: { p: 1, q: 0.9, v: 1 } }, [{ frequency: 1, monetaryValue: 5 }])).toThrow(
      expect.objectContaining({ code: 'INVALID_MODEL' }),
    );
  });
});

describe('Gamma-Gamma parameter recovery', () => {
  it('recovers p = 4, q = 5, γ = 20 within four standard errors (10,000 simulated customers, seeded)', () => {
    const truth = { p: 4, q: 5, v: 20 };
    const g = rng(7);
    const n = 10_000;
    const frequency = new Float64Array(n);
    const monetaryValue = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Fader & Hardie 2013: ν ~ Gamma(q, γ) (rate γ); each transaction z ~ Gamma(p, ν) (rate ν).
      const nu = g.gamma(truth.q) / truth.v;
      const x = 1 + Math.floor(6 * g.uniform());
      let s = 0;
      for (let k = 0; k < x; k++) s += g.gamma(truth.p) / nu;
      frequency[i] = x;
      monetaryValue[i] = s / x;
    }
    const m = fitGammaGamma({ frequency, monetaryValue });
    const se = m.fit?.standardErrors as Record<string, number>;
    for (const k of ['p', 'q', 'v'] as const) expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(4 * (se[k] as number));
  });
});
