import { assert } from './errors';
import type { CohortRow } from '../kpi';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * The cohort retention triangle: one row per cohort, one column per period since the cohort's
 * first purchase, coloured by the share still active. The data is `cohortRetention`'s result cell by
 * cell (cohorts × periods rows: already aggregated).
 *
 * @param rows - the result of `cohortRetention` from `crmkit/kpi`
 * @param options - `locale`, `width`, `height`, `title`
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for rows that are not cohort rows, or bad options
 *
 * @example
 * ```ts
 * import { cohortRetentionChart } from 'crmkit/charts';
 * const spec = cohortRetentionChart([{ cohort: '2026-01', size: 10, active: [10, 4], rates: [1, 0.4] }]);
 * (spec.data as { values: unknown[] }).values;
 * //=> [{ cohort: '2026-01', period: 0, size: 10, active: 10, retention: 1 }, { cohort: '2026-01', period: 1, size: 10, active: 4, retention: 0.4 }]
 * ```
 */
export function cohortRetentionChart(rows: readonly CohortRow[], options: ChartOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'cohortTitle');
  assert(Array.isArray(rows), 'INVALID_ARGUMENT', { params: { field: 'rows', rule: 'must be the rows of cohortRetention' } });
  const values: { cohort: string; period: number; size: number; active: number; retention: number }[] = [];
  for (const row of rows) {
    assert(row !== null && typeof row === 'object' && typeof row.cohort === 'string' && Array.isArray(row.rates) && Array.isArray(row.active), 'INVALID_ARGUMENT', {
      params: { field: 'rows', rule: 'must be the rows of cohortRetention' },
    });
    (row.rates as readonly number[]).forEach((rate: number, period: number) => values.push({ cohort: row.cohort, period, size: row.size, active: row.active[period] as number, retention: rate }));
  }
  return {
    ...base,
    data: { values },
    encoding: {
      x: { field: 'period', type: 'ordinal', title: labels.periodsSince },
      y: { field: 'cohort', type: 'ordinal', title: labels.cohort },
    },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: {
          color: { field: 'retention', type: 'quantitative', title: labels.retention, scale: { scheme: 'greens', domain: [0, 1] }, legend: { format: '%' } },
          tooltip: [
            { field: 'cohort', title: labels.cohort },
            { field: 'period', title: labels.periodsSince },
            { field: 'active', title: labels.customers, format: ',' },
            { field: 'retention', title: labels.retention, format: '.1%' },
          ],
        },
      },
      { mark: { type: 'text', fontSize: 9 }, encoding: { text: { field: 'retention', type: 'quantitative', format: '.0%' } } },
    ],
  };
}
