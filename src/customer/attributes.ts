import { z } from 'zod';
import { lazySchema } from '../core/zod/lazySchema';

const FORBIDDEN_KEYS = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A safe map key: 1-128 characters, never `__proto__`, `constructor` or `prototype`, so parsed
 * records cannot reach an object's prototype.
 *
 * @example
 * ```ts
 * import { SafeKeySchema } from 'crmkit/customer';
 * SafeKeySchema.safeParse('__proto__').success;
 * //=> false
 * ```
 */
export const SafeKeySchema = /* @__PURE__ */ lazySchema(() => z
  .string()
  .min(1)
  .max(128)
  .refine((k) => !FORBIDDEN_KEYS.has(k), { message: 'reserved key' }));

/**
 * Adopter-defined custom attributes: scalar values under safe keys (at most 200).
 *
 * @example
 * ```ts
 * import { AttributesSchema } from 'crmkit/customer';
 * AttributesSchema.parse({ vipLevel: 3, region: '华东' });
 * //=> { vipLevel: 3, region: '华东' }
 * ```
 */
export const AttributesSchema = /* @__PURE__ */ lazySchema(() => z
  .record(SafeKeySchema, z.union([z.string().max(4096), z.number(), z.boolean(), z.null()]))
  .refine((r) => Object.keys(r).length <= 200, { message: 'at most 200 attributes' }));

/**
 * Custom attribute values; see {@link AttributesSchema}.
 *
 * @example
 * ```ts
 * const attrs: Attributes = { vipLevel: 3 };
 * ```
 */
export type Attributes = z.infer<typeof AttributesSchema>;
