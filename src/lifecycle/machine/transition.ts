import { assert, CrmError } from '../errors';
import { domainEvent } from '../../core/events';
import { requireDate } from '../../core/time';
import { type Lifecycle, indexOf } from './defineLifecycle';
import type { LifecycleStageChanged, LifecycleState } from './state';

/**
 * Options of {@link transition}.
 *
 * @example
 * ```ts
 * const o: TransitionOptions = { now: new Date('2026-01-01T00:00:00Z'), context: { repeat: true } };
 * ```
 */
export interface TransitionOptions {
  /** When the event happens; must not be earlier than `state.since`. */
  readonly now: Date;
  /** Passed to guards (default `{}`). */
  readonly context?: Readonly<Record<string, unknown>>;
}

/**
 * The outcome of {@link transition}: the next state, and one `LifecycleStageChanged` event when the
 * stage changed (none for a self-transition, whose `since` is kept).
 *
 * @example
 * ```ts
 * const r: TransitionResult = { state: { customerId: 'c-1', stage: 'a', since: new Date(0) }, events: [] };
 * ```
 */
export interface TransitionResult {
  readonly state: LifecycleState;
  readonly events: readonly LifecycleStageChanged[];
}

/**
 * Whether `event` is allowed from the state right now (some transition matches and its guard passes).
 *
 * @param lifecycle - from {@link defineLifecycle}
 * @param state - the current state
 * @param event - the event name
 * @param options - as for {@link transition}
 * @returns true when {@link transition} would succeed
 * @throws {CrmError} `UNKNOWN_STAGE`, `UNKNOWN_EVENT`, `INVALID_DATE`, `INVALID_ARGUMENT` as {@link transition}
 *
 * @example
 * ```ts
 * const now = new Date('2026-01-01T00:00:00Z');
 * can(defaultLifecycle, initialState(defaultLifecycle, 'c-1', { now }), 'churn', { now });
 * //=> false
 * ```
 */
export function can(lifecycle: Lifecycle, state: LifecycleState, event: string, options: TransitionOptions): boolean {
  return pick(lifecycle, state, event, options) !== undefined;
}

/**
 * The state a subject starts in: the lifecycle's initial stage, since `now`.
 *
 * @param lifecycle - from {@link defineLifecycle}
 * @param customerId - the subject's id
 * @param options - `now`: when it starts
 * @returns the initial state
 * @throws {CrmError} `INVALID_DATE` when `now` is not a valid date; `INVALID_ARGUMENT` for an empty id
 *
 * @example
 * ```ts
 * initialState(defaultLifecycle, 'c-1', { now: new Date('2026-01-01T00:00:00Z') }).stage;
 * //=> 'prospect'
 * ```
 */
export function initialState(lifecycle: Lifecycle, customerId: string, options: { readonly now: Date }): LifecycleState {
  indexOf(lifecycle);
  assert(typeof customerId === 'string' && customerId !== '', 'INVALID_ARGUMENT', { params: { field: 'customerId', rule: 'must be a non-empty string' } });
  return Object.freeze({ customerId, stage: lifecycle.definition.initial, since: new Date(requireDate(options?.now, 'now').getTime()) });
}

/**
 * Applies one event to a state. Transitions are tried in definition order; the first one from the
 * current stage on this event whose guard passes (or that has no guard) is taken. A self-transition
 * keeps `since` and returns no event. The input state is never mutated.
 *
 * The clock must not run backwards: `now` earlier than `state.since` is rejected, because stage
 * durations would become negative.
 *
 * @param lifecycle - from {@link defineLifecycle}
 * @param state - the current state
 * @param event - the event name
 * @param options - `now` (required) and `context` for guards (default `{}`)
 * @returns the next state and the `LifecycleStageChanged` event (empty when the stage is unchanged)
 * @throws {CrmError} `UNKNOWN_STAGE` when the state's stage is not in the lifecycle;
 *   `UNKNOWN_EVENT` when no transition uses the event; `INVALID_TRANSITION` when the event is not
 *   allowed from this stage or every guard refused (details name the guards);
 *   `INVALID_DATE` for a bad `now`; `INVALID_ARGUMENT` when `now` is earlier than `state.since`;
 *   `INVALID_LIFECYCLE` when `lifecycle` did not come from {@link defineLifecycle} (a parsed JSON
 *   definition must go through `defineLifecycle` again)
 *
 * @example
 * ```ts
 * const now = new Date('2026-02-01T00:00:00Z');
 * const start = initialState(defaultLifecycle, 'c-1', { now: new Date('2026-01-01T00:00:00Z') });
 * const { state, events } = transition(defaultLifecycle, start, 'purchase', { now });
 * state.stage;
 * //=> 'first_purchase'
 * [events[0].from, events[0].to, events[0].trigger];
 * //=> ['prospect', 'first_purchase', 'purchase']
 * ```
 */
export function transition(lifecycle: Lifecycle, state: LifecycleState, event: string, options: TransitionOptions): TransitionResult {
  const t = pick(lifecycle, state, event, options);
  if (t === undefined) {
    throw new CrmError('INVALID_TRANSITION', { params: { event, from: state.stage }, details: { event, from: state.stage, customerId: state.customerId } });
  }
  if (t.to === state.stage) return { state, events: [] };
  // A copy: the caller may reuse or change its own `now` Date after the call.
  const next = Object.freeze({ customerId: state.customerId, stage: t.to, since: new Date(options.now.getTime()) });
  const changed: LifecycleStageChanged = domainEvent('LifecycleStageChanged', state.customerId, options.now, {
    lifecycleId: lifecycle.definition.id,
    from: state.stage,
    to: t.to,
    trigger: event,
  });
  return { state: next, events: [changed] };
}

function pick(lifecycle: Lifecycle, state: LifecycleState, event: string, options: TransitionOptions): { readonly to: string } | undefined {
  const index = indexOf(lifecycle);
  const now = requireDate(options?.now, 'now');
  requireDate(state?.since, 'state.since');
  if (!index.stages.has(state.stage)) throw new CrmError('UNKNOWN_STAGE', { params: { stage: String(state.stage) } });
  if (!index.events.has(event)) throw new CrmError('UNKNOWN_EVENT', { params: { event: String(event) } });
  assert(now.getTime() >= state.since.getTime(), 'INVALID_ARGUMENT', { params: { field: 'now', rule: 'is earlier than the start of the current stage (the clock went backwards)' } });
  const candidates = index.table.get(state.stage)?.get(event) ?? [];
  const context = options.context ?? {};
  for (const t of candidates) {
    if (t.guard === undefined) return t;
    const guard = lifecycle.guards[t.guard] as (i: object) => boolean;
    if (guard({ state, event, now, context }) === true) return t;
  }
  return undefined;
}
