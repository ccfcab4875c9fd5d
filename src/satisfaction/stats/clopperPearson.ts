import { assert } from '../errors';
import type { Interval } from './wilson';

/** The most trials the exact interval takes: each bisection step sums up to n + 1 binomial terms. */
const MAX_TRIALS = 100_000;

/**
 * The Clopper-Pearson "exact" interval for a proportion (C. J. Clopper and E. S. Pearson, "The use
 * of confidence or fiducial limits illustrated in the case of the binomial", Biometrika 26(4), 1934,
 * pp. 404-413): the lower end is the `p` with `P(X >= successes | n, p) = α/2`, the upper the `p`
 * with `P(X <= successes | n, p) = α/2`, found by bisection on the binomial tail (at most 100
 * halvings of a sum of `n + 1` terms). It never covers less than its confidence, so it is the
 * interval for small samples; for large ones the Wilson interval is tighter.
 *
 * @param successes - the count of successes (an integer, 0..n)
 * @param n - the number of trials (an integer, >= 0)
 * @param options - `confidence` (default 0.95)
 * @returns the interval, or `null` when `n` is 0
 * @throws {CrmError} `INVALID_ARGUMENT` for counts that are not integers with 0 <= successes <= n,
 * n above 100,000 (where the Wilson interval serves), or a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { clopperPearsonInterval } from 'crmkit/satisfaction';
 * // With no successes in 10 the upper end is 1 − 0.025^(1/10) = 0.30850.
 * const ci = clopperPearsonInterval(0, 10);
 * [ci!.lower, Math.round(ci!.upper * 1e5) / 1e5];
 * //=> [0, 0.3085]
 * ```
 */
export function clopperPearsonInterval(successes: number, n: number, options: { readonly confidence?: number } = {}): Interval | null {
  assert(Number.isInteger(n) && n >= 0 && n <= MAX_TRIALS, 'INVALID_ARGUMENT', {
    params: { field: 'n', rule: `must be an integer from 0 to ${MAX_TRIALS} (use wilsonInterval beyond)` },
  });
  assert(Number.isInteger(successes) && successes >= 0 && successes <= n, 'INVALID_ARGUMENT', {
    params: { field: 'successes', rule: 'must be an integer between 0 and n' },
  });
  const confidence = options.confidence ?? 0.95;
  assert(confidence > 0 && confidence < 1, 'INVALID_ARGUMENT', { params: { field: 'confidence', rule: 'must be strictly between 0 and 1' } });
  if (n === 0) return null;
  const half = (1 - confidence) / 2;
  // P(X >= x) rises with p; P(X <= x) falls with p.
  const lower = successes === 0 ? 0 : bisect((p) => 1 - binomialCdf(successes - 1, n, p) < half);
  const upper = successes === n ? 1 : bisect((p) => binomialCdf(successes, n, p) > half);
  return { lower, upper };
}

/** The largest p in [0, 1] (to 1e-15) for which `below(p)` still holds; `below` is true then false. */
function bisect(below: (p: number) => boolean): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100 && hi - lo > 1e-15; i++) {
    const mid = (lo + hi) / 2;
    if (below(mid)) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** P(X <= k) for X ~ Binomial(n, p), summed in log space term by term. */
function binomialCdf(k: number, n: number, p: number): number {
  if (p <= 0) return 1;
  if (p >= 1) return k >= n ? 1 : 0;
  const lp = Math.log(p);
  const lq = Math.log1p(-p);
  let logTerm = n * lq; // log P(X = 0)
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i) + lp - lq;
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}
