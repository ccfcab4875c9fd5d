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
 * const positive = (n: number) => {
 *   assert(n > 0, 'INVALID_ARGUMENT', { params: { field: 'n', rule: 'must be positive' } });
 *   return n;
 * };
 * positive(2);
 * //=> 2
 * ```
 * and `positive(-1)` throws a CrmError with code `INVALID_ARGUMENT` and message `n: must be positive`.
 * ```ts
 * import { CrmError } from 'crmkit';
 * new CrmError('INVALID_ARGUMENT', { params: { field: 'n', rule: 'must be positive' } }).message;
 * //=> 'n: must be positive'
 * ```
 */
export function assert(condition: unknown, code: ErrorCode, options?: CrmErrorOptions): asserts condition {
  if (!condition) throw new CrmError(code, options);
}
