import { CrmError } from '../errors';

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 and a, b, c > 0, by its power
 * series (Abramowitz & Stegun 15.1.1), summed until a term no longer changes the sum in float64.
 * The BG/NBD and Pareto/NBD expressions only need this case (all parameters positive, z in [0, 1)).
 *
 * @param a - first numerator parameter
 * @param b - second numerator parameter
 * @param c - denominator parameter, positive
 * @param z - the argument, 0 ≤ z < 1
 * @returns ₂F₁(a, b; c; z)
 * @throws {CrmError} `INVALID_ARGUMENT` when z is outside [0, 1) or the series does not settle
 *
 * @example
 * ```ts
 * import { hyp2f1 } from 'crmkit/clv';
 * // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z
 * Math.abs(hyp2f1(1, 1, 2, 0.5) - 2 * Math.LN2) < 1e-14;
 * //=> true
 * ```
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'z', rule: 'must be in [0, 1)' } });
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 1_000_000; k++) {
    term *= ((a + k) * (b + k)) / ((c + k) * (k + 1)) * z;
    const next = sum + term;
    if (next === sum || term === 0) return sum;
    sum = next;
    if (!Number.isFinite(sum)) break;
  }
  throw new CrmError('INVALID_ARGUMENT', { params: { field: 'z', rule: 'hypergeometric series did not converge' } });
}
