import { describe, expect, it } from 'vitest';
import { expectedPurchases, expectedPurchasesNewCustomer, fitModifiedBgNbd, probabilityAlive, probabilityOfPurchases } from '../../src/clv';
import { bgnbdObjective } from '../../src/clv/bgnbd/likelihood';
import { groupColumns, toColumns } from '../../src/clv/data';
import { cdnowSummary } from './fixtures';

const cdnow = cdnowSummary();
const fitted = fitModifiedBgNbd(cdnow);

describe('fitModifiedBgNbd on the CDNOW sample', () => {
  it('recovers r = 0.525, α = 6.183, a = 0.891, b = 1.614 (BTYDplus; asserted to 3 decimals by lifetimes test_params_out_is_close_to_BTYDplus)', () => {
    const { r, alpha, a, b } = fitted.params;
    expect(r).toBeCloseTo(0.525, 3);
    expect(alpha).toBeCloseTo(6.183, 3);
    expect(a).toBeCloseTo(0.891, 3);
    expect(b).toBeCloseTo(1.614, 3);
  });
  it('has an analytic gradient that agrees with central differences', () => {
    const obj = bgnbdObjective(groupColumns(toColumns(cdnow)), 1);
    const x = Float64Array.from([-0.6, 1.8, -0.1, 0.5]);
    const g = new Float64Array(4);
    obj(x, g);
    for (let i = 0; i < 4; i++) {
      const xp = Float64Array.from(x);
      const xm = Float64Array.from(x);
      xp[i] = (xp[i] as number) + 1e-6;
      xm[i] = (xm[i] as number) - 1e-6;
      expect(g[i]).toBeCloseTo((obj(xp, new Float64Array(4)) - obj(xm, new Float64Array(4))) / 2e-6, 6);
    }
  });
});

describe('MBG/NBD predictions', () => {
  it('E[X(39) | 2, 30.43, 38.86] ≈ 1.226 within 0.05 (lifetimes test: the BG/NBD value from Hardie\'s sheet)', () => {
    expect(Math.abs((expectedPurchases(fitted, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39)[0] as number) - 1.226)).toBeLessThan(0.05);
  });
  it('P(alive) < 1 even without repeat purchases (customers may leave after the first purchase) and matches the hand formula', () => {
    const { r, alpha, a, b } = fitted.params;
    const [p0] = probabilityAlive(fitted, [{ frequency: 0, recency: 0, T: 30 }]);
    // Batislam et al. 2007: 1 / (1 + a/(b + x) · ((α + T)/(α + tₓ))^(r + x)) with x = tₓ = 0
    expect(p0).toBeCloseTo(1 / (1 + (a / b) * Math.pow((alpha + 30) / alpha, r)), 12);
    expect(p0).toBeLessThan(1);
  });
  it('P(X(t) = n) sums to 1 with mean E[X(t)]', () => {
    let total = 0;
    let mean = 0;
    for (let n = 0; n < 400; n++) {
      const p = probabilityOfPurchases(fitted, n, 30);
      total += p;
      mean += n * p;
    }
    expect(total).toBeCloseTo(1, 8);
    expect(mean).toBeCloseTo(expectedPurchasesNewCustomer(fitted, 30), 6);
  });
});
