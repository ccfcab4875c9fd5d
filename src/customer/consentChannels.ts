// Kept apart from the zod schemas so that code reading consent (crmkit/privacy's consentStatus)
// does not load zod.

/**
 * Channels a customer can consent (or not) to be contacted on.
 *
 * @example
 * ```ts
 * import { CONSENT_CHANNELS } from 'crmkit/customer';
 * CONSENT_CHANNELS.includes('sms');
 * //=> true
 * ```
 */
export const CONSENT_CHANNELS = ['phone', 'sms', 'email', 'wechat', 'post', 'push', 'social'] as const;

/**
 * A channel in {@link CONSENT_CHANNELS}.
 *
 * @example
 * ```ts
 * const channel: ConsentChannel = 'sms';
 * ```
 */
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
