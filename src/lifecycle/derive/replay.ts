import { assert } from '../errors';
import { requireDate } from '../../core/time';
import { defaultLifecycle } from '../defaultLifecycle';
import { type Lifecycle, indexOf } from '../machine/defineLifecycle';
import type { LifecycleStageChanged, LifecycleState } from '../machine/state';
import { transition } from '../machine/transition';
import { type CustomerHistory, normaliseHistory } from './history';
import { type TimedEvent, historyEvents } from './historyEvents';
import type { StagePolicy } from './policy';
import { requireIterable } from '../../core/guards';

/**
 * One stretch of time a subject spent in a stage: from `from` up to `to` (exclusive), or still
 * there (`to` null).
 *
 * @example
 * ```ts
 * const span: StageSpan = { stage: 'lead', from: new Date('2026-01-01T00:00:00Z'), to: null };
 * ```
 */
export interface StageSpan {
  readonly stage: string;
  readonly from: Date;
  readonly to: Date | null;
}

/**
 * What {@link replay} and {@link applyEvents} return: the final state, the stage timeline and the
 * `LifecycleStageChanged` events, oldest first.
 *
 * @example
 * ```ts
 * const r: ReplayResult = { state: { customerId: 'c', stage: 'prospect', since: new Date(0) }, timeline: [], events: [] };
 * ```
 */
export interface ReplayResult {
  readonly state: LifecycleState;
  readonly timeline: readonly StageSpan[];
  readonly events: readonly LifecycleStageChanged[];
}

/**
 * Folds {@link transition} over timed events, starting from `state`.
 *
 * @param lifecycle - from {@link defineLifecycle}
 * @param state - the starting state
 * @param events - events oldest first (each `at` not before the previous event's `at`, even when
 *   the previous event was a self-transition that kept `since`)
 * @returns the final state, timeline and stage-change events
 * @throws {CrmError} whatever {@link transition} throws for an event: `INVALID_TRANSITION`,
 *   `UNKNOWN_EVENT`, `UNKNOWN_STAGE`, `INVALID_DATE`; `INVALID_ARGUMENT` for an event dated before
 *   the previous one or before `state.since`, `events` that are not iterable or a `state` that is not
 *   one; `INVALID_LIFECYCLE` for a lifecycle not made by {@link defineLifecycle}
 *
 * @example
 * ```ts
 * const t0 = new Date('2026-01-01T00:00:00Z');
 * const start = initialState(defaultLifecycle, 'c-1', { now: t0 });
 * applyEvents(defaultLifecycle, start, [
 *   { event: 'qualify', at: new Date('2026-01-02T00:00:00Z'), context: {} },
 *   { event: 'disqualify', at: new Date('2026-01-03T00:00:00Z'), context: {} },
 * ]).state.stage;
 * //=> 'disqualified'
 * ```
 */
export function applyEvents(lifecycle: Lifecycle, state: LifecycleState, events: Iterable<TimedEvent>): ReplayResult {
  requireIterable(events, 'events');
  indexOf(lifecycle);
  assert(state !== null && typeof state === 'object' && typeof state.customerId === 'string' && typeof state.stage === 'string', 'INVALID_ARGUMENT', {
    params: { field: 'state', rule: 'must be a lifecycle state' },
  });
  // A copy with its own Date: neither the result nor its timeline may hand back the caller's `since`.
  let current: LifecycleState = Object.freeze({ customerId: state.customerId, stage: state.stage, since: new Date(requireDate(state.since, 'state.since').getTime()) });
  const timeline: StageSpan[] = [];
  const changes: LifecycleStageChanged[] = [];
  // A self-transition keeps `since`, so `transition`'s own check (not before `since`) would let an
  // event dated before the previous one through; compare with the last event's time instead.
  let last = -Infinity;
  for (const e of events) {
    const at = requireDate(e?.at, 'at').getTime();
    assert(at >= last, 'INVALID_ARGUMENT', { params: { field: 'at', rule: 'is earlier than the previous event (events must come oldest first)' } });
    last = at;
    const r = transition(lifecycle, current, e.event, { now: e.at, context: e.context });
    if (r.state !== current && r.state.stage !== current.stage) {
      timeline.push({ stage: current.stage, from: current.since, to: r.state.since });
      changes.push(...r.events);
    }
    current = r.state;
  }
  timeline.push({ stage: current.stage, from: current.since, to: null });
  return { state: current, timeline, events: changes };
}

/**
 * Replays a customer's whole history through a lifecycle (the default one unless given) and returns
 * the stage timeline: the events {@link historyEvents} derives, folded with {@link transition} from
 * the initial stage at the start of the history. Its final state equals {@link deriveStage}.
 *
 * @param history - the customer's transactions and interactions
 * @param policy - the {@link StagePolicy}
 * @param options - `asOf` (required); `lifecycle` (default {@link defaultLifecycle}; a custom one
 *   must accept the events qualify, purchase, inactivity and churn where they occur)
 * @returns final state, timeline and stage-change events
 * @throws {CrmError} `INVALID_DATE`, `INVALID_ARGUMENT` for bad input; `INVALID_TRANSITION` when a
 *   custom lifecycle refuses a derived event
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const buy = (id: string, day: string) => ({ id, customerId: 'c-1', type: 'purchase' as const, occurredAt: d(day) });
 * replay({ customerId: 'c-1', transactions: [buy('t1', '2026-01-01'), buy('t2', '2026-02-01')] }, {}, { asOf: d('2026-09-01') })
 *   .timeline.map((s) => s.stage);
 * //=> ['prospect', 'first_purchase', 'repeat', 'at_risk', 'churned']
 * ```
 */
export function replay(history: CustomerHistory, policy: StagePolicy, options: { readonly asOf: Date; readonly lifecycle?: Lifecycle }): ReplayResult {
  const asOf = requireDate(options?.asOf, 'asOf');
  const events = historyEvents(history, policy, { asOf });
  const start = normaliseHistory(history, asOf.getTime()).start;
  const lifecycle = options.lifecycle ?? defaultLifecycle;
  assert(typeof lifecycle === 'object' && lifecycle !== null, 'INVALID_ARGUMENT', { params: { field: 'lifecycle', rule: 'must come from defineLifecycle' } });
  const state: LifecycleState = { customerId: history.customerId, stage: lifecycle.definition.initial, since: new Date(start) };
  return applyEvents(lifecycle, state, events);
}
