import { toHalfWidth } from '../normalize/text';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * The check digit of an 18-digit resident identity number from its first 17 digits
 * (GB 11643-1999, ISO 7064 MOD 11-2: weights 2^(17-i) mod 11).
 *
 * @param first17 - the first 17 digits
 * @returns `0`-`9` or `X`, or undefined when the input is not 17 digits
 *
 * @example
 * ```ts
 * import { residentIdCheckDigit } from 'crmkit/validation';
 * residentIdCheckDigit('11010519491231002');
 * //=> 'X'
 * ```
 */
export function residentIdCheckDigit(first17: string): string | undefined {
  if (typeof first17 !== 'string') return undefined;
  if (!/^\d{17}$/.test(first17)) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (WEIGHTS[i] as number);
  return CHECK[sum % 11];
}

/**
 * The birth date inside an 18-digit resident identity number (UTC midnight), when it is a real
 * calendar date.
 *
 * @param id - the identity number
 * @returns the birth date, or undefined
 *
 * @example
 * ```ts
 * import { residentIdBirthDate } from 'crmkit/validation';
 * residentIdBirthDate('11010519491231002X')?.toISOString().slice(0, 10);
 * //=> '1949-12-31'
 * ```
 */
export function residentIdBirthDate(id: string): Date | undefined {
  if (typeof id !== 'string') return undefined;
  const s = toHalfWidth(id).trim();
  if (!/^\d{17}[\dXx]$/.test(s)) return undefined;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real && y >= 1800 ? date : undefined;
}

/**
 * Options for {@link isValidResidentId}.
 *
 * @example
 * ```ts
 * const options: ResidentIdOptions = { asOf: new Date('2026-01-01') };
 * ```
 */
export interface ResidentIdOptions {
  /** When given, a birth date after `asOf` makes the number invalid. */
  readonly asOf?: Date;
}

/**
 * Whether a string is a valid mainland resident identity number (居民身份证号码, GB 11643-1999):
 * 17 digits and a check character (`X` for 10), a real birth date from 1800 on, and, given
 * `asOf`, a birth date not in the future.
 *
 * @param id - the number as typed (a lower-case `x` is accepted)
 * @param options - {@link ResidentIdOptions}
 * @returns true when valid
 *
 * @example
 * ```ts
 * import { isValidResidentId } from 'crmkit/validation';
 * isValidResidentId('11010519491231002X');
 * //=> true
 * isValidResidentId('110105194912310021');
 * //=> false
 * ```
 */
export function isValidResidentId(id: string, options: ResidentIdOptions = {}): boolean {
  if (typeof id !== 'string') return false;
  const s = toHalfWidth(id).trim().toUpperCase();
  const birth = residentIdBirthDate(s);
  if (birth === undefined || residentIdCheckDigit(s.slice(0, 17)) !== s[17]) return false;
  return options.asOf === undefined || birth.getTime() <= options.asOf.getTime();
}
