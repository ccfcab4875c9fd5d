import { z } from 'zod';
import { CrmError, assert } from './errors';
import { requireDenseArray } from '../core/guards';
import { lazySchema } from '../core/zod/lazySchema';

const names = /* @__PURE__ */ lazySchema(() => z.strictObject({ en: z.string().min(1).max(256), 'zh-CN': z.string().min(1).max(256) }));

/**
 * zod schema of a segment playbook: which treatment each segment gets. `segment` is any segment
 * key you use (an RFM segment key such as `at-risk`, a lifecycle stage, a tag); `priority` orders
 * recommendations (1 is most urgent).
 *
 * @example
 * ```ts
 * import { PlaybookSchema } from 'crmkit/segmentation';
 * PlaybookSchema.safeParse({
 *   entries: [{ segment: 'champions', treatment: { key: 'vip-service', name: { en: 'VIP service', 'zh-CN': 'VIP 专属服务' }, priority: 2 } }],
 * }).success;
 * //=> true
 * ```
 */
export const PlaybookSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  entries: z
    .array(
      z.strictObject({
        segment: z.string().min(1).max(64),
        treatment: z.strictObject({
          key: z.string().min(1).max(64),
          name: names,
          channel: z.string().min(1).max(64).optional(),
          priority: z.number().int().min(1).max(100),
        }),
      }),
    )
    .max(1000),
}));

/**
 * A segment playbook; see {@link PlaybookSchema}.
 *
 * @example
 * ```ts
 * import { DEFAULT_PLAYBOOK } from 'crmkit/segmentation';
 * const playbook: Playbook = DEFAULT_PLAYBOOK;
 * ```
 */
export type Playbook = z.infer<typeof PlaybookSchema>;

/**
 * A recommended treatment.
 *
 * @example
 * ```ts
 * const t: Treatment = { key: 'win-back-call', name: { en: 'Win-back call', 'zh-CN': '挽回回访电话' }, channel: 'phone', priority: 1 };
 * ```
 */
export type Treatment = Playbook['entries'][number]['treatment'];

// Frozen all the way down: DEFAULT_PLAYBOOK is shared by every caller.
const t = (key: string, en: string, zh: string, priority: number, channel?: string): Treatment =>
  Object.freeze({ key, name: Object.freeze({ en, 'zh-CN': zh }), priority, ...(channel && { channel }) });
const VIP = /* @__PURE__ */ t('vip-service', 'VIP service: dedicated account manager and priority support', 'VIP 专属服务：专属客户经理与优先支持', 2);
const WIN_BACK = /* @__PURE__ */ t('win-back-call', 'Win-back call from the account manager', '客户经理挽回回访电话', 1, 'phone');
const FIRST = /* @__PURE__ */ t('first-purchase-discount', 'First-purchase discount', '首单优惠', 3);
const NURTURE = /* @__PURE__ */ t('membership-offer', 'Membership or bundle offer to build frequency', '会员或组合优惠，提升购买频次', 4);
const REACTIVATE = /* @__PURE__ */ t('reactivation-offer', 'Low-cost reactivation offer', '低成本唤醒优惠', 5, 'sms');

/**
 * A starting playbook for the {@link DEFAULT_RFM_SEGMENT_MAP} segments and the `prospect`
 * lifecycle stage: VIP service for Champions and Loyal Customers; a win-back call for Can't Lose
 * Them and At Risk; a first-purchase discount for customers with no purchase yet
 * (`no-purchase`, see `NO_PURCHASE_SEGMENT`), prospects and new customers; a membership offer
 * for Potential Loyalists, Promising and Need Attention; a low-cost reactivation offer for About
 * to Sleep, Hibernating and Lost. It is data: copy and edit it.
 *
 * @example
 * ```ts
 * import { DEFAULT_PLAYBOOK } from 'crmkit/segmentation';
 * DEFAULT_PLAYBOOK.entries.find((e) => e.segment === 'cant-lose-them').treatment.key;
 * //=> 'win-back-call'
 * ```
 */
export const DEFAULT_PLAYBOOK: Playbook = /* @__PURE__ */ (() => Object.freeze({
  entries: Object.freeze([
    ...['champions', 'loyal-customers'].map((segment) => Object.freeze({ segment, treatment: VIP })),
    ...['cant-lose-them', 'at-risk'].map((segment) => Object.freeze({ segment, treatment: WIN_BACK })),
    ...['no-purchase', 'prospect', 'new-customers'].map((segment) => Object.freeze({ segment, treatment: FIRST })),
    ...['potential-loyalists', 'promising', 'need-attention'].map((segment) => Object.freeze({ segment, treatment: NURTURE })),
    ...['about-to-sleep', 'hibernating', 'lost'].map((segment) => Object.freeze({ segment, treatment: REACTIVATE })),
  ]) as Playbook['entries'],
}))();

const checked = /* @__PURE__ */ new WeakSet<object>([DEFAULT_PLAYBOOK]);

/**
 * The treatments a playbook recommends for a customer in the given segments, most urgent
 * (lowest `priority`) first, each treatment once; ties keep playbook order.
 *
 * @param segments - one segment key or several (for example the RFM segment and the lifecycle stage)
 * @param playbook - the playbook; default {@link DEFAULT_PLAYBOOK}
 * @returns copies of the recommended treatments (empty when no entry matches); editing them never
 *   changes the playbook
 * @throws {CrmError} `INVALID_ARGUMENT` for an invalid playbook (zod issues in `details.issues`), or
 *   segments that are not a string or a dense array of strings
 *
 * @example
 * ```ts
 * import { recommendTreatments } from 'crmkit/segmentation';
 * recommendTreatments(['at-risk', 'customer']).map((t) => t.key);
 * //=> ['win-back-call']
 * recommendTreatments('prospect')[0].name['zh-CN'];
 * //=> '首单优惠'
 * ```
 */
export function recommendTreatments(segments: string | readonly string[], playbook: Playbook = DEFAULT_PLAYBOOK): Treatment[] {
  if (!checked.has(playbook)) {
    const parsed = PlaybookSchema.safeParse(playbook);
    if (!parsed.success) {
      throw new CrmError('INVALID_ARGUMENT', {
        params: { field: 'playbook', rule: 'not a valid playbook' },
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
      });
    }
    checked.add(playbook);
  }
  const list = typeof segments === 'string' ? [segments] : requireDenseArray(segments, 'segments');
  assert(list.every((s) => typeof s === 'string'), 'INVALID_ARGUMENT', { params: { field: 'segments', rule: 'must be strings' } });
  const wanted = new Set(list);
  const seen = new Set<string>();
  const out: Treatment[] = [];
  for (const e of playbook.entries) {
    if (wanted.has(e.segment) && !seen.has(e.treatment.key)) {
      seen.add(e.treatment.key);
      out.push({ ...e.treatment, name: { ...e.treatment.name } });
    }
  }
  return out.sort((a, b) => a.priority - b.priority);
}
