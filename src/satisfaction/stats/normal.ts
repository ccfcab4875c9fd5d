import { assert } from '../errors';

// Acklam's rational approximation of the inverse normal CDF (relative error below 1.15e-9).
// P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function" (2003).
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155922581e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/**
 * The standard normal quantile: the `z` with `P(Z <= z) = p`. Acklam's rational approximation
 * (P. J. Acklam, "An algorithm for computing the inverse normal cumulative distribution function",
 * 2003) refined by one Halley step on {@link normalCdf}, which brings it to about 1e-15.
 *
 * @param p - a probability strictly between 0 and 1
 * @returns the quantile
 * @throws {CrmError} `INVALID_ARGUMENT` when `p` is not in (0, 1)
 *
 * @example
 * ```ts
 * import { normalQuantile } from 'crmkit/satisfaction';
 * Math.round(normalQuantile(0.975) * 1e9) / 1e9;
 * //=> 1.959963985
 * ```
 */
export function normalQuantile(p: number): number {
  assert(p > 0 && p < 1, 'INVALID_ARGUMENT', { params: { field: 'p', rule: 'must be a probability strictly between 0 and 1' } });
  const x = acklam(p);
  // Halley's step: e = Φ(x) − p, computed from the nearer tail to keep precision.
  const e = x < 0 ? upperTail(-x) - p : 1 - p - upperTail(x);
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  // Below p ≈ 1e-300 exp(x²/2) overflows (0 × Infinity is NaN): keep Acklam's value (relative error < 1.2e-9).
  if (!Number.isFinite(u)) return x;
  return x - u / (1 + (x * u) / 2);
}

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/**
 * The standard normal CDF `P(Z <= z)`, to about 1e-15: Marsaglia's series
 * `Φ(x) = 1/2 + φ(x)·(x + x³/3 + x⁵/(3·5) + …)` for |x| < 5 (G. Marsaglia, "Evaluating the Normal
 * Distribution", Journal of Statistical Software 11(4), 2004) and Laplace's continued fraction for
 * the tail beyond.
 *
 * @param z - any number (±Infinity give 0 and 1)
 * @returns the probability
 *
 * @example
 * ```ts
 * import { normalCdf } from 'crmkit/satisfaction';
 * Math.round(normalCdf(1.96) * 1e10) / 1e10;
 * //=> 0.9750021049
 * ```
 */
export function normalCdf(z: number): number {
  // A string would turn the series below into an endless string concatenation.
  assert(typeof z === 'number', 'INVALID_ARGUMENT', { params: { field: 'z', rule: 'must be a number' } });
  return z < 0 ? upperTail(-z) : 1 - upperTail(z);
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Q(x) = 1 − Φ(x) for x >= 0. */
function upperTail(x: number): number {
  if (x === Infinity) return 0;
  const density = INV_SQRT_2PI * Math.exp((-x * x) / 2);
  if (x < 5) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let k = 3; sum + term !== sum; k += 2) {
      term *= x2 / k;
      sum += term;
    }
    return 0.5 - density * sum;
  }
  // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated from a fixed depth inwards.
  let f = x;
  for (let k = 60; k >= 1; k--) f = x + k / f;
  return density / f;
}

/**
 * The two-sided critical value `z` for a confidence level: `normalQuantile(1 - (1 - confidence) / 2)`.
 *
 * @param confidence - the confidence level, strictly between 0 and 1 (for example 0.95)
 * @returns the critical value (1.959964 for 0.95)
 * @throws {CrmError} `INVALID_ARGUMENT` when `confidence` is not in (0, 1)
 *
 * @example
 * ```ts
 * import { criticalValue } from 'crmkit/satisfaction';
 * Math.round(criticalValue(0.95) * 100) / 100;
 * //=> 1.96
 * ```
 */
export function criticalValue(confidence: number): number {
  assert(confidence > 0 && confidence < 1, 'INVALID_ARGUMENT', { params: { field: 'confidence', rule: 'must be strictly between 0 and 1' } });
  return normalQuantile(1 - (1 - confidence) / 2);
}
