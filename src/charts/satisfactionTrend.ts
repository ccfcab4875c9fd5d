import { assert } from './errors';
import type { TrendPoint } from '../satisfaction';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * An NPS, CSAT or index trend with its margin-of-error band: the score per period as a line, the
 * band `score ± marginOfError` around it (computed in the spec, so the data is the trend exactly),
 * and significant changes marked. The data is `satisfactionTrend`'s result, one row per period.
 *
 * @param points - the result of `satisfactionTrend` from `crmkit/satisfaction`
 * @param options - `locale`, `width`, `height`, `title`
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for points that are not trend points, or bad options
 *
 * @example
 * ```ts
 * import { satisfactionTrendChart } from 'crmkit/charts';
 * const points = [
 *   { period: '2026-01', n: 120, score: 31, standardError: 8, marginOfError: 15.7, change: null, changeMarginOfError: null, significant: false },
 *   { period: '2026-02', n: 140, score: 52, standardError: 7, marginOfError: 13.7, change: 21, changeMarginOfError: 20.8, significant: true },
 * ];
 * (satisfactionTrendChart(points).data as { values: unknown[] }).values.length;
 * //=> 2
 * ```
 */
export function satisfactionTrendChart(points: readonly TrendPoint[], options: ChartOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'trendTitle');
  assert(Array.isArray(points), 'INVALID_ARGUMENT', { params: { field: 'points', rule: 'must be the result of satisfactionTrend' } });
  for (const p of points) {
    assert(p !== null && typeof p === 'object' && typeof p.period === 'string', 'INVALID_ARGUMENT', { params: { field: 'points', rule: 'must be the result of satisfactionTrend' } });
  }
  const x = { field: 'period', type: 'ordinal', title: labels.period, sort: 'ascending' };
  return {
    ...base,
    data: { values: points.map((p) => ({ ...p })) },
    layer: [
      {
        transform: [
          { filter: 'datum.score != null && datum.marginOfError != null' },
          { calculate: 'datum.score - datum.marginOfError', as: 'lower' },
          { calculate: 'datum.score + datum.marginOfError', as: 'upper' },
        ],
        mark: { type: 'area', opacity: 0.25 },
        encoding: { x, y: { field: 'lower', type: 'quantitative', title: labels.score }, y2: { field: 'upper' } },
      },
      {
        transform: [{ filter: 'datum.score != null' }],
        mark: { type: 'line', point: true, tooltip: true },
        encoding: {
          x,
          y: { field: 'score', type: 'quantitative', title: labels.score },
          tooltip: [
            { field: 'period', title: labels.period },
            { field: 'score', title: labels.score, format: '.1f' },
            { field: 'marginOfError', title: labels.marginOfError, format: '.1f' },
            { field: 'n', title: 'n' },
          ],
        },
      },
      {
        transform: [{ filter: 'datum.score != null' }],
        mark: { type: 'point', shape: 'diamond', size: 120, filled: true, color: '#d62728' },
        encoding: { x, y: { field: 'score', type: 'quantitative' }, opacity: { condition: { test: 'datum.significant', value: 1 }, value: 0 } },
      },
    ],
  };
}
