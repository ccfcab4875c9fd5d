import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { DEFAULT_EVENTS, DEFAULT_STAGES, can, defaultLifecycle, defineLifecycle, initialState, transition, type LifecycleState } from 'crmkit/lifecycle';
import { d, throwsCode } from './helpers';

const b2b = defineLifecycle(
  {
    id: 'b2b',
    initial: 'lead',
    stages: ['lead', 'opportunity', 'customer', 'evangelist'],
    transitions: [
      { from: 'lead', event: 'qualify', to: 'opportunity' },
      { from: 'opportunity', event: 'win', to: 'customer', guard: 'signed' },
      { from: 'opportunity', event: 'lose', to: 'lead' },
      { from: 'customer', event: 'refer', to: 'evangelist' },
    ],
  },
  { guards: { signed: ({ context }) => context.contract === true } },
);

describe('defineLifecycle', () => {
  it('keeps the definition as plain JSON data (guards by name only)', () => {
    const json = JSON.parse(JSON.stringify(b2b));
    expect(json).toEqual(b2b.definition);
    expect(json.transitions[1].guard).toBe('signed');
    // The parsed JSON plus the same guard map defines an equivalent machine.
    const again = defineLifecycle(json, { guards: b2b.guards });
    expect(transition(again, { customerId: 'c', stage: 'lead', since: d('2026-01-01') }, 'qualify', { now: d('2026-01-02') }).state.stage).toBe('opportunity');
  });

  it('rejects duplicate stages, unknown targets and sources, missing guard functions, bad initial', () => {
    const base = { id: 'x', initial: 'a', stages: ['a', 'b'], transitions: [] as { from: string; event: string; to: string; guard?: string }[] };
    throwsCode(() => defineLifecycle({ ...base, stages: ['a', 'a'] }), 'INVALID_LIFECYCLE');
    throwsCode(() => defineLifecycle({ ...base, transitions: [{ from: 'a', event: 'go', to: 'z' }] }), 'INVALID_LIFECYCLE');
    throwsCode(() => defineLifecycle({ ...base, transitions: [{ from: 'z', event: 'go', to: 'a' }] }), 'INVALID_LIFECYCLE');
    throwsCode(() => defineLifecycle({ ...base, transitions: [{ from: 'a', event: 'go', to: 'b', guard: 'g' }] }), 'INVALID_LIFECYCLE');
    throwsCode(() => defineLifecycle({ ...base, initial: 'z' }), 'INVALID_LIFECYCLE');
    throwsCode(() => defineLifecycle({ ...base, stages: [] }), 'INVALID_LIFECYCLE');
    throwsCode(() => defineLifecycle({ ...base, extra: 1 } as never), 'INVALID_LIFECYCLE');
  });

  it('does not keep a reference to the caller\'s definition (later edits do not leak in)', () => {
    const def = { id: 'x', initial: 'a', stages: ['a', 'b'], transitions: [{ from: 'a', event: 'go', to: 'b' }] };
    const lc = defineLifecycle(def);
    def.transitions[0]!.to = 'a';
    expect(lc.definition.transitions[0]!.to).toBe('b');
    expect(Object.isFrozen(lc.definition.transitions[0])).toBe(true);
  });
});

describe('transition', () => {
  const start: LifecycleState = { customerId: 'c-1', stage: 'opportunity', since: d('2026-01-01') };

  it('moves along an allowed transition and emits one LifecycleStageChanged event', () => {
    const { state, events } = transition(b2b, start, 'win', { now: d('2026-01-05'), context: { contract: true } });
    expect(state).toEqual({ customerId: 'c-1', stage: 'customer', since: d('2026-01-05') });
    expect(events).toEqual([{ type: 'LifecycleStageChanged', customerId: 'c-1', occurredAt: d('2026-01-05'), lifecycleId: 'b2b', from: 'opportunity', to: 'customer', trigger: 'win' }]);
    expect(start.stage).toBe('opportunity'); // input not mutated
  });

  it('refuses when the guard says no, or the event is not allowed from the stage (INVALID_TRANSITION)', () => {
    throwsCode(() => transition(b2b, start, 'win', { now: d('2026-01-05'), context: { contract: false } }), 'INVALID_TRANSITION');
    throwsCode(() => transition(b2b, start, 'refer', { now: d('2026-01-05') }), 'INVALID_TRANSITION');
  });

  it('reports unknown events and stages with their own codes', () => {
    throwsCode(() => transition(b2b, start, 'explode', { now: d('2026-01-05') }), 'UNKNOWN_EVENT');
    throwsCode(() => transition(b2b, { ...start, stage: 'ghost' }, 'win', { now: d('2026-01-05') }), 'UNKNOWN_STAGE');
  });

  it('rejects a clock going backwards (now before since) with INVALID_ARGUMENT, accepts now === since', () => {
    throwsCode(() => transition(b2b, start, 'lose', { now: d('2025-12-31') }), 'INVALID_ARGUMENT');
    expect(transition(b2b, start, 'lose', { now: d('2026-01-01') }).state.stage).toBe('lead');
    throwsCode(() => transition(b2b, start, 'lose', { now: new Date('nope') }), 'INVALID_DATE');
  });

  it('keeps since and emits nothing on a self-transition (a purchase while loyal)', () => {
    const loyal: LifecycleState = { customerId: 'c-1', stage: 'loyal', since: d('2026-01-01') };
    const r = transition(defaultLifecycle, loyal, 'purchase', { now: d('2026-02-01') });
    expect(r.state).toBe(loyal);
    expect(r.events).toEqual([]);
  });

  it('default lifecycle: the documented paths (hand-traced from DEFAULT_LIFECYCLE_DEFINITION)', () => {
    const now = d('2026-01-01');
    let s = initialState(defaultLifecycle, 'c-1', { now });
    const go = (e: string, ctx = {}) => (s = transition(defaultLifecycle, s, e, { now, context: ctx }).state).stage;
    expect(go('qualify')).toBe('lead');
    expect(go('purchase')).toBe('first_purchase');
    expect(go('purchase', { repeat: false })).toBe('first_purchase');
    expect(go('purchase', { repeat: true })).toBe('repeat');
    expect(go('purchase', { repeat: true, loyal: true })).toBe('loyal');
    expect(go('inactivity')).toBe('at_risk');
    expect(go('purchase', { repeat: true })).toBe('repeat');
    expect(go('inactivity')).toBe('at_risk');
    expect(go('churn')).toBe('churned');
    expect(go('reactivate')).toBe('won_back');
    expect(go('purchase', { repeat: true })).toBe('repeat');
    expect(can(defaultLifecycle, s, 'disqualify', { now })).toBe(false);
    expect(can(defaultLifecycle, s, 'churn', { now })).toBe(true);
  });
});

describe('property: any event sequence keeps the machine in a defined stage', () => {
  it('every step either moves to a stage of the lifecycle or throws INVALID_TRANSITION and leaves the state as it was', () => {
    const stages = new Set<string>(DEFAULT_STAGES);
    fc.assert(
      fc.property(
        fc.array(fc.record({ event: fc.constantFrom(...DEFAULT_EVENTS), repeat: fc.boolean(), loyal: fc.boolean(), dt: fc.nat(1_000_000) }), { maxLength: 60 }),
        (steps) => {
          let s = initialState(defaultLifecycle, 'c-1', { now: d('2026-01-01') });
          let t = s.since.getTime();
          for (const step of steps) {
            t += step.dt;
            const before = s;
            try {
              const r = transition(defaultLifecycle, s, step.event, { now: new Date(t), context: { repeat: step.repeat, loyal: step.loyal } });
              s = r.state;
              expect(r.events.length).toBe(r.state.stage === before.stage ? 0 : 1);
            } catch (e) {
              expect(isCrmError(e, 'INVALID_TRANSITION')).toBe(true);
              expect(s).toBe(before);
            }
            expect(stages.has(s.stage)).toBe(true);
            expect(s.since.getTime()).toBeLessThanOrEqual(t);
          }
        },
      ),
    );
  });
});
