import { HypergeometricSeries } from '../math/hypSeries';
import type { BgNbdParams } from './model';

/**
 * E[X(T, T+t) | x, tₓ, T] for BG/NBD (shift 0) and MBG/NBD (shift 1) with the hypergeometric
 * term rewritten by Euler's transformation (A&S 15.3.3), ₂F₁(A, B; C; z) = (1−z)^(C−A−B)
 * ₂F₁(C−A, C−B; C; z). With A = r+x, B = b+x+s, C = a+b+x+s−1 and z = t/(α+T+t), the factor
 * (1−z)^(C−A−B) times the formula's ((α+T)/(α+T+t))^(r+x) = (1−z)^(r+x) is just (1−z)^(a−1), so
 *
 *   E = (C/(a−1)) · [1 − (1−z)^(a−1) ₂F₁(a+b+s−1−r, a−1; C; z)] / (1 + δ a/(b+x+s−1) ((α+T)/(α+tₓ))^(r+x))
 *
 * which never overflows and whose series shrinks faster as x grows. Series coefficients are
 * cached per x, so each evaluation is multiply-adds only (internal).
 */
export function bgExpectedScorer(p: BgNbdParams, shift: 0 | 1): (t: number, x: number, tx: number, T: number) => number {
  const { r, alpha, a, b } = p;
  const series: HypergeometricSeries[] = [];
  const seriesFor = (x: number): HypergeometricSeries => {
    let s = Number.isInteger(x) && x < 100_000 ? series[x] : undefined;
    if (!s) {
      s = new HypergeometricSeries(a + b + shift - 1 - r, a - 1, a + b + x + shift - 1);
      if (Number.isInteger(x) && x < 100_000) series[x] = s;
    }
    return s;
  };
  return (t, x, tx, T) => {
    if (t === 0) return 0;
    const aT = alpha + T;
    const oneMinusZ = aT / (aT + t);
    const C = a + b + x + shift - 1;
    const hyp = seriesFor(x).value(t / (aT + t));
    const second = 1 - Math.pow(oneMinusZ, a - 1) * hyp;
    const denom = x === 0 && shift === 0 ? 1 : 1 + (a / (b + x + shift - 1)) * Math.exp((r + x) * (Math.log(aT) - Math.log(alpha + tx)));
    return ((C / (a - 1)) * second) / denom;
  };
}
