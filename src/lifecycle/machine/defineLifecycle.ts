import { CrmError } from '../errors';
import { type LifecycleDefinition, type LifecycleTransition, parseDefinition } from './definition';
import type { LifecycleState } from './state';

/**
 * What a guard receives: the current state, the event name, the time and the caller's context
 * (for the default lifecycle, the purchase facts computed by {@link historyEvents}).
 *
 * @example
 * ```ts
 * const input: GuardInput = { state: { customerId: 'c-1', stage: 'lead', since: new Date(0) }, event: 'win', now: new Date(0), context: {} };
 * ```
 */
export interface GuardInput {
  readonly state: LifecycleState;
  readonly event: string;
  readonly now: Date;
  readonly context: Readonly<Record<string, unknown>>;
}

/**
 * A named condition on a transition. Must be pure: same input, same answer.
 *
 * @example
 * ```ts
 * const bigDeal: Guard = ({ context }) => Number(context.amount) > 10_000;
 * ```
 */
export type Guard = (input: GuardInput) => boolean;

/**
 * A validated lifecycle: the definition (plain data; `JSON.stringify(lifecycle)` gives exactly the
 * definition) and the guard functions it names. Build one with {@link defineLifecycle}.
 *
 * @example
 * ```ts
 * const lc: Lifecycle = defineLifecycle({ id: 'x', initial: 'a', stages: ['a'], transitions: [] });
 * lc.definition.initial;
 * //=> 'a'
 * ```
 */
export interface Lifecycle {
  readonly definition: LifecycleDefinition;
  readonly guards: Readonly<Record<string, Guard>>;
  /** The definition, so a lifecycle serialises to its plain data. */
  toJSON(): LifecycleDefinition;
}

/** Internal lookup: stage → event → candidate transitions, in definition order. */
export interface LifecycleIndex {
  readonly stages: ReadonlySet<string>;
  readonly events: ReadonlySet<string>;
  readonly table: ReadonlyMap<string, ReadonlyMap<string, readonly LifecycleTransition[]>>;
}

const indexes = /* @__PURE__ */ new WeakMap<Lifecycle, LifecycleIndex>();

/** The lookup table of a lifecycle made by {@link defineLifecycle}. */
export function indexOf(lifecycle: Lifecycle): LifecycleIndex {
  const index = indexes.get(lifecycle);
  if (index === undefined) throw new CrmError('INVALID_LIFECYCLE', { params: { rule: 'not created by defineLifecycle' } });
  return index;
}

function invalid(rule: string): CrmError {
  return new CrmError('INVALID_LIFECYCLE', { params: { rule } });
}

/**
 * Validates a lifecycle definition and binds its guards. Modelled on XState v5's "machines as
 * data" (https://stately.ai/docs/machines): the definition is plain JSON, guards are referenced by
 * name, and the functions come in a separate map.
 *
 * @param definition - stages, initial stage and transitions (see {@link LifecycleDefinitionSchema})
 * @param options - `guards`: the functions for every guard name the transitions use (default none)
 * @returns the lifecycle, frozen
 * @throws {CrmError} `INVALID_LIFECYCLE` when the definition does not parse, a stage is listed
 *   twice, the initial stage or a transition's `from`/`to` is not a stage, or a guard has no function
 *
 * @example
 * ```ts
 * const b2b = defineLifecycle({
 *   id: 'b2b', initial: 'lead', stages: ['lead', 'opportunity', 'customer', 'evangelist'],
 *   transitions: [
 *     { from: 'lead', event: 'qualify', to: 'opportunity' },
 *     { from: 'opportunity', event: 'win', to: 'customer' },
 *     { from: 'customer', event: 'refer', to: 'evangelist', guard: 'happy' },
 *   ],
 * }, { guards: { happy: ({ context }) => context.nps === 10 } });
 * JSON.parse(JSON.stringify(b2b)).stages.length;
 * //=> 4
 * ```
 */
export function defineLifecycle(definition: LifecycleDefinition, options: { readonly guards?: Readonly<Record<string, Guard>> } = {}): Lifecycle {
  return buildLifecycle(parseDefinition(definition), options);
}

/**
 * {@link defineLifecycle} for a definition crmkit writes itself and knows to match
 * {@link LifecycleDefinitionSchema}: the built-in lifecycles (test/lifecycle/builtInDefinitions.test.ts
 * parses each with the schema) and the moves `definePipeline` derives from stages it has checked.
 * It skips only the schema parse, which would build the zod schemas at `import('crmkit')` for the
 * module-level lifecycles; the stage, transition and guard checks still run.
 *
 * @internal
 */
export function defineTrustedLifecycle(definition: LifecycleDefinition, options: { readonly guards?: Readonly<Record<string, Guard>> } = {}): Lifecycle {
  return buildLifecycle(definition, options);
}

function buildLifecycle(definition: LifecycleDefinition, options: { readonly guards?: Readonly<Record<string, Guard>> }): Lifecycle {
  // The lifecycle keeps its own frozen copy, and the lookup table points into it, so later changes
  // to the caller's object (a trusted definition is not parsed into a fresh one) cannot reach it.
  const def = deepFreeze(structuredClone(definition));
  const stages = new Set<string>();
  for (const s of def.stages) {
    if (stages.has(s)) throw invalid(`stage ${s} is listed twice`);
    if (s === '*') throw invalid('* is not a stage name');
    stages.add(s);
  }
  if (!stages.has(def.initial)) throw invalid(`initial stage ${def.initial} is not a stage`);
  const guards = { ...(options.guards ?? {}) };
  const table = new Map<string, Map<string, LifecycleTransition[]>>();
  for (const s of stages) table.set(s, new Map());
  const events = new Set<string>();
  for (const t of def.transitions) {
    if (!stages.has(t.to)) throw invalid(`transition ${t.event} targets unknown stage ${t.to}`);
    const froms = t.from === '*' ? [...stages] : typeof t.from === 'string' ? [t.from] : t.from;
    for (const f of froms) if (!stages.has(f)) throw invalid(`transition ${t.event} starts from unknown stage ${f}`);
    if (t.guard !== undefined && typeof guards[t.guard] !== 'function') throw invalid(`guard ${t.guard} has no function`);
    events.add(t.event);
    for (const f of froms) {
      const byEvent = table.get(f) as Map<string, LifecycleTransition[]>;
      const list = byEvent.get(t.event) ?? [];
      list.push(t);
      byEvent.set(t.event, list);
    }
  }
  const lifecycle: Lifecycle = Object.freeze({
    definition: def,
    guards: Object.freeze(guards),
    toJSON: () => def,
  });
  indexes.set(lifecycle, { stages, events, table });
  return lifecycle;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
