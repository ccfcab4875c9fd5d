import { assert } from './errors';

/** One histogram bin: `[start, end)` (the last bin includes `end`) and how many values fell in it. */
export interface Bin {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

/**
 * @internal Counts finite values into `bins` equal-width bins over `[min, max]` in one pass; values
 * outside are clamped into the end bins. Returns the bins and how many values were not finite.
 */
export function equalWidthBins(values: ArrayLike<number>, bins: number, min: number, max: number): { bins: Bin[]; skipped: number } {
  assert(Number.isInteger(bins) && bins >= 1 && bins <= 1000, 'INVALID_ARGUMENT', { params: { field: 'bins', rule: 'must be an integer from 1 to 1000' } });
  assert(Number.isFinite(min) && Number.isFinite(max) && max > min, 'INVALID_ARGUMENT', { params: { field: 'range', rule: 'must be finite with max above min' } });
  const counts = new Float64Array(bins);
  const width = (max - min) / bins;
  let skipped = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      skipped++;
      continue;
    }
    const k = Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)));
    counts[k] = (counts[k] as number) + 1;
  }
  const out: Bin[] = [];
  for (let k = 0; k < bins; k++) out.push({ start: min + k * width, end: k === bins - 1 ? max : min + (k + 1) * width, count: counts[k] as number });
  return { bins: out, skipped };
}

export { requireNumbers } from '../core/guards';
