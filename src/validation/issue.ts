import type { Locale } from '../core/locales';
import { registeredLocale } from '../core/locales/registry';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { assert } from './errors';
import { requireDenseArray } from '../core/guards';

/**
 * The issue codes crmkit's own rules report (zod's schema issues keep zod's codes).
 *
 * @example
 * ```ts
 * import { VALIDATION_ISSUE_CODES } from 'crmkit/validation';
 * VALIDATION_ISSUE_CODES.includes('uscc');
 * //=> true
 * ```
 */
export const VALIDATION_ISSUE_CODES = ['phone', 'cn_mobile', 'email', 'uscc', 'resident_id', 'postal_code', 'duplicate_contact', 'reserved_key', 'custom', 'unreadable'] as const;

/**
 * A code in {@link VALIDATION_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * const code: ValidationIssueCode = 'uscc';
 * ```
 */
export type ValidationIssueCode = (typeof VALIDATION_ISSUE_CODES)[number];

/**
 * One problem found by validation: where (`path`), which rule (`code`, stable), and a message for
 * people in the requested locale. Messages never contain the value that failed.
 *
 * @example
 * ```ts
 * const issue: ValidationIssue = { path: ['contactPoints', 0, 'value'], code: 'cn_mobile', message: '...' };
 * ```
 */
export interface ValidationIssue {
  readonly path: readonly PropertyKey[];
  /** A {@link ValidationIssueCode}, a zod issue code (`invalid_type`, `too_big`, ...), or an adopter rule's code. */
  readonly code: string;
  readonly message: string;
}

/**
 * The localised message of one of crmkit's rules for a field path.
 *
 * @param code - the rule's code
 * @param path - where it failed
 * @param locale - `en`, `zh-CN` or a locale added with `registerLocale` (its `issues`, else English)
 * @returns the message
 *
 * @throws {CrmError} `INVALID_ARGUMENT` for an unknown code or a `path` that is not a dense array
 *
 * @example
 * ```ts
 * import { validationMessage } from 'crmkit/validation';
 * validationMessage('cn_mobile', ['contactPoints', 0, 'value'], 'zh-CN');
 * //=> 'contactPoints.0.value：不是有效的中国大陆手机号码'
 * ```
 */
export function validationMessage(code: ValidationIssueCode, path: readonly PropertyKey[], locale: Locale = 'en'): string {
  assert(typeof code === 'string' && Object.hasOwn(en, code), 'INVALID_ARGUMENT', {
    params: { field: 'code', rule: `must be one of ${VALIDATION_ISSUE_CODES.join(', ')}` },
  });
  const field = formatPath(path);
  if (locale === 'zh-CN') return zhCN[code](field);
  const custom = locale === 'en' ? undefined : registeredLocale(locale)?.issues?.[code];
  return (custom ?? en[code])(field);
}

/**
 * A dotted field path for messages: `['contactPoints', 0, 'value']` becomes `contactPoints.0.value`.
 *
 * @param path - the path
 * @returns the dotted path, or `(root)` for an empty path
 *
 * @throws {CrmError} `INVALID_ARGUMENT` for a `path` that is not a dense array
 *
 * @example
 * ```ts
 * import { formatPath } from 'crmkit/validation';
 * formatPath(['organization', 'uscc']);
 * //=> 'organization.uscc'
 * ```
 */
export function formatPath(path: readonly PropertyKey[]): string {
  requireDenseArray(path, 'path');
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/**
 * The issue a never-throwing validator reports when reading its input threw (a getter, a Proxy):
 * code `unreadable` at the root.
 *
 * @internal
 */
export function unreadableIssue(locale: Locale = 'en'): ValidationIssue {
  return { path: [], code: 'unreadable', message: validationMessage('unreadable', [], locale) };
}
