import { assert } from './errors';
import type { TrackingPoint } from '../clv';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * Options for {@link clvTrackingChart}.
 *
 * @example
 * ```ts
 * const options: ClvTrackingOptions = { calibrationPeriods: 39 };
 * ```
 */
export interface ClvTrackingOptions extends ChartOptions {
  /** The period at which calibration ended, drawn as a rule (the holdout lies to its right). */
  readonly calibrationPeriods?: number;
}

/**
 * Whether the CLV model tracks reality: actual against predicted cumulative repeat purchases per
 * period (the plot lifetimes and CLVTools draw), with the end of calibration marked so the holdout
 * period shows how the model forecasts. The data is `purchaseTracking`'s result, two rows per
 * period (one per series: periods × 2 rows, already aggregated).
 *
 * @param points - the result of `purchaseTracking` from `crmkit/clv`
 * @param options - `calibrationPeriods`, `locale`, `width`, `height`, `title`
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for points that are not tracking points, or bad options
 *
 * @example
 * ```ts
 * import { clvTrackingChart } from 'crmkit/charts';
 * const spec = clvTrackingChart([{ period: 1, actual: 3, predicted: 2.5 }], { calibrationPeriods: 1 });
 * (spec.data as { values: unknown[] }).values;
 * //=> [{ period: 1, series: 'Actual', purchases: 3 }, { period: 1, series: 'Model', purchases: 2.5 }]
 * ```
 */
export function clvTrackingChart(points: readonly TrackingPoint[], options: ClvTrackingOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'clvTrackingTitle');
  assert(Array.isArray(points), 'INVALID_ARGUMENT', { params: { field: 'points', rule: 'must be the result of purchaseTracking' } });
  const values: { period: number; series: string; purchases: number }[] = [];
  for (const p of points) {
    assert(p !== null && typeof p === 'object' && Number.isFinite(p.period) && Number.isFinite(p.actual) && Number.isFinite(p.predicted), 'INVALID_ARGUMENT', {
      params: { field: 'points', rule: 'must be the result of purchaseTracking' },
    });
    values.push({ period: p.period, series: labels.actual, purchases: p.actual }, { period: p.period, series: labels.predicted, purchases: p.predicted });
  }
  const cal = options.calibrationPeriods;
  assert(cal === undefined || Number.isFinite(cal), 'INVALID_ARGUMENT', { params: { field: 'calibrationPeriods', rule: 'must be a finite number' } });
  const layer: Record<string, unknown>[] = [
    {
      mark: { type: 'line', tooltip: true },
      encoding: {
        x: { field: 'period', type: 'quantitative', title: labels.week },
        y: { field: 'purchases', type: 'quantitative', title: labels.cumulativePurchases },
        color: { field: 'series', type: 'nominal', legend: { title: null, orient: 'top-left' } },
        strokeDash: { field: 'series', type: 'nominal', legend: { title: null, orient: 'top-left' } },
      },
    },
  ];
  if (cal !== undefined) {
    layer.push({
      data: { values: [{ period: cal, label: labels.calibrationEnd }] },
      layer: [
        { mark: { type: 'rule', color: '#888', strokeDash: [2, 2] }, encoding: { x: { field: 'period', type: 'quantitative' } } },
        { mark: { type: 'text', align: 'left', dx: 4, dy: -4, baseline: 'bottom', color: '#555' }, encoding: { x: { field: 'period', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label' } } },
      ],
    });
  }
  return { ...base, data: { values }, layer };
}
