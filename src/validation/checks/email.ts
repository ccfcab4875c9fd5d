import { normalizeEmail } from '../normalize/email';

// The WHATWG HTML "valid e-mail address" rule, with a dotted domain required and 254 characters at most.
const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/**
 * Whether a string is a usable email address (the WHATWG HTML rule, with a dotted domain), after
 * {@link normalizeEmail}.
 *
 * @param email - the address as typed
 * @returns true when valid
 *
 * @example
 * ```ts
 * import { isEmail } from 'crmkit/validation';
 * isEmail('li.lei@example.cn');
 * //=> true
 * isEmail('li.lei@localhost');
 * //=> false
 * ```
 */
export function isEmail(email: string): boolean {
  if (typeof email !== 'string') return false;
  const s = normalizeEmail(email);
  return s.length <= 254 && EMAIL.test(s);
}
