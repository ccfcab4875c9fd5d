import { assert } from '../errors';
import { criticalValue } from './normal';

/**
 * A two-sided interval for a proportion, both ends in 0..1.
 *
 * @example
 * ```ts
 * const ci: Interval = { lower: 0.6, upper: 0.9 };
 * ```
 */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The Wilson score interval for a proportion (E. B. Wilson, "Probable inference, the law of
 * succession, and statistical inference", JASA 22(158), 1927, pp. 209-212):
 * `(p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n)`. Unlike the Wald interval it stays inside
 * 0..1 and behaves at p = 0 or 1 and for small n.
 *
 * @param successes - the count of successes (an integer, 0..n)
 * @param n - the number of trials (an integer, >= 0)
 * @param options - `confidence` (default 0.95)
 * @returns the interval, or `null` when `n` is 0
 * @throws {CrmError} `INVALID_ARGUMENT` for counts that are not integers with 0 <= successes <= n,
 * or a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { wilsonInterval } from 'crmkit/satisfaction';
 * const ci = wilsonInterval(8, 10);
 * [Math.round(ci!.lower * 1e4) / 1e4, Math.round(ci!.upper * 1e4) / 1e4];
 * //=> [0.4902, 0.9433]
 * ```
 */
export function wilsonInterval(successes: number, n: number, options: { readonly confidence?: number } = {}): Interval | null {
  assert(Number.isInteger(n) && n >= 0, 'INVALID_ARGUMENT', { params: { field: 'n', rule: 'must be a non-negative integer' } });
  assert(Number.isInteger(successes) && successes >= 0 && successes <= n, 'INVALID_ARGUMENT', {
    params: { field: 'successes', rule: 'must be an integer between 0 and n' },
  });
  const z = criticalValue(options.confidence ?? 0.95);
  if (n === 0) return null;
  const p = successes / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const denom = 1 + z2 / n;
  return { lower: Math.max(0, (centre - half) / denom), upper: Math.min(1, (centre + half) / denom) };
}
