import { z } from 'zod';
import { CrmError } from '../errors';
import { lazySchema } from '../../core/zod/lazySchema';

const Name = /* @__PURE__ */ lazySchema(() => z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/, 'a name: a letter, then letters, digits, _ . - (at most 64)'));

/**
 * zod schema of one transition: on `event`, a state in `from` (a stage, a list of stages, or `'*'`
 * for every stage) moves to `to`, provided the named `guard` (if any) allows it. Transitions are
 * tried in the order they are listed; the first whose guard passes wins.
 *
 * @example
 * ```ts
 * TransitionSchema.parse({ from: 'lead', event: 'purchase', to: 'customer' }).to;
 * //=> 'customer'
 * ```
 */
export const TransitionSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  from: z.union([z.literal('*'), Name, z.array(Name).min(1)]),
  event: Name,
  to: Name,
  guard: Name.optional(),
}));

/**
 * zod schema of a lifecycle definition: plain, JSON-serialisable data naming the stages, the
 * initial stage and the transitions. Guards are referenced by name only; their functions are
 * supplied to {@link defineLifecycle} separately, so the definition stays data.
 *
 * @example
 * ```ts
 * LifecycleDefinitionSchema.parse({
 *   id: 'b2b', initial: 'lead', stages: ['lead', 'customer'],
 *   transitions: [{ from: 'lead', event: 'win', to: 'customer' }],
 * }).stages;
 * //=> ['lead', 'customer']
 * ```
 */
export const LifecycleDefinitionSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id: Name,
  initial: Name,
  stages: z.array(Name).min(1).max(256),
  transitions: z.array(TransitionSchema).max(4096),
}));

/**
 * A lifecycle definition as data; see {@link LifecycleDefinitionSchema}.
 *
 * @example
 * ```ts
 * const def: LifecycleDefinition = { id: 'b2b', initial: 'lead', stages: ['lead'], transitions: [] };
 * ```
 */
export type LifecycleDefinition = z.infer<typeof LifecycleDefinitionSchema>;

/**
 * One transition of a {@link LifecycleDefinition}; see {@link TransitionSchema}.
 *
 * @example
 * ```ts
 * const t: LifecycleTransition = { from: ['lead'], event: 'win', to: 'customer' };
 * ```
 */
export type LifecycleTransition = z.infer<typeof TransitionSchema>;

/** Parses a definition, throwing INVALID_LIFECYCLE with zod's issues (never the input). */
export function parseDefinition(input: unknown): LifecycleDefinition {
  const parsed = LifecycleDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
    const first = issues[0];
    throw new CrmError('INVALID_LIFECYCLE', {
      params: { rule: first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid' },
      details: { issues },
    });
  }
  return parsed.data;
}
