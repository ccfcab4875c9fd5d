import type { Money } from '../core/money/Money';
import { currencyExponent } from '../core/money/currency';
import type { KpiPeriod } from '../kpi/period';
import type { OpportunityBook } from './book';
import { viewOf } from './bookView';
import { closedDeals } from './closedDeals';
import type { Pipeline } from './definePipeline';
import { moneyOfScaled } from './exactSums';
import type { Opportunity } from './opportunity';

/**
 * Options of the closed-deal figures ({@link winRate}, `averageDealSize`, `salesCycleLength`,
 * `salesVelocity`): the `period` deals closed in, `[start, end)`, and `asOf`, which the period must
 * not run past.
 *
 * @example
 * ```ts
 * const o: ClosedFigureOptions = {
 *   period: { start: new Date('2026-04-01T00:00:00Z'), end: new Date('2026-07-01T00:00:00Z') },
 *   asOf: new Date('2026-07-01T00:00:00Z'),
 * };
 * ```
 */
export interface ClosedFigureOptions {
  readonly period: KpiPeriod;
  readonly asOf: Date;
}

/**
 * The win rate by amount in one currency.
 *
 * @example
 * ```ts
 * const pct = (r: WinRateByAmount) => (r.rate ?? 0) * 100;
 * ```
 */
export interface WinRateByAmount {
  readonly currency: string;
  readonly won: Money;
  readonly closed: Money;
  /** won / closed; undefined when nothing closed (or all closed deals were worth 0). */
  readonly rate: number | undefined;
}

/**
 * The result of {@link winRate}.
 *
 * @example
 * ```ts
 * const label = (w: WinRate) => `${w.won}/${w.won + w.lost}`;
 * ```
 */
export interface WinRate {
  readonly won: number;
  readonly lost: number;
  /** won / (won + lost) by count, over every currency; undefined when nothing closed. */
  readonly byCount: number | undefined;
  /** By amount, one row per currency (sorted). */
  readonly byAmount: readonly WinRateByAmount[];
}

/**
 * The win rate over the deals closed in a period: by count (won ÷ closed) and by amount (won
 * amount ÷ closed amount, per currency, never converted). A deal counts when, as of `asOf`, it is
 * won or lost and entered that stage within the period.
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook`
 * @param options - `period` and `asOf` (the period must end by `asOf`)
 * @returns counts, the rate by count and the rates by amount
 * @throws {CrmError} `INVALID_DATE`; `INVALID_ARGUMENT` for a bad period (or deals);
 *   `UNKNOWN_STAGE`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, moveOpportunity, winRate } from 'crmkit/pipeline';
 * const open = (id: string, amount: string) => createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id, customerId: 'c-1', ownerId: 'u-1', name: id, amount: { amount, currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-03-31',
 * }, { now: new Date('2026-01-01T00:00:00Z') }).opportunity;
 * const at = { now: new Date('2026-02-01T00:00:00Z'), reason: 'price' };
 * const deals = [
 *   moveOpportunity(DEFAULT_B2B_PIPELINE, open('a', '300'), 'won', at).opportunity,
 *   moveOpportunity(DEFAULT_B2B_PIPELINE, open('b', '100'), 'lost', at).opportunity,
 * ];
 * const w = winRate(DEFAULT_B2B_PIPELINE, deals, {
 *   period: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') }, asOf: new Date('2026-04-01T00:00:00Z'),
 * });
 * [w.byCount, w.byAmount[0].rate];
 * //=> [0.5, 0.75]
 * ```
 */
export function winRate(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[], options: ClosedFigureOptions): WinRate {
  const view = viewOf(pipeline, deals);
  const c = closedDeals(view, options);
  const nCur = view.book.currencies.length;
  let won = 0;
  let lost = 0;
  const byAmount: WinRateByAmount[] = [];
  for (let k = 0; k < nCur; k++) {
    won += c.won[k] as number;
    lost += c.lost[k] as number;
    if ((c.won[k] as number) + (c.lost[k] as number) === 0) continue;
    const currency = view.book.currencies[k] as string;
    const e = currencyExponent(currency);
    const w = c.amounts.total(k);
    const all = w + c.amounts.total(nCur + k);
    byAmount.push(Object.freeze({ currency, won: moneyOfScaled(w, e, currency), closed: moneyOfScaled(all, e, currency), rate: all === 0n ? undefined : Number(w) / Number(all) }));
  }
  byAmount.sort((a, b) => (a.currency < b.currency ? -1 : 1));
  return Object.freeze({ won, lost, byCount: won + lost === 0 ? undefined : won / (won + lost), byAmount: Object.freeze(byAmount) });
}
