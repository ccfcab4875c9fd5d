import { normalizeWhitespace, toHalfWidth } from './text';
import { requireString } from '../../core/guards';

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
  requireString(email, 'email');
  let s = normalizeWhitespace(toHalfWidth(email));
  if (s.includes(' ')) s = s.replace(/ /g, '');
  const at = s.lastIndexOf('@');
  if (at < 0) return s;
  const domain = s.slice(at);
  return MAY_HAVE_UPPER_CASE.test(domain) ? s.slice(0, at) + domain.toLowerCase() : s;
}

const MAY_HAVE_UPPER_CASE = /[^a-z0-9@.-]/;
