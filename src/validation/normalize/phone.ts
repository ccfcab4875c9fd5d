import type { CountryCode } from 'libphonenumber-js/min';
import { phoneLibrary } from '../phoneLibrary';
import { toHalfWidth } from './text';
import { requireObject, requireString } from '../../core/guards';

/**
 * Options for phone normalisation and checks.
 *
 * @example
 * ```ts
 * const options: PhoneOptions = { defaultRegion: 'HK' };
 * ```
 */
export interface PhoneOptions {
  /** ISO 3166-1 region used for numbers without a country code. Default `CN`. */
  readonly defaultRegion?: string;
}

const CN_MOBILE_LOCAL = /^1[3-9]\d{9}$/;
const CN_MOBILE_E164_SHAPE = /^\+861[3-9]\d{9}$/;
// A North American number written with its leading 1 set apart and grouped 3-3-4 (`1-415-555-2671`,
// `1 (415) 555-2671`, `1.415.555.2671`; area code and exchange start with 2 to 9): mainland
// mobiles are written 3-4-4 or unbroken, so this layout is the North American plan's in any region.
const NANP_LAYOUT = /^1(?:[\s.-]+\(?|\s*\()[2-9]\d{2}\)?[\s.-]*[2-9]\d{2}[\s.-]+\d{4}$/;

/** Strips formatting and maps `0086`/`86` prefixes of 13-digit CN mobiles to a plain local number. */
function cnMobileDigits(value: string): string | undefined {
  const digits = value.replace(/[\s\-().]/g, '');
  const local = digits.replace(/^(\+86|0086|86)(?=1\d{10}$)/, '');
  return CN_MOBILE_LOCAL.test(local) ? local : undefined;
}

/**
 * Normalises a phone number to E.164 (`+8613812345678`), reading numbers without a country code in
 * `defaultRegion` (default `CN`). Mainland mobiles take a fast path; everything else is parsed by
 * libphonenumber-js. A number laid out the North American way, its leading 1 set apart and then
 * 3-3-4 digits (`1-312-544-8327`, `1 (312) 544-8327`), is read as one (+1) in any region: in CN
 * its eleven digits would otherwise read as a mainland mobile (+86 131 2544 8327). Returns `undefined` when the text is not a phone number at all.
 *
 * @param phone - a number as typed: `138 1234 5678`, `+86-138-1234-5678`, `(010) 6552 9988`
 * @param options - {@link PhoneOptions}
 * @returns the E.164 form, or undefined
 * @throws {CrmError} `INVALID_ARGUMENT` for a `phone` that is not a string, options that are not an
 *   object or a `defaultRegion` that is not a string
 *
 * @example
 * ```ts
 * import { normalizePhone } from 'crmkit/validation';
 * normalizePhone('138 1234 5678');
 * //=> '+8613812345678'
 * normalizePhone('(010) 6552 9988');
 * //=> '+861065529988'
 * normalizePhone('+1 (415) 555-2671');
 * //=> '+14155552671'
 * normalizePhone('1-415-555-2671'); // North American layout, not a mainland mobile
 * //=> '+14155552671'
 * ```
 */
export function normalizePhone(phone: string, options: PhoneOptions = {}): string | undefined {
  requireString(phone, 'phone');
  const region = regionOf(options);
  if (CN_MOBILE_E164_SHAPE.test(phone)) return phone; // already normalised: the common case
  return phoneParts(phone, region)?.e164;
}

/**
 * What {@link normalizePhone} reads in a number (internal): its E.164 form; the national number,
 * the digits after the country code ('' for a mainland mobile, which no other country's number is
 * written like); and whether the text gave the country code. A number written without one may be
 * another country's: `(020) 7020 2579`, read in CN, is +86 20 7020 2579, national number
 * 2070202579, which is also London's +44 20 7020 2579.
 */
export function phoneParts(phone: string, region: string): { readonly e164: string; readonly national: string; readonly international: boolean } | undefined {
  const text = toHalfWidth(phone).trim();
  if (text.length === 0 || text.length > 64) return undefined;
  const international = text.startsWith('+') || text.startsWith('00');
  if (NANP_LAYOUT.test(text)) {
    const parsed = phoneLibrary().parsePhoneNumberFromString(`+${text}`);
    if (parsed !== undefined) return { e164: parsed.number, national: parsed.nationalNumber, international: true };
  }
  if (region === 'CN' || text.startsWith('+86') || text.startsWith('0086')) {
    const local = cnMobileDigits(text);
    if (local !== undefined) return { e164: `+86${local}`, national: '', international };
  }
  const parsed = phoneLibrary().parsePhoneNumberFromString(international ? text.replace(/^00/, '+') : text, region as CountryCode);
  return parsed === undefined ? undefined : { e164: parsed.number, national: parsed.nationalNumber, international };
}

/**
 * The `defaultRegion` of phone options (default `CN`), after checking that the options are an
 * object and the region a string.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function regionOf(options: PhoneOptions): string {
  const region = requireObject<PhoneOptions>(options, 'options').defaultRegion ?? 'CN';
  return requireString(region, 'defaultRegion');
}
