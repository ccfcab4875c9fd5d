import { normalizePhone } from '../normalize/phone';

/**
 * Mainland China mobile number prefixes in use (MIIT allocations: 13x, 145-149, 15x except 154,
 * 162/165-167, 170-178, 18x, 19x except 194).
 */
export const CN_MOBILE_E164 = /^\+861(3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])\d{8}$/;

/**
 * Whether a number is a mainland China mobile number, in any common format (`13812345678`,
 * `+86 138-1234-5678`, `0086 13812345678`).
 *
 * @param phone - a number as typed
 * @returns true for a mainland mobile number in an allocated range
 *
 * @example
 * ```ts
 * import { isCnMobile } from 'crmkit/validation';
 * isCnMobile('138 1234 5678');
 * //=> true
 * isCnMobile('12345678901');
 * //=> false
 * ```
 */
export function isCnMobile(phone: string): boolean {
  if (typeof phone !== 'string') return false;
  const e164 = normalizePhone(phone, { defaultRegion: 'CN' });
  return e164 !== undefined && CN_MOBILE_E164.test(e164);
}
