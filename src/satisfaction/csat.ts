import { CrmError, assert } from './errors';
import { requireNumbers, requireObject } from '../core/guards';
import { clopperPearsonInterval } from './stats/clopperPearson';
import { requireMinResponses } from './stats/minResponses';
import { SMALL_SAMPLE_SIZE } from './stats/studentT';
import { wilsonInterval, type Interval } from './stats/wilson';

/**
 * Options for {@link csat}.
 *
 * @example
 * ```ts
 * const options: CsatOptions = { scale: 7, satisfiedAtOrAbove: 6 };
 * ```
 */
export interface CsatOptions {
  /** Points on the scale: 5 (answers 1..5, the default) or 7 (answers 1..7). */
  readonly scale?: 5 | 7;
  /** The lowest answer counted as satisfied. Default: the top two boxes (4 on a 5-point scale, 6 on 7). */
  readonly satisfiedAtOrAbove?: number;
  /** Confidence of the interval (default 0.95). */
  readonly confidence?: number;
  /** Fewer answers than this give `insufficient: true` and `null` statistics (default: no minimum). */
  readonly minResponses?: number;
}

/**
 * The Customer Satisfaction Score of a set of answers. Statistics are `null` when `n` is 0.
 *
 * @example
 * ```ts
 * const r: CsatResult = {
 *   n: 0, satisfied: 0, share: null, interval: null, intervalMethod: 'wilson', insufficient: false, mean: null,
 *   distribution: [0, 0, 0, 0, 0], confidence: 0.95,
 * };
 * ```
 */
export interface CsatResult {
  readonly n: number;
  /** Answers at or above the threshold. */
  readonly satisfied: number;
  /** `satisfied / n`, in 0..1 (multiply by 100 for a percentage). */
  readonly share: number | null;
  /** Interval of `share`: Wilson from 30 answers, Clopper-Pearson (exact) below (see `intervalMethod`). */
  readonly interval: Interval | null;
  /** `'clopper-pearson'` below {@link SMALL_SAMPLE_SIZE} answers, `'wilson'` from there on. */
  readonly intervalMethod: 'wilson' | 'clopper-pearson';
  /** True when there were fewer answers than `minResponses`: `share`, `interval` and `mean` are then `null`. */
  readonly insufficient: boolean;
  /** The mean answer. */
  readonly mean: number | null;
  /** Count of each answer: index 0 is answer 1. */
  readonly distribution: readonly number[];
  readonly confidence: number;
}

/**
 * The Customer Satisfaction Score: the share of answers at or above a threshold (top-2-box by
 * default), with a Wilson score interval (Wilson, JASA 1927; see {@link wilsonInterval}), the mean
 * answer and the distribution.
 *
 * @param scores - answers, each an integer on the scale (any array or typed array)
 * @param options - `scale` (5 or 7, default 5), `satisfiedAtOrAbove` (default scale − 1),
 * `confidence` (default 0.95), `minResponses` (default: no minimum)
 * @returns counts, share, interval, mean and distribution; `null` statistics when empty or below
 * `minResponses`
 * @throws {CrmError} `ANSWER_OUT_OF_SCALE` for an answer that is not an integer on the scale;
 * `INVALID_ARGUMENT` for `scores` that are not an array or typed array, a bad scale, threshold or confidence
 *
 * @example
 * Ten answers take the exact interval: the Beta(7, 4) 2.5% and Beta(8, 3) 97.5% quantiles.
 * ```ts
 * import { csat } from 'crmkit/satisfaction';
 * const r = csat([5, 4, 4, 3, 5, 2, 5, 4, 1, 5]);
 * [r.satisfied, r.share, r.mean];
 * //=> [7, 0.7, 3.8]
 * [Math.round(r.interval!.lower * 1e4) / 1e4, Math.round(r.interval!.upper * 1e4) / 1e4, r.intervalMethod];
 * //=> [0.3475, 0.9333, 'clopper-pearson']
 * ```
 */
export function csat(scores: ArrayLike<number>, options: CsatOptions = {}): CsatResult {
  requireObject(options, 'options');
  const scale = options.scale ?? 5;
  assert(scale === 5 || scale === 7, 'INVALID_ARGUMENT', { params: { field: 'scale', rule: 'must be 5 or 7' } });
  const threshold = options.satisfiedAtOrAbove ?? scale - 1;
  assert(Number.isInteger(threshold) && threshold >= 1 && threshold <= scale, 'INVALID_ARGUMENT', {
    params: { field: 'satisfiedAtOrAbove', rule: `must be an integer from 1 to ${scale}` },
  });
  const confidence = options.confidence ?? 0.95;
  const minResponses = requireMinResponses(options.minResponses);
  const counts = new Float64Array(scale);
  const n = requireNumbers(scores, 'scores').length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (!(s >= 1 && s <= scale && s === Math.floor(s))) {
      throw new CrmError('ANSWER_OUT_OF_SCALE', { params: { question: 'csat', scale: `1-${scale}` }, details: { index: i } });
    }
    counts[s - 1] = (counts[s - 1] as number) + 1;
    sum += s;
  }
  let satisfied = 0;
  for (let v = threshold; v <= scale; v++) satisfied += counts[v - 1] as number;
  const insufficient = n < minResponses;
  const small = n < SMALL_SAMPLE_SIZE;
  const interval = small ? clopperPearsonInterval(satisfied, n, { confidence }) : wilsonInterval(satisfied, n, { confidence });
  return {
    n,
    satisfied,
    share: n === 0 || insufficient ? null : satisfied / n,
    interval: insufficient ? null : interval,
    intervalMethod: small ? 'clopper-pearson' : 'wilson',
    insufficient,
    mean: n === 0 || insufficient ? null : sum / n,
    distribution: Array.from(counts),
    confidence,
  };
}
