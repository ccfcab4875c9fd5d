import { assert } from '../errors';
import { dedupeResponses, type DuplicatePolicy } from '../duplicates';
import { criticalValue } from '../stats/normal';
import { compareToTarget, estimateFrom, type TargetComparison } from '../stats/estimate';
import { requireMinResponses } from '../stats/minResponses';
import type { SurveyResponse } from '../response';
import type { Survey } from '../survey';
import { aggregate, type GroupStats } from './aggregate';
import { scoreResponses, type ScoredResponses } from './scoreResponses';
import { requireSurvey } from '../requireResponses';

/**
 * A 0..100 score estimated from `n` responses with its sampling error, and how it compares with the
 * target when one was given. `score` is `null` when `n` is 0; the errors are `null` below 2.
 *
 * @example
 * ```ts
 * const e: ScoreEstimate = { n: 0, score: null, standardError: null, marginOfError: null, intervalMethod: 'normal', insufficient: false, target: null };
 * ```
 */
export interface ScoreEstimate {
  /** Responses that answered at least one scored question counted here. */
  readonly n: number;
  readonly score: number | null;
  /** Sample standard deviation of the per-response scores over `sqrt(n)`. */
  readonly standardError: number | null;
  /** `z × standardError` at the chosen confidence (the t quantile on n − 1 degrees of freedom below 30 responses). */
  readonly marginOfError: number | null;
  /** `'t'` below {@link SMALL_SAMPLE_SIZE} responses, `'normal'` from there on. */
  readonly intervalMethod: 'normal' | 't';
  /** True when fewer responses than `minResponses` were behind it: `score` is then `null`. */
  readonly insufficient: boolean;
  readonly target: TargetComparison | null;
}

/**
 * One dimension's score in a {@link SatisfactionIndex}.
 *
 * @example
 * ```ts
 * const d: DimensionScore = { dimension: 'product', label: '产品质量', weight: 2, n: 0, score: null, standardError: null, marginOfError: null, target: null };
 * ```
 */
export interface DimensionScore extends ScoreEstimate {
  readonly dimension: string;
  readonly label?: string;
  readonly weight: number;
}

/**
 * A weighted satisfaction index on 0..100, overall and per dimension.
 *
 * @example
 * ```ts
 * const idx: SatisfactionIndex = { n: 0, score: null, standardError: null, marginOfError: null, target: null, confidence: 0.95, dimensions: [] };
 * ```
 */
export interface SatisfactionIndex extends ScoreEstimate {
  readonly confidence: number;
  readonly dimensions: readonly DimensionScore[];
}

/**
 * Options for {@link satisfactionIndex}.
 *
 * @example
 * ```ts
 * const options: SatisfactionIndexOptions = { target: 90, confidence: 0.95, duplicates: 'reject' };
 * ```
 */
export interface SatisfactionIndexOptions {
  /** A target on 0..100 (for example 90) to compare the index and every dimension with. Default: none. */
  readonly target?: number;
  /** Confidence of margins of error and target tests (default 0.95). */
  readonly confidence?: number;
  /** Repeated responses by one customer: `keep-latest` (default), `reject` or `assume-unique`; see {@link DuplicatePolicy}. */
  readonly duplicates?: DuplicatePolicy;
  /** An estimate from fewer responses than this is reported as `insufficient` with a `null` score (default: no minimum). */
  readonly minResponses?: number;
}

/**
 * The weighted satisfaction index of a survey's responses. Each answer is rescaled to 0..100 by its
 * scale, `(v − min) / (max − min) × 100` (yes = 100, no = 0; reversed questions are flipped); a
 * response's dimension score is the weighted mean of its answers in that dimension, and its index is
 * the weighted mean of the dimension scores it has (dimension weights renormalised over the
 * dimensions it answered). The reported scores are the means over responses of these per-response
 * scores (with complete answers, the overall index is exactly the weighted mean of the dimension
 * scores), each with the standard error of a mean and, given a `target`, a two-sided z test of the
 * gap (see {@link compareToTarget}). Free-text questions are never scored; responses that answered
 * no scored question do not count.
 *
 * @param responses - parsed responses to this survey (see {@link parseResponse})
 * @param survey - the parsed survey
 * @param options - `target` (none), `confidence` (0.95), `duplicates` (`keep-latest`)
 * @returns the index overall and per dimension
 * @throws {CrmError} `ANSWER_OUT_OF_SCALE`, `UNKNOWN_QUESTION`, `INVALID_ARGUMENT` (a response to
 * another survey, a bad confidence or target), `DUPLICATE_RESPONSE` (under `duplicates: 'reject'`);
 * `INVALID_SURVEY` when `survey` does not have the shape `defineSurvey` returns
 *
 * @example
 * ```ts
 * import { defineSurvey, satisfactionIndex } from 'crmkit/satisfaction';
 * const survey = defineSurvey({
 *   id: 's1', name: '回访',
 *   dimensions: [{ id: 'product', label: '产品质量', weight: 2 }, { id: 'service', label: '服务态度', weight: 1 }],
 *   questions: [{ id: 'q1', scale: 'csat5', dimension: 'product' }, { id: 'q2', scale: 'csat5', dimension: 'service' }],
 * });
 * const at = new Date('2026-03-01');
 * const idx = satisfactionIndex([
 *   { id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'sms', answeredAt: at, answers: { q1: 5, q2: 3 } },
 *   { id: 'r2', surveyId: 's1', customerId: 'c2', channel: 'sms', answeredAt: at, answers: { q1: 4, q2: 5 } },
 * ], survey, { target: 90 });
 * // r1: (2×100 + 1×50) / 3 = 83.33; r2: (2×75 + 1×100) / 3 = 83.33
 * Math.round(idx.score! * 100) / 100;
 * //=> 83.33
 * idx.dimensions.map((d) => [d.label, d.score]);
 * //=> [['产品质量', 87.5], ['服务态度', 75]]
 * idx.target!.verdict;
 * //=> 'below'
 * ```
 */
export function satisfactionIndex(responses: readonly SurveyResponse[], survey: Survey, options: SatisfactionIndexOptions = {}): SatisfactionIndex {
  requireSurvey(survey);
  const kept = dedupeResponses(responses, { duplicates: options.duplicates ?? 'keep-latest' });
  const scored = scoreResponses(kept, survey);
  return indexOfGroup(scored, aggregate(scored, null, 1), 0, options);
}

/** @internal The index of group `g` from its accumulators. */
export function indexOfGroup(scored: ScoredResponses, stats: GroupStats, g: number, options: SatisfactionIndexOptions): SatisfactionIndex {
  const confidence = options.confidence ?? 0.95;
  criticalValue(confidence);
  const minResponses = requireMinResponses(options.minResponses);
  assert(options.target === undefined || Number.isFinite(options.target), 'INVALID_ARGUMENT', { params: { field: 'target', rule: 'must be a finite number' } });
  const at = (slot: number): ScoreEstimate => {
    const k = g * stats.slots + slot;
    const e = estimateFrom(stats.count[k] as number, stats.mean[k] as number, stats.m2[k] as number, confidence, minResponses);
    const target = options.target === undefined ? null : compareToTarget(e.score, e.standardError, options.target, { confidence, n: e.n });
    return { ...e, target };
  };
  const dimensions = scored.dimensions.map((d, i): DimensionScore => ({
    dimension: d.id,
    ...(d.label !== undefined && { label: d.label }),
    weight: d.weight,
    ...at(i + 1),
  }));
  return { ...at(0), confidence, dimensions };
}
