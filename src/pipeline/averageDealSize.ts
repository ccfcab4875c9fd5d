import type { Money } from '../core/money/Money';
import { currencyExponent } from '../core/money/currency';
import type { OpportunityBook } from './book';
import { viewOf } from './bookView';
import { closedDeals } from './closedDeals';
import type { Pipeline } from './definePipeline';
import { moneyOfScaled } from './exactSums';
import type { Opportunity } from './opportunity';
import type { ClosedFigureOptions } from './winRate';

/**
 * The average won deal in one currency.
 *
 * @example
 * ```ts
 * const avg = (r: AverageDealSize) => r.average.toString();
 * ```
 */
export interface AverageDealSize {
  readonly currency: string;
  readonly count: number;
  readonly total: Money;
  /** total / count, rounded half-even to the currency's minor unit. */
  readonly average: Money;
}

/**
 * The average size of the deals won in a period, per currency (a deal counts as in `winRate`).
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook`
 * @param options - `period` and `asOf` (the period must end by `asOf`)
 * @returns one row per currency with won deals (sorted by currency)
 * @throws {CrmError} as `winRate`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, averageDealSize, createOpportunity, moveOpportunity } from 'crmkit/pipeline';
 * const won = (id: string, amount: string) => moveOpportunity(DEFAULT_B2B_PIPELINE, createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id, customerId: 'c-1', ownerId: 'u-1', name: id, amount: { amount, currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-03-31',
 * }, { now: new Date('2026-01-01T00:00:00Z') }).opportunity, 'won', { now: new Date('2026-02-01T00:00:00Z') }).opportunity;
 * averageDealSize(DEFAULT_B2B_PIPELINE, [won('a', '100'), won('b', '100.01'), won('c', '100')], {
 *   period: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') }, asOf: new Date('2026-04-01T00:00:00Z'),
 * })[0].average.toString();
 * //=> '100.00 CNY'
 * ```
 */
export function averageDealSize(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[], options: ClosedFigureOptions): readonly AverageDealSize[] {
  const view = viewOf(pipeline, deals);
  const c = closedDeals(view, options);
  const rows: AverageDealSize[] = [];
  view.book.currencies.forEach((currency, k) => {
    const count = c.won[k] as number;
    if (count === 0) return;
    const total = moneyOfScaled(c.amounts.total(k), currencyExponent(currency), currency);
    rows.push(Object.freeze({ currency, count, total, average: total.dividedBy(count) }));
  });
  return Object.freeze(rows.sort((a, b) => (a.currency < b.currency ? -1 : 1)));
}
