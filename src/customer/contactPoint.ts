import { z } from 'zod';

const label = z.string().trim().max(64).optional();

/** A phone number, stored in E.164 form (`+8613812345678`) once normalised. */
export const PhoneContactSchema = z.strictObject({
  type: z.literal('phone'),
  value: z.string().trim().min(1).max(64),
  label,
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
});

/** An email address, stored with a lower-case domain once normalised. */
export const EmailContactSchema = z.strictObject({
  type: z.literal('email'),
  value: z.string().trim().min(1).max(320),
  label,
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
});

/** A postal address (Chinese addresses use province/city/district). */
export const AddressContactSchema = z.strictObject({
  type: z.literal('address'),
  country: z.string().trim().length(2).describe('ISO 3166-1 alpha-2'),
  region: z.string().trim().max(128).optional().describe('province or state'),
  city: z.string().trim().max(128).optional(),
  district: z.string().trim().max(128).optional(),
  line1: z.string().trim().min(1).max(512),
  line2: z.string().trim().max(512).optional(),
  postalCode: z.string().trim().max(16).optional(),
  label,
  primary: z.boolean().optional(),
});

/** Social and instant-messaging networks. */
export const SOCIAL_NETWORKS = ['wechat', 'wecom', 'weibo', 'qq', 'dingtalk', 'whatsapp', 'line', 'telegram', 'linkedin', 'x', 'other'] as const;

/** A social or IM handle such as a WeChat id. */
export const SocialContactSchema = z.strictObject({
  type: z.literal('social'),
  network: z.enum(SOCIAL_NETWORKS),
  value: z.string().trim().min(1).max(256),
  label,
  verified: z.boolean().optional(),
  primary: z.boolean().optional(),
});

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
export const ContactPointSchema = z.discriminatedUnion('type', [
  PhoneContactSchema,
  EmailContactSchema,
  AddressContactSchema,
  SocialContactSchema,
]);

/**
 * A contact point; see {@link ContactPointSchema}.
 *
 * @example
 * ```ts
 * const phone: ContactPoint = { type: 'phone', value: '+8613812345678', primary: true };
 * ```
 */
export type ContactPoint = z.infer<typeof ContactPointSchema>;
