import { toHalfWidth } from '../normalize/text';
import { requireString } from '../../core/guards';

/** The 31 characters of the USCC alphabet (GB 32100-2015): digits and upper-case letters without I, O, S, V, Z. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * The check character of a Unified Social Credit Code from its first 17 characters
 * (GB 32100-2015 §5: weights 3^(i) mod 31, check = 31 - (sum mod 31), with 31 read as 0).
 *
 * @param first17 - the first 17 characters, upper case
 * @returns the check character, or undefined if a character is outside the alphabet
 *
 * @example
 * ```ts
 * import { usccCheckCharacter } from 'crmkit/validation';
 * usccCheckCharacter('91350100M000100Y4');
 * //=> '3'
 * ```
 */
export function usccCheckCharacter(first17: string): string | undefined {
  if (typeof first17 !== 'string') return undefined;
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] as string);
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] as number);
  }
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Normalises a USCC as typed: half-width, spaces and dashes removed, upper case.
 *
 * @param code - the code as typed
 * @returns the canonical 18-character form (not checked)
 *
 * @example
 * ```ts
 * import { normalizeUscc } from 'crmkit/validation';
 * normalizeUscc('9135 0100 m000 100y43');
 * //=> '91350100M000100Y43'
 * ```
 */
export function normalizeUscc(code: string): string {
  requireString(code, 'code');
  return toHalfWidth(code).replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Whether a string is a valid Unified Social Credit Code (统一社会信用代码, GB 32100-2015): 18
 * characters of the USCC alphabet, digits for the administrative-division part, and a correct
 * check character. Accepts the forms {@link normalizeUscc} cleans up.
 *
 * @param code - the code as typed
 * @returns true when well-formed with a correct check character
 *
 * @example
 * ```ts
 * import { isValidUscc } from 'crmkit/validation';
 * isValidUscc('91350100M000100Y43');
 * //=> true
 * isValidUscc('91350100M000100Y44');
 * //=> false
 * ```
 */
export function isValidUscc(code: string): boolean {
  if (typeof code !== 'string') return false;
  const s = normalizeUscc(code);
  return SHAPE.test(s) && usccCheckCharacter(s.slice(0, 17)) === s[17];
}
