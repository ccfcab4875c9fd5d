import { z } from 'zod';
import { nonBlankText } from './text';
import { MoneySchema } from '../core/money/schema';
import { DateSchema } from '../core/time/schema';
import { AttributesSchema } from './attributes';
import { lazySchema } from '../core/zod/lazySchema';

/**
 * A purchase or a refund. `amount` is always non-negative; a refund's type says it reduces value.
 * `refundOf` links a refund to the purchase it reverses.
 *
 * @example
 * ```ts
 * import { TransactionSchema } from 'crmkit/customer';
 * const t = TransactionSchema.parse({
 *   id: 't-1', customerId: 'c-1', type: 'purchase',
 *   amount: { amount: '99.00', currency: 'CNY' }, occurredAt: '2026-03-01T10:00:00+08:00',
 * });
 * t.amount.toString();
 * //=> '99.00 CNY'
 * ```
 */
export const TransactionSchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    id: nonBlankText(128),
    customerId: nonBlankText(128),
    type: z.enum(['purchase', 'refund']),
    amount: MoneySchema.refine((m) => !m.isNegative(), { message: 'amount must not be negative' }),
    occurredAt: DateSchema,
    channel: z.string().max(64).optional().describe('store, web, app, wechat_mini_program, phone, ...'),
    orderRef: z.string().max(128).optional(),
    refundOf: z.string().max(128).optional().describe('id of the purchase a refund reverses'),
    quantity: z.number().int().min(0).optional(),
    attributes: AttributesSchema.optional(),
  })
  .meta({ id: 'Transaction' }));

/**
 * A purchase or refund; see {@link TransactionSchema}.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const t: Transaction = {
 *   id: 't-1', customerId: 'c-1', type: 'purchase', amount: Money.of('99', 'CNY'), occurredAt: new Date(),
 * };
 * ```
 */
export type Transaction = z.infer<typeof TransactionSchema>;
