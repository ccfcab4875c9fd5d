import { requireDate } from '../core/time';
import type { OpportunityBook } from './book';
import { viewOf, windowOf } from './bookView';
import type { Pipeline } from './definePipeline';
import type { Opportunity } from './opportunity';

/**
 * One step of the funnel.
 *
 * @example
 * ```ts
 * const pct = (s: FunnelStep) => Math.round((s.conversion ?? 0) * 100);
 * ```
 */
export interface FunnelStep {
  /** The open stage, or for the last step the (first) won stage. */
  readonly stage: string;
  /** Deals that reached this stage or a later one. */
  readonly reached: number;
  /** Deals that went on to the next step (undefined for the won step). */
  readonly advanced: number | undefined;
  /** advanced ÷ reached; undefined when none reached it, and for the won step. */
  readonly conversion: number | undefined;
  /** reached ÷ the deals of the first step; undefined when the funnel is empty. */
  readonly fromStart: number | undefined;
}

/**
 * Options of {@link stageConversion}.
 *
 * @example
 * ```ts
 * const o: StageConversionOptions = {
 *   asOf: new Date('2026-07-01T00:00:00Z'),
 *   created: { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') },
 * };
 * ```
 */
export interface StageConversionOptions {
  /** Stage history after this moment is not read. */
  readonly asOf: Date;
  /** The cohort: deals created in `[start, end)`. Default every deal created by `asOf`. */
  readonly created?: { readonly start: Date; readonly end: Date };
}

/**
 * The stage funnel (销售漏斗): how many deals reached each open stage, in pipeline order, and then
 * won, and how many went on. A deal reaches a stage when its history (up to `asOf`) enters that
 * stage or any later one, so a deal that skipped a stage counts as having passed it, and a deal
 * that went back keeps the furthest stage it reached. Lost stages end a deal's path. Because
 * `reached` counts "this stage or later", it never increases from one step to the next.
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook`
 * @param options - `asOf` (required) and the `created` cohort window
 * @returns one step per open stage, then the won step
 * @throws {CrmError} `INVALID_DATE`; `INVALID_ARGUMENT` for a bad window (or deals); `UNKNOWN_STAGE`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, moveOpportunity, stageConversion } from 'crmkit/pipeline';
 * const P = DEFAULT_B2B_PIPELINE;
 * const open = (id: string) => createOpportunity(P, {
 *   id, customerId: 'c-1', ownerId: 'u-1', name: id, amount: { amount: '1', currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-06-30',
 * }, { now: new Date('2026-01-01T00:00:00Z') }).opportunity;
 * const now = new Date('2026-02-01T00:00:00Z');
 * const deals = [open('a'), moveOpportunity(P, open('b'), 'proposal', { now }).opportunity, moveOpportunity(P, open('c'), 'won', { now }).opportunity];
 * stageConversion(P, deals, { asOf: now }).map((s) => s.reached);
 * //=> [3, 2, 2, 1, 1]
 * ```
 */
export function stageConversion(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[], options: StageConversionOptions): readonly FunnelStep[] {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const [from, to] = options.created === undefined ? [-Infinity, Infinity] : windowOf(options.created, 'created');
  const { book, index, position } = viewOf(pipeline, deals);
  const won = index.openCount;
  // furthest[s] for a book stage s: its funnel step (open position, or `won` for won stages, -1 for lost).
  const step = Int32Array.from(position, (pos: number) => (index.kind[pos] === 0 ? pos : index.kind[pos] === 1 ? won : -1));
  const reachedExactly = new Float64Array(won + 1);
  for (let i = 0; i < book.size; i++) {
    const created = book.createdAt[i] as number;
    if (created < from || created >= to || created > asOf) continue;
    let furthest = -1;
    const end = book.historyStart[i + 1] as number;
    for (let h = book.historyStart[i] as number; h < end && (book.historyAt[h] as number) <= asOf; h++) {
      const s = step[book.historyStage[h] as number] as number;
      if (s > furthest) furthest = s;
    }
    if (furthest >= 0) reachedExactly[furthest] = (reachedExactly[furthest] as number) + 1;
  }
  const reached = new Float64Array(won + 2);
  for (let s = won; s >= 0; s--) reached[s] = (reached[s + 1] as number) + (reachedExactly[s] as number);
  const first = reached[0] as number;
  const wonStage = index.stages.find((s) => s.kind === 'won')?.id as string;
  const steps: FunnelStep[] = [];
  for (let s = 0; s <= won; s++) {
    const r = reached[s] as number;
    const advanced = s === won ? undefined : (reached[s + 1] as number);
    steps.push(Object.freeze({
      stage: s === won ? wonStage : (index.stages[s]?.id as string),
      reached: r,
      advanced,
      conversion: advanced === undefined || r === 0 ? undefined : advanced / r,
      fromStart: first === 0 ? undefined : r / first,
    }));
  }
  return Object.freeze(steps);
}
