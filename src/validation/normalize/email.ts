import { normalizeWhitespace, toHalfWidth } from './text';

/**
 * Normalises an email address: half-width forms, white space removed, domain in lower case. The
 * local part keeps its case (RFC 5321 lets servers treat it as case-sensitive).
 *
 * @param email - an address as typed
 * @returns the normalised address
 *
 * @example
 * ```ts
 * import { normalizeEmail } from 'crmkit/validation';
 * normalizeEmail(' Li.Lei＠Example.COM ');
 * //=> 'Li.Lei@example.com'
 * ```
 */
export function normalizeEmail(email: string): string {
  const s = normalizeWhitespace(toHalfWidth(email)).replace(/ /g, '');
  const at = s.lastIndexOf('@');
  return at < 0 ? s : s.slice(0, at) + s.slice(at).toLowerCase();
}
