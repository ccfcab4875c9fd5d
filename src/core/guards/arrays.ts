import { assert } from '../errors/assert';

/**
 * Returns `value` when it is an array with no holes (`new Array(2)`, `[1, , 3]` are refused) of at
 * most `maxLength` items; otherwise throws `INVALID_ARGUMENT` naming `field`. Array methods skip
 * holes, so a sparse array would otherwise reach a loop as `undefined` items or as a shorter list.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireDenseArray<T = unknown>(value: unknown, field: string, maxLength = Number.MAX_SAFE_INTEGER): readonly T[] {
  assert(Array.isArray(value), 'INVALID_ARGUMENT', { params: { field, rule: 'must be an array' } });
  assert(value.length <= maxLength, 'INVALID_ARGUMENT', { params: { field, rule: `must have at most ${maxLength} items` } });
  assert(isDense(value), 'INVALID_ARGUMENT', { params: { field, rule: 'must not have holes' } });
  return value as readonly T[];
}

/**
 * Whether an array has an own element at every index (no holes).
 *
 * @internal
 */
export function isDense(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (!(i in list)) return false;
  return true;
}

/**
 * Returns `value` when it is iterable (an array, a Set, a generator...); otherwise throws
 * `INVALID_ARGUMENT` naming `field`.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireIterable<T = unknown>(value: unknown, field: string): Iterable<T> {
  const ok = value !== null && value !== undefined && typeof (value as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
  assert(ok, 'INVALID_ARGUMENT', { params: { field, rule: 'must be iterable' } });
  return value as Iterable<T>;
}

/**
 * Returns `value` when it is an array or a typed array (the `ArrayLike<number>` inputs of the
 * statistics); otherwise throws `INVALID_ARGUMENT` naming `field`. An object with a `length` of its
 * own, a string or `false` would otherwise reach the loop with a length that is not a count.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireNumbers(value: unknown, field: string): ArrayLike<number> {
  assert(Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView)), 'INVALID_ARGUMENT', {
    params: { field, rule: 'must be an array or typed array of numbers' },
  });
  return value as ArrayLike<number>;
}
