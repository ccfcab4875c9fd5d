import type { ErrorCode } from './codes';
import { CrmError, type CrmErrorOptions } from './CrmError';

/**
 * Throws a {@link CrmError} with `code` unless `condition` holds. Conditions read best as named
 * predicates: `assert(haveSameCurrency(a, b), 'CURRENCY_MISMATCH', ...)`.
 *
 * @param condition - what must be true
 * @param code - the error code raised otherwise
 * @param options - message params and details
 * @throws {CrmError} with `code` when the condition is false
 *
 * @example
 * ```ts
 * import { assert } from 'crmkit';
 * assert(1 + 1 === 2, 'INVALID_ARGUMENT');
 * //=> (nothing: the condition holds)
 * ```
 */
export function assert(condition: unknown, code: ErrorCode, options?: CrmErrorOptions): asserts condition {
  if (!condition) throw new CrmError(code, options);
}
