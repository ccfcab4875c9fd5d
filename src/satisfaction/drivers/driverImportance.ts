import { CrmError, assert } from '../errors';
import { mulberry32 } from '../../core/random';
import type { Interval } from '../stats/wilson';
import { fullRSquared, relativeWeights, shapleyWeights } from './importance';
import { correlationMatrix } from './matrix';

/**
 * How derived importance is computed: `relative-weights` (Johnson 2000) or `shapley` (Shapley value
 * regression, LMG).
 *
 * @example
 * ```ts
 * const method: DriverMethod = 'shapley';
 * ```
 */
export type DriverMethod = 'relative-weights' | 'shapley';

/** The most drivers Shapley value regression takes (it visits every subset: 2^p regressions). */
const MAX_SHAPLEY_DRIVERS = 12;
const MAX_BOOTSTRAP = 10_000;

/** @internal Options shared by keyDrivers and improvementPriorities. */
export interface DriverImportanceOptions {
  readonly method?: DriverMethod;
  readonly bootstrap?: number;
  readonly seed?: number;
  readonly confidence?: number;
}

/** @internal */
export interface DriverImportanceResult {
  readonly method: DriverMethod;
  readonly n: number;
  readonly rSquared: number;
  readonly importance: Float64Array;
  readonly correlation: Float64Array;
  readonly intervals: readonly Interval[] | null;
  /** Per driver, the drivers it cannot be told apart from. */
  readonly ties: readonly (readonly number[])[];
  /** Driver indexes by importance, highest first. */
  readonly order: readonly number[];
  readonly resamples: number;
  readonly confidence: number;
}

/**
 * @internal Derived importance of `p` driver columns for the outcome column (the last), over `n`
 * complete rows of `data` (row-major, p + 1 columns), with bootstrap intervals.
 */
export function driverImportance(data: Float64Array, n: number, p: number, options: DriverImportanceOptions): DriverImportanceResult {
  const method = options.method ?? 'relative-weights';
  assert(method === 'relative-weights' || method === 'shapley', 'INVALID_ARGUMENT', { params: { field: 'method', rule: 'must be relative-weights or shapley' } });
  assert(method !== 'shapley' || p <= MAX_SHAPLEY_DRIVERS, 'INVALID_ARGUMENT', {
    params: { field: 'drivers', rule: `must list at most ${MAX_SHAPLEY_DRIVERS} drivers for shapley` },
  });
  const B = options.bootstrap ?? 500;
  assert(Number.isInteger(B) && B >= 0 && B <= MAX_BOOTSTRAP, 'INVALID_ARGUMENT', { params: { field: 'bootstrap', rule: `must be an integer from 0 to ${MAX_BOOTSTRAP}` } });
  const seed = options.seed ?? 1;
  assert(Number.isSafeInteger(seed), 'INVALID_ARGUMENT', { params: { field: 'seed', rule: 'must be an integer' } });
  const confidence = options.confidence ?? 0.95;
  assert(confidence > 0 && confidence < 1, 'INVALID_ARGUMENT', { params: { field: 'confidence', rule: 'must be strictly between 0 and 1' } });
  if (n < p + 2) throw insufficient(`at least ${p + 2} complete responses`);
  const cols = p + 1;
  const weigh = method === 'shapley' ? shapleyWeights : relativeWeights;
  const full = correlationMatrix(data, n, cols);
  if (full.sd[p] === 0) throw insufficient('responses whose outcome varies');
  const importance = weigh(full.r, p);
  const correlation = new Float64Array(p);
  for (let j = 0; j < p; j++) correlation[j] = full.r[j * cols + p] as number;
  const rSquared = fullRSquared(full.r, p);
  const order = Array.from({ length: p }, (_, j) => j).sort((a, b) => (importance[b] as number) - (importance[a] as number) || a - b);
  if (B === 0) return { method, n, rSquared, importance, correlation, intervals: null, ties: order.map(() => []), order, resamples: 0, confidence };

  // Resample rows with replacement as multinomial counts: the weighted correlations of a resample
  // are those of the resampled rows.
  const random = mulberry32(seed);
  const counts = new Float64Array(n);
  const draws = new Float64Array(B * p);
  let resamples = 0;
  for (let b = 0; b < B; b++) {
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      const k = Math.floor(random() * n);
      counts[k] = (counts[k] as number) + 1;
    }
    const m = correlationMatrix(data, n, cols, counts);
    if (m.sd[p] === 0) continue;
    draws.set(weigh(m.r, p), resamples * p);
    resamples++;
  }
  if (resamples === 0) return { method, n, rSquared, importance, correlation, intervals: null, ties: order.map(() => []), order, resamples, confidence };
  const alpha = (1 - confidence) / 2;
  const column = new Float64Array(resamples);
  const intervals: Interval[] = [];
  for (let j = 0; j < p; j++) {
    for (let b = 0; b < resamples; b++) column[b] = draws[b * p + j] as number;
    intervals.push(percentileInterval(column, alpha));
  }
  const ties: number[][] = order.map(() => []);
  for (let i = 0; i < p; i++) {
    for (let j = i + 1; j < p; j++) {
      for (let b = 0; b < resamples; b++) column[b] = (draws[b * p + i] as number) - (draws[b * p + j] as number);
      const d = percentileInterval(column, alpha);
      if (d.lower <= 0 && d.upper >= 0) {
        (ties[i] as number[]).push(j);
        (ties[j] as number[]).push(i);
      }
    }
  }
  return { method, n, rSquared, importance, correlation, intervals, ties, order, resamples, confidence };
}

/** The α and 1 − α sample quantiles (linear interpolation, Hyndman & Fan type 7); sorts `values`. */
function percentileInterval(values: Float64Array, alpha: number): Interval {
  values.sort();
  const at = (q: number): number => {
    const h = (values.length - 1) * q;
    const lo = Math.floor(h);
    const hi = Math.min(values.length - 1, lo + 1);
    return (values[lo] as number) + (h - lo) * ((values[hi] as number) - (values[lo] as number));
  };
  return { lower: at(alpha), upper: at(1 - alpha) };
}

function insufficient(rule: string): CrmError {
  return new CrmError('INSUFFICIENT_DATA', { params: { model: 'key driver analysis', rule } });
}
