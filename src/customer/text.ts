import { z } from 'zod';

/**
 * A string of at most `max` characters with at least one non-space character. Schemas do not trim
 * (normalisation tidies white space afterwards, and a check-only schema keeps zod's fast path).
 *
 * @param max - the maximum length
 * @returns a zod string schema
 *
 * @example
 * ```ts
 * import { nonBlankText } from 'crmkit/customer';
 * nonBlankText(10).safeParse('   ').success;
 * //=> false
 * ```
 */
export function nonBlankText(max: number) {
  return z.string().max(max).regex(/\S/, { message: 'must not be blank' });
}
