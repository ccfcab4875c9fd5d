import { describe, expect, it } from 'vitest';
import { fitBgNbd, fitGammaGamma, fitParetoNbd } from '../../src/clv';
import { bgnbdObjective } from '../../src/clv/bgnbd/likelihood';
import { groupColumns, toColumns, worthGrouping } from '../../src/clv/data';
import { runFit } from '../../src/clv/fit';
import { cdnowSummary, rng } from './fixtures';

/** Customers simulated from the BG/NBD with continuous times (every row distinct). */
function continuous(n: number, seed: number) {
  const g = rng(seed);
  const out = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const lambda = g.gamma(0.5) / 5;
    const g1 = g.gamma(0.8);
    const p = g1 / (g1 + g.gamma(3));
    const T = 39 - 12 * g.uniform();
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - g.uniform()) / lambda;
      if (t > T) break;
      x++;
      tx = t;
      if (g.uniform() < p) break;
    }
    out.frequency[i] = x;
    out.recency[i] = tx;
    out.T[i] = T;
  }
  return out;
}

describe('BG/NBD on many distinct rows (issue 20)', () => {
  const data = continuous(80_000, 11);

  it('does not group rows that are all distinct, and groups rows that repeat (the choice is a speed matter only)', () => {
    const c = toColumns(data);
    expect(worthGrouping(c.x, c.tx, c.T)).toBe(false);
    const cd = toColumns(cdnowSummary());
    const big = { x: new Float64Array(40_000), tx: new Float64Array(40_000), T: new Float64Array(40_000) };
    for (let i = 0; i < 40_000; i++) {
      big.x[i] = cd.x[i % 2357] as number;
      big.tx[i] = cd.tx[i % 2357] as number;
      big.T[i] = cd.T[i % 2357] as number;
    }
    expect(worthGrouping(big.x, big.tx, big.T)).toBe(true);
  });

  it('reaches the same maximum from the sample warm start as plain BFGS from the default start (second path, 1e-6)', () => {
    // Over 60,000 rows the fitter starts from a fit on a 20,000-row sample; runFit without a
    // warm start is the path every smaller data set takes.
    const warm = fitBgNbd(data);
    const grouped = groupColumns(toColumns(data));
    const cold = runFit({ model: 'BG/NBD', names: ['r', 'alpha', 'a', 'b'], objective: bgnbdObjective(grouped, 0), customers: grouped.customers, rows: grouped.x.length });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(warm.params[k] / (cold.params[k] as number) - 1)).toBeLessThan(1e-6);
    expect(warm.fit?.logLikelihood).toBeCloseTo(cold.info.logLikelihood, 4);
    expect(warm.fit?.converged).toBe(true);
    // The simulation's truth (r = 0.5, α = 5, a = 0.8, b = 3) within four standard errors.
    const se = warm.fit?.standardErrors as Record<string, number>;
    expect(Math.abs(warm.params.r - 0.5)).toBeLessThan(4 * (se.r as number));
    expect(Math.abs(warm.params.alpha - 5)).toBeLessThan(4 * (se.alpha as number));
  });
});

describe('BG/NBD on CDNOW against numpy/scipy (issue 20: same estimates to 1e-6)', () => {
  it('matches the tight scipy maximum of the lifetimes likelihood', () => {
    // python3 bench/peers/bgnbd_tight.py on the fixture's x,t_x,T columns (command in that file):
    // {"r": 0.24259291641568603, "alpha": 4.413531695902854, "a": 0.7928860463217982,
    //  "b": 2.4257533358017147}, ll -9582.425560567362.
    const m = fitBgNbd(cdnowSummary());
    const ref = { r: 0.24259291641568603, alpha: 4.413531695902854, a: 0.7928860463217982, b: 2.4257533358017147 };
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(m.params[k] / ref[k] - 1)).toBeLessThan(1e-6);
    expect(m.fit?.logLikelihood).toBeCloseTo(-9582.425560567362, 6);
  });
});

describe('degenerate fits (issue 20): MODEL_NOT_CONVERGED, or degenerate with strict: false', () => {
  // Every buyer's last purchase on the last day (recency = T): nobody ever looks gone, so the
  // likelihood keeps rising as the drop-out probability a/(a+b) → 0; lifetimes raises
  // ConvergenceError on such data.
  const lastDay = Array.from({ length: 12 }, (_, i) => ({ frequency: (i % 4) + 1, recency: 20 + i, T: 20 + i }));
  // Everyone buys at the same pace: the gamma mixing distribution collapses (r, α → ∞, r/α fixed).
  const samePace = Array.from({ length: 200 }, (_, i) => ({ frequency: 5, recency: 29 + (i % 10) / 10, T: 30 }));

  it('throws MODEL_NOT_CONVERGED with details.reason "degenerate" and the parameters at the edge', () => {
    for (const rows of [lastDay, samePace]) {
      let err: { code?: string; details?: { reason?: string; degenerate?: string[] } } | undefined;
      try {
        fitBgNbd(rows);
      } catch (e) {
        err = e as typeof err;
      }
      expect(err?.code).toBe('MODEL_NOT_CONVERGED');
      expect(err?.details?.reason).toBe('degenerate');
      expect(err?.details?.degenerate).toContain('a');
    }
  });

  it('returns converged: false and the degenerate parameters with strict: false', () => {
    const m = fitBgNbd(samePace, { strict: false });
    expect(m.fit?.converged).toBe(false);
    expect(m.fit?.degenerate).toEqual(expect.arrayContaining(['r', 'alpha']));
    expect(m.params.r).toBeGreaterThan(1e6);
  });

  it('leaves ordinary fits alone (CDNOW BG/NBD, Pareto/NBD and Gamma-Gamma are interior maxima)', () => {
    const cd = cdnowSummary();
    expect(fitBgNbd(cd).fit?.degenerate).toBeUndefined();
    expect(fitGammaGamma({ frequency: cd.frequency, monetaryValue: cd.monetaryValue }).fit?.degenerate).toBeUndefined();
    expect(fitParetoNbd(cd).fit?.converged).toBe(true);
  });
});
