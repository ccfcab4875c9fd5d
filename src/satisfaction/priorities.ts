import { assert } from './errors';
import { dedupeResponses, type DuplicatePolicy } from './duplicates';
import { aggregate } from './index/aggregate';
import { indexOfGroup } from './index/satisfactionIndex';
import { scoreResponses } from './index/scoreResponses';
import { driverImportance, type DriverMethod } from './drivers/driverImportance';
import type { TargetComparison } from './stats/estimate';
import { scaleRange } from './scales';
import type { SurveyResponse } from './response';
import type { Survey } from './survey';
import { requireSurvey } from './requireResponses';

/**
 * Options for {@link improvementPriorities}.
 *
 * @example
 * ```ts
 * const options: PriorityOptions = { target: 90, importance: 'correlation', outcome: 'overall' };
 * ```
 */
export interface PriorityOptions {
  /** The target on 0..100 every dimension is measured against (for example 90). */
  readonly target: number;
  /**
   * Where importance comes from: `weight` (default), the dimension's share of the survey's dimension
   * weights; or `correlation`, the dimension's Pearson correlation with the outcome across responses
   * (negative correlations count as 0), as a share of the dimensions' total.
   */
  readonly importance?: 'weight' | 'correlation' | 'derived';
  /**
   * For `correlation`: a scored question whose rescaled answer is the outcome (an overall
   * satisfaction or NPS question; best kept at weight 0 or in its own dimension). Default: the
   * per-response index itself, which includes each dimension and so flatters every correlation.
   */
  readonly outcome?: string;
  /**
   * For `derived`: `relative-weights` (default) or `shapley`; see {@link keyDrivers}. Derived
   * importance is each dimension's share of the outcome's explained variance (R²) over the
   * responses that scored every dimension and the outcome; it needs `outcome`.
   */
  readonly method?: DriverMethod;
  /** Confidence of the gap test (default 0.95). */
  readonly confidence?: number;
  /** Repeated responses by one customer: `keep-latest` (default), `reject` or `assume-unique`; see {@link DuplicatePolicy}. */
  readonly duplicates?: DuplicatePolicy;
}

/**
 * An importance-performance quadrant; see {@link Priority.quadrant}.
 *
 * @example
 * ```ts
 * const q: Quadrant = 'improve-first';
 * ```
 */
export type Quadrant = 'improve-first' | 'keep' | 'maintain' | 'low-priority';

/**
 * One dimension's improvement priority.
 *
 * @example
 * ```ts
 * const p: Priority = {
 *   rank: 1, dimension: 'delivery', label: '配送速度', score: 70, n: 120, gap: 20, importance: 0.5, correlation: null, priority: 10,
 *   quadrant: 'improve-first',
 *   target: { target: 90, gap: -20, z: -8, pValue: 0, meaningful: true, verdict: 'below' },
 * };
 * ```
 */
export interface Priority {
  /** 1 = fix first. */
  readonly rank: number;
  readonly dimension: string;
  readonly label?: string;
  readonly n: number;
  readonly score: number | null;
  /** Shortfall `max(0, target − score)`; 0 when the target is met or there is no score. */
  readonly gap: number;
  /** Importance in 0..1; importances of all dimensions sum to 1 (or are all 0). */
  readonly importance: number;
  /** Pearson r with the outcome (`correlation` mode), `null` otherwise or when undefined. */
  readonly correlation: number | null;
  /** `importance × gap`. */
  readonly priority: number;
  /**
   * Importance-performance quadrant (J. A. Martilla and J. C. James, "Importance-performance
   * analysis", Journal of Marketing 41(1), 1977): importance at or above the mean importance
   * (1 / the dimensions with positive weight) is high, a score at or above the target is good. `improve-first` (high, short of
   * target), `keep` (high, on target), `maintain` (low, on target: effort may be better spent
   * elsewhere), `low-priority` (low, short of target); `null` without a score.
   */
  readonly quadrant: Quadrant | null;
  /** The test of the gap against the target. */
  readonly target: TargetComparison;
}

/**
 * Ranks a survey's dimensions by what to fix first: priority = importance × shortfall from the
 * target, the importance-performance reasoning of J. A. Martilla and J. C. James,
 * "Importance-Performance Analysis", Journal of Marketing 41(1), 1977, pp. 77-79, with importance
 * either stated (dimension weights), correlated (Pearson r with an outcome), or `derived`: each
 * dimension's share of the outcome's R² by relative weights or Shapley value regression (see
 * {@link keyDrivers}), which splits credit fairly among correlated dimensions where plain
 * correlations double-count. Each dimension also gets its importance-performance quadrant. Ties rank
 * the larger gap first, then by dimension id.
 *
 * @param responses - parsed responses to this survey
 * @param survey - the parsed survey
 * @param options - `target` (required), `importance` (`weight`), `outcome` (the index; required for
 * `derived`), `method` (`relative-weights`), `confidence` (0.95), `duplicates` (`keep-latest`)
 * @returns every dimension, ranked
 * @throws {CrmError} as {@link satisfactionIndex}; `INVALID_ARGUMENT` for a target outside 0..100;
 * `UNKNOWN_QUESTION` for an outcome that is not a scored question of the survey;
 * `INSUFFICIENT_DATA` for `derived` with fewer than (weighted) dimensions + 2 complete responses or
 * an outcome that does not vary
 *
 * @example
 * ```ts
 * import { defineSurvey, improvementPriorities } from 'crmkit/satisfaction';
 * const survey = defineSurvey({
 *   id: 's1', name: '回访',
 *   dimensions: [{ id: 'product', label: '产品质量', weight: 3 }, { id: 'delivery', label: '配送速度', weight: 1 }],
 *   questions: [{ id: 'q1', scale: 'csat5', dimension: 'product' }, { id: 'q2', scale: 'csat5', dimension: 'delivery' }],
 * });
 * const at = new Date('2026-03-01');
 * const r = (id: string, q1: number, q2: number) => ({ id, surveyId: 's1', customerId: id, channel: 'app', answeredAt: at, answers: { q1, q2 } });
 * // product 75 (gap 15, importance 0.75 → 11.25); delivery 50 (gap 40, importance 0.25 → 10)
 * improvementPriorities([r('a', 4, 3), r('b', 4, 3)], survey, { target: 90 }).map((p) => [p.dimension, p.priority]);
 * //=> [['product', 11.25], ['delivery', 10]]
 * improvementPriorities([r('a', 4, 3), r('b', 4, 3)], survey, { target: 90 }).map((p) => p.quadrant);
 * //=> ['improve-first', 'low-priority']
 * ```
 */
export function improvementPriorities(responses: readonly SurveyResponse[], survey: Survey, options: PriorityOptions): Priority[] {
  requireSurvey(survey);
  const { target } = options;
  assert(Number.isFinite(target) && target >= 0 && target <= 100, 'INVALID_ARGUMENT', { params: { field: 'target', rule: 'must be between 0 and 100' } });
  const mode = options.importance ?? 'weight';
  assert(mode === 'weight' || mode === 'correlation' || mode === 'derived', 'INVALID_ARGUMENT', {
    params: { field: 'importance', rule: 'must be weight, correlation or derived' },
  });
  assert(mode !== 'derived' || typeof options.outcome === 'string', 'INVALID_ARGUMENT', { params: { field: 'outcome', rule: 'is needed for derived importance' } });
  const kept = dedupeResponses(responses, { duplicates: options.duplicates ?? 'keep-latest' });
  const scored = scoreResponses(kept, survey);
  const idx = indexOfGroup(scored, aggregate(scored, null, 1), 0, { target, confidence: options.confidence ?? 0.95 });
  const D = scored.dimensions.length;
  const raw = new Float64Array(D);
  const correlations: (number | null)[] = new Array<number | null>(D).fill(null);
  if (mode === 'weight') {
    scored.dimensions.forEach((d, i) => (raw[i] = d.weight));
  } else if (mode === 'derived') {
    // Dimensions outside the index (weight 0, such as one holding the outcome question) are not drivers.
    const drivers = scored.dimensions.flatMap((d, i) => (d.weight > 0 ? [i] : []));
    const importance = derivedImportance(scored.dimensionScores, D, drivers, outcomeScores(kept, survey, options.outcome as string), options.method);
    drivers.forEach((d, j) => (raw[d] = importance[j] as number));
  } else {
    const outcome = options.outcome === undefined ? scored.index : outcomeScores(kept, survey, options.outcome);
    for (let d = 0; d < D; d++) {
      const r = pearson(scored.dimensionScores, d, D, outcome);
      correlations[d] = r;
      raw[d] = r !== null && r > 0 ? r : 0;
    }
  }
  let total = 0;
  for (let d = 0; d < D; d++) total += raw[d] as number;
  const weighted = Math.max(1, scored.dimensions.filter((d) => d.weight > 0).length);
  const rows = idx.dimensions.map((dim, i) => {
    const importance = total > 0 ? (raw[i] as number) / total : 0;
    const gap = dim.score === null ? 0 : Math.max(0, target - dim.score);
    return {
      dimension: dim.dimension,
      ...(dim.label !== undefined && { label: dim.label }),
      n: dim.n,
      score: dim.score,
      gap,
      importance,
      correlation: correlations[i] ?? null,
      priority: importance * gap,
      quadrant: quadrantOf(importance, weighted, dim.score, target),
      target: dim.target as TargetComparison,
    };
  });
  rows.sort((a, b) => b.priority - a.priority || b.gap - a.gap || (a.dimension < b.dimension ? -1 : 1));
  return rows.map((row, i) => ({ rank: i + 1, ...row }));
}

function quadrantOf(importance: number, dimensions: number, score: number | null, target: number): Quadrant | null {
  if (score === null) return null;
  const high = importance >= 1 / dimensions;
  const good = score >= target;
  return high ? (good ? 'keep' : 'improve-first') : good ? 'maintain' : 'low-priority';
}

/** Relative weights (or Shapley) of the dimension scores for the outcome, over complete responses. */
function derivedImportance(scores: Float64Array, D: number, drivers: readonly number[], outcome: Float64Array, method: DriverMethod | undefined): Float64Array {
  const p = drivers.length;
  const cols = p + 1;
  const data = new Float64Array(outcome.length * cols);
  let n = 0;
  for (let i = 0; i < outcome.length; i++) {
    const y = outcome[i] as number;
    if (y !== y) continue;
    let complete = true;
    for (let j = 0; j < p && complete; j++) {
      const x = scores[i * D + (drivers[j] as number)] as number;
      if (x !== x) complete = false;
      else data[n * cols + j] = x;
    }
    if (!complete) continue;
    data[n * cols + p] = y;
    n++;
  }
  return driverImportance(data.subarray(0, n * cols), n, p, { bootstrap: 0, ...(method !== undefined && { method }) }).importance;
}

function outcomeScores(responses: readonly SurveyResponse[], survey: Survey, questionId: string): Float64Array {
  const q = survey.questions.find((x) => x.id === questionId);
  const range = q === undefined ? null : scaleRange(q.scale);
  assert(q !== undefined && range !== null, 'UNKNOWN_QUESTION', { params: { question: questionId } });
  const out = new Float64Array(responses.length);
  for (let i = 0; i < responses.length; i++) {
    const v = (responses[i] as SurveyResponse).answers[questionId];
    const x = typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'number' ? (v - range.min) / (range.max - range.min) : NaN;
    out[i] = q.reversed ? 1 - x : x;
  }
  return out;
}

/** Pearson r over the responses where both the dimension and the outcome exist; null below 3 pairs or without variance. */
function pearson(scores: Float64Array, d: number, D: number, outcome: Float64Array): number | null {
  let n = 0;
  let mx = 0;
  let my = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < outcome.length; i++) {
    const x = scores[i * D + d] as number;
    const y = outcome[i] as number;
    if (x !== x || y !== y) continue;
    n++;
    const dx = x - mx;
    const dy = y - my;
    mx += dx / n;
    my += dy / n;
    sxx += dx * (x - mx);
    syy += dy * (y - my);
    sxy += dx * (y - my);
  }
  if (n < 3 || sxx <= 0 || syy <= 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}
