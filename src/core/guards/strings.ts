import { assert } from '../errors/assert';

/**
 * Returns `value` when it is a string; otherwise throws `INVALID_ARGUMENT` naming `field`. For the
 * normalisers, which would otherwise hand a number back unchanged or fail inside a string method.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireString(value: unknown, field: string): string {
  assert(typeof value === 'string', 'INVALID_ARGUMENT', { params: { field, rule: 'must be a string' } });
  return value;
}
