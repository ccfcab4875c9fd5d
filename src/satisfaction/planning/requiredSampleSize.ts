import { CrmError, assert } from '../errors';
import { SMALL_SAMPLE_SIZE, criticalValueForSample } from '../stats/studentT';

const MAX_SAMPLE = 1e12;

/**
 * What {@link requiredSampleSize} plans for: an NPS margin in score points (for example 5 for
 * ±5 points) with the expected promoter and detractor shares, or a CSAT margin as a share (0.05 for
 * ±5 percentage points) with the expected satisfied share. Without expected shares the worst case is
 * planned (NPS: 50% promoters and 50% detractors; CSAT: 50%).
 *
 * @example
 * ```ts
 * const plan: SampleSizeOptions = { metric: 'nps', marginOfError: 5, expected: { promoterShare: 0.4, detractorShare: 0.2 } };
 * ```
 */
export type SampleSizeOptions =
  | {
      readonly metric: 'nps';
      readonly marginOfError: number;
      readonly expected?: { readonly promoterShare: number; readonly detractorShare: number };
      readonly confidence?: number;
      /** Customers in the segment (finite population correction); default: unlimited. */
      readonly population?: number;
    }
  | {
      readonly metric: 'csat';
      readonly marginOfError: number;
      readonly expected?: { readonly share: number };
      readonly confidence?: number;
      readonly population?: number;
    };

/**
 * The number of responses needed for a target margin of error, from the same variance formulas the
 * scores use: NPS `Var = p_P + p_D − (p_P − p_D)²` per answer (the +1/0/−1 coding, Rocks 2016) in
 * score points squared ×10⁴, CSAT `p(1 − p)`. `n₀ = z²·Var / E²`, with the finite population
 * correction `n = n₀ / (1 + (n₀ − 1)/N)` (W. G. Cochran, Sampling Techniques, 3rd ed., 1977, §4.4).
 * Where the answer is under 30, the NPS margin uses the t quantile (as {@link nps} does), so the
 * plan grows until t on n − 1 degrees of freedom meets the margin; a small CSAT sample is scored with
 * the exact interval, which is wider than planned here: plan for 30 or more.
 *
 * @param options - `metric`, `marginOfError`, `expected`, `confidence` (0.95), `population`
 * @returns the responses needed (an integer; never more than `population`)
 * @throws {CrmError} `INVALID_ARGUMENT` for a margin, share, confidence or population out of range
 *
 * @example
 * The worst case for ±5 NPS points at 95%: 1.959964² × 10,000 / 25 = 1,536.6, so 1,537; among 500
 * customers 1,536.6 / (1 + 1,535.6 / 500) = 377.4, so 378. For ±5 points of CSAT expected near 90%:
 * 1.959964² × 0.09 / 0.0025 = 138.3, so 139.
 * ```ts
 * import { requiredSampleSize } from 'crmkit/satisfaction';
 * requiredSampleSize({ metric: 'nps', marginOfError: 5 });
 * //=> 1537
 * requiredSampleSize({ metric: 'csat', marginOfError: 0.05, expected: { share: 0.9 } });
 * //=> 139
 * requiredSampleSize({ metric: 'nps', marginOfError: 5, population: 500 });
 * //=> 378
 * ```
 */
export function requiredSampleSize(options: SampleSizeOptions): number {
  const metric = options?.metric;
  assert(metric === 'nps' || metric === 'csat', 'INVALID_ARGUMENT', { params: { field: 'metric', rule: 'must be nps or csat' } });
  const e = options.marginOfError;
  const maxMargin = metric === 'nps' ? 200 : 1;
  assert(Number.isFinite(e) && e > 0 && e <= maxMargin, 'INVALID_ARGUMENT', { params: { field: 'marginOfError', rule: `must be above 0 and at most ${maxMargin}` } });
  const population = options.population;
  assert(population === undefined || (Number.isSafeInteger(population) && population >= 1), 'INVALID_ARGUMENT', {
    params: { field: 'population', rule: 'must be a positive integer' },
  });
  const variance = metric === 'nps' ? npsVariance(options.expected) : csatVariance(options.expected);
  const confidence = options.confidence ?? 0.95;
  const z = criticalValueForSample(confidence, Infinity).value;
  const fpc = (n0: number) => (population === undefined ? n0 : n0 / (1 + (n0 - 1) / population));
  let n = Math.max(1, Math.ceil(fpc((z * z * variance) / (e * e)) - 1e-9));
  assert(n <= MAX_SAMPLE, 'INVALID_ARGUMENT', { params: { field: 'marginOfError', rule: 'is too small: the sample would exceed 10^12 responses' } });
  if (metric === 'nps' && n < SMALL_SAMPLE_SIZE) {
    // Below 30 the score's margin uses t on n − 1 degrees of freedom: grow n until that meets E
    // (at 30 the normal quantile takes over, which the z-based n already meets).
    let m = Math.max(2, n);
    while (m < SMALL_SAMPLE_SIZE) {
      const t = criticalValueForSample(confidence, m).value;
      if (fpc((t * t * variance) / (e * e)) <= m) break;
      m++;
    }
    n = m;
  }
  return population === undefined ? n : Math.min(n, population);
}

/** NPS per-answer variance in score points squared. */
function npsVariance(expected: { readonly promoterShare: number; readonly detractorShare: number } | undefined): number {
  if (expected === undefined) return 1e4;
  const { promoterShare: p, detractorShare: d } = expected;
  assert(Number.isFinite(p) && Number.isFinite(d) && p >= 0 && d >= 0 && p + d <= 1, 'INVALID_ARGUMENT', {
    params: { field: 'expected', rule: 'promoter and detractor shares must be in 0..1 and sum to at most 1' },
  });
  return 1e4 * Math.max(0, p + d - (p - d) ** 2);
}

function csatVariance(expected: { readonly share: number } | undefined): number {
  if (expected === undefined) return 0.25;
  const p = expected.share;
  assert(Number.isFinite(p) && p >= 0 && p <= 1, 'INVALID_ARGUMENT', { params: { field: 'expected.share', rule: 'must be in 0..1' } });
  return p * (1 - p);
}

/**
 * {@link requiredSampleSize} for every segment of a population: the same margin in each segment.
 *
 * @param populations - customers per segment
 * @param options - as {@link requiredSampleSize}, without `population`
 * @returns responses needed per segment, in the order given
 * @throws {CrmError} `INVALID_ARGUMENT` as {@link requiredSampleSize}
 *
 * @example
 * ```ts
 * import { requiredSampleSizes } from 'crmkit/satisfaction';
 * requiredSampleSizes({ vip: 500, regular: 50_000 }, { metric: 'nps', marginOfError: 5 });
 * //=> { vip: 378, regular: 1491 }
 * ```
 */
export function requiredSampleSizes(populations: Readonly<Record<string, number>>, options: SampleSizeOptions): Record<string, number> {
  assert(populations !== null && typeof populations === 'object', 'INVALID_ARGUMENT', { params: { field: 'populations', rule: 'must map segments to counts' } });
  const out: Record<string, number> = {};
  let entries: [string, number][];
  try {
    entries = Object.entries(populations);
  } catch (cause) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'populations', rule: 'could not be read' }, cause });
  }
  for (const [segment, population] of entries) {
    Object.defineProperty(out, segment, { value: requiredSampleSize({ ...options, population } as SampleSizeOptions), enumerable: true, writable: true, configurable: true });
  }
  return out;
}
