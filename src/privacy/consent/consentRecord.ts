import { z } from 'zod';
import { DateSchema } from '../../core/time/schema';
import { CONSENT_CHANNELS } from '../../customer/consentChannels';
import { CONSENT_METHODS, CONSENT_PURPOSES, LAWFUL_BASES } from './purposes';
import { lazySchema } from '../../core/zod/lazySchema';

const id = /* @__PURE__ */ lazySchema(() => z.string().min(1).max(128));
const channel = /* @__PURE__ */ lazySchema(() => z.enum([...CONSENT_CHANNELS, 'all']).describe('a channel, or all channels'));
const common = /* @__PURE__ */ (() => ({
  id,
  customerId: id,
  channel,
  method: lazySchema(() => z.enum(CONSENT_METHODS)),
  source: lazySchema(() => z.string().max(128).optional().describe('where it was captured: a form, a campaign, a store')),
}))();

/**
 * A consent given: for one channel (or `all`) and one purpose, on a lawful basis, at `givenAt`, by
 * a `method`, against the privacy-policy version the person saw; optionally until `expiresAt`.
 *
 * @example
 * ```ts
 * import { ConsentGrantSchema } from 'crmkit/privacy';
 * ConsentGrantSchema.parse({
 *   id: 'k-1', customerId: 'c-1', channel: 'sms', purpose: 'marketing', action: 'grant',
 *   lawfulBasis: 'consent', givenAt: '2026-01-05T09:00:00Z', method: 'checkbox', policyVersion: '2026-01',
 * }).givenAt.toISOString();
 * //=> '2026-01-05T09:00:00.000Z'
 * ```
 */
export const ConsentGrantSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  ...common,
  purpose: z.enum(CONSENT_PURPOSES),
  action: z.literal('grant'),
  lawfulBasis: z.enum(LAWFUL_BASES),
  givenAt: DateSchema,
  policyVersion: z.string().min(1).max(64),
  expiresAt: DateSchema.optional(),
}));

/**
 * A withdrawal (撤回同意) or objection: for one channel (or `all`) and one purpose (or `all`), at
 * `withdrawnAt`. It overrides every earlier grant it covers.
 *
 * @example
 * ```ts
 * import { ConsentWithdrawalSchema } from 'crmkit/privacy';
 * ConsentWithdrawalSchema.parse({
 *   id: 'k-2', customerId: 'c-1', channel: 'all', purpose: 'all', action: 'withdraw',
 *   withdrawnAt: '2026-02-01T00:00:00Z', method: 'in-app',
 * }).purpose;
 * //=> 'all'
 * ```
 */
export const ConsentWithdrawalSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  ...common,
  purpose: z.enum([...CONSENT_PURPOSES, 'all']),
  action: z.literal('withdraw'),
  withdrawnAt: DateSchema,
}));

/**
 * One entry of a customer's consent history: a grant or a withdrawal. The history is append-only;
 * the latest entry covering a (channel, purpose) decides (see `consentStatus`).
 *
 * @example
 * ```ts
 * import { ConsentRecordSchema } from 'crmkit/privacy';
 * ConsentRecordSchema.safeParse({ id: 'k-1', action: 'grant' }).success;
 * //=> false
 * ```
 */
export const ConsentRecordSchema = /* @__PURE__ */ lazySchema(() => z
  .discriminatedUnion('action', [ConsentGrantSchema, ConsentWithdrawalSchema])
  .meta({ id: 'ConsentRecord' }));

/**
 * A consent given; see {@link ConsentGrantSchema}.
 *
 * @example
 * ```ts
 * const at = new Date('2026-01-05T09:00:00Z');
 * const g: ConsentGrant = { id: 'k-1', customerId: 'c-1', channel: 'sms', purpose: 'marketing', action: 'grant',
 *   lawfulBasis: 'consent', givenAt: at, method: 'checkbox', policyVersion: '2026-01' };
 * ```
 */
export type ConsentGrant = z.infer<typeof ConsentGrantSchema>;

/**
 * A withdrawal; see {@link ConsentWithdrawalSchema}.
 *
 * @example
 * ```ts
 * const w: ConsentWithdrawal = { id: 'k-2', customerId: 'c-1', channel: 'all', purpose: 'all', action: 'withdraw',
 *   withdrawnAt: new Date('2026-02-01T00:00:00Z'), method: 'in-app' };
 * ```
 */
export type ConsentWithdrawal = z.infer<typeof ConsentWithdrawalSchema>;

/**
 * A consent history entry; see {@link ConsentRecordSchema}.
 *
 * @example
 * ```ts
 * const isGrant = (r: ConsentRecord) => r.action === 'grant';
 * ```
 */
export type ConsentRecord = ConsentGrant | ConsentWithdrawal;
