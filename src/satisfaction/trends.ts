import { CrmError, assert } from './errors';
import { dedupeResponses, type DuplicatePolicy } from './duplicates';
import { periodKey, type Period } from './index/periodKey';
import type { DimensionScore } from './index/satisfactionIndex';
import { satisfactionIndexBy } from './index/satisfactionIndexBy';
import { ces } from './ces';
import { csat } from './csat';
import { nps } from './nps';
import { criticalValue } from './stats/normal';
import { isAnswerInScale } from './validateResponse';
import type { SurveyResponse } from './response';
import type { Survey } from './survey';
import { requireSurvey } from './requireResponses';

/**
 * What a trend follows: the overall `index`, one dimension's score (0..100), or one question's own
 * statistic, chosen by its scale: NPS (−100..100) for `nps`, the top-2-box CSAT percentage for
 * `csat5` / `csat7`, the mean (1..7) for `ces7`, the percentage answering yes for `yes_no`.
 * Question statistics use the raw answers (`reversed` is not applied).
 *
 * @example
 * ```ts
 * const metric: TrendMetric = { question: 'recommend' };
 * ```
 */
export type TrendMetric = 'index' | { readonly dimension: string } | { readonly question: string };

/**
 * Options for {@link satisfactionTrend}.
 *
 * @example
 * ```ts
 * const options: TrendOptions = { period: 'quarter', metric: { dimension: 'delivery' }, utcOffsetMinutes: 480 };
 * ```
 */
export interface TrendOptions {
  /** Calendar period (default `month`). */
  readonly period?: Period;
  /** What to follow (default `index`). */
  readonly metric?: TrendMetric;
  /** Time zone offset for periods, in minutes east of UTC (default 0). */
  readonly utcOffsetMinutes?: number;
  /** Confidence of margins of error and of the change test (default 0.95). */
  readonly confidence?: number;
  /** Repeated responses by one customer: `keep-latest` (default), `reject` or `assume-unique`; see {@link DuplicatePolicy}. */
  readonly duplicates?: DuplicatePolicy;
}

/**
 * One period of a trend.
 *
 * @example
 * ```ts
 * const p: TrendPoint = { period: '2026-03', n: 0, score: null, standardError: null, marginOfError: null, change: null, changeMarginOfError: null, significant: false };
 * ```
 */
export interface TrendPoint {
  readonly period: string;
  readonly n: number;
  readonly score: number | null;
  readonly standardError: number | null;
  readonly marginOfError: number | null;
  /** `score − previous score` (the previous listed period), or `null` for the first or without scores. */
  readonly change: number | null;
  /** `z × sqrt(SE² + SE_previous²)`, or `null` when either error is unknown. */
  readonly changeMarginOfError: number | null;
  /** Whether `|change|` exceeds `changeMarginOfError`: beyond sampling noise. */
  readonly significant: boolean;
}

/**
 * A score followed period by period with the change from the previous period and whether it is
 * beyond the margin of error. The change is tested as the difference of two independent estimates
 * (two-sample z test: `|Δ| > z × sqrt(SE₁² + SE₂²)`). Standard errors: the multinomial one for NPS
 * (see {@link nps}), `100 × sqrt(p(1 − p)/n)` for percentages, that of a mean otherwise. Periods with
 * no responses are absent.
 *
 * @param responses - parsed responses to this survey
 * @param survey - the parsed survey
 * @param options - `period` (`month`), `metric` (`index`), `utcOffsetMinutes` (0), `confidence`
 * (0.95), `duplicates` (`keep-latest`)
 * @returns one point per period, in time order
 * @throws {CrmError} as {@link satisfactionIndex}; `UNKNOWN_QUESTION` for a question metric naming no
 * scored question of the survey; `INVALID_ARGUMENT` for an unknown dimension
 *
 * @example
 * ```ts
 * import { defineSurvey, satisfactionTrend } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] });
 * const r = (id: string, month: string, nps: number) =>
 *   ({ id, surveyId: 's1', customerId: id, channel: 'sms', answeredAt: new Date(`2026-${month}-15`), answers: { nps } });
 * const trend = satisfactionTrend(
 *   [r('a', '01', 10), r('b', '01', 3), r('c', '02', 10), r('d', '02', 9)],
 *   survey, { metric: { question: 'nps' } },
 * );
 * // two answers a month: +100 points is still within the margin of error (1.96 × sqrt(70.71² + 0²) = 138.59)
 * trend.map((p) => [p.period, p.score, p.change, p.significant]);
 * //=> [['2026-01', 0, null, false], ['2026-02', 100, 100, false]]
 * ```
 */
export function satisfactionTrend(responses: readonly SurveyResponse[], survey: Survey, options: TrendOptions = {}): TrendPoint[] {
  requireSurvey(survey);
  const confidence = options.confidence ?? 0.95;
  const z = criticalValue(confidence);
  const metric = options.metric ?? 'index';
  const period = options.period ?? 'month';
  let points: { period: string; n: number; score: number | null; standardError: number | null; marginOfError: number | null }[];
  if (typeof metric === 'object' && 'question' in metric) {
    points = questionByPeriod(responses, survey, metric.question, period, options, z, confidence);
  } else {
    const groups = satisfactionIndexBy(responses, survey, { ...options, by: 'period', period, confidence });
    const dims = survey.dimensions?.map((d) => d.id) ?? survey.questions.filter((q) => q.scale !== 'text').map((q) => q.dimension);
    const slot = typeof metric === 'object' ? dims.indexOf(metric.dimension) : -1;
    assert(typeof metric !== 'object' || slot >= 0, 'INVALID_ARGUMENT', { params: { field: 'metric.dimension', rule: 'must be a scored dimension of the survey' } });
    points = groups.map((g) => {
      const e = slot >= 0 ? (g.dimensions.find((d) => d.dimension === dims[slot]) as DimensionScore) : g;
      return { period: g.key, n: e.n, score: e.score, standardError: e.standardError, marginOfError: e.marginOfError };
    });
  }
  return points.map((p, i) => {
    const prev = i > 0 ? points[i - 1] : undefined;
    const change = prev !== undefined && prev.score !== null && p.score !== null ? p.score - prev.score : null;
    const changeMarginOfError =
      change !== null && prev?.standardError != null && p.standardError !== null ? z * Math.sqrt(p.standardError ** 2 + prev.standardError ** 2) : null;
    return { ...p, change, changeMarginOfError, significant: changeMarginOfError !== null && change !== null && Math.abs(change) > changeMarginOfError };
  });
}

function questionByPeriod(
  responses: readonly SurveyResponse[],
  survey: Survey,
  questionId: string,
  period: Period,
  options: TrendOptions,
  z: number,
  confidence: number,
) {
  const q = survey.questions.find((x) => x.id === questionId);
  assert(q !== undefined && q.scale !== 'text', 'UNKNOWN_QUESTION', { params: { question: questionId } });
  const kept = dedupeResponses(responses, { duplicates: options.duplicates ?? 'keep-latest' });
  const byPeriod = new Map<string, number[]>();
  const p = { utcOffsetMinutes: options.utcOffsetMinutes ?? 0 };
  kept.forEach((r, i) => {
    assert(r.surveyId === survey.id, 'INVALID_ARGUMENT', { params: { field: `responses.${i}.surveyId`, rule: `must be ${survey.id}` } });
    const v = r.answers[questionId];
    if (v === undefined) return;
    if (!isAnswerInScale(q, v)) throw new CrmError('ANSWER_OUT_OF_SCALE', { params: { question: questionId, scale: q.scale }, details: { response: i } });
    const key = periodKey(r.answeredAt, period, p);
    let values = byPeriod.get(key);
    if (values === undefined) byPeriod.set(key, (values = []));
    values.push(typeof v === 'boolean' ? (v ? 1 : 0) : (v as number));
  });
  return [...byPeriod]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, values]) => ({ period: key, ...questionStatistic(q.scale, values, z, confidence) }));
}

function questionStatistic(scale: string, values: number[], z: number, confidence: number) {
  const n = values.length;
  if (scale === 'nps') {
    const r = nps(values, { confidence });
    return { n, score: r.score, standardError: r.standardError, marginOfError: r.marginOfError };
  }
  if (scale === 'ces7') {
    const r = ces(values, { confidence });
    return { n, score: r.mean, standardError: r.standardError, marginOfError: r.marginOfError };
  }
  let share: number;
  if (scale === 'yes_no') share = values.reduce((a, b) => a + b, 0) / n;
  else share = csat(values, { scale: scale === 'csat7' ? 7 : 5, confidence }).share as number;
  const se = n >= 2 ? 100 * Math.sqrt((share * (1 - share)) / n) : null;
  return { n, score: 100 * share, standardError: se, marginOfError: se === null ? null : z * se };
}
