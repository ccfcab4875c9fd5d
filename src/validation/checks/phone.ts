import type { CountryCode } from 'libphonenumber-js/min';
import { phoneLibrary } from '../phoneLibrary';
import { type PhoneOptions, normalizePhone, regionOf } from '../normalize/phone';
import { CN_MOBILE_E164 } from './cnMobile';

/**
 * Whether a phone number is valid for its country: mainland mobiles by their allocated prefixes,
 * all other numbers by libphonenumber-js "min" metadata: the
 * possible lengths of each region's numbers (the small metadata keeps bundles small; numbers of a
 * valid length whose prefix is unallocated pass outside mainland mobiles).
 *
 * @param phone - a number as typed
 * @param options - {@link PhoneOptions}; `defaultRegion` defaults to `CN`
 * @returns true when valid
 * @throws {CrmError} `INVALID_ARGUMENT` for options that are not an object or a `defaultRegion` that is not a string
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
  if (typeof phone !== 'string') return false;
  const e164 = normalizePhone(phone, options);
  return e164 !== undefined && isValidE164(e164, options);
}

/**
 * Whether a number already in E.164 form is valid (see {@link isValidPhone}); skips normalisation.
 *
 * @param e164 - a number such as `+8613812345678`
 * @param options - {@link PhoneOptions}
 * @returns true when valid
 * @throws {CrmError} `INVALID_ARGUMENT` for options that are not an object or a `defaultRegion` that is not a string
 *
 * @example
 * ```ts
 * import { isValidE164 } from 'crmkit/validation';
 * isValidE164('+8613812345678');
 * //=> true
 * ```
 */
export function isValidE164(e164: string, options: PhoneOptions = {}): boolean {
  const region = regionOf(options);
  if (typeof e164 !== 'string') return false;
  // Mainland national numbers starting 1 (other than Beijing's area code 10) are mobiles: crmkit's own
  // prefix table decides them, at any length, since the small metadata only checks lengths.
  if (/^\+861\d{10}$/.test(e164) || /^\+861[1-9]/.test(e164)) return CN_MOBILE_E164.test(e164);
  return phoneLibrary().isValidPhoneNumber(e164, region as CountryCode);
}
