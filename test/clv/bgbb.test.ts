import { describe, expect, it } from 'vitest';
import { bgbbExpectedPurchases, bgbbProbabilityAlive, fitBetaGeoBetaBinomial, type BgBbModel } from '../../src/clv';
import { bgbbLogLikelihood } from '../../src/clv/bgbb/likelihood';
import { donations } from './fixtures';

const fitted = fitBetaGeoBetaBinomial(donations());

describe('fitBetaGeoBetaBinomial on the donations data', () => {
  it('recovers α = 1.204, β = 0.750, γ = 0.657, δ = 2.783, LL = −33225.6 (Fader, Hardie & Shang 2010, Marketing Science 29(6), table 2)', () => {
    const { alpha, beta, gamma, delta } = fitted.params;
    expect(alpha).toBeCloseTo(1.204, 3);
    expect(beta).toBeCloseTo(0.75, 3);
    expect(gamma).toBeCloseTo(0.657, 3);
    expect(delta).toBeCloseTo(2.783, 3);
    expect(fitted.fit?.logLikelihood).toBeCloseTo(-33225.6, 1);
    expect(fitted.fit?.customers).toBe(11104);
  });
});

describe('BG/BB likelihood and predictions', () => {
  const m: BgBbModel = { model: 'bgbb', params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 } };
  const { alpha: a, beta: b, gamma: g, delta: d } = m.params;
  it('one opportunity, no transaction: L = β/(α+β) · δ/(γ+δ) + γ/(γ+δ) (FHS 2010 eq. 5 by hand)', () => {
    expect(Math.exp(bgbbLogLikelihood(a, b, g, d, 0, 0, 1))).toBeCloseTo((b / (a + b)) * (d / (g + d)) + g / (g + d), 13);
  });
  it('the probabilities of every history over n = 3 opportunities sum to 1', () => {
    // histories over 3 opportunities: x transactions, last at tₓ; count the binary strings for each (x, tₓ)
    let total = 0;
    for (let mask = 0; mask < 8; mask++) {
      const bits = [mask & 1, (mask >> 1) & 1, (mask >> 2) & 1];
      const x = bits.reduce((s, v) => s + v, 0);
      const tx = bits.lastIndexOf(1) + 1;
      total += Math.exp(bgbbLogLikelihood(a, b, g, d, x, tx, 3));
    }
    expect(total).toBeCloseTo(1, 12);
  });
  it('P(alive) for x = tₓ = n is B(γ, δ+n)/B(γ, δ) / P(alive-or-not) and is 1 − the drop-out mass (hand check with n = 1, x = 1)', () => {
    // With x = tₓ = n = 1 the sum in eq. 5 is empty, so P(alive) = 1.
    expect(bgbbProbabilityAlive(m, [{ frequency: 1, recency: 1, periods: 1 }])[0]).toBeCloseTo(1, 12);
    const [pNone] = bgbbProbabilityAlive(m, [{ frequency: 0, recency: 0, periods: 1 }]);
    // alive-and-no-purchase over alive-or-dead: (β/(α+β))·(δ/(γ+δ)) / L
    expect(pNone).toBeCloseTo(((b / (a + b)) * (d / (g + d))) / ((b / (a + b)) * (d / (g + d)) + g / (g + d)), 12);
  });
  it('expected purchases grow with the horizon and with past activity', () => {
    const rows = [{ frequency: 0, recency: 0, periods: 6 }, { frequency: 3, recency: 6, periods: 6 }];
    const [e0, e3] = bgbbExpectedPurchases(fitted, rows, 5);
    const [, e3long] = bgbbExpectedPurchases(fitted, rows, 10);
    expect(e0).toBeLessThan(e3 as number);
    expect(e3).toBeLessThan(e3long as number);
  });
  it('rejects inconsistent rows', () => {
    expect(() => fitBetaGeoBetaBinomial([{ frequency: 3, recency: 2, periods: 6 }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('BG/BB parameter recovery', () => {
  it('recovers α = 1.2, β = 0.75, γ = 0.66, δ = 2.8 within four standard errors (20,000 simulated donors, 6 opportunities, seeded)', async () => {
    const { rng } = await import('./fixtures');
    const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    const g = rng(11);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      // FHS 2010 §2: p ~ Beta(α, β), θ ~ Beta(γ, δ); at each opportunity a living customer first
      // dies with probability θ, and otherwise transacts with probability p.
      const p = g.beta(truth.alpha, truth.beta);
      const theta = g.beta(truth.gamma, truth.delta);
      let x = 0;
      let tx = 0;
      for (let t = 1; t <= 6; t++) {
        if (g.uniform() < theta) break;
        if (g.uniform() < p) {
          x++;
          tx = t;
        }
      }
      const key = `${x},${tx}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const rows = [...counts].map(([k, count]) => {
      const [frequency, recency] = k.split(',').map(Number) as [number, number];
      return { frequency, recency, periods: 6, count };
    });
    const m = fitBetaGeoBetaBinomial(rows);
    const se = m.fit?.standardErrors as Record<string, number>;
    for (const k of ['alpha', 'beta', 'gamma', 'delta'] as const) expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(4 * (se[k] as number));
  });
});
