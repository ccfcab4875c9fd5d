import { assert } from '../errors/assert';

/**
 * Returns `value` when it is a finite number in `[min, max]` (and an integer when `integer` is set);
 * otherwise throws `INVALID_ARGUMENT` naming `field` and the range. The one number guard the areas
 * use at their boundary, so every documented maximum reads the same way.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireFiniteInRange(value: unknown, field: string, min: number, max: number, integer = false): number {
  const ok = typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value));
  assert(ok, 'INVALID_ARGUMENT', {
    params: { field, rule: integer ? `must be an integer from ${min} to ${max}` : `must be a finite number from ${min} to ${max}` },
  });
  return value as number;
}

/**
 * {@link requireFiniteInRange} for an optional value: `fallback` when `value` is undefined.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function optionalFiniteInRange(value: unknown, field: string, fallback: number, min: number, max: number, integer = false): number {
  return value === undefined ? fallback : requireFiniteInRange(value, field, min, max, integer);
}
