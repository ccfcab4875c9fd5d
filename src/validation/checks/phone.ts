import { type CountryCode, isValidPhoneNumber } from 'libphonenumber-js';
import { type PhoneOptions, normalizePhone } from '../normalize/phone';
import { isCnMobile } from './cnMobile';

/**
 * Whether a phone number is valid for its country: mainland mobiles by their allocated prefixes,
 * all other numbers by libphonenumber-js metadata (length and leading digits per region).
 *
 * @param phone - a number as typed
 * @param options - {@link PhoneOptions}; `defaultRegion` defaults to `CN`
 * @returns true when valid
 *
 * @example
 * ```ts
 * import { isValidPhone } from 'crmkit/validation';
 * isValidPhone('+44 20 7946 0958');
 * //=> true
 * isValidPhone('123');
 * //=> false
 * ```
 */
export function isValidPhone(phone: string, options: PhoneOptions = {}): boolean {
  const e164 = normalizePhone(phone, options);
  if (e164 === undefined) return false;
  if (/^\+861\d{10}$/.test(e164)) return isCnMobile(e164);
  return isValidPhoneNumber(e164, (options.defaultRegion ?? 'CN') as CountryCode);
}
