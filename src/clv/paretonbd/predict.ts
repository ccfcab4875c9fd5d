import { logGamma } from '../math/special';
import { logA0, paretoLogLikelihood } from './likelihood';
import type { ParetoNbdModel } from './model';

type P = ParetoNbdModel['params'];

/** P(alive | x, tₓ, T): Fader & Hardie 2005 note 009, eq. 18 (internal). */
export function paretoAlive(p: P, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  const l = Math.log(s) - Math.log(r + s + x) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + logA0(r, alpha, s, beta, x, tx, T);
  return 1 / (1 + Math.exp(l));
}

/** E[X(T, T+t) | x, tₓ, T]: Fader & Hardie 2005 note 009, eq. 24, in log space as lifetimes (internal). */
export function paretoConditionalExpected(p: P, t: number, x: number, tx: number, T: number): number {
  if (t === 0) return 0;
  const { r, alpha, s, beta } = p;
  const ll = paretoLogLikelihood(r, alpha, s, beta, x, tx, T);
  const first = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta) - (r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  const second = Math.log(r + x) + Math.log(beta + T) - Math.log(alpha + T);
  const third =
    Math.abs(s - 1) < 1e-10
      ? Math.log(Math.log((beta + T + t) / (beta + T)))
      : Math.log(-Math.expm1((s - 1) * Math.log((beta + T) / (beta + T + t))) / (s - 1));
  return Math.exp(first + second + third - ll);
}

/** E[X(t)] for a customer just acquired: Schmittlein et al. 1987 eq. 17 (internal). */
export function paretoExpected(p: P, t: number): number {
  const { r, alpha, s, beta } = p;
  if (Math.abs(s - 1) < 1e-10) return ((r * beta) / alpha) * Math.log((beta + t) / beta);
  return ((r * beta) / (alpha * (s - 1))) * (1 - Math.pow(beta / (beta + t), s - 1));
}
