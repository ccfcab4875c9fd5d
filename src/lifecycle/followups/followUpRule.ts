import { z } from 'zod';
import { CONSENT_CHANNELS } from '../../customer/customer';
import { lazySchema } from '../../core/zod/lazySchema';

/**
 * zod schema of a follow-up (回访) rule. A customer matches when its stage is in `stages` (if
 * given) and it has at least one of `tags` (if given). `cadence` says when the follow-up is due:
 *
 * - `{ kind: 'every', days }`: `days` after the last contact (due at once if never contacted);
 *   "VIP every 30 days".
 * - `{ kind: 'after_stage_entry', days }`: from entering the stage until contacted, deadline
 *   `days` after entry; "at-risk within 3 days".
 * - `{ kind: 'after_first_purchase', days }`: `days` after the first purchase, unless contacted
 *   since; "new customers 7 days after first purchase".
 *
 * `channels` lists the channels to use in order of preference; the first one the customer has
 * granted consent for is chosen.
 *
 * @example
 * ```ts
 * FollowUpRuleSchema.parse({ id: 'vip', tags: ['vip'], cadence: { kind: 'every', days: 30 }, channels: ['phone'] }).cadence.days;
 * //=> 30
 * ```
 */
export const FollowUpRuleSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id: z.string().min(1).max(64),
  stages: z.array(z.string().min(1).max(64)).min(1).optional(),
  tags: z.array(z.string().min(1).max(64)).min(1).optional(),
  cadence: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('every'), days: z.number().positive().max(3650) }),
    z.strictObject({ kind: z.literal('after_stage_entry'), days: z.number().min(0).max(3650) }),
    z.strictObject({ kind: z.literal('after_first_purchase'), days: z.number().min(0).max(3650) }),
  ]),
  channels: z.array(z.enum(CONSENT_CHANNELS)).min(1),
}));

/**
 * A follow-up rule; see {@link FollowUpRuleSchema}.
 *
 * @example
 * ```ts
 * const atRisk: FollowUpRule = { id: 'at_risk', stages: ['at_risk'], cadence: { kind: 'after_stage_entry', days: 3 }, channels: ['phone', 'sms'] };
 * ```
 */
export type FollowUpRule = z.infer<typeof FollowUpRuleSchema>;

/**
 * The rules the issue names, as a starting point: at-risk customers within 3 days of becoming at
 * risk, VIPs (tag `vip`) every 30 days, new customers 7 days after their first purchase. Earlier
 * rules win when several are due for one customer.
 *
 * @example
 * ```ts
 * DEFAULT_FOLLOW_UP_RULES.map((r) => r.id);
 * //=> ['at_risk', 'vip', 'new_customer']
 * ```
 */
export const DEFAULT_FOLLOW_UP_RULES: readonly FollowUpRule[] = /* @__PURE__ */ Object.freeze([
  { id: 'at_risk', stages: ['at_risk'], cadence: { kind: 'after_stage_entry', days: 3 }, channels: ['phone', 'wechat', 'sms'] },
  { id: 'vip', tags: ['vip'], cadence: { kind: 'every', days: 30 }, channels: ['phone', 'wechat', 'email'] },
  { id: 'new_customer', stages: ['first_purchase'], cadence: { kind: 'after_first_purchase', days: 7 }, channels: ['wechat', 'sms', 'email', 'phone'] },
]);
