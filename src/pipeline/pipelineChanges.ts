import { assert, CrmError } from './errors';
import { Money } from '../core/money/Money';
import { requireDate } from '../core/time';
import { windowOf } from './bookView';
import { type Pipeline, pipelineIndex, stagePosition } from './definePipeline';
import type { Opportunity } from './opportunity';

/**
 * A count of deals and their amount.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const c: DealCount = { count: 2, amount: Money.of('500', 'CNY') };
 * ```
 */
export interface DealCount {
  readonly count: number;
  readonly amount: Money;
}

/**
 * The pipeline waterfall in one currency: `start + new + pulledIn + increased − decreased −
 * pushedOut − won − lost = end`.
 *
 * @example
 * ```ts
 * const net = (c: PipelineChanges) => c.end.minus(c.start).toString();
 * ```
 */
export interface PipelineChanges {
  readonly currency: string;
  /** Open pipeline at `from`. */
  readonly start: DealCount;
  /** Deals created after `from` that entered the pipeline. */
  readonly new: DealCount;
  /** Deals that existed at `from` outside the pipeline (closing in another period, or closed and since reopened) and entered it. */
  readonly pulledIn: DealCount;
  /** Amount raised on deals in the pipeline at `from` (count: deals raised). */
  readonly increased: DealCount;
  /** Amount cut on deals in the pipeline at `from` (count: deals cut). */
  readonly decreased: DealCount;
  /** Deals in the pipeline at `from` still open at `to` but expected to close outside the period. */
  readonly pushedOut: DealCount;
  /** Deals of the pipeline won between `from` and `to`, at their amount when won. */
  readonly won: DealCount;
  /** Deals of the pipeline lost between `from` and `to`, at their amount when lost. */
  readonly lost: DealCount;
  /** Open pipeline at `to`. */
  readonly end: DealCount;
}

type Key = Exclude<keyof PipelineChanges, 'currency'>;
const KEYS: readonly Key[] = ['start', 'new', 'pulledIn', 'increased', 'decreased', 'pushedOut', 'won', 'lost', 'end'];

/**
 * The pipeline waterfall between two moments: how the open pipeline at `from` became the one at
 * `to` (new, pulled in, increased, decreased, pushed out, won, lost). `history` is the audit trail
 * of opportunity versions (every saved version, each in force from its `updatedAt`); a deal's state
 * at a moment is its latest version by then. "The pipeline" is the open deals expected to close in
 * `period` (every open deal when no period is given). Per currency; a deal whose currency changes
 * between `from` and `to` raises `CURRENCY_MISMATCH`.
 *
 * @param pipeline - from `definePipeline`
 * @param history - opportunity versions (any order; the same id many times)
 * @param from - the start moment
 * @param to - the end moment, after `from`
 * @param options - `period`: the expected close window watched (default: no window)
 * @returns one row per currency (sorted)
 * @throws {CrmError} `INVALID_DATE`; `INVALID_ARGUMENT` for `to` not after `from`, a bad period or a
 *   version without Money amount; `UNKNOWN_STAGE`; `CURRENCY_MISMATCH`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, moveOpportunity, pipelineChanges } from 'crmkit/pipeline';
 * const P = DEFAULT_B2B_PIPELINE;
 * const v1 = createOpportunity(P, {
 *   id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP', amount: { amount: '100', currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-06-30',
 * }, { now: new Date('2026-01-01T00:00:00Z') }).opportunity;
 * const v2 = moveOpportunity(P, v1, 'won', { now: new Date('2026-02-01T00:00:00Z') }).opportunity;
 * const [w] = pipelineChanges(P, [v1, v2], new Date('2026-01-15T00:00:00Z'), new Date('2026-03-01T00:00:00Z'));
 * [w.start.amount.toString(), w.won.count, w.end.count];
 * //=> ['100.00 CNY', 1, 0]
 * ```
 */
export function pipelineChanges(
  pipeline: Pipeline,
  history: readonly Opportunity[],
  from: Date,
  to: Date,
  options: { readonly period?: { readonly start: Date; readonly end: Date } } = {},
): readonly PipelineChanges[] {
  const index = pipelineIndex(pipeline);
  const t0 = requireDate(from, 'from').getTime();
  const t1 = requireDate(to, 'to').getTime();
  assert(t0 < t1, 'INVALID_ARGUMENT', { params: { field: 'to', rule: 'must be after from' } });
  const [start, end] = options.period === undefined ? [-Infinity, Infinity] : windowOf(options.period);
  assert(Array.isArray(history), 'INVALID_ARGUMENT', { params: { field: 'history', rule: 'must be an array' } });
  const at = new Map<string, [Opportunity | undefined, Opportunity | undefined]>();
  const later = (a: Opportunity | undefined, b: Opportunity): boolean =>
    a === undefined || b.updatedAt.getTime() > a.updatedAt.getTime() || (b.updatedAt.getTime() === a.updatedAt.getTime() && b.version > a.version);
  history.forEach((v, k) => {
    assert(v !== null && typeof v === 'object' && typeof v.id === 'string' && Money.isMoney(v.amount), 'INVALID_ARGUMENT', { params: { field: `history.${k}`, rule: 'must be an opportunity' } });
    const t = requireDate(v.updatedAt, `history.${k}.updatedAt`).getTime();
    requireDate(v.expectedCloseDate, `history.${k}.expectedCloseDate`);
    stagePosition(index, v.stage);
    const pair = at.get(v.id) ?? [undefined, undefined];
    if (t <= t0 && later(pair[0], v)) pair[0] = v;
    if (t <= t1 && later(pair[1], v)) pair[1] = v;
    at.set(v.id, pair);
  });
  const kind = (v: Opportunity) => index.kind[stagePosition(index, v.stage)];
  const inWindow = (v: Opportunity) => {
    const close = v.expectedCloseDate.getTime();
    return close >= start && close < end;
  };
  const rows = new Map<string, Record<Key, { count: number; amount: Money }>>();
  const add = (currency: string, key: Key, amount: Money) => {
    let row = rows.get(currency);
    if (row === undefined) {
      row = Object.fromEntries(KEYS.map((k) => [k, { count: 0, amount: Money.zero(currency) }])) as Record<Key, { count: number; amount: Money }>;
      rows.set(currency, row);
    }
    row[key].count += 1;
    row[key].amount = row[key].amount.plus(amount);
  };
  for (const [s0, s1] of at.values()) {
    if (s1 === undefined) continue;
    if (s0 !== undefined && s0.amount.currency !== s1.amount.currency) {
      throw new CrmError('CURRENCY_MISMATCH', { params: { left: s0.amount.currency, right: s1.amount.currency }, details: { opportunityId: s1.id } });
    }
    const currency = s1.amount.currency;
    const in0 = s0 !== undefined && kind(s0) === 0 && inWindow(s0);
    const in1 = kind(s1) === 0 && inWindow(s1);
    const closedAt = s1.closedAt?.getTime();
    const closedIn = kind(s1) !== 0 && closedAt !== undefined && closedAt > t0 && closedAt <= t1 && (in0 || inWindow(s1));
    if (in0) add(currency, 'start', s0.amount);
    if (in1) add(currency, 'end', s1.amount);
    if (in0 && (in1 || closedIn)) {
      const delta = s1.amount.minus(s0.amount);
      if (delta.isPositive()) add(currency, 'increased', delta);
      if (delta.isNegative()) add(currency, 'decreased', delta.negated());
    }
    if (in0 && !in1 && !closedIn) add(currency, 'pushedOut', s0.amount);
    if (!in0 && (in1 || closedIn)) add(currency, s0 === undefined ? 'new' : 'pulledIn', s1.amount);
    if (closedIn) add(currency, kind(s1) === 1 ? 'won' : 'lost', s1.amount);
  }
  return Object.freeze(
    [...rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, row]) => Object.freeze({ currency, ...Object.fromEntries(KEYS.map((k) => [k, Object.freeze(row[k])])) }) as PipelineChanges),
  );
}
