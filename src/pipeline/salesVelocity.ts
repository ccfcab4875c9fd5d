import { Money } from '../core/money/Money';
import { requireDate } from '../core/time';
import type { OpportunityBook } from './book';
import { entryAt, viewOf } from './bookView';
import { closedDeals } from './closedDeals';
import type { Pipeline } from './definePipeline';
import type { Opportunity } from './opportunity';
import type { ClosedFigureOptions } from './winRate';

/**
 * Sales velocity in one currency and its four parts.
 *
 * @example
 * ```ts
 * const perDay = (v: SalesVelocity) => v.perDay?.toString();
 * ```
 */
export interface SalesVelocity {
  readonly currency: string;
  /** Deals open as of `asOf`. */
  readonly openDeals: number;
  /** Won ÷ closed by count, over the period; undefined when nothing closed. */
  readonly winRate: number | undefined;
  /** Won amount ÷ won count over the period, rounded half-even to the minor unit; undefined when nothing was won. */
  readonly averageDealSize: Money | undefined;
  /** Mean days from creation to winning, over the period; undefined when nothing was won. */
  readonly cycleDays: number | undefined;
  /** openDeals × winRate × averageDealSize ÷ cycleDays, rounded half-even to the minor unit. */
  readonly perDay: Money | undefined;
}

/**
 * Sales velocity, the money the pipeline makes per day: open deals × win rate × average deal size
 * ÷ sales cycle length (days), per currency. The win rate (by count), average won deal and mean
 * cycle come from the deals closed in `period` (as in `winRate`); open deals are counted as of
 * `asOf`. Computed exactly as openDeals × wonAmount × wonCount × 86 400 000 ÷ (closedCount ×
 * total won cycle ms), then rounded half-even to the currency's minor unit.
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook`
 * @param options - `period` and `asOf` (the period must end by `asOf`)
 * @returns one row per currency in the book (sorted); `perDay` undefined when a part is missing or the cycle is 0
 * @throws {CrmError} as `winRate`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, moveOpportunity, salesVelocity } from 'crmkit/pipeline';
 * const P = DEFAULT_B2B_PIPELINE;
 * const open = (id: string) => createOpportunity(P, {
 *   id, customerId: 'c-1', ownerId: 'u-1', name: id, amount: { amount: '1000', currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-06-30',
 * }, { now: new Date('2026-01-01T00:00:00Z') }).opportunity;
 * const at = { now: new Date('2026-01-11T00:00:00Z'), reason: 'price' };
 * // 2 open deals x win rate 1/2 x average 1000 / 10 days = 100 a day
 * const v = salesVelocity(P, [open('a'), open('b'), moveOpportunity(P, open('c'), 'won', at).opportunity, moveOpportunity(P, open('d'), 'lost', at).opportunity], {
 *   period: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01T00:00:00Z') }, asOf: new Date('2026-02-01T00:00:00Z'),
 * });
 * v[0].perDay?.toString();
 * //=> '100.00 CNY'
 * ```
 */
export function salesVelocity(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[], options: ClosedFigureOptions): readonly SalesVelocity[] {
  const view = viewOf(pipeline, deals);
  const c = closedDeals(view, options);
  const asOf = requireDate(options.asOf, 'asOf').getTime();
  const { book, index, position } = view;
  const nCur = book.currencies.length;
  const open = new Float64Array(nCur);
  for (let i = 0; i < book.size; i++) {
    const h = entryAt(book, i, asOf);
    if (h < 0 || index.kind[position[book.historyStage[h] as number] as number] !== 0) continue;
    const cur = book.currency[i] as number;
    open[cur] = (open[cur] as number) + 1;
  }
  const rows = book.currencies.map((currency, k): SalesVelocity => {
    const won = c.won[k] as number;
    const closed = won + (c.lost[k] as number);
    const wonMinor = c.amounts.total(k);
    const cycleMs = c.wonCycleMs.total(k);
    const wonAmount = Money.ofMinor(wonMinor, currency);
    const perDay =
      won === 0 || cycleMs === 0n
        ? undefined
        : wonAmount
            .times(BigInt(open[k] as number) * BigInt(won) * 86_400_000n)
            .dividedBy(BigInt(closed) * cycleMs);
    return Object.freeze({
      currency,
      openDeals: open[k] as number,
      winRate: closed === 0 ? undefined : won / closed,
      averageDealSize: won === 0 ? undefined : wonAmount.dividedBy(won),
      cycleDays: won === 0 ? undefined : Number(cycleMs) / won / 86_400_000,
      perDay,
    });
  });
  return Object.freeze(rows.sort((a, b) => (a.currency < b.currency ? -1 : 1)));
}
