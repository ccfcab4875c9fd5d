import { z } from 'zod';
import { nonBlankText } from './text';
import { DateSchema } from '../core/time/schema';
import { AttributesSchema } from './attributes';
import { lazySchema } from '../core/zod/lazySchema';

/**
 * Channels an interaction can happen on.
 *
 * @example
 * ```ts
 * import { INTERACTION_CHANNELS } from 'crmkit/customer';
 * INTERACTION_CHANNELS.includes('wechat');
 * //=> true
 * ```
 */
export const INTERACTION_CHANNELS = [
  'phone',
  'sms',
  'email',
  'chat',
  'social',
  'wechat',
  'store_visit',
  'field_visit',
  'event',
  'web',
  'app',
  'other',
] as const;

/**
 * What an interaction was about.
 *
 * @example
 * ```ts
 * import { INTERACTION_TYPES } from 'crmkit/customer';
 * INTERACTION_TYPES.includes('complaint');
 * //=> true
 * ```
 */
export const INTERACTION_TYPES = ['inquiry', 'complaint', 'feedback', 'follow_up', 'care', 'sales', 'support', 'survey', 'other'] as const;

/**
 * One contact between the business and a customer, on any channel, in either direction.
 *
 * @example
 * ```ts
 * import { InteractionSchema } from 'crmkit/customer';
 * InteractionSchema.parse({
 *   id: 'i-1', customerId: 'c-1', channel: 'wechat', type: 'follow_up',
 *   direction: 'outbound', occurredAt: '2026-03-02',
 * }).channel;
 * //=> 'wechat'
 * ```
 */
export const InteractionSchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    id: nonBlankText(128),
    customerId: nonBlankText(128),
    contactId: z.string().max(128).optional().describe('the organisation contact involved, if any'),
    channel: z.enum(INTERACTION_CHANNELS),
    type: z.enum(INTERACTION_TYPES),
    direction: z.enum(['inbound', 'outbound']),
    occurredAt: DateSchema,
    ownerId: z.string().max(128).optional(),
    summary: z.string().max(10_000).optional(),
    attributes: AttributesSchema.optional(),
  })
  .meta({ id: 'Interaction' }));

/**
 * One customer interaction; see {@link InteractionSchema}.
 *
 * @example
 * ```ts
 * const i: Interaction = {
 *   id: 'i-1', customerId: 'c-1', channel: 'phone', type: 'care', direction: 'outbound', occurredAt: new Date(),
 * };
 * ```
 */
export type Interaction = z.infer<typeof InteractionSchema>;
