import { assert } from '../errors';
import { normalQuantile } from './normal';

/**
 * Below this many responses, intervals use the t distribution (means, NPS) or an exact method
 * (proportions) instead of the normal approximation.
 *
 * @example
 * ```ts
 * import { SMALL_SAMPLE_SIZE } from 'crmkit/satisfaction';
 * SMALL_SAMPLE_SIZE;
 * //=> 30
 * ```
 */
export const SMALL_SAMPLE_SIZE = 30;

/** Degrees of freedom up to which the exact finite sum is used; beyond, the Cornish-Fisher expansion. */
const EXACT_DF = 400;

/**
 * The Student t distribution's CDF `P(T <= t)` for integer degrees of freedom, by the exact finite
 * sums of Abramowitz & Stegun 26.7.3 (odd ν) and 26.7.4 (even ν) in `θ = atan(t / √ν)`; for ν above
 * 400 by the normal approximation refined through {@link studentTQuantile}'s expansion.
 *
 * @param t - any number (±Infinity give 0 and 1)
 * @param df - degrees of freedom, an integer >= 1
 * @returns the probability
 * @throws {CrmError} `INVALID_ARGUMENT` when `df` is not an integer >= 1 or `t` is not a number (or NaN)
 *
 * @example
 * ```ts
 * import { studentTCdf } from 'crmkit/satisfaction';
 * studentTCdf(1, 1);
 * //=> 0.75
 * Math.round(studentTCdf(2.228138851986, 10) * 1e6) / 1e6;
 * //=> 0.975
 * ```
 */
export function studentTCdf(t: number, df: number): number {
  requireDf(df);
  assert(typeof t === 'number' && !Number.isNaN(t), 'INVALID_ARGUMENT', { params: { field: 't', rule: 'must be a number' } });
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  if (df > EXACT_DF) return cdfByBisection(t, df);
  const a = twoSidedCentral(Math.abs(t), df);
  return t >= 0 ? 0.5 + a / 2 : 0.5 - a / 2;
}

/** A(t|ν) = P(|T| <= t), Abramowitz & Stegun 26.7.3-4. */
function twoSidedCentral(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) ** 2;
  if (df % 2 === 1) {
    if (df === 1) return (2 * theta) / Math.PI;
    // θ + sinθ·cosθ·(1 + (2/3)cos²θ + (2·4)/(3·5)cos⁴θ + … up to cos^(ν−3)θ)
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 3; k += 2) {
      term *= (k / (k + 1)) * c2;
      sum += term;
    }
    return (2 / Math.PI) * (theta + s * Math.cos(theta) * sum);
  }
  // sinθ·(1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … up to cos^(ν−2)θ)
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= df - 3; k += 2) {
    term *= (k / (k + 1)) * c2;
    sum += term;
  }
  return s * sum;
}

/** For large ν: invert the (monotone) quantile expansion by bisection on p. */
function cdfByBisection(t: number, df: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 80; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= 0 || mid >= 1 || cornishFisher(mid, df) < t) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Abramowitz & Stegun 26.7.5: t_p ≈ x + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴ with x the normal quantile. */
function cornishFisher(p: number, df: number): number {
  const x = normalQuantile(p);
  const x2 = x * x;
  const g1 = (x2 * x + x) / 4;
  const g2 = ((5 * x2 + 16) * x2 + 3) * x / 96;
  const g3 = (((3 * x2 + 19) * x2 + 17) * x2 - 15) * x / 384;
  const g4 = ((((79 * x2 + 776) * x2 + 1482) * x2 - 1920) * x2 - 945) * x / 92160;
  return x + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/**
 * The Student t quantile: the `t` with `P(T <= t) = p` for integer degrees of freedom. Exact (to
 * about 1e-12) by bisection and Newton steps on {@link studentTCdf} up to ν = 400; above, the
 * Cornish-Fisher expansion of Abramowitz & Stegun 26.7.5 (error below 1e-8 there).
 *
 * @param p - a probability strictly between 0 and 1
 * @param df - degrees of freedom, an integer >= 1
 * @returns the quantile
 * @throws {CrmError} `INVALID_ARGUMENT` when `p` is not in (0, 1) or `df` is not an integer >= 1
 *
 * @example
 * ```ts
 * import { studentTQuantile } from 'crmkit/satisfaction';
 * Math.round(studentTQuantile(0.975, 10) * 1000) / 1000;
 * //=> 2.228
 * Math.round(studentTQuantile(0.975, 29) * 1000) / 1000;
 * //=> 2.045
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  assert(p > 0 && p < 1, 'INVALID_ARGUMENT', { params: { field: 'p', rule: 'must be a probability strictly between 0 and 1' } });
  requireDf(df);
  if (df > EXACT_DF) return cornishFisher(p, df);
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  // Bracket [0, hi] with CDF(hi) >= p, then bisect; 200 halvings bound the loop.
  let lo = 0;
  let hi = Math.max(1, cornishFisher(p, df));
  for (let i = 0; i < 1100 && studentTCdf(hi, df) < p; i++) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The two-sided critical value for a mean (or a score built like one) from `n` responses: the t
 * quantile with `n − 1` degrees of freedom below {@link SMALL_SAMPLE_SIZE} responses, the normal one
 * from there on; `method` says which was used.
 *
 * @param confidence - strictly between 0 and 1
 * @param n - the number of responses (an integer >= 2 for the t distribution)
 * @returns the critical value and the method
 * @throws {CrmError} `INVALID_ARGUMENT` for a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { criticalValueForSample } from 'crmkit/satisfaction';
 * const small = criticalValueForSample(0.95, 11);
 * [Math.round(small.value * 1000) / 1000, small.method];
 * //=> [2.228, 't']
 * criticalValueForSample(0.95, 100).method;
 * //=> 'normal'
 * ```
 */
export function criticalValueForSample(confidence: number, n: number): { readonly value: number; readonly method: 'normal' | 't' } {
  assert(confidence > 0 && confidence < 1, 'INVALID_ARGUMENT', { params: { field: 'confidence', rule: 'must be strictly between 0 and 1' } });
  const p = 1 - (1 - confidence) / 2;
  if (Number.isInteger(n) && n >= 2 && n < SMALL_SAMPLE_SIZE) return { value: studentTQuantile(p, n - 1), method: 't' };
  return { value: normalQuantile(p), method: 'normal' };
}

function requireDf(df: number): void {
  assert(Number.isInteger(df) && df >= 1, 'INVALID_ARGUMENT', { params: { field: 'df', rule: 'must be an integer of at least 1' } });
}
