import { assert } from '../errors/assert';

/**
 * Returns `value` when it is a non-null object; otherwise throws `INVALID_ARGUMENT` naming `field`.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireObject<T extends object>(value: unknown, field: string): T {
  assert(value !== null && typeof value === 'object', 'INVALID_ARGUMENT', { params: { field, rule: 'must be an object' } });
  return value as T;
}
