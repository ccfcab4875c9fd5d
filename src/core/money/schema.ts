import { z } from 'zod';
import { isCrmError } from '../errors/CrmError';
import { Money } from './Money';
import { lazySchema } from '../zod/lazySchema';

/**
 * zod schema for money: accepts a {@link Money} or its JSON form `{ amount: '12.30', currency: 'CNY' }`
 * (amount as a decimal string or integer) and outputs a Money. In JSON Schema it appears as the JSON form.
 *
 * @example
 * ```ts
 * import { MoneySchema } from 'crmkit';
 * MoneySchema.parse({ amount: '12.30', currency: 'CNY' }).toString();
 * //=> '12.30 CNY'
 * ```
 */
export const MoneySchema = /* @__PURE__ */ lazySchema(() => z
  .union([
    z.custom<Money>((v) => Money.isMoney(v), { message: 'expected Money' }),
    z.strictObject({
      amount: z.union([z.string().max(64), z.number().int()]),
      currency: z.string().length(3),
    }),
  ])
  .transform((value, ctx): Money => {
    // Ours as it is; a Money from another copy of crmkit is rebuilt from its exact decimal string.
    if (Money.isMoney(value)) return Money.isOwn(value) ? value : Money.of(value.amount, value.currency);
    try {
      return Money.of(value.amount, value.currency);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: isCrmError(e) ? e.message : 'invalid money' });
      return z.NEVER;
    }
  })
  .meta({ id: 'Money', description: 'An amount of money: decimal string amount and ISO 4217 currency' }));
