import { ERROR_CODES, type ErrorCode } from './codes';

const isErrorCode = (code: unknown): code is ErrorCode => typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
import { type Locale, errorMessage } from '../locales';

// The brand isCrmError checks: `Symbol.for` is shared by every copy of crmkit in a process (the ESM
// and CommonJS builds, two installed versions), where `instanceof` is not.
const BRAND = /* @__PURE__ */ Symbol.for('crmkit.CrmError');

import type { ErrorParams } from './params';

export type { ErrorParams } from './params';

/**
 * Machine-readable details of a {@link CrmError}: the zod issues when validation failed, and any
 * other data a program needs to react (ids, versions, amounts). Never raw personal data.
 *
 * @example
 * ```ts
 * const details: CrmErrorDetails = { id: 'c-1', expectedVersion: 2, actualVersion: 3 };
 * ```
 */
export interface CrmErrorDetails {
  /**
   * Validation issues (zod's, and crmkit's rules'), when validation failed: path, code and message.
   * Inputs are never included.
   */
  readonly issues?: readonly { readonly path: readonly PropertyKey[]; readonly code: string; readonly message: string }[];
  readonly [key: string]: unknown;
}

/**
 * Options for constructing a {@link CrmError}.
 *
 * @example
 * ```ts
 * const options: CrmErrorOptions = { params: { id: 'c-1' }, details: { id: 'c-1' } };
 * ```
 */
export interface CrmErrorOptions {
  /** Fills in the localised message. */
  readonly params?: ErrorParams;
  /** Data for programs. */
  readonly details?: CrmErrorDetails;
  /** The underlying error, if any. */
  readonly cause?: unknown;
}

/**
 * The one error class crmkit throws. `code` is stable and is what programs should branch on;
 * `message` is English text for people (use {@link CrmError.localizedMessage} for zh-CN);
 * `details` carries data for programs. Messages name fields and rules, never the personal value
 * that failed.
 *
 * @example
 * ```ts
 * import { CrmError } from 'crmkit';
 * const err = new CrmError('NOT_FOUND', { params: { entity: 'customer', id: 'c-1' } });
 * err.code;
 * //=> 'NOT_FOUND'
 * err.message;
 * //=> 'customer c-1 was not found'
 * err.localizedMessage('zh-CN');
 * //=> '未找到 客户 c-1'
 * ```
 */
export class CrmError extends Error {

  /** The stable error code. */
  readonly code: ErrorCode;
  /** Message parameters (field names, rule names, ids; never personal data). */
  readonly params: ErrorParams;
  /** Data for programs. */
  readonly details: CrmErrorDetails;

  constructor(code: ErrorCode, options: CrmErrorOptions = {}) {
    // An unknown code becomes INVALID_ARGUMENT about the code itself: a CrmError always has a code from the list.
    const known = isErrorCode(code);
    const params = known ? (options?.params ?? {}) : { field: 'code', rule: 'must be one of ERROR_CODES' };
    if (!known) code = 'INVALID_ARGUMENT';
    super(errorMessage(code, params, 'en'), options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CrmError';
    this.code = code;
    this.params = params;
    this.details = (known && options?.details) || {};
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * The message in the given locale.
   *
   * @param locale - `en`, `zh-CN` or a locale added with `registerLocale`
   * @returns the localised message
   */
  localizedMessage(locale: Locale): string {
    return errorMessage(this.code, this.params, locale);
  }

  /**
   * A JSON-safe view of the error: code, message, params and details.
   *
   * @returns a plain object
   */
  toJSON(): { name: string; code: ErrorCode; message: string; params: ErrorParams; details: CrmErrorDetails } {
    return { name: this.name, code: this.code, message: this.message, params: this.params, details: this.details };
  }
}

/**
 * Whether a value is a {@link CrmError}, optionally with a given code. It checks the
 * `Symbol.for('crmkit.CrmError')` brand, not `instanceof`, so an error thrown by the CommonJS build
 * (or another installed copy of crmkit) is recognised by the ESM build too.
 *
 * @param value - anything caught
 * @param code - when given, the error must also have this code
 * @returns true when `value` is a CrmError (with that code)
 *
 * @example
 * ```ts
 * import { CrmError, isCrmError } from 'crmkit';
 * isCrmError(new CrmError('NOT_FOUND'), 'NOT_FOUND');
 * //=> true
 * ```
 */
export function isCrmError(value: unknown, code?: ErrorCode): value is CrmError {
  if (typeof value !== 'object' || value === null) return false;
  try {
    return (value as { [BRAND]?: unknown })[BRAND] === true && (code === undefined || (value as { code?: unknown }).code === code);
  } catch {
    // A hostile Proxy or getter: not one of ours.
    return false;
  }
}
