import { assert } from './errors';
import type { CustomerMetrics } from '../segmentation';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * Options for {@link rfmGridChart}.
 *
 * @example
 * ```ts
 * const options: RfmGridOptions = { locale: 'zh-CN', minorUnits: 2 };
 * ```
 */
export interface RfmGridOptions extends ChartOptions {
  /** Decimal places of the currency, to turn `lifetimeSpendMinor` into amounts (default 2, as CNY). */
  readonly minorUnits?: number;
}

/**
 * The RFM grid: one cell per (recency score, frequency score) pair, coloured by the number of
 * customers, labelled with it, with the cell's lifetime spend and largest segment in the tooltip.
 * Aggregates first: the data holds one row per non-empty cell (at most scores² rows, 25 for
 * quintiles), whatever the number of customers; customers without scores (no purchase) are counted
 * in `usermeta.unscored`.
 *
 * @param metrics - per-customer metrics from `rfmMetrics` (a Map or any iterable of metrics)
 * @param options - `locale`, `width`, `height`, `title`, `minorUnits` (2)
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for metrics with scores that are not integers from 1 to 100,
 * or bad options
 *
 * @example
 * ```ts
 * import { rfmGridChart } from 'crmkit/charts';
 * const spec = rfmGridChart([
 *   { rfm: { r: 5, f: 4, m: 5 }, rfmSegment: 'champions', lifetimeSpendMinor: 120_000 },
 *   { rfm: { r: 5, f: 4, m: 3 }, rfmSegment: 'loyal', lifetimeSpendMinor: 30_000 },
 *   { rfm: { r: 1, f: 1, m: 1 }, rfmSegment: 'lost', lifetimeSpendMinor: 990 },
 * ]);
 * (spec.data as { values: unknown[] }).values;
 * //=> [{ recencyScore: 1, frequencyScore: 1, customers: 1, lifetimeSpend: 9.9, topSegment: 'lost' }, { recencyScore: 5, frequencyScore: 4, customers: 2, lifetimeSpend: 1500, topSegment: 'champions' }]
 * ```
 */
export function rfmGridChart(metrics: Iterable<CustomerMetrics> | ReadonlyMap<string, CustomerMetrics>, options: RfmGridOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'rfmGridTitle');
  const minorUnits = options.minorUnits ?? 2;
  assert(Number.isInteger(minorUnits) && minorUnits >= 0 && minorUnits <= 4, 'INVALID_ARGUMENT', { params: { field: 'minorUnits', rule: 'must be an integer from 0 to 4' } });
  assert(metrics !== null && typeof (metrics as Iterable<unknown>)?.[Symbol.iterator] === 'function', 'INVALID_ARGUMENT', {
    params: { field: 'metrics', rule: 'must be a Map or an iterable of customer metrics' },
  });
  const rows = metrics instanceof Map ? (metrics as ReadonlyMap<string, CustomerMetrics>).values() : (metrics as Iterable<CustomerMetrics>);
  const cells = new Map<number, { r: number; f: number; customers: number; spendMinor: number; segments: Map<string, number> }>();
  let unscored = 0;
  for (const m of rows) {
    const rfm = m?.rfm;
    if (rfm === undefined || rfm === null) {
      unscored++;
      continue;
    }
    const { r, f } = rfm;
    assert(Number.isInteger(r) && Number.isInteger(f) && r >= 1 && f >= 1 && r <= 100 && f <= 100, 'INVALID_ARGUMENT', {
      params: { field: 'metrics.rfm', rule: 'scores must be integers from 1 to 100' },
    });
    const key = r * 128 + f;
    let cell = cells.get(key);
    if (cell === undefined) cells.set(key, (cell = { r, f, customers: 0, spendMinor: 0, segments: new Map() }));
    cell.customers++;
    const spend = m.lifetimeSpendMinor;
    if (typeof spend === 'number' && Number.isFinite(spend)) cell.spendMinor += spend;
    if (typeof m.rfmSegment === 'string') cell.segments.set(m.rfmSegment, (cell.segments.get(m.rfmSegment) ?? 0) + 1);
  }
  const scale = 10 ** minorUnits;
  const values = [...cells.values()]
    .sort((a, b) => a.r - b.r || a.f - b.f)
    .map((c) => ({
      recencyScore: c.r,
      frequencyScore: c.f,
      customers: c.customers,
      lifetimeSpend: c.spendMinor / scale,
      topSegment: topOf(c.segments),
    }));
  return {
    ...base,
    usermeta: { unscored },
    data: { values },
    encoding: {
      x: { field: 'recencyScore', type: 'ordinal', title: labels.recencyScore, sort: 'ascending' },
      y: { field: 'frequencyScore', type: 'ordinal', title: labels.frequencyScore, sort: 'descending' },
    },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: {
          color: { field: 'customers', type: 'quantitative', title: labels.customers, scale: { scheme: 'blues' } },
          tooltip: [
            { field: 'recencyScore', title: labels.recencyScore },
            { field: 'frequencyScore', title: labels.frequencyScore },
            { field: 'customers', title: labels.customers, format: ',' },
            { field: 'lifetimeSpend', title: labels.lifetimeSpend, format: ',.2f' },
            { field: 'topSegment', title: labels.topSegment },
          ],
        },
      },
      { mark: { type: 'text', baseline: 'middle' }, encoding: { text: { field: 'customers', type: 'quantitative', format: ',' } } },
    ],
  };
}

function topOf(segments: Map<string, number>): string | null {
  let best: string | null = null;
  let count = -1;
  for (const [s, c] of segments) if (c > count || (c === count && best !== null && s < best)) [best, count] = [s, c];
  return best;
}
