import { assert } from './errors';
import { chartLabels, type ChartLabel } from './labels';

/**
 * A Vega-Lite specification: plain JSON, ready for `vega-embed`, `vl-convert` or any Vega-Lite v6
 * renderer. crmkit builds it; it never renders.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', mark: 'bar' };
 * ```
 */
export type VegaLiteSpec = { readonly $schema: string } & Record<string, unknown>;

/**
 * Options every chart takes.
 *
 * @example
 * ```ts
 * const options: ChartOptions = { locale: 'zh-CN', width: 480, height: 320 };
 * ```
 */
export interface ChartOptions {
  /** Labels and titles in `en` (default) or `zh-CN`. */
  readonly locale?: 'en' | 'zh-CN';
  /** Plot width in pixels, 50 to 4,000 (default 480). */
  readonly width?: number;
  /** Plot height in pixels, 50 to 4,000 (default 320). */
  readonly height?: number;
  /** A title to use instead of the default. */
  readonly title?: string;
}

/**
 * The Vega-Lite schema the specs are written for (every spec's `$schema`).
 *
 * @example
 * ```ts
 * import { VEGA_LITE_SCHEMA } from 'crmkit/charts';
 * VEGA_LITE_SCHEMA;
 * //=> 'https://vega.github.io/schema/vega-lite/v6.json'
 * ```
 */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** @internal The frame shared by every chart: schema, title, size, and the locale's labels. */
export function frame(options: ChartOptions | undefined, titleKey: ChartLabel): { labels: Record<ChartLabel, string>; base: VegaLiteSpec } {
  assert(options === undefined || (options !== null && typeof options === 'object'), 'INVALID_ARGUMENT', { params: { field: 'options', rule: 'must be an object' } });
  const labels = chartLabels(options?.locale ?? 'en');
  const size = (value: number | undefined, field: string, fallback: number): number => {
    if (value === undefined) return fallback;
    assert(Number.isFinite(value) && value >= 50 && value <= 4000, 'INVALID_ARGUMENT', { params: { field, rule: 'must be a number from 50 to 4000' } });
    return value;
  };
  const title = options?.title;
  assert(title === undefined || typeof title === 'string', 'INVALID_ARGUMENT', { params: { field: 'title', rule: 'must be a string' } });
  return {
    labels,
    base: {
      $schema: VEGA_LITE_SCHEMA,
      title: title ?? labels[titleKey],
      width: size(options?.width, 'width', 480),
      height: size(options?.height, 'height', 320),
      config: { font: 'Noto Sans CJK SC, PingFang SC, Microsoft YaHei, Helvetica, Arial, sans-serif' },
    },
  };
}
