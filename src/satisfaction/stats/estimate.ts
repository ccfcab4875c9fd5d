import { assert } from '../errors';
import { requireObject } from '../../core/guards';
import { criticalValue, normalCdf } from './normal';
import { SMALL_SAMPLE_SIZE, criticalValueForSample, studentTCdf } from './studentT';

/**
 * How an estimate compares with a target: the gap, a two-sided z test of "the true value equals the
 * target", and the verdict at the chosen confidence.
 *
 * @example
 * ```ts
 * const t: TargetComparison = { target: 90, gap: -5, z: -2.5, pValue: 0.0124, meaningful: true, verdict: 'below' };
 * ```
 */
export interface TargetComparison {
  readonly target: number;
  /** `score − target` (negative when short of the target), or `null` without data. */
  readonly gap: number | null;
  /** `gap / standardError`, or `null` when the standard error is unknown or 0. */
  readonly z: number | null;
  /** Two-sided p-value `2 × (1 − Φ(|z|))`, or `null` with `z`. */
  readonly pValue: number | null;
  /** Whether `|gap|` exceeds the margin of error: the gap is unlikely to be sampling noise. */
  readonly meaningful: boolean;
  /**
   * `above` / `below` when the gap is meaningful, `unclear` when it is within the margin of error
   * (or fewer than 2 answers), `no-data` when there is no score.
   */
  readonly verdict: 'above' | 'below' | 'unclear' | 'no-data';
}

/**
 * @internal Mean, standard error and margin of error from Welford accumulators.
 */
export function estimateFrom(
  n: number,
  mean: number,
  m2: number,
  confidence: number,
  minResponses = 1,
): { n: number; score: number | null; standardError: number | null; marginOfError: number | null; intervalMethod: 'normal' | 't'; insufficient: boolean } {
  const { value, method } = criticalValueForSample(confidence, n);
  const insufficient = n < minResponses;
  if (n === 0 || insufficient) return { n, score: null, standardError: null, marginOfError: null, intervalMethod: method, insufficient };
  if (n < 2) return { n, score: mean, standardError: null, marginOfError: null, intervalMethod: method, insufficient };
  const se = Math.sqrt(Math.max(0, m2 / (n - 1)) / n);
  return { n, score: mean, standardError: se, marginOfError: value * se, intervalMethod: method, insufficient };
}

/**
 * Compares an estimate with a target by a two-sided test of a mean with the sample standard error:
 * a z test, or the t test on n − 1 degrees of freedom when `options.n` is below
 * {@link SMALL_SAMPLE_SIZE} (pass it: without `n` a small sample's verdict errs toward
 * "meaningful"). With a standard error of 0 (every answer equal) any non-zero gap is meaningful.
 *
 * @param score - the estimate, or `null` without data
 * @param standardError - its standard error, or `null` when unknown (fewer than 2 answers)
 * @param target - the target on the same scale (for example 90 on 0..100)
 * @param options - `confidence` (default 0.95); `n`, the responses behind the estimate
 * @returns gap, z (the t statistic for a small `n`), p-value, whether the gap is meaningful, and the verdict
 * @throws {CrmError} `INVALID_ARGUMENT` for a confidence outside (0, 1), a `score` or `target` that is
 *   not a finite number, a negative or non-finite `standardError`, or an `n` that is not a non-negative integer
 *
 * @example
 * With 10 responses and a gap of 5: t(0.975, 9) × 2 = 4.52 < 5, below; at SE 2.3, z gives
 * 4.51 < 5 but t gives 5.20 > 5, unclear.
 * ```ts
 * import { compareToTarget } from 'crmkit/satisfaction';
 * const t = compareToTarget(85, 2, 90);
 * [t.gap, t.z, t.meaningful, t.verdict];
 * //=> [-5, -2.5, true, 'below']
 * compareToTarget(88, 2, 90).verdict;
 * //=> 'unclear'
 * [compareToTarget(85, 2, 90, { n: 10 }).verdict, compareToTarget(85, 2.3, 90).verdict, compareToTarget(85, 2.3, 90, { n: 10 }).verdict];
 * //=> ['below', 'below', 'unclear']
 * ```
 */
export function compareToTarget(
  score: number | null,
  standardError: number | null,
  target: number,
  options: { readonly confidence?: number; readonly n?: number } = {},
): TargetComparison {
  assert(score === null || Number.isFinite(score), 'INVALID_ARGUMENT', { params: { field: 'score', rule: 'must be a finite number' } });
  assert(standardError === null || (Number.isFinite(standardError) && standardError >= 0), 'INVALID_ARGUMENT', {
    params: { field: 'standardError', rule: 'must be a non-negative finite number' },
  });
  assert(Number.isFinite(target), 'INVALID_ARGUMENT', { params: { field: 'target', rule: 'must be a finite number' } });
  const { confidence = 0.95, n } = requireObject<{ readonly confidence?: number; readonly n?: number }>(options, 'options');
  criticalValue(confidence);
  assert(n === undefined || (Number.isSafeInteger(n) && n >= 0), 'INVALID_ARGUMENT', { params: { field: 'n', rule: 'must be a non-negative integer' } });
  const small = n !== undefined && Number.isInteger(n) && n >= 2 && n < SMALL_SAMPLE_SIZE;
  const zc = small ? criticalValueForSample(confidence, n).value : criticalValue(confidence);
  if (score === null) return { target, gap: null, z: null, pValue: null, meaningful: false, verdict: 'no-data' };
  const gap = score - target;
  if (standardError === null) return { target, gap, z: null, pValue: null, meaningful: false, verdict: 'unclear' };
  const meaningful = Math.abs(gap) > zc * standardError;
  const z = standardError > 0 ? gap / standardError : null;
  const pValue = z === null ? null : small ? 2 * (1 - studentTCdf(Math.abs(z), (n as number) - 1)) : 2 * (1 - normalCdf(Math.abs(z)));
  return { target, gap, z, pValue, meaningful, verdict: meaningful ? (gap > 0 ? 'above' : 'below') : 'unclear' };
}
