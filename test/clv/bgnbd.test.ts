import { describe, expect, it } from 'vitest';
import {
  expectedPurchases,
  expectedPurchasesNewCustomer,
  fitBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
  type BgNbdModel,
} from '../../src/clv';
import { bgnbdObjective } from '../../src/clv/bgnbd/likelihood';
import { groupColumns, toColumns } from '../../src/clv/data';
import { cdnowSummary, rng } from './fixtures';

const cdnow = cdnowSummary();
const fitted = fitBgNbd(cdnow);

describe('fitBgNbd on the CDNOW sample', () => {
  it('recovers Fader, Hardie & Lee (2005), Marketing Science 24(2), p. 280: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = −9582.4', () => {
    // The same four values are asserted to 3 decimals by lifetimes' test_estimation.py
    // (TestBetaGeoFitter.test_params_out_is_close_to_Hardie_paper).
    const { r, alpha, a, b } = fitted.params;
    expect(r).toBeCloseTo(0.243, 3);
    expect(alpha).toBeCloseTo(4.414, 3);
    expect(a).toBeCloseTo(0.793, 3);
    expect(b).toBeCloseTo(2.426, 3);
    expect(fitted.fit?.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(fitted.fit?.converged).toBe(true);
    expect(fitted.fit?.customers).toBe(2357);
  });

  it('gives the same estimates from raw rows, grouped rows with counts, and columns (grouping is exact)', () => {
    const rows = Array.from(cdnow.frequency, (f, i) => ({ frequency: f, recency: cdnow.recency[i] as number, T: cdnow.T[i] as number }));
    const g = groupColumns(toColumns(rows));
    const grouped = Array.from(g.x, (f, i) => ({ frequency: f, recency: g.tx[i] as number, T: g.T[i] as number, count: g.w[i] as number }));
    expect(grouped.length).toBeLessThan(rows.length);
    const m = fitBgNbd(grouped);
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(m.params[k]).toBeCloseTo(fitted.params[k], 6);
    expect(m.fit?.logLikelihood).toBeCloseTo(fitted.fit?.logLikelihood as number, 6);
  });

  it('has an analytic gradient that agrees with central differences', () => {
    const obj = bgnbdObjective(groupColumns(toColumns(cdnow)), 0);
    for (const theta of [[0, 0, 0, 0], [-1.4, 1.5, -0.2, 0.9], [0.5, -0.3, 1.2, -0.7]]) {
      const x = Float64Array.from(theta);
      const g = new Float64Array(4);
      obj(x, g);
      for (let i = 0; i < 4; i++) {
        const h = 1e-6;
        const xp = Float64Array.from(x);
        const xm = Float64Array.from(x);
        xp[i] = (xp[i] as number) + h;
        xm[i] = (xm[i] as number) - h;
        const fd = (obj(xp, new Float64Array(4)) - obj(xm, new Float64Array(4))) / (2 * h);
        expect(g[i]).toBeCloseTo(fd, 6);
      }
    }
  });

  it('shrinks parameters with the L2 penalty (as lifetimes test_penalizer_term_will_shrink_coefs_to_0)', () => {
    const p1 = fitBgNbd(cdnow, { penalizer: 0.1 }).params;
    const p2 = fitBgNbd(cdnow, { penalizer: 10 }).params;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) {
      expect(p1[k]).toBeLessThan(fitted.params[k]);
      expect(p2[k]).toBeLessThan(p1[k]);
    }
  });

  it('reports standard errors close to the observed-information ones (positive, smaller than the estimates for r and α)', () => {
    const se = fitted.fit?.standardErrors as Record<string, number>;
    expect(se.r).toBeGreaterThan(0);
    expect(se.r).toBeLessThan(fitted.params.r / 5);
    expect(se.alpha).toBeLessThan(fitted.params.alpha / 5);
  });
});

describe('BG/NBD predictions', () => {
  it('E[X(t)] for a new customer matches Hardie\'s BG/NBD spreadsheet (as lifetimes test_expectation_returns_same_value_Hardie_excel_sheet)', () => {
    const times = [0.1429, 1.0, 3.0, 31.8571, 32.0, 78.0];
    const expected = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    times.forEach((t, i) => expect(expectedPurchasesNewCustomer(fitted, t)).toBeCloseTo(expected[i] as number, 3));
  });

  it('E[X(39) | x = 2, tₓ = 30.43, T = 38.86] = 1.226 (Fader, Hardie & Lee 2005, p. 280)', () => {
    expect(expectedPurchases(fitted, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39)[0]).toBeCloseTo(1.226, 3);
  });

  it('P(X(t) = n) matches R BTYD bgnbd.pmf for r = 0.243, α = 4.414, a = 0.793, b = 2.426 (values as in lifetimes\' test)', () => {
    const m: BgNbdModel = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    expect(probabilityOfPurchases(m, 10, 2)).toBeCloseTo(1.07869e-7, 11);
    expect(probabilityOfPurchases(m, 0, 39)).toBeCloseTo(0.5737864, 6);
    const pmf = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    pmf.forEach((v, i) => expect(probabilityOfPurchases(m, 11 + i, 30)).toBeCloseTo(v, 8));
  });

  it('P(X(t) = n) sums to 1 and its mean is E[X(t)] (second route to eq. 9)', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = probabilityOfPurchases(fitted, n, 20);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(expectedPurchasesNewCustomer(fitted, 20), 6);
  });

  it('P(alive) is 1 without repeat purchases and matches the hand formula otherwise', () => {
    const m: BgNbdModel = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
    const [p0, p2] = probabilityAlive(m, [{ frequency: 0, recency: 0, T: 38 }, { frequency: 2, recency: 30.43, T: 38.86 }]);
    expect(p0).toBe(1);
    // 1 / (1 + a/(b + x − 1) · ((α + T)/(α + tₓ))^(r + x)) = 1 / (1 + 0.793/3.426 · (43.274/34.844)^2.243)
    expect(p2).toBeCloseTo(1 / (1 + (0.793 / 3.426) * Math.pow(43.274 / 34.844, 2.243)), 12);
  });

  it('P(alive) stays within [0, 1] and falls as the silence grows (lifetimes test_conditional_probability_alive_is_between_0_and_1)', () => {
    for (let x = 0; x < 100; x += 10)
      for (let tx = 0; tx < 100; tx += 10) {
        if (x === 0 && tx > 0) continue;
        let last = 1;
        for (let T = Math.max(tx, 1); T < 100; T += 10) {
          const p = probabilityAlive(fitted, [{ frequency: x, recency: tx, T }])[0] as number;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(last + 1e-15);
          last = p;
        }
      }
  });
});

describe('BG/NBD parameter recovery on simulated data', () => {
  it('recovers r = 0.5, α = 5, a = 0.8, b = 3 within four standard errors (20,000 simulated customers, seeded)', () => {
    const truth = { r: 0.5, alpha: 5, a: 0.8, b: 3 };
    const g = rng(20260523);
    const n = 20_000;
    const frequency = new Float64Array(n);
    const recency = new Float64Array(n);
    const T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // FHL 2005 §2: λ ~ Gamma(r, α) (rate α), p ~ Beta(a, b); after each repeat purchase the
      // customer becomes inactive with probability p. Observation lengths vary from 20 to 60.
      const lambda = g.gamma(truth.r) / truth.alpha;
      const p = g.beta(truth.a, truth.b);
      const Ti = 20 + 40 * g.uniform();
      let t = 0;
      let x = 0;
      let tx = 0;
      for (;;) {
        t += g.exponential(lambda);
        if (t > Ti) break;
        x++;
        tx = t;
        if (g.uniform() < p) break;
      }
      frequency[i] = x;
      recency[i] = tx;
      T[i] = Ti;
    }
    const m = fitBgNbd({ frequency, recency, T });
    const se = m.fit?.standardErrors as Record<string, number>;
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(4 * (se[k] as number));
  });
});

describe('fitBgNbd errors', () => {
  it('INSUFFICIENT_DATA without repeat purchases or with too few customers', () => {
    expect(() => fitBgNbd([{ frequency: 0, recency: 0, T: 5, count: 100 }])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
    expect(() => fitBgNbd([{ frequency: 1, recency: 1, T: 5 }])).toThrow(expect.objectContaining({ code: 'INSUFFICIENT_DATA' }));
  });
  it('INVALID_ARGUMENT for malformed rows, naming the field and index but no values', () => {
    const err = (() => {
      try {
        fitBgNbd([{ frequency: 1, recency: 9, T: 5 }]);
      } catch (e) {
        return e as Error & { code: string };
      }
    })();
    expect(err?.code).toBe('INVALID_ARGUMENT');
    expect(err?.message).toContain('recency[0]');
    expect(() => fitBgNbd({ frequency: [1, 2], recency: [1], T: [5, 5] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => fitBgNbd([{ frequency: 1.5, recency: 1, T: 5 }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => fitBgNbd([{ frequency: 0, recency: 1, T: 5 }])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('MODEL_NOT_CONVERGED when the iteration cap stops BFGS early, or converged: false with strict: false', () => {
    expect(() => fitBgNbd(cdnow, { maxIterations: 2 })).toThrow(expect.objectContaining({ code: 'MODEL_NOT_CONVERGED' }));
    const loose = fitBgNbd(cdnow, { maxIterations: 2, strict: false });
    expect(loose.fit?.converged).toBe(false);
    expect(Number.isFinite(loose.fit?.logLikelihood)).toBe(true);
  });
});

describe('the batch scorer (Euler-transformed series per distinct (x, T))', () => {
  it('agrees with the direct series of FHL 2005 eq. 10 for BG/NBD and MBG/NBD (second implementation, property)', async () => {
    const fc = (await import('fast-check')).default;
    const { bgWeightedExpected } = await import('../../src/clv/bgnbd/batch');
    const { bgConditionalExpected } = await import('../../src/clv/bgnbd/predict');
    fc.assert(
      fc.property(
        fc.record({
          r: fc.double({ min: 0.05, max: 5, noNaN: true }),
          alpha: fc.double({ min: 0.5, max: 50, noNaN: true }),
          a: fc.double({ min: 0.1, max: 5, noNaN: true }).filter((v) => Math.abs(v - 1) > 0.01),
          b: fc.double({ min: 0.1, max: 10, noNaN: true }),
        }),
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.5, max: 100, noNaN: true }),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        fc.constantFrom(0 as const, 1 as const),
        (p, x, frac, T, t, shift) => {
          const tx = x === 0 ? 0 : frac * T;
          const [fast] = bgWeightedExpected(p, shift, Float64Array.of(x), Float64Array.of(tx), Float64Array.of(T), [t], [1]);
          const direct = bgConditionalExpected(p, shift, t, x, tx, T);
          expect(Math.abs((fast as number) - direct)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(direct)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('fit options', () => {
  it('refuses a bad starting value or penalty, and publishes no standard errors for a penalised fit', () => {
    const data = cdnowSummary();
    expect(() => fitBgNbd(data, { initial: { r: -1 } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => fitBgNbd(data, { initial: { s: 1 } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => fitBgNbd(data, { penalizer: -0.1 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(fitBgNbd(data, { penalizer: 0.01 }).fit?.standardErrors).toBeUndefined();
  });
  it('reaches the same maximum from other starting values', () => {
    const m = fitBgNbd(cdnowSummary(), { initial: { r: 2, alpha: 0.5, a: 3, b: 0.2 } });
    expect(m.fit?.logLikelihood).toBeCloseTo(-9582.43, 2);
  });
});
