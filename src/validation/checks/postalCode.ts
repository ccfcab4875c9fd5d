import { normalizePostalCode } from '../normalize/postalCode';

/**
 * Whether a string is a mainland China postal code (邮政编码): six digits, the first 0-8.
 *
 * @param code - the code as typed
 * @returns true when valid
 *
 * @example
 * ```ts
 * import { isCnPostalCode } from 'crmkit/validation';
 * isCnPostalCode('100080');
 * //=> true
 * isCnPostalCode('10008');
 * //=> false
 * ```
 */
export function isCnPostalCode(code: string): boolean {
  if (typeof code !== 'string') return false;
  return /^[0-8]\d{5}$/.test(normalizePostalCode(code, 'CN'));
}
