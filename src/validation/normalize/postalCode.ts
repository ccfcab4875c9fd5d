import { normalizeWhitespace, toHalfWidth } from './text';
import { requireString } from '../../core/guards';

/**
 * Normalises a postal code: half-width forms, upper case; for China (`CN`) all spaces are removed.
 *
 * @param code - a postal code as typed
 * @param country - ISO 3166-1 alpha-2, default `CN`
 * @returns the normalised code
 *
 * @example
 * ```ts
 * import { normalizePostalCode } from 'crmkit/validation';
 * normalizePostalCode(' １００ ０８０ ');
 * //=> '100080'
 * normalizePostalCode('sw1a 1aa', 'GB');
 * //=> 'SW1A 1AA'
 * ```
 */
export function normalizePostalCode(code: string, country = 'CN'): string {
  requireString(code, 'code');
  // Digits-only codes (all of mainland China's) need no work.
  if (DIGITS.test(code)) return code;
  const s = normalizeWhitespace(toHalfWidth(code)).toUpperCase();
  return country === 'CN' ? s.replace(/ /g, '') : s;
}

const DIGITS = /^\d+$/;
