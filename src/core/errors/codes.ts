/**
 * Every error code crmkit can raise, in one list. Codes are part of the public API: a code is never
 * renamed or removed, only added.
 *
 * @example
 * ```ts
 * import { ERROR_CODES } from 'crmkit';
 * ERROR_CODES.includes('NOT_FOUND');
 * //=> true
 * ```
 */
export const ERROR_CODES = [
  // core
  'VALIDATION_FAILED',
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'CONCURRENCY_CONFLICT',
  'DUPLICATE_ID',
  'INVALID_TRANSITION',
  'INVALID_MONEY',
  'INVALID_CURRENCY',
  'CURRENCY_MISMATCH',
  'INVALID_DATE',
  'ABORTED',
  // segmentation
  'INVALID_RULE',
  'UNKNOWN_FIELD',
  'UNKNOWN_OPERATOR',
  'RULE_TOO_DEEP',
  // lifecycle
  'UNKNOWN_STAGE',
  'UNKNOWN_EVENT',
  'INVALID_LIFECYCLE',
  // clv
  'MODEL_NOT_CONVERGED',
  'INSUFFICIENT_DATA',
  'INVALID_MODEL',
  // satisfaction
  'INVALID_SURVEY',
  'UNKNOWN_QUESTION',
  'ANSWER_OUT_OF_SCALE',
  'DUPLICATE_RESPONSE',
  // loyalty
  'INVALID_PROGRAM',
  'INSUFFICIENT_POINTS',
  'IDEMPOTENCY_CONFLICT',
  'BALANCE_MISMATCH',
  // quality
  'INVALID_MERGE',
  'LIKELY_DUPLICATE',
  // pipeline
  'INVALID_PIPELINE',
  // privacy
  'FORBIDDEN',
  'FORBIDDEN_FIELD',
  'DECRYPTION_FAILED',
] as const;

/**
 * A stable error code; see {@link ERROR_CODES}.
 *
 * @example
 * ```ts
 * import type { ErrorCode } from 'crmkit';
 * const code: ErrorCode = 'CONCURRENCY_CONFLICT';
 * ```
 */
export type ErrorCode = (typeof ERROR_CODES)[number];
