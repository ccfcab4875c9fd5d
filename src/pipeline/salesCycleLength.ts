import { assert } from './errors';
import type { OpportunityBook } from './book';
import { viewOf } from './bookView';
import { closedDeals } from './closedDeals';
import type { Pipeline } from './definePipeline';
import type { Opportunity } from './opportunity';
import type { ClosedFigureOptions } from './winRate';

/**
 * The sales cycle: days from creation to close.
 *
 * @example
 * ```ts
 * const days = (c: SalesCycleLength) => c.medianDays ?? 0;
 * ```
 */
export interface SalesCycleLength {
  readonly count: number;
  /** Mean days; undefined when no deal counts. */
  readonly meanDays: number | undefined;
  /** Median days (the mean of the middle two for an even count); undefined when no deal counts. */
  readonly medianDays: number | undefined;
}

/**
 * Options of {@link salesCycleLength}.
 *
 * @example
 * ```ts
 * const o: SalesCycleOptions = {
 *   period: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') },
 *   asOf: new Date('2026-04-01T00:00:00Z'), outcome: 'closed',
 * };
 * ```
 */
export interface SalesCycleOptions extends ClosedFigureOptions {
  /** Which deals: `won` (default) or every `closed` one, won or lost. */
  readonly outcome?: 'won' | 'closed';
}

function median(sorted: Float64Array): number | undefined {
  const n = sorted.length;
  if (n === 0) return undefined;
  const mid = n >> 1;
  return n % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * How long deals closed in a period took, from `createdAt` to entering the won (or lost) stage, in
 * days (fractional: 36 hours is 1.5), as the median and the mean. A deal counts as in `winRate`.
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook`
 * @param options - `period`, `asOf` (the period must end by `asOf`) and `outcome` (default `won`)
 * @returns count, mean and median days
 * @throws {CrmError} as `winRate`; `INVALID_ARGUMENT` for an unknown `outcome`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, moveOpportunity, salesCycleLength } from 'crmkit/pipeline';
 * const won = (id: string, created: string) => moveOpportunity(DEFAULT_B2B_PIPELINE, createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id, customerId: 'c-1', ownerId: 'u-1', name: id, amount: { amount: '1', currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-03-31',
 * }, { now: new Date(created) }).opportunity, 'won', { now: new Date('2026-03-01T00:00:00Z') }).opportunity;
 * const c = salesCycleLength(DEFAULT_B2B_PIPELINE, [won('a', '2026-02-19T00:00:00Z'), won('b', '2026-02-09T00:00:00Z'), won('c', '2026-01-30T00:00:00Z')], {
 *   period: { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') }, asOf: new Date('2026-04-01T00:00:00Z'),
 * });
 * [c.medianDays, c.meanDays];
 * //=> [20, 20]
 * ```
 */
export function salesCycleLength(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[], options: SalesCycleOptions): SalesCycleLength {
  const outcome = options?.outcome ?? 'won';
  assert(outcome === 'won' || outcome === 'closed', 'INVALID_ARGUMENT', { params: { field: 'outcome', rule: 'must be won or closed' } });
  const c = closedDeals(viewOf(pipeline, deals), options, true);
  const days = outcome === 'won' ? Float64Array.from(c.wonDays) : Float64Array.from([...c.wonDays, ...c.lostDays]);
  days.sort();
  let sum = 0;
  for (const d of days) sum += d;
  return Object.freeze({ count: days.length, meanDays: days.length === 0 ? undefined : sum / days.length, medianDays: median(days) });
}
