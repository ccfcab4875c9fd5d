import { logAddExp, logBeta, logGamma } from '../math/special';
import type { BgNbdParams } from './model';

/**
 * P(X(T, T+t) = n | x, tₓ, T) for BG/NBD (shift 0) and MBG/NBD (shift 1), derived as Fader,
 * Hardie & Lee's note "Deriving the Conditional PMF of the BG/NBD Model"
 * (http://www.brucehardie.com/notes/039/) does: the posterior over (λ, p) given the history,
 * times the probability of n purchases in the next t for a customer alive at T, plus the mass of
 * "already gone" at n = 0. With k = r + x, c = b + x + s and NB(j) the negative binomial
 * pmf Γ(k+j)/(Γ(k) j!) ((α+T)/(α+T+t))^k (t/(α+T+t))^j:
 *
 *   D = B(a, c) + δ B(a+1, c−1) ((α+T)/(α+tₓ))^k
 *   P(n) = [B(a, c+n) NB(n) + [n>0] B(a+1, c+n−1) (1 − Σ_{j<n} NB(j)) + [n=0] δ B(a+1, c−1) ((α+T)/(α+tₓ))^k] / D
 *
 * where δ = 1 when x > 0 or s = 1, all in log space (internal).
 */
export function bgConditionalPmf(p: BgNbdParams, shift: 0 | 1, n: number, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, a, b } = p;
  const k = r + x;
  const c = b + x + shift;
  const dead = x > 0 || shift === 1 ? logBeta(a + 1, c - 1) + k * Math.log((alpha + T) / (alpha + tx)) : -Infinity;
  const lnD = logAddExp(logBeta(a, c), dead);
  const lq = Math.log((alpha + T) / (alpha + T + t));
  const lz = Math.log(t / (alpha + T + t));
  const lgk = logGamma(k);
  const lnb = (j: number): number => logGamma(k + j) - lgk - logGamma(j + 1) + k * lq + j * lz;
  let prob = Math.exp(logBeta(a, c + n) + lnb(n) - lnD);
  if (n > 0) {
    let cdf = 0;
    for (let j = 0; j < n; j++) cdf += Math.exp(lnb(j));
    prob += Math.exp(logBeta(a + 1, c + n - 1) - lnD) * Math.max(0, 1 - cdf);
  } else {
    prob += Math.exp(dead - lnD);
  }
  return prob;
}
