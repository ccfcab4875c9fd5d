import { defineTrustedLifecycle, type Guard, type Lifecycle } from './machine/defineLifecycle';
import type { LifecycleDefinition } from './machine/definition';

/**
 * The stages of the default customer lifecycle, in the order a customer usually meets them
 * (潜在客户 prospect, 线索 lead, 初次购买 first_purchase, 重复购买 repeat, 忠诚 loyal, 流失风险 at_risk,
 * 流失 churned, 挽回 won_back, 不合格 disqualified).
 *
 * @example
 * ```ts
 * DEFAULT_STAGES.length;
 * //=> 9
 * ```
 */
export const DEFAULT_STAGES = ['prospect', 'lead', 'first_purchase', 'repeat', 'loyal', 'at_risk', 'churned', 'won_back', 'disqualified'] as const;

/**
 * A stage of the default lifecycle.
 *
 * @example
 * ```ts
 * const s: DefaultStage = 'at_risk';
 * ```
 */
export type DefaultStage = (typeof DEFAULT_STAGES)[number];

/**
 * The events of the default lifecycle. `purchase`, `inactivity` and `churn` are what
 * {@link historyEvents} derives from transactions; `qualify` from a qualifying interaction;
 * `reactivate` and `disqualify` are decisions people make.
 *
 * @example
 * ```ts
 * DEFAULT_EVENTS.includes('reactivate');
 * //=> true
 * ```
 */
export const DEFAULT_EVENTS = ['qualify', 'purchase', 'inactivity', 'churn', 'reactivate', 'disqualify'] as const;

const BUYING = ['first_purchase', 'repeat', 'loyal', 'won_back'];

/**
 * The default lifecycle as plain data. On `purchase` the guards `loyal` and `repeat` read the
 * boolean facts of the same names from the transition's `context` (computed from the
 * {@link StagePolicy} by {@link historyEvents}); loyalty, once reached, survives further purchases
 * and is lost only through `at_risk` or `churned`.
 *
 * @example
 * ```ts
 * DEFAULT_LIFECYCLE_DEFINITION.initial;
 * //=> 'prospect'
 * ```
 */
export const DEFAULT_LIFECYCLE_DEFINITION: LifecycleDefinition = {
  id: 'default',
  initial: 'prospect',
  stages: [...DEFAULT_STAGES],
  transitions: [
    { from: ['prospect', 'disqualified'], event: 'qualify', to: 'lead' },
    { from: ['prospect', 'lead'], event: 'disqualify', to: 'disqualified' },
    { from: ['prospect', 'lead', 'disqualified'], event: 'purchase', to: 'first_purchase' },
    { from: ['loyal'], event: 'purchase', to: 'loyal' },
    { from: ['first_purchase', 'repeat', 'at_risk', 'won_back'], event: 'purchase', to: 'loyal', guard: 'loyal' },
    { from: ['first_purchase', 'repeat', 'at_risk', 'won_back'], event: 'purchase', to: 'repeat', guard: 'repeat' },
    { from: ['first_purchase', 'at_risk'], event: 'purchase', to: 'first_purchase' },
    { from: ['repeat'], event: 'purchase', to: 'repeat' },
    { from: ['won_back'], event: 'purchase', to: 'won_back' },
    { from: ['churned'], event: 'purchase', to: 'won_back' },
    { from: ['churned'], event: 'reactivate', to: 'won_back' },
    { from: BUYING, event: 'inactivity', to: 'at_risk' },
    { from: [...BUYING, 'at_risk'], event: 'churn', to: 'churned' },
  ],
};

const fact =
  (name: string): Guard =>
  ({ context }) =>
    context[name] === true;

/**
 * The guard functions of {@link DEFAULT_LIFECYCLE_DEFINITION}: `repeat` and `loyal`, each true when
 * the transition's `context` has that fact set to `true`.
 *
 * @example
 * ```ts
 * DEFAULT_GUARDS.repeat({ state: { customerId: 'c', stage: 'first_purchase', since: new Date(0) }, event: 'purchase', now: new Date(0), context: { repeat: true } });
 * //=> true
 * ```
 */
export const DEFAULT_GUARDS: Readonly<Record<'repeat' | 'loyal', Guard>> = /* @__PURE__ */ (() => Object.freeze({ repeat: fact('repeat'), loyal: fact('loyal') }))();

/**
 * The default customer lifecycle, ready to use with {@link transition}, {@link replay} and
 * {@link deriveStage}.
 *
 * @example
 * ```ts
 * defaultLifecycle.definition.stages.includes('won_back');
 * //=> true
 * ```
 */
export const defaultLifecycle: Lifecycle = /* @__PURE__ */ defineTrustedLifecycle(DEFAULT_LIFECYCLE_DEFINITION, { guards: DEFAULT_GUARDS });
