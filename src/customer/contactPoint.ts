import { z } from 'zod';
import { nonBlankText } from './text';
import { lazySchema } from '../core/zod/lazySchema';

const label = /* @__PURE__ */ lazySchema(() => z.string().max(64).optional());

/**
 * A phone number, stored in E.164 form (`+8613812345678`) once normalised.
 *
 * @example
 * ```ts
 * import { PhoneContactSchema } from 'crmkit/customer';
 * PhoneContactSchema.parse({ type: 'phone', value: '+8613812345678', primary: true }).primary;
 * //=> true
 * ```
 */
export const PhoneContactSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  type: z.literal('phone'),
  value: nonBlankText(64),
  label,
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
}));

/**
 * An email address, stored with a lower-case domain once normalised.
 *
 * @example
 * ```ts
 * import { EmailContactSchema } from 'crmkit/customer';
 * EmailContactSchema.parse({ type: 'email', value: 'li@example.cn' }).value;
 * //=> 'li@example.cn'
 * ```
 */
export const EmailContactSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  type: z.literal('email'),
  value: nonBlankText(320),
  label,
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
}));

/**
 * A postal address (Chinese addresses use region = province, city, district).
 *
 * @example
 * ```ts
 * import { AddressContactSchema } from 'crmkit/customer';
 * AddressContactSchema.parse({ type: 'address', country: 'CN', city: '北京市', line1: '中关村大街1号', postalCode: '100080' }).city;
 * //=> '北京市'
 * ```
 */
export const AddressContactSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  type: z.literal('address'),
  country: z.string().regex(/^[A-Za-z]{2}$/).describe('ISO 3166-1 alpha-2'),
  region: z.string().max(128).optional().describe('province or state'),
  city: z.string().max(128).optional(),
  district: z.string().max(128).optional(),
  line1: nonBlankText(512),
  line2: z.string().max(512).optional(),
  postalCode: z.string().max(16).optional(),
  label,
  primary: z.boolean().optional(),
}));

/**
 * Social and instant-messaging networks a handle can belong to.
 *
 * @example
 * ```ts
 * import { SOCIAL_NETWORKS } from 'crmkit/customer';
 * SOCIAL_NETWORKS.includes('wechat');
 * //=> true
 * ```
 */
export const SOCIAL_NETWORKS = ['wechat', 'wecom', 'weibo', 'qq', 'dingtalk', 'whatsapp', 'line', 'telegram', 'linkedin', 'x', 'other'] as const;

/**
 * A social or IM handle such as a WeChat id.
 *
 * @example
 * ```ts
 * import { SocialContactSchema } from 'crmkit/customer';
 * SocialContactSchema.parse({ type: 'social', network: 'wechat', value: 'wx_li' }).network;
 * //=> 'wechat'
 * ```
 */
export const SocialContactSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  type: z.literal('social'),
  network: z.enum(SOCIAL_NETWORKS),
  value: nonBlankText(256),
  label,
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
}));

/**
 * A way to reach a customer: phone, email, postal address or social/IM handle.
 *
 * @example
 * ```ts
 * import { ContactPointSchema } from 'crmkit/customer';
 * ContactPointSchema.parse({ type: 'email', value: 'li@example.cn' }).type;
 * //=> 'email'
 * ```
 */
export const ContactPointSchema = /* @__PURE__ */ lazySchema(() => z.discriminatedUnion('type', [
  PhoneContactSchema,
  EmailContactSchema,
  AddressContactSchema,
  SocialContactSchema,
]));

/**
 * A contact point; see {@link ContactPointSchema}.
 *
 * @example
 * ```ts
 * const phone: ContactPoint = { type: 'phone', value: '+8613812345678', primary: true };
 * ```
 */
export type ContactPoint = z.infer<typeof ContactPointSchema>;
