import type { ScoredResponses } from './scoreResponses';

/**
 * @internal Welford accumulators per group for the index (slot 0) and each dimension (slots 1..D):
 * count, mean and sum of squared deviations, flat in typed arrays.
 */
export interface GroupStats {
  readonly groups: number;
  readonly slots: number;
  readonly count: Float64Array;
  readonly mean: Float64Array;
  readonly m2: Float64Array;
}

/** @internal One pass over the scored responses; `groupOf[i] < 0` leaves response i out. */
export function aggregate(scored: ScoredResponses, groupOf: Int32Array | null, groups: number): GroupStats {
  const D = scored.dimensions.length;
  const slots = D + 1;
  const count = new Float64Array(groups * slots);
  const mean = new Float64Array(groups * slots);
  const m2 = new Float64Array(groups * slots);
  const N = scored.index.length;
  const { index, dimensionScores } = scored;
  for (let i = 0; i < N; i++) {
    const g = groupOf === null ? 0 : (groupOf[i] as number);
    if (g < 0) continue;
    const base = g * slots;
    push(count, mean, m2, base, index[i] as number);
    const row = i * D;
    for (let d = 0; d < D; d++) push(count, mean, m2, base + 1 + d, dimensionScores[row + d] as number);
  }
  return { groups, slots, count, mean, m2 };
}

function push(count: Float64Array, mean: Float64Array, m2: Float64Array, k: number, x: number): void {
  if (x !== x) return; // NaN: nothing answered
  const c = (count[k] as number) + 1;
  count[k] = c;
  const d = x - (mean[k] as number);
  const m = (mean[k] as number) + d / c;
  mean[k] = m;
  m2[k] = (m2[k] as number) + d * (x - m);
}
