import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { digamma, hyp2f1, logAddExp, logBeta, logGamma } from '../../src/clv';

describe('logGamma', () => {
  it('matches closed forms: Γ(1/2) = √π, Γ(n) = (n−1)!', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 12);
  });
  it('matches ln Γ(100) = ln(99!) = 359.13420536957540 (Abramowitz & Stegun table 6.4 / exact sum of logs)', () => {
    let s = 0;
    for (let k = 2; k <= 99; k++) s += Math.log(k);
    expect(logGamma(100)).toBeCloseTo(s, 9);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 9);
  });
  it('satisfies ln Γ(x+1) = ln Γ(x) + ln x (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(logGamma(x + 1)).toBeCloseTo(logGamma(x) + Math.log(x), 8);
      }),
    );
  });
});

describe('digamma', () => {
  it('matches ψ(1) = −γ and ψ(1/2) = −γ − 2 ln 2 (A&S 6.3.2, 6.3.3)', () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 12);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 12);
  });
  it('is the derivative of logGamma (central difference, property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 500, noNaN: true }), (x) => {
        const h = 1e-5 * x;
        expect(digamma(x)).toBeCloseTo((logGamma(x + h) - logGamma(x - h)) / (2 * h), 5);
      }),
    );
  });
});

describe('logBeta and logAddExp', () => {
  it('B(2, 3) = 1/12 and B(a, b) = B(b, a)', () => {
    expect(Math.exp(logBeta(2, 3))).toBeCloseTo(1 / 12, 14);
    expect(logBeta(0.7, 4.2)).toBeCloseTo(logBeta(4.2, 0.7), 14);
  });
  it('logAddExp is ln(e^a + e^b) without overflow', () => {
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(-Infinity, 1)).toBe(1);
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 10);
  });
});

describe('hyp2f1', () => {
  it('matches closed forms (A&S 15.1.3, 15.1.8)', () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
    for (const z of [0, 0.1, 0.5, 0.9]) expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(z === 0 ? 1 : -Math.log(1 - z) / z, 12);
    // ₂F₁(a, b; b; z) = (1 − z)^(−a)
    expect(hyp2f1(2.5, 3, 3, 0.4)).toBeCloseTo(Math.pow(0.6, -2.5), 12);
  });
  it('rejects z outside [0, 1)', () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
