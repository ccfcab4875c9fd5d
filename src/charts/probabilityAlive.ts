import { equalWidthBins, requireNumbers } from './bins';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * Options for {@link probabilityAliveChart}.
 *
 * @example
 * ```ts
 * const options: ProbabilityAliveOptions = { bins: 10 };
 * ```
 */
export interface ProbabilityAliveOptions extends ChartOptions {
  /** Equal-width bins over 0..1, 1 to 1,000 (default 20). */
  readonly bins?: number;
}

/**
 * The distribution of P(alive) over customers, as a histogram. Aggregates first: the values are
 * counted into `bins` equal-width bins in one pass (values outside 0..1 are clamped into the end
 * bins, values that are not finite counted in `usermeta.skipped`), so the spec has `bins` rows for
 * any number of customers.
 *
 * @param pAlive - P(alive) per customer, for example from `probabilityAlive` (a Float64Array)
 * @param options - `bins` (20), `locale`, `width`, `height`, `title`
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for input that is not an array of numbers, or bad options
 *
 * @example
 * ```ts
 * import { probabilityAliveChart } from 'crmkit/charts';
 * const spec = probabilityAliveChart(Float64Array.from([0.05, 0.5, 0.51, 0.99]), { bins: 2 });
 * (spec.data as { values: { count: number }[] }).values.map((b) => b.count);
 * //=> [1, 3]
 * ```
 */
export function probabilityAliveChart(pAlive: ArrayLike<number>, options: ProbabilityAliveOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'pAliveTitle');
  const { bins, skipped } = equalWidthBins(requireNumbers(pAlive, 'pAlive'), options.bins ?? 20, 0, 1);
  return {
    ...base,
    usermeta: { skipped },
    data: { values: bins },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'start', type: 'quantitative', bin: { binned: true, step: 1 / bins.length }, title: labels.pAlive, scale: { domain: [0, 1] } },
      x2: { field: 'end' },
      y: { field: 'count', type: 'quantitative', title: labels.customers },
    },
  };
}
