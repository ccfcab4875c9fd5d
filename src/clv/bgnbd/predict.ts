import { hyp2f1 } from '../math/hyp2f1';
import { logBeta, logGamma } from '../math/special';
import type { BgNbdParams } from './model';

// Scalar formulas shared by BG/NBD (shift 0) and MBG/NBD (shift 1); the public functions in
// ../predict.ts loop over customers (internal).

/** P(alive | x, tₓ, T): FHL 2005 eq. (note 2008 "Computing P(alive) using the BG/NBD model"); MBG: Batislam 2007. */
export function bgAlive(p: BgNbdParams, shift: 0 | 1, x: number, tx: number, T: number): number {
  if (x === 0 && shift === 0) return 1;
  const { r, alpha, a, b } = p;
  return 1 / (1 + (a / (b + x + shift - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx))));
}

/** E[X(T, T+t) | x, tₓ, T]: FHL 2005 eq. 10; MBG: Batislam 2007 eq. 7 (as lifetimes). */
export function bgConditionalExpected(p: BgNbdParams, shift: 0 | 1, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const aT = alpha + T;
  const first = (a + b + x + shift - 1) / (a - 1);
  const hyp = hyp2f1(r + x, b + x + shift, a + b + x + shift - 1, t / (aT + t));
  const second = 1 - hyp * Math.exp((r + x) * (Math.log(aT) - Math.log(aT + t)));
  const denom = x === 0 && shift === 0 ? 1 : 1 + (a / (b + x + shift - 1)) * Math.exp((r + x) * (Math.log(aT) - Math.log(alpha + tx)));
  return (first * second) / denom;
}

/** E[X(t)] for a customer just acquired: FHL 2005 eq. 9 (MBG: Batislam 2007). */
export function bgExpected(p: BgNbdParams, shift: 0 | 1, t: number): number {
  if (t === 0) return 0;
  const { r, alpha, a, b } = p;
  const hyp = hyp2f1(r, b + shift, a + b + shift - 1, t / (alpha + t));
  // BG/NBD: (a+b−1)/(a−1); MBG/NBD (Batislam et al. 2007, eq. 6): b/(a−1).
  return ((shift === 1 ? b : a + b - 1) / (a - 1)) * (1 - hyp * Math.pow(alpha / (alpha + t), r));
}

/** P(X(t) = n) for a customer just acquired: FHL 2005 eq. 8 (MBG as lifetimes). */
export function bgProbabilityOfN(p: BgNbdParams, shift: 0 | 1, t: number, n: number): number {
  const { r, alpha, a, b } = p;
  const lbab = logBeta(a, b);
  const lp = Math.log(alpha / (alpha + t));
  const lq = Math.log(t / (alpha + t));
  const lgr = logGamma(r);
  const nb = (j: number): number => Math.exp(logGamma(r + j) - lgr - logGamma(j + 1) + r * lp + (j === 0 ? 0 : j * lq));
  let result = Math.exp(logBeta(a, b + n + shift) - lbab) * nb(n);
  if (n > 0 || shift === 1) {
    let cdf = 0;
    for (let j = 0; j < n; j++) cdf += nb(j);
    result += Math.exp(logBeta(a + 1, b + n + shift - 1) - lbab) * (1 - cdf);
  }
  return result;
}
