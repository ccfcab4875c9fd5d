import { assert } from './errors';
import { requireDate } from '../core/time';
import type { OpportunityBook } from './book';
import { entryAt, viewOf } from './bookView';
import { type Pipeline, stagePosition } from './definePipeline';
import type { Opportunity } from './opportunity';

/**
 * How long the open deals of one stage have been in it.
 *
 * @example
 * ```ts
 * const line = (s: StageAge) => `${s.stage}: ${s.count} deals, mean ${s.meanDays} days`;
 * ```
 */
export interface StageAge {
  readonly stage: string;
  readonly count: number;
  /** Mean and longest days in the stage; undefined when the stage has no open deal. */
  readonly meanDays: number | undefined;
  readonly maxDays: number | undefined;
}

/**
 * An open deal longer in its stage than the policy allows.
 *
 * @example
 * ```ts
 * const line = (d: StuckDeal) => `${d.id} (${d.ownerId}): ${d.days} days in ${d.stage}`;
 * ```
 */
export interface StuckDeal {
  readonly id: string;
  readonly ownerId: string;
  readonly stage: string;
  readonly days: number;
  /** The policy's limit for the stage, days. */
  readonly limitDays: number;
}

/**
 * Options of {@link stageAging}.
 *
 * @example
 * ```ts
 * const o: StageAgingOptions = { asOf: new Date('2026-07-01T00:00:00Z'), maxDaysInStage: { proposal: 30, negotiation: 21 } };
 * ```
 */
export interface StageAgingOptions {
  readonly asOf: Date;
  /** The stuck-deal policy: the most days a deal may stay in an open stage (stages not listed: no limit). */
  readonly maxDaysInStage?: Readonly<Record<string, number>>;
}

/**
 * Stage aging: for every open stage, how long its deals (open as of `asOf`) have been in it, in
 * days since they last entered it (fractional); and the stuck deals, open longer in their stage than
 * `maxDaysInStage` allows, longest first (then by id).
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook`
 * @param options - `asOf` (required) and `maxDaysInStage`
 * @returns `byStage` (every open stage, in pipeline order) and `stuck`
 * @throws {CrmError} `INVALID_DATE`; `UNKNOWN_STAGE`; `INVALID_ARGUMENT` for a limit that is not a
 *   non-negative finite number or names a closed stage (and bad deals)
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, stageAging } from 'crmkit/pipeline';
 * const deal = createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP', amount: { amount: '1', currency: 'CNY' }, stage: 'proposal', expectedCloseDate: '2026-06-30',
 * }, { now: new Date('2026-01-01T00:00:00Z') }).opportunity;
 * stageAging(DEFAULT_B2B_PIPELINE, [deal], { asOf: new Date('2026-02-15T00:00:00Z'), maxDaysInStage: { proposal: 30 } }).stuck;
 * //=> [{ id: 'o-1', ownerId: 'u-1', stage: 'proposal', days: 45, limitDays: 30 }]
 * ```
 */
export function stageAging(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[], options: StageAgingOptions): { readonly byStage: readonly StageAge[]; readonly stuck: readonly StuckDeal[] } {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const { book, index, position } = viewOf(pipeline, deals);
  const limit = new Float64Array(index.stages.length).fill(Infinity);
  for (const [stage, days] of Object.entries(options.maxDaysInStage ?? {})) {
    const pos = stagePosition(index, stage);
    assert(index.kind[pos] === 0 && typeof days === 'number' && Number.isFinite(days) && days >= 0, 'INVALID_ARGUMENT', {
      params: { field: 'maxDaysInStage', rule: 'limits must be non-negative finite days for open stages' },
    });
    limit[pos] = days;
  }
  const count = new Float64Array(index.openCount);
  const sum = new Float64Array(index.openCount);
  const max = new Float64Array(index.openCount);
  const stuck: StuckDeal[] = [];
  for (let i = 0; i < book.size; i++) {
    const h = entryAt(book, i, asOf);
    if (h < 0) continue;
    const pos = position[book.historyStage[h] as number] as number;
    if (index.kind[pos] !== 0) continue;
    const days = (asOf - (book.historyAt[h] as number)) / 86_400_000;
    count[pos] = (count[pos] as number) + 1;
    sum[pos] = (sum[pos] as number) + days;
    if (days > (max[pos] as number)) max[pos] = days;
    if (days > (limit[pos] as number)) {
      stuck.push({ id: book.ids[i] as string, ownerId: book.owners[book.owner[i] as number] as string, stage: index.stages[pos]?.id as string, days, limitDays: limit[pos] as number });
    }
  }
  stuck.sort((a, b) => b.days - a.days || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byStage = Array.from({ length: index.openCount }, (_, pos): StageAge => {
    const n = count[pos] as number;
    return Object.freeze({ stage: index.stages[pos]?.id as string, count: n, meanDays: n === 0 ? undefined : (sum[pos] as number) / n, maxDays: n === 0 ? undefined : (max[pos] as number) });
  });
  return Object.freeze({ byStage: Object.freeze(byStage), stuck: Object.freeze(stuck.map((s) => Object.freeze(s))) });
}
