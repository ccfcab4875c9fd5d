import { CrmError } from './errors';
import { requireNumbers, requireObject } from '../core/guards';
import { requireMinResponses } from './stats/minResponses';
import { criticalValue } from './stats/normal';
import { criticalValueForSample } from './stats/studentT';

/**
 * Options for {@link ces}.
 *
 * @example
 * ```ts
 * const options: CesOptions = { confidence: 0.9, minResponses: 30 };
 * ```
 */
export interface CesOptions {
  /** Confidence of the margin of error (default 0.95). */
  readonly confidence?: number;
  /** Fewer answers than this give `insufficient: true` and `null` statistics (default: no minimum). */
  readonly minResponses?: number;
}

/**
 * The Customer Effort Score of a set of 1..7 answers. Statistics are `null` when `n` is 0; the
 * standard deviation and error are `null` below 2 answers.
 *
 * @example
 * ```ts
 * const r: CesResult = {
 *   n: 0, mean: null, standardDeviation: null, standardError: null, marginOfError: null,
 *   lowEffortShare: null, highEffortShare: null, distribution: [0, 0, 0, 0, 0, 0, 0], intervalMethod: 'normal',
 *   insufficient: false, confidence: 0.95,
 * };
 * ```
 */
export interface CesResult {
  readonly n: number;
  /** Mean agreement that the company made it easy, 1..7 (higher = less effort). */
  readonly mean: number | null;
  /** Sample standard deviation (n − 1 denominator). */
  readonly standardDeviation: number | null;
  /** `standardDeviation / sqrt(n)`. */
  readonly standardError: number | null;
  /** `z × standardError` at `confidence`; the t quantile on n − 1 degrees of freedom below 30 answers. */
  readonly marginOfError: number | null;
  /** `'t'` below {@link SMALL_SAMPLE_SIZE} answers, `'normal'` from there on. */
  readonly intervalMethod: 'normal' | 't';
  /** True when there were fewer answers than `minResponses`: the statistics are then `null`. */
  readonly insufficient: boolean;
  /** Share answering 5, 6 or 7 (agreeing it was easy). */
  readonly lowEffortShare: number | null;
  /** Share answering 1, 2 or 3 (disagreeing it was easy). */
  readonly highEffortShare: number | null;
  /** Count of each answer: index 0 is answer 1. */
  readonly distribution: readonly number[];
  readonly confidence: number;
}

/**
 * The Customer Effort Score in its CES 2.0 form: agreement from 1 (strongly disagree) to 7
 * (strongly agree) with "the company made it easy for me to handle my issue" (Dixon, Toman and
 * DeLisi, "The Effortless Experience", 2013), so a higher mean means less effort. Returns the mean,
 * its standard error and margin of error (normal quantile from 30 answers, t below), the shares agreeing (5-7) and
 * disagreeing (1-3), and the distribution.
 *
 * @param scores - answers, each an integer 1..7 (any array or typed array)
 * @param options - `confidence` for the margin of error (default 0.95); `minResponses` (default: no minimum)
 * @returns the mean effort score, its error, and the distribution
 * @throws {CrmError} `ANSWER_OUT_OF_SCALE` for an answer that is not an integer 1..7;
 * `INVALID_ARGUMENT` for `scores` that are not an array or typed array, or a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { ces } from 'crmkit/satisfaction';
 * const r = ces([7, 6, 5, 5, 3]);
 * [r.mean, r.standardDeviation, r.lowEffortShare];
 * //=> [5.2, 1.4832396974191326, 0.8]
 * r.distribution;
 * //=> [0, 0, 1, 0, 2, 1, 1]
 * ```
 */
export function ces(scores: ArrayLike<number>, options: CesOptions = {}): CesResult {
  requireObject(options, 'options');
  const confidence = options.confidence ?? 0.95;
  criticalValue(confidence);
  const minResponses = requireMinResponses(options.minResponses);
  const counts = new Float64Array(7);
  const n = requireNumbers(scores, 'scores').length;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (!(s >= 1 && s <= 7 && s === Math.floor(s))) {
      throw new CrmError('ANSWER_OUT_OF_SCALE', { params: { question: 'ces', scale: '1-7' }, details: { index: i } });
    }
    counts[s - 1] = (counts[s - 1] as number) + 1;
    // Welford's update keeps the variance exact enough for millions of answers.
    const d = s - mean;
    mean += d / (i + 1);
    m2 += d * (s - mean);
  }
  const insufficient = n < minResponses;
  const critical = criticalValueForSample(confidence, n);
  const sd = n >= 2 && !insufficient ? Math.sqrt(m2 / (n - 1)) : null;
  const se = sd === null ? null : sd / Math.sqrt(n);
  const low = (counts[4] as number) + (counts[5] as number) + (counts[6] as number);
  const high = (counts[0] as number) + (counts[1] as number) + (counts[2] as number);
  return {
    n,
    mean: n === 0 || insufficient ? null : mean,
    standardDeviation: sd,
    standardError: se,
    marginOfError: se === null ? null : critical.value * se,
    lowEffortShare: n === 0 || insufficient ? null : low / n,
    highEffortShare: n === 0 || insufficient ? null : high / n,
    distribution: Array.from(counts),
    intervalMethod: critical.method,
    insufficient,
    confidence,
  };
}
