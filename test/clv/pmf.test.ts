import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conditionalProbabilityOfPurchases, expectedPurchases, expectedPurchasesNewCustomer, probabilityOfPurchases, type PurchaseModel } from '../../src/clv';

const bg = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const mbg = { model: 'mbgnbd', params: bg.params } as const;
const pareto = { model: 'paretonbd', params: { r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 } } as const;

describe('BG/NBD conditional P(X(T, T+t) = n | x, tₓ, T) (issue 20)', () => {
  it('matches scipy quadrature over the posterior of (λ, p) (second implementation)', () => {
    // python3 test/clv/fixtures/pmf_scipy.py (dblquad over λ ~ Gamma(r, α), p ~ Beta(a, b));
    // output copied here: the FHL 2005 p. 280 customer, x = 2, tₓ = 30.43, T = 38.86, t = 39.
    const row = [{ frequency: 2, recency: 30.43, T: 38.86 }];
    const ref: [number, number][] = [[0, 0.44537286208275406], [1, 0.23931893743512872], [3, 0.08085005599532123]];
    for (const [n, p] of ref) expect(Math.abs((conditionalProbabilityOfPurchases(bg, row, n, 39)[0] as number) - p)).toBeLessThan(1e-9);
  });

  it('for a customer with no history (x = 0, T → 0) is the new-customer pmf: P(X(39) = 0) = 0.5737864 (R BTYD bgnbd.pmf)', () => {
    expect(conditionalProbabilityOfPurchases(bg, [{ frequency: 0, recency: 0, T: 1e-12 }], 0, 39)[0]).toBeCloseTo(0.5737864, 7);
    for (const n of [1, 2, 5]) expect(conditionalProbabilityOfPurchases(mbg, [{ frequency: 0, recency: 0, T: 1e-12 }], n, 39)[0]).toBeCloseTo(probabilityOfPurchases(mbg, n, 39), 10);
  });

  it('sums to 1 over n, and its mean is expectedPurchases (property, BG/NBD and MBG/NBD)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<PurchaseModel>(bg, mbg),
        fc.integer({ min: 0, max: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 60, noNaN: true }),
        fc.double({ min: 1, max: 40, noNaN: true }),
        (model, x, share, T, t) => {
          const row = [{ frequency: x, recency: x === 0 ? 0 : share * T, T }];
          let sum = 0;
          let mean = 0;
          // The tail beyond 400 purchases is below 1e-12 for these ranges.
          for (let n = 0; n < 400; n++) {
            const p = conditionalProbabilityOfPurchases(model, row, n, t)[0] as number;
            expect(p).toBeGreaterThanOrEqual(0);
            sum += p;
            mean += n * p;
          }
          expect(sum).toBeCloseTo(1, 9);
          expect(Math.abs(mean / (expectedPurchases(model, row, t)[0] as number) - 1)).toBeLessThan(1e-8);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('refuses n outside 0..10,000, a negative t and Pareto/NBD with INVALID_ARGUMENT', () => {
    const row = [{ frequency: 1, recency: 1, T: 2 }];
    for (const n of [-1, 1.5, 10_001]) expect(() => conditionalProbabilityOfPurchases(bg, row, n, 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => conditionalProbabilityOfPurchases(bg, row, 1, -1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => conditionalProbabilityOfPurchases(pareto, row, 1, 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});

describe('Pareto/NBD P(X(t) = n) (issue 20)', () => {
  it('sums to 1 over n and its mean is Schmittlein et al. (1987) eq. 17 (property)', () => {
    fc.assert(
      fc.property(
        fc.record({ r: fc.double({ min: 0.2, max: 3, noNaN: true }), alpha: fc.double({ min: 2, max: 20, noNaN: true }), s: fc.double({ min: 0.2, max: 3, noNaN: true }), beta: fc.double({ min: 1, max: 20, noNaN: true }) }),
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        (params, t) => {
          const m = { model: 'paretonbd', params } as const;
          let sum = 0;
          let mean = 0;
          // For these ranges the tail beyond 800 purchases is below 1e-9 of the mean.
          for (let n = 0; n < 800; n++) {
            const p = probabilityOfPurchases(m, n, t);
            sum += p;
            mean += n * p;
          }
          expect(sum).toBeCloseTo(1, 8);
          expect(Math.abs(mean / expectedPurchasesNewCustomer(m, t) - 1)).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 10 },
    );
  });

  it('is e^0 = 1 at n = 0 for t = 0, and each value lies in [0, 1]', () => {
    expect(probabilityOfPurchases(pareto, 0, 0)).toBe(1);
    expect(probabilityOfPurchases(pareto, 3, 0)).toBe(0);
    for (const n of [0, 1, 10, 100]) {
      const p = probabilityOfPurchases(pareto, n, 39);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
