import { CrmError } from './errors';
import { requireNumbers, requireObject } from '../core/guards';
import { requireMinResponses } from './stats/minResponses';
import { criticalValue } from './stats/normal';
import { criticalValueForSample } from './stats/studentT';

/**
 * Options for {@link nps}.
 *
 * @example
 * ```ts
 * const options: NpsOptions = { confidence: 0.9, minResponses: 30 };
 * ```
 */
export interface NpsOptions {
  /** Confidence of the margin of error (default 0.95). */
  readonly confidence?: number;
  /**
   * Fewer answers than this give `insufficient: true` and `null` shares and score instead of a
   * number (default: no minimum).
   */
  readonly minResponses?: number;
}

/**
 * The Net Promoter Score of a set of 0..10 answers with its sampling error. `score` and the error
 * fields are `null` when `n` is 0 (never NaN).
 *
 * @example
 * ```ts
 * const r: NpsResult = {
 *   n: 0, promoters: 0, passives: 0, detractors: 0, promoterShare: null, detractorShare: null,
 *   score: null, standardError: null, marginOfError: null, intervalMethod: 'normal', insufficient: false, confidence: 0.95,
 * };
 * ```
 */
export interface NpsResult {
  readonly n: number;
  /** Answers of 9 or 10. */
  readonly promoters: number;
  /** Answers of 7 or 8. */
  readonly passives: number;
  /** Answers of 0 to 6. */
  readonly detractors: number;
  readonly promoterShare: number | null;
  readonly detractorShare: number | null;
  /** `100 × (promoters − detractors) / n`, in −100..100. */
  readonly score: number | null;
  /** Standard error of `score`, in score points; `null` below 2 answers. */
  readonly standardError: number | null;
  /**
   * Half-width of the interval at `confidence`: `z × standardError`, with the t quantile on n − 1
   * degrees of freedom instead of z below 30 answers (see `intervalMethod`).
   */
  readonly marginOfError: number | null;
  /** `'t'` below {@link SMALL_SAMPLE_SIZE} answers, `'normal'` from there on. */
  readonly intervalMethod: 'normal' | 't';
  /** True when there were fewer answers than `minResponses`: the statistics are then `null`. */
  readonly insufficient: boolean;
  readonly confidence: number;
}

/**
 * The Net Promoter Score (Reichheld, "The One Number You Need to Grow", Harvard Business Review,
 * December 2003): promoters answer 9-10, passives 7-8, detractors 0-6, and
 * `NPS = 100 × (p_P − p_D)`. Its standard error treats each answer as a multinomial draw scored
 * +1/0/−1 (B. Rocks, "Interval Estimation for the 'Net Promoter Score'", The American Statistician
 * 70(4), 2016, pp. 365-372): `Var = (p_P(1 − p_P) + p_D(1 − p_D) + 2·p_P·p_D) / n`, so
 * `SE = 100 × sqrt(Var)` and the margin of error is `z × SE` (z = 1.96 at 95%). Below
 * {@link SMALL_SAMPLE_SIZE} answers the margin uses the t quantile with n − 1 degrees of freedom
 * instead of z (wider, and said so in `intervalMethod`); below 2 answers there is no error estimate.
 * At shares of exactly 0 or 1 the SE is 0.
 *
 * @param scores - answers, each an integer 0..10 (any array or typed array)
 * @param options - `confidence` for the margin of error (default 0.95); `minResponses` (default: no minimum)
 * @returns counts, shares, score, standard error and margin of error; `null` statistics when empty
 * or below `minResponses`
 * @throws {CrmError} `ANSWER_OUT_OF_SCALE` for an answer that is not an integer 0..10;
 * `INVALID_ARGUMENT` for `scores` that are not an array or typed array, a confidence outside (0, 1) or a `minResponses` that is not a positive integer
 *
 * @example
 * Ten answers: SE = 100·√((0.5·0.5 + 0.3·0.7 + 2·0.5·0.3)/10) = 27.568, and below 30 answers the
 * margin uses t(0.975, 9) = 2.262157 for 62.36.
 * ```ts
 * import { nps } from 'crmkit/satisfaction';
 * const r = nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * [r.promoters, r.passives, r.detractors, r.score];
 * //=> [5, 2, 3, 20]
 * [Math.round(r.marginOfError! * 100) / 100, r.intervalMethod];
 * //=> [62.36, 't']
 * nps([10, 9, 3], { minResponses: 30 }).insufficient;
 * //=> true
 * nps([]).score;
 * //=> null
 * ```
 */
export function nps(scores: ArrayLike<number>, options: NpsOptions = {}): NpsResult {
  requireObject(options, 'options');
  const confidence = options.confidence ?? 0.95;
  criticalValue(confidence);
  const minResponses = requireMinResponses(options.minResponses);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const n = requireNumbers(scores, 'scores').length;
  for (let i = 0; i < n; i++) {
    const s = scores[i] as number;
    if (s >= 9) {
      if (s > 10 || s !== Math.floor(s)) throw outOfScale(i);
      promoters++;
    } else if (s >= 7) {
      if (s !== Math.floor(s)) throw outOfScale(i);
      passives++;
    } else if (s >= 0 && s === Math.floor(s)) detractors++;
    else throw outOfScale(i);
  }
  return npsFromCounts(promoters, passives, detractors, confidence, minResponses);
}

/** The NPS statistics from counts. */
function npsFromCounts(promoters: number, passives: number, detractors: number, confidence: number, minResponses: number): NpsResult {
  const n = promoters + passives + detractors;
  const critical = criticalValueForSample(confidence, n);
  const insufficient = n < minResponses;
  if (n === 0 || insufficient) {
    return {
      n, promoters, passives, detractors, promoterShare: null, detractorShare: null, score: null, standardError: null, marginOfError: null,
      intervalMethod: critical.method, insufficient, confidence,
    };
  }
  const pP = promoters / n;
  const pD = detractors / n;
  const variance = (pP * (1 - pP) + pD * (1 - pD) + 2 * pP * pD) / n;
  const standardError = n < 2 ? null : 100 * Math.sqrt(Math.max(0, variance));
  return {
    n,
    promoters,
    passives,
    detractors,
    promoterShare: pP,
    detractorShare: pD,
    score: 100 * (pP - pD),
    standardError,
    marginOfError: standardError === null ? null : critical.value * standardError,
    intervalMethod: critical.method,
    insufficient,
    confidence,
  };
}

function outOfScale(index: number): CrmError {
  return new CrmError('ANSWER_OUT_OF_SCALE', { params: { question: 'nps', scale: '0-10' }, details: { index } });
}
