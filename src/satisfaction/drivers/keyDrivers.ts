import { CrmError, assert } from '../errors';
import { dedupeResponses, type DuplicatePolicy } from '../duplicates';
import { requireResponses } from '../requireResponses';
import type { SurveyResponse } from '../response';
import type { Interval } from '../stats/wilson';
import { driverImportance, type DriverMethod, type DriverImportanceResult } from './driverImportance';

/**
 * Options for {@link keyDrivers}.
 *
 * @example
 * ```ts
 * const options: KeyDriverOptions = { outcome: 'overall', drivers: ['quality', 'speed', 'staff'], bootstrap: 200 };
 * ```
 */
export interface KeyDriverOptions {
  /** The question whose answer is the outcome (overall satisfaction, the NPS question, ...). */
  readonly outcome: string;
  /** The questions whose answers may drive it: at least 1, at most 30 (12 for `shapley`). */
  readonly drivers: readonly string[];
  /** `relative-weights` (Johnson 2000, the default) or `shapley` (Shapley value regression). */
  readonly method?: DriverMethod;
  /** Bootstrap resamples for the intervals, 0 to 10,000 (default 500; 0 for none). */
  readonly bootstrap?: number;
  /** Seed of the resampling (default 1): the same seed gives the same intervals. */
  readonly seed?: number;
  /** Confidence of the intervals (default 0.95). */
  readonly confidence?: number;
  /** Repeated responses by one customer: `keep-latest` (default), `reject` or `assume-unique`. */
  readonly duplicates?: DuplicatePolicy;
}

/**
 * One driver's derived importance.
 *
 * @example
 * ```ts
 * const d: KeyDriver = {
 *   driver: 'quality', rank: 1, importance: 0.31, share: 0.52, interval: { lower: 0.22, upper: 0.4 },
 *   correlation: 0.71, indistinguishableFrom: ['staff'],
 * };
 * ```
 */
export interface KeyDriver {
  readonly driver: string;
  /** 1 = the most important. */
  readonly rank: number;
  /** The driver's part of R² (the importances sum to `rSquared`). */
  readonly importance: number;
  /** `importance / rSquared`, in 0..1 (0 when R² is 0). */
  readonly share: number;
  /** Bootstrap percentile interval of `importance`, or `null` without resamples. */
  readonly interval: Interval | null;
  /** Plain Pearson correlation with the outcome, for comparison. */
  readonly correlation: number;
  /**
   * Drivers whose importance this one cannot be told apart from: the bootstrap interval of the
   * difference in importance includes 0. Empty without resamples.
   */
  readonly indistinguishableFrom: readonly string[];
}

/**
 * The result of {@link keyDrivers}.
 *
 * @example
 * ```ts
 * const r: KeyDriverResult = { method: 'relative-weights', n: 120, dropped: 3, rSquared: 0.6, bootstrap: 500, confidence: 0.95, drivers: [] };
 * ```
 */
export interface KeyDriverResult {
  readonly method: DriverMethod;
  /** Responses used: those that answered the outcome and every driver with a number or yes/no. */
  readonly n: number;
  /** Responses left out for a missing or free-text answer. */
  readonly dropped: number;
  /** R² of the outcome regressed on all drivers. */
  readonly rSquared: number;
  /** Resamples that produced importances (resamples whose outcome did not vary are skipped). */
  readonly bootstrap: number;
  readonly confidence: number;
  /** By importance, most important first. */
  readonly drivers: readonly KeyDriver[];
}

/**
 * Key driver analysis: how much each question drives an outcome question, as derived importance
 * (each driver's share of the outcome's explained variance) rather than what customers say matters.
 * `relative-weights` is Johnson's (2000) method; `shapley` is Shapley value regression (LMG), which
 * Thomas et al. (2014) recommend where the two differ. Both split R² among correlated drivers, where
 * regression coefficients and correlations mislead. Bootstrap percentile intervals (B. Efron and
 * R. Tibshirani, An Introduction to the Bootstrap, 1993, ch. 13) say how sure each importance is,
 * and which drivers cannot be told apart. Answers are used as given (booleans as 1/0); a response
 * missing any of the questions is dropped and counted.
 *
 * @param responses - survey responses
 * @param options - `outcome`, `drivers`, `method`, `bootstrap`, `seed`, `confidence`, `duplicates`
 * @returns R², and per driver its importance, share, interval, correlation and ties
 * @throws {CrmError} `INVALID_ARGUMENT` for bad options; `INSUFFICIENT_DATA` when fewer than
 * drivers + 2 responses remain or the outcome does not vary
 *
 * @example
 * The outcome is exactly 2 × quality + speed, so R² is 1 and quality leads.
 * ```ts
 * import { keyDrivers } from 'crmkit/satisfaction';
 * const rows = [[1, 1, 1], [2, 1, 2], [1, 2, 2], [2, 2, 1], [3, 1, 3], [1, 3, 3], [3, 3, 2], [2, 3, 3]];
 * const responses = rows.map(([quality, speed, staff], i) => ({
 *   id: `r${i}`, surveyId: 's', customerId: `c${i}`, channel: 'sms', answeredAt: new Date('2026-03-01'),
 *   answers: { quality, speed, staff, overall: 2 * quality! + speed! },
 * }));
 * const r = keyDrivers(responses, { outcome: 'overall', drivers: ['quality', 'speed', 'staff'], bootstrap: 0 });
 * Math.round(r.rSquared * 1e9) / 1e9;
 * //=> 1
 * r.drivers.map((d) => d.driver);
 * //=> ['quality', 'speed', 'staff']
 * ```
 */
export function keyDrivers(responses: readonly SurveyResponse[], options: KeyDriverOptions): KeyDriverResult {
  requireResponses(responses);
  const outcome = options?.outcome;
  assert(typeof outcome === 'string' && outcome !== '', 'INVALID_ARGUMENT', { params: { field: 'outcome', rule: 'must be a question id' } });
  const drivers = options.drivers;
  assert(Array.isArray(drivers) && drivers.length >= 1 && drivers.length <= 30, 'INVALID_ARGUMENT', {
    params: { field: 'drivers', rule: 'must list 1 to 30 question ids' },
  });
  const ids = new Set<string>();
  for (let j = 0; j < drivers.length; j++) {
    const d = drivers[j];
    assert(typeof d === 'string' && d !== '' && d !== outcome && !ids.has(d), 'INVALID_ARGUMENT', {
      params: { field: `drivers.${j}`, rule: 'must be a distinct question id other than the outcome' },
    });
    ids.add(d);
  }
  const kept = dedupeResponses(responses, { duplicates: options.duplicates ?? 'keep-latest' });
  const p = drivers.length;
  const cols = p + 1;
  const data = new Float64Array(kept.length * cols);
  let n = 0;
  for (const r of kept) {
    const answers = r?.answers;
    if (answers === null || typeof answers !== 'object') throw new CrmError('INVALID_ARGUMENT', { params: { field: 'responses.answers', rule: 'must be an object' } });
    let complete = true;
    for (let c = 0; c < cols && complete; c++) {
      const x = numeric(Object.hasOwn(answers, c < p ? (drivers[c] as string) : outcome) ? answers[c < p ? (drivers[c] as string) : outcome] : undefined);
      if (x === null) complete = false;
      else data[n * cols + c] = x;
    }
    if (complete) n++;
  }
  const result = driverImportance(data.subarray(0, n * cols), n, p, options);
  return freeze(result, drivers, kept.length - n);
}

function numeric(v: unknown): number | null {
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function freeze(result: DriverImportanceResult, names: readonly string[], dropped: number): KeyDriverResult {
  const drivers = result.order.map((j, rank): KeyDriver => Object.freeze({
    driver: names[j] as string,
    rank: rank + 1,
    importance: result.importance[j] as number,
    share: result.rSquared > 0 ? (result.importance[j] as number) / result.rSquared : 0,
    interval: result.intervals === null ? null : Object.freeze({ ...(result.intervals[j] as Interval) }),
    correlation: result.correlation[j] as number,
    indistinguishableFrom: Object.freeze((result.ties[j] as number[]).map((k) => names[k] as string)),
  }));
  return Object.freeze({
    method: result.method,
    n: result.n,
    dropped,
    rSquared: result.rSquared,
    bootstrap: result.resamples,
    confidence: result.confidence,
    drivers: Object.freeze(drivers),
  });
}
