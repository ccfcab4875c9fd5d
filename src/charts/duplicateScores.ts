import { assert } from './errors';
import type { DuplicateResult } from '../quality';
import { equalWidthBins } from './bins';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * Options for {@link duplicateScoreChart}.
 *
 * @example
 * ```ts
 * const options: DuplicateScoreOptions = { threshold: 8, reviewThreshold: 4, bins: 30 };
 * ```
 */
export interface DuplicateScoreOptions extends ChartOptions {
  /** The match threshold used (default 8, `findDuplicates`' default). */
  readonly threshold?: number;
  /** The review threshold used (default 4). */
  readonly reviewThreshold?: number;
  /** Equal-width bins between the lowest and highest score, 1 to 1,000 (default 30). */
  readonly bins?: number;
}

/**
 * The distribution of duplicate-candidate scores with the review and match thresholds drawn, to
 * see how many pairs sit near a threshold. Aggregates first: the pair scores are counted into
 * `bins` equal-width bins between the lowest of the scores and thresholds and the highest, in one pass, so the spec has `bins` rows for any number of pairs.
 *
 * @param result - the result of `findDuplicates` from `crmkit/quality`
 * @param options - `threshold` (8), `reviewThreshold` (4), `bins` (30), `locale`, `width`, `height`, `title`
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for a result without pairs, or bad options
 *
 * @example
 * The bins span the review threshold (4) to the highest score (13): [4, 8.5) holds 5, [8.5, 13] the rest.
 * ```ts
 * import { duplicateScoreChart } from 'crmkit/charts';
 * const pair = (score: number) => ({ a: 'x', b: 'y', score, status: 'match', evidence: [] }) as const;
 * const spec = duplicateScoreChart({ pairs: [pair(5), pair(9), pair(12), pair(13)], clusters: [], comparisons: 10, skippedBlocks: 0 }, { bins: 2 });
 * (spec.data as { values: { count: number }[] }).values.map((b) => b.count);
 * //=> [1, 3]
 * ```
 */
export function duplicateScoreChart(result: DuplicateResult, options: DuplicateScoreOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'duplicateTitle');
  assert(result !== null && typeof result === 'object' && Array.isArray(result.pairs), 'INVALID_ARGUMENT', { params: { field: 'result', rule: 'must be the result of findDuplicates' } });
  const threshold = options.threshold ?? 8;
  const review = options.reviewThreshold ?? 4;
  assert(Number.isFinite(threshold) && Number.isFinite(review) && review <= threshold, 'INVALID_ARGUMENT', {
    params: { field: 'threshold', rule: 'thresholds must be finite with review at most match' },
  });
  const scores = new Float64Array(result.pairs.length);
  let min = Math.min(review, threshold);
  let max = Math.max(review, threshold);
  result.pairs.forEach((p, i) => {
    const s = p?.score;
    assert(typeof s === 'number' && Number.isFinite(s), 'INVALID_ARGUMENT', { params: { field: `result.pairs.${i}.score`, rule: 'must be a finite number' } });
    scores[i] = s;
    if (s < min) min = s;
    if (s > max) max = s;
  });
  const { bins } = equalWidthBins(scores, options.bins ?? 30, min, max === min ? min + 1 : max);
  return {
    ...base,
    usermeta: { pairs: scores.length, threshold, reviewThreshold: review },
    data: { values: bins },
    layer: [
      {
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'start', type: 'quantitative', bin: { binned: true }, title: labels.matchScore },
          x2: { field: 'end' },
          y: { field: 'count', type: 'quantitative', title: labels.pairs },
        },
      },
      {
        data: { values: [{ score: review, label: labels.reviewThreshold, offset: 2 }, { score: threshold, label: labels.matchThreshold, offset: 16 }] },
        layer: [
          { mark: { type: 'rule', color: '#d62728', strokeDash: [4, 4] }, encoding: { x: { field: 'score', type: 'quantitative' } } },
          { mark: { type: 'text', align: 'left', dx: 4, baseline: 'top', color: '#d62728' }, encoding: { x: { field: 'score', type: 'quantitative' }, y: { field: 'offset', type: 'quantitative', scale: null }, text: { field: 'label' } } },
        ],
      },
    ],
  };
}
