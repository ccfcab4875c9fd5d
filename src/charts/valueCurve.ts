import { assert } from './errors';
import { requireNumbers } from './bins';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * Options for {@link valueCurveChart}.
 *
 * @example
 * ```ts
 * const options: ValueCurveOptions = { points: 50 };
 * ```
 */
export interface ValueCurveOptions extends ChartOptions {
  /** Points on the curve, 2 to 1,000 (default 100: one per percentile of customers). */
  readonly points?: number;
}

/**
 * The value concentration (Pareto / Lorenz) curve: customers ranked from the highest value down,
 * the share of all value the top share of customers brings ("20% of customers bring 80% of
 * revenue"), beside the line of equal shares. Aggregates first: the values are sorted once
 * (a typed-array sort) and the curve sampled at `points` + 1 customer shares, so the spec stays the
 * same size for any number of customers. Negative values (net refunds) count as 0 and are counted
 * in `usermeta.negative`; values that are not finite are refused.
 *
 * @param values - each customer's value (lifetime spend, `monetary`, CLV), any array or typed array
 * @param options - `locale`, `width`, `height`, `title`, `points` (100)
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for a value that is not finite or bad options
 *
 * @example
 * ```ts
 * import { valueCurveChart } from 'crmkit/charts';
 * const spec = valueCurveChart([80, 10, 5, 5], { points: 4 });
 * (spec.data as { values: { customerShare: number; revenueShare: number }[] }).values.map((p) => p.revenueShare);
 * //=> [0, 0.8, 0.9, 0.95, 1]
 * ```
 */
export function valueCurveChart(values: ArrayLike<number>, options: ValueCurveOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'valueCurveTitle');
  requireNumbers(values, 'values');
  const points = options.points ?? 100;
  assert(Number.isInteger(points) && points >= 2 && points <= 1000, 'INVALID_ARGUMENT', { params: { field: 'points', rule: 'must be an integer from 2 to 1000' } });
  const n = values.length;
  const sorted = new Float64Array(n);
  let negative = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    assert(typeof v === 'number' && Number.isFinite(v), 'INVALID_ARGUMENT', { params: { field: `values.${i}`, rule: 'must be a finite number' } });
    if (v < 0) negative++;
    sorted[i] = v < 0 ? 0 : v;
  }
  sorted.sort();
  let total = 0;
  for (let i = 0; i < n; i++) total += sorted[i] as number;
  const curve: { customerShare: number; revenueShare: number }[] = [{ customerShare: 0, revenueShare: 0 }];
  let taken = 0;
  let sum = 0;
  for (let k = 1; k <= points && n > 0; k++) {
    const upto = Math.round((k / points) * n);
    for (; taken < upto; taken++) sum += sorted[n - 1 - taken] as number;
    curve.push({ customerShare: k / points, revenueShare: total > 0 ? sum / total : 0 });
  }
  return {
    ...base,
    usermeta: { customers: n, negative, total },
    data: { values: curve },
    layer: [
      {
        mark: { type: 'line', strokeDash: [4, 4], color: '#999' },
        data: { values: [{ customerShare: 0, revenueShare: 0 }, { customerShare: 1, revenueShare: 1 }] },
        encoding: { x: { field: 'customerShare', type: 'quantitative' }, y: { field: 'revenueShare', type: 'quantitative' } },
      },
      {
        mark: { type: 'line', point: true, tooltip: true },
        encoding: {
          x: { field: 'customerShare', type: 'quantitative', title: labels.customerShare, axis: { format: '%' } },
          y: { field: 'revenueShare', type: 'quantitative', title: labels.revenueShare, axis: { format: '%' } },
        },
      },
    ],
  };
}
