import { CrmError } from '../errors';
import { selectRanks } from './selectRanks';

/**
 * A column of numbers: a typed array (fastest) or a plain array.
 *
 * @example
 * ```ts
 * const col: NumberColumn = Float64Array.of(1, 2, 3);
 * ```
 */
export type NumberColumn = ArrayLike<number>;

export function checkBins(bins: number): void {
  if (!Number.isInteger(bins) || bins < 1 || bins > 100) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'bins', rule: 'must be an integer from 1 to 100' } });
  }
}

function checkedCopy(values: NumberColumn, field: string): Float64Array {
  const n = values.length;
  const copy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // NaN would take an arbitrary score silently; refuse it instead.
    if (v !== v || typeof v !== 'number') throw new CrmError('INVALID_ARGUMENT', { params: { field: `${field}.${i}`, rule: 'must be a number, not NaN' } });
    copy[i] = v;
  }
  return copy;
}

/**
 * Quantile scores 1..bins. A value's score is the bin of its first rank: with `rank` = how many
 * values are strictly better-placed below it, score = floor(rank * bins / n) + 1. Equal values
 * therefore always share a score. Implemented with bins - 1 cut values (order statistics found by
 * `selectRanks`, without a full sort) and O(n * bins) flat comparisons.
 *
 * `higherIsBetter = false` reverses the scale (recency: fewer days scores higher); rank then counts
 * the values strictly greater.
 */
export function quantileScores(values: NumberColumn, bins: number, higherIsBetter: boolean, field: string): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  if (n === 0) return out;
  // With `sorted` the ascending order: rank >= j  <=>  sorted[j-1] < v (higher is better),
  // and sorted[n-j] > v (lower is better). Only those bins - 1 order statistics are needed.
  const positions: number[] = [];
  for (let k = 1; k < bins; k++) {
    const j = Math.ceil((k * n) / bins);
    positions.push(higherIsBetter ? j - 1 : n - j);
  }
  const order = positions.map((_, i) => i).sort((x, y) => (positions[x] as number) - (positions[y] as number));
  const selected = selectRanks(checkedCopy(values, field), order.map((i) => positions[i] as number));
  const cuts = new Float64Array(bins - 1);
  order.forEach((i, r) => {
    cuts[i] = selected[r] as number;
  });
  const m = bins - 1;
  if (higherIsBetter) {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let s = 1;
      for (let k = 0; k < m; k++) if (v > (cuts[k] as number)) s++;
      out[i] = s;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      let s = 1;
      for (let k = 0; k < m; k++) if (v < (cuts[k] as number)) s++;
      out[i] = s;
    }
  }
  return out;
}

/**
 * Fixed-threshold scores: 1 + the number of thresholds reached. With `higherIsBetter`, a value
 * reaches threshold t when v >= t; otherwise (recency) when v <= t.
 */
export function thresholdScores(values: NumberColumn, thresholds: readonly number[], higherIsBetter: boolean, field: string): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  const t = Float64Array.from(thresholds);
  const m = t.length;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (v !== v || typeof v !== 'number') throw new CrmError('INVALID_ARGUMENT', { params: { field: `${field}.${i}`, rule: 'must be a number, not NaN' } });
    let s = 1;
    if (higherIsBetter) {
      for (let k = 0; k < m; k++) if (v >= (t[k] as number)) s++;
    } else {
      for (let k = 0; k < m; k++) if (v <= (t[k] as number)) s++;
    }
    out[i] = s;
  }
  return out;
}

export function checkThresholds(thresholds: unknown, field: string): readonly number[] {
  const ok =
    Array.isArray(thresholds) &&
    thresholds.length >= 1 &&
    thresholds.length <= 99 &&
    thresholds.every((t, i) => typeof t === 'number' && Number.isFinite(t) && (i === 0 || t > (thresholds[i - 1] as number)));
  if (!ok) throw new CrmError('INVALID_ARGUMENT', { params: { field, rule: 'must be 1 to 99 finite numbers in strictly ascending order' } });
  return thresholds as number[];
}
