import { z } from 'zod';
import { CrmError } from './errors';
import { CONSENT_CHANNELS } from '../customer/customer';
import { type Lifecycle, indexOf } from './machine/defineLifecycle';
import { requireObject } from '../core/guards';
import { lazySchema } from '../core/zod/lazySchema';

/**
 * zod schema of one recommended action: an id (`welcome`, `onboarding`, `upsell`, `vip_care`,
 * `retention_offer`, `win_back`, or your own), a label for people, the preferred channels in order,
 * and how many days after entering the stage it should happen.
 *
 * @example
 * ```ts
 * PlaybookActionSchema.parse({ id: 'welcome', label: 'Welcome message', withinDays: 1 }).channels;
 * //=> []
 * ```
 */
export const PlaybookActionSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id: z.string().min(1).max(64),
  label: z.string().min(1).max(256),
  channels: z.array(z.enum(CONSENT_CHANNELS)).default([]),
  withinDays: z.number().min(0).max(3650).optional(),
}));

/**
 * A recommended action; see {@link PlaybookActionSchema}.
 *
 * @example
 * ```ts
 * const a: PlaybookAction = { id: 'upsell', label: 'Suggest the premium plan', channels: ['email'] };
 * ```
 */
export type PlaybookAction = z.infer<typeof PlaybookActionSchema>;

/**
 * A playbook: recommended actions per stage of one lifecycle, as plain data. Build one with
 * {@link defineLifecyclePlaybook}.
 *
 * @example
 * ```ts
 * const p: LifecyclePlaybook = { lifecycleId: 'default', stages: { lead: [] } };
 * ```
 */
export interface LifecyclePlaybook {
  readonly lifecycleId: string;
  readonly stages: Readonly<Record<string, readonly PlaybookAction[]>>;
}

/**
 * Validates a playbook against a lifecycle: every key must be one of its stages, every action must
 * parse. Stages without an entry get no actions.
 *
 * @param lifecycle - from {@link defineLifecycle}
 * @param stages - actions per stage
 * @returns the playbook (frozen, JSON-serialisable)
 * @throws {CrmError} `UNKNOWN_STAGE` for a key that is not a stage; `VALIDATION_FAILED` for a bad action
 *
 * @example
 * ```ts
 * const p = defineLifecyclePlaybook(defaultLifecycle, { at_risk: [{ id: 'retention_offer', label: 'Offer 10% off', channels: ['sms'] }] });
 * p.stages.at_risk[0].id;
 * //=> 'retention_offer'
 * ```
 */
export function defineLifecyclePlaybook(lifecycle: Lifecycle, stages: Readonly<Record<string, readonly z.input<typeof PlaybookActionSchema>[]>>): LifecyclePlaybook {
  return buildPlaybook(lifecycle, stages, (stage, actions) => {
    const parsed = z.array(PlaybookActionSchema).safeParse(actions);
    if (!parsed.success) {
      throw new CrmError('VALIDATION_FAILED', {
        params: { entity: 'playbook' },
        details: { issues: parsed.error.issues.map((i) => ({ path: [stage, ...i.path], code: i.code, message: i.message })) },
      });
    }
    return parsed.data;
  });
}

/**
 * {@link defineLifecyclePlaybook} for actions crmkit writes itself, complete (channels given) and
 * known to parse (test/lifecycle/builtInDefinitions.test.ts checks that parsing the built-in
 * playbook gives it back unchanged). It skips only the schema parse, which would build the zod
 * schemas at `import('crmkit')`; the stages are still checked against the lifecycle.
 *
 * @internal
 */
export function defineTrustedLifecyclePlaybook(lifecycle: Lifecycle, stages: Readonly<Record<string, readonly PlaybookAction[]>>): LifecyclePlaybook {
  return buildPlaybook(lifecycle, stages, (_stage, actions) => actions.map((a) => ({ ...a, channels: [...a.channels] })));
}

function buildPlaybook<A>(lifecycle: Lifecycle, stages: Readonly<Record<string, A>>, actionsOf: (stage: string, actions: A) => PlaybookAction[]): LifecyclePlaybook {
  const index = indexOf(lifecycle);
  const out: Record<string, readonly PlaybookAction[]> = {};
  for (const [stage, actions] of Object.entries(stages)) {
    if (!index.stages.has(stage)) throw new CrmError('UNKNOWN_STAGE', { params: { stage } });
    out[stage] = Object.freeze(actionsOf(stage, actions).map((a) => Object.freeze(a)));
  }
  return Object.freeze({ lifecycleId: lifecycle.definition.id, stages: Object.freeze(out) });
}

/**
 * The recommended actions for a stage (empty when the playbook has none for it).
 *
 * @param playbook - from {@link defineLifecyclePlaybook}
 * @param stage - the customer's stage
 * @returns the actions, in playbook order
 *
 * @throws {CrmError} `INVALID_ARGUMENT` when `playbook` is not a playbook
 *
 * @example
 * ```ts
 * playbookActions(defaultLifecyclePlaybook, 'churned').map((a) => a.id);
 * //=> ['win_back']
 * ```
 */
export function playbookActions(playbook: LifecyclePlaybook, stage: string): readonly PlaybookAction[] {
  requireObject(requireObject<LifecyclePlaybook>(playbook, 'playbook').stages, 'playbook.stages');
  return Object.hasOwn(playbook.stages, stage) ? (playbook.stages[stage] as readonly PlaybookAction[]) : [];
}
