import { CrmError } from '../core/errors/CrmError';
import { criticalValue } from './stats/normal';

/**
 * The Net Promoter Score of a set of 0..10 answers with its sampling error. `score` and the error
 * fields are `null` when `n` is 0 (never NaN).
 *
 * @example
 * ```ts
 * const r: NpsResult = {
 *   n: 0, promoters: 0, passives: 0, detractors: 0, promoterShare: null, detractorShare: null,
 *   score: null, standardError: null, marginOfError: null, confidence: 0.95,
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
  /** Standard error of `score`, in score points. */
  readonly standardError: number | null;
  /** Half-width of the normal-approximation interval at `confidence`: `z × standardError`. */
  readonly marginOfError: number | null;
  readonly confidence: number;
}

/**
 * The Net Promoter Score (Reichheld, "The One Number You Need to Grow", Harvard Business Review,
 * December 2003): promoters answer 9-10, passives 7-8, detractors 0-6, and
 * `NPS = 100 × (p_P − p_D)`. Its standard error treats each answer as a multinomial draw scored
 * +1/0/−1 (B. Rocks, "Interval Estimation for the 'Net Promoter Score'", The American Statistician
 * 70(4), 2016, pp. 365-372): `Var = (p_P(1 − p_P) + p_D(1 − p_D) + 2·p_P·p_D) / n`, so
 * `SE = 100 × sqrt(Var)` and the margin of error is `z × SE` (z = 1.96 at 95%). The normal
 * approximation needs a reasonable n; at shares of exactly 0 or 1 the SE is 0.
 *
 * @param scores - answers, each an integer 0..10 (any array or typed array)
 * @param options - `confidence` for the margin of error (default 0.95)
 * @returns counts, shares, score, standard error and margin of error; `null` statistics when empty
 * @throws {CrmError} `ANSWER_OUT_OF_SCALE` for an answer that is not an integer 0..10;
 * `INVALID_ARGUMENT` for a confidence outside (0, 1)
 *
 * @example
 * ```ts
 * import { nps } from 'crmkit/satisfaction';
 * const r = nps([10, 9, 9, 8, 7, 6, 3, 10, 9, 5]);
 * [r.promoters, r.passives, r.detractors, r.score];
 * //=> [5, 2, 3, 20]
 * Math.round(r.marginOfError! * 100) / 100;
 * //=> 54.03
 * nps([]).score;
 * //=> null
 * ```
 */
export function nps(scores: ArrayLike<number>, options: { readonly confidence?: number } = {}): NpsResult {
  const confidence = options.confidence ?? 0.95;
  const z = criticalValue(confidence);
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  const n = scores.length;
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
  return npsFromCounts(promoters, passives, detractors, z, confidence);
}

/** The NPS statistics from counts. */
function npsFromCounts(promoters: number, passives: number, detractors: number, z: number, confidence: number): NpsResult {
  const n = promoters + passives + detractors;
  if (n === 0) {
    return { n, promoters, passives, detractors, promoterShare: null, detractorShare: null, score: null, standardError: null, marginOfError: null, confidence };
  }
  const pP = promoters / n;
  const pD = detractors / n;
  const variance = (pP * (1 - pP) + pD * (1 - pD) + 2 * pP * pD) / n;
  const standardError = 100 * Math.sqrt(Math.max(0, variance));
  return {
    n,
    promoters,
    passives,
    detractors,
    promoterShare: pP,
    detractorShare: pD,
    score: 100 * (pP - pD),
    standardError,
    marginOfError: z * standardError,
    confidence,
  };
}

function outOfScale(index: number): CrmError {
  return new CrmError('ANSWER_OUT_OF_SCALE', { params: { question: 'nps', scale: '0-10' }, details: { index } });
}
