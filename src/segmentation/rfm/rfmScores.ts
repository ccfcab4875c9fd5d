import { CrmError } from '../errors';
import type { RfmSummary } from './summarizeRfm';
import { type NumberColumn, checkBins, checkThresholds, quantileScores, thresholdScores } from './quantileScores';

/**
 * A customer's R, F and M scores (1 = worst, `bins` = best).
 *
 * @example
 * ```ts
 * const score: RfmScore = { customerId: 'c-1', r: 5, f: 4, m: 4 };
 * ```
 */
export interface RfmScore {
  readonly customerId: string;
  readonly r: number;
  readonly f: number;
  readonly m: number;
}

/**
 * Fixed cut-offs chosen by the business, each list strictly ascending. A customer scores
 * 1 + the number of cut-offs reached: for frequency and monetary a cut-off `t` is reached when the
 * value is >= t; for recency when the days since the last purchase are <= t (recent is better).
 * `monetary` is in minor units (fen, cents), like {@link RfmSummary.monetaryMinor}.
 *
 * @example
 * ```ts
 * // R: within 30 / 90 / 180 / 365 days; F: 2 / 4 / 8 / 16 purchases; M: 500 / 2,000 / 5,000 / 20,000 yuan
 * const t: RfmThresholds = {
 *   recency: [30, 90, 180, 365], frequency: [2, 4, 8, 16], monetary: [50_000, 200_000, 500_000, 2_000_000],
 * };
 * ```
 */
export interface RfmThresholds {
  readonly recency: readonly number[];
  readonly frequency: readonly number[];
  readonly monetary: readonly number[];
}

/**
 * Options for {@link rfmScores} and {@link rfmScoresColumns}.
 *
 * @example
 * ```ts
 * const options: RfmScoreOptions = { bins: 5 };
 * ```
 */
export interface RfmScoreOptions {
  /** Number of quantile bins, 1 to 100. Default 5. Ignored when `thresholds` is given. */
  readonly bins?: number;
  /** Fixed cut-offs instead of quantiles. Default: none (quantile scoring). */
  readonly thresholds?: RfmThresholds;
}

/**
 * Columns of RFM inputs, one entry per customer at the same index. Recency is in days (use
 * `Infinity` for customers who never bought: they score lowest); monetary in minor units.
 *
 * @example
 * ```ts
 * const cols: RfmColumns = {
 *   recency: Float64Array.of(3, 40), frequency: Float64Array.of(5, 1), monetary: Float64Array.of(90000, 1999),
 * };
 * ```
 */
export interface RfmColumns {
  readonly recency: NumberColumn;
  readonly frequency: NumberColumn;
  readonly monetary: NumberColumn;
}

/**
 * Scores as columns: `r[i]`, `f[i]`, `m[i]` belong to the customer at index `i`.
 *
 * @example
 * ```ts
 * const s: RfmScoreColumns = { r: Uint8Array.of(5), f: Uint8Array.of(3), m: Uint8Array.of(4) };
 * ```
 */
export interface RfmScoreColumns {
  readonly r: Uint8Array;
  readonly f: Uint8Array;
  readonly m: Uint8Array;
}

/**
 * RFM scores for columns of values: the fast path for millions of customers (typed arrays, one
 * sort per column, no per-customer allocation).
 *
 * Quantile scoring (the default) ranks each column: a value's score is the bin of its **first
 * rank**, score = floor(rank × bins / n) + 1, where rank counts the values strictly worse than it
 * (smaller for F and M; larger recency for R, so recent buyers score high). Equal values always
 * share a score, so heavy ties (many one-time buyers) leave some bins empty rather than splitting
 * equal customers arbitrarily. With `thresholds`, scores come from fixed cut-offs instead (see
 * {@link RfmThresholds}).
 *
 * @param columns - recency (days), frequency and monetary (minor units), equal lengths
 * @param options - {@link RfmScoreOptions}: `bins` (default 5) or `thresholds`
 * @returns score columns (Uint8Array), in input order
 * @throws {CrmError} `INVALID_ARGUMENT` for unequal lengths, NaN values, bad `bins` or thresholds
 *
 * @example
 * ```ts
 * import { rfmScoresColumns } from 'crmkit/segmentation';
 * const s = rfmScoresColumns({
 *   recency: Float64Array.of(1, 2, 3, 4, 5),
 *   frequency: Float64Array.of(1, 1, 2, 3, 9),
 *   monetary: Float64Array.of(500, 400, 300, 200, 100),
 * });
 * [Array.from(s.r), Array.from(s.f), Array.from(s.m)];
 * //=> [[5, 4, 3, 2, 1], [1, 1, 3, 4, 5], [5, 4, 3, 2, 1]]
 * ```
 */
export function rfmScoresColumns(columns: RfmColumns, options: RfmScoreOptions = {}): RfmScoreColumns {
  const { recency, frequency, monetary } = columns ?? ({} as RfmColumns);
  const n = recency?.length;
  if (typeof n !== 'number' || frequency?.length !== n || monetary?.length !== n) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'columns', rule: 'recency, frequency and monetary must have equal lengths' } });
  }
  if (options.thresholds !== undefined) {
    const t = options.thresholds;
    return {
      r: thresholdScores(recency, checkThresholds(t.recency, 'thresholds.recency'), false, 'recency'),
      f: thresholdScores(frequency, checkThresholds(t.frequency, 'thresholds.frequency'), true, 'frequency'),
      m: thresholdScores(monetary, checkThresholds(t.monetary, 'thresholds.monetary'), true, 'monetary'),
    };
  }
  const bins = options.bins ?? 5;
  checkBins(bins);
  return {
    r: quantileScores(recency, bins, false, 'recency'),
    f: quantileScores(frequency, bins, true, 'frequency'),
    m: quantileScores(monetary, bins, true, 'monetary'),
  };
}

/**
 * RFM scores for customer summaries (from {@link summarizeRfm}), by quantiles or fixed cut-offs;
 * see {@link rfmScoresColumns} for the scoring and tie rule. Customers who never bought
 * (`recencyDays: null`) rank as the least recent.
 *
 * @param summaries - RFM summaries
 * @param options - {@link RfmScoreOptions}: `bins` (default 5) or `thresholds`
 * @returns one score per summary, in input order
 * @throws {CrmError} `INVALID_ARGUMENT` for a non-array, NaN values, bad `bins` or thresholds
 *
 * @example
 * ```ts
 * import { rfmScores } from 'crmkit/segmentation';
 * const row = (customerId: string, recencyDays: number, frequency: number, monetaryMinor: number) =>
 *   ({ customerId, recencyDays, frequency, monetaryMinor });
 * rfmScores([row('a', 2, 6, 90000), row('b', 30, 1, 5000), row('c', 300, 1, 1000)], { bins: 3 });
 * //=> [{ customerId: 'a', r: 3, f: 3, m: 3 }, { customerId: 'b', r: 2, f: 1, m: 2 }, { customerId: 'c', r: 1, f: 1, m: 1 }]
 * ```
 */
export function rfmScores(
  summaries: readonly Pick<RfmSummary, 'customerId' | 'recencyDays' | 'frequency' | 'monetaryMinor'>[],
  options: RfmScoreOptions = {},
): RfmScore[] {
  if (!Array.isArray(summaries)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'summaries', rule: 'must be an array' } });
  const n = summaries.length;
  const recency = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = summaries[i] as RfmSummary;
    if (s === null || typeof s !== 'object') throw new CrmError('INVALID_ARGUMENT', { params: { field: `summaries.${i}`, rule: 'must be an RFM summary' } });
    recency[i] = s.recencyDays === null ? Infinity : s.recencyDays;
    frequency[i] = s.frequency;
    monetary[i] = s.monetaryMinor;
  }
  const { r, f, m } = rfmScoresColumns({ recency, frequency, monetary }, options);
  const out: RfmScore[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { customerId: (summaries[i] as RfmSummary).customerId, r: r[i] as number, f: f[i] as number, m: m[i] as number };
  return out;
}
