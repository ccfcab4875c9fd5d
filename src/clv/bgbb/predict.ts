import { logBeta, logGamma } from '../math/special';
import { bgbbLogLikelihood } from './likelihood';
import type { BgBbModel } from './model';

type P = BgBbModel['params'];

/**
 * P(alive at opportunity n+m | x, tₓ, n): Fader, Hardie & Shang 2010 eq. 11 (internal).
 */
export function bgbbAlive(p: P, m: number, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const l = logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + m) - logBeta(gamma, delta);
  return Math.exp(l - bgbbLogLikelihood(alpha, beta, gamma, delta, x, tx, n));
}

/** E[X(n, n+m) | x, tₓ, n]: Fader, Hardie & Shang 2010 eq. 13 (internal). */
export function bgbbConditionalExpected(p: P, m: number, x: number, tx: number, n: number): number {
  const { alpha, beta, gamma, delta } = p;
  const l = bgbbLogLikelihood(alpha, beta, gamma, delta, x, tx, n);
  const p2 = Math.exp(logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) - l);
  const p3 = (delta / (gamma - 1)) * Math.exp(logGamma(gamma + delta) - logGamma(1 + delta));
  const p4 = Math.exp(logGamma(1 + delta + n) - logGamma(gamma + delta + n));
  const p5 = Math.exp(logGamma(1 + delta + n + m) - logGamma(gamma + delta + n + m));
  return p2 * p3 * (p4 - p5);
}
