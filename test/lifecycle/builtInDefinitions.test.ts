// The built-in lifecycles and the default playbook are built through the trusted path (no schema
// parse at module load). The expected values come from the second path, the public parsing one:
// LifecycleDefinitionSchema and defineLifecyclePlaybook must give each built-in back unchanged, and
// a machine built by defineLifecycle from the same data must answer every move alike.
import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_LIFECYCLE_DEFINITION,
  DEFAULT_GUARDS,
  DEFAULT_LIFECYCLE_DEFINITION,
  can,
  complaintLifecycle,
  defaultLifecycle,
  defaultLifecyclePlaybook,
  defineLifecycle,
  defineLifecyclePlaybook,
  type Lifecycle,
} from 'crmkit/lifecycle';
import { parseDefinition } from '../../src/lifecycle/machine/definition';
import { defineTrustedLifecycle } from '../../src/lifecycle/machine/defineLifecycle';
import { d } from './helpers';

/** Every (stage, event, context) question asked of both machines. */
function sameMoves(a: Lifecycle, b: Lifecycle): void {
  const events = [...new Set(a.definition.transitions.map((t) => t.event))];
  const contexts = [{}, { repeat: true }, { loyal: true }, { repeat: true, loyal: true }];
  for (const stage of a.definition.stages) {
    const state = { customerId: 'c-1', stage, since: d('2026-01-01') };
    for (const event of events) {
      for (const context of contexts) {
        const options = { now: d('2026-02-01'), context };
        expect([stage, event, context, can(a, state, event, options)]).toEqual([stage, event, context, can(b, state, event, options)]);
      }
    }
  }
}

describe('built-in lifecycles (trusted path)', () => {
  it.each([
    ['default', DEFAULT_LIFECYCLE_DEFINITION, defaultLifecycle, { guards: DEFAULT_GUARDS }],
    ['complaint', COMPLAINT_LIFECYCLE_DEFINITION, complaintLifecycle, {}],
  ] as const)('%s: the schema parses the definition back unchanged, and defineLifecycle builds the same machine', (_name, definition, lifecycle, options) => {
    expect(parseDefinition(definition)).toStrictEqual(definition);
    expect(lifecycle.definition).toStrictEqual(parseDefinition(definition));
    const parsed = defineLifecycle(definition, options);
    expect(lifecycle.definition).toStrictEqual(parsed.definition);
    sameMoves(lifecycle, parsed);
    sameMoves(parsed, lifecycle);
  });

  it('the default playbook is what defineLifecyclePlaybook makes of it (complete, valid actions)', () => {
    const parsed = defineLifecyclePlaybook(defaultLifecycle, defaultLifecyclePlaybook.stages);
    expect(defaultLifecyclePlaybook).toStrictEqual(parsed);
    expect(Object.isFrozen(defaultLifecyclePlaybook.stages.lead)).toBe(true);
    expect(Object.isFrozen(defaultLifecyclePlaybook.stages.lead?.[0])).toBe(true);
  });

  it('a trusted lifecycle keeps its own frozen copy of the definition', () => {
    const definition = { id: 'x', initial: 'a', stages: ['a', 'b'], transitions: [{ from: ['a'], event: 'go', to: 'b' }] };
    const lifecycle = defineTrustedLifecycle(definition);
    (definition.transitions[0] as { to: string }).to = 'a';
    definition.stages.push('c');
    expect(lifecycle.definition).toStrictEqual({ id: 'x', initial: 'a', stages: ['a', 'b'], transitions: [{ from: ['a'], event: 'go', to: 'b' }] });
    expect(Object.isFrozen(lifecycle.definition.transitions[0])).toBe(true);
    const state = { customerId: 'c-1', stage: 'a', since: d('2026-01-01') };
    expect(can(lifecycle, state, 'go', { now: d('2026-01-02') })).toBe(true);
  });

  it('the trusted path still runs the structural checks (only the schema parse is skipped)', () => {
    expect(() => defineTrustedLifecycle({ id: 'x', initial: 'z', stages: ['a'], transitions: [] })).toThrow(expect.objectContaining({ code: 'INVALID_LIFECYCLE' }));
    expect(() => defineTrustedLifecycle({ id: 'x', initial: 'a', stages: ['a', 'a'], transitions: [] })).toThrow(expect.objectContaining({ code: 'INVALID_LIFECYCLE' }));
  });
});
