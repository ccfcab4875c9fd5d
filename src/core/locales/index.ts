import type { ErrorCode } from '../errors/codes';
import type { ErrorParams } from '../errors/params';
import { en } from './en';
import { type Words, zhCNPhraseTables } from './phrases';
import { registeredLocale } from './registry';
import { translateWords } from './words';
import { zhCN } from './zh-CN';

import type { Locale } from './locale';

export type { Locale } from './locale';

/**
 * The built-in locales.
 *
 * @example
 * ```ts
 * import { LOCALES } from 'crmkit';
 * LOCALES;
 * //=> ['en', 'zh-CN']
 * ```
 */
export const LOCALES: readonly Locale[] = /* @__PURE__ */ Object.freeze(['en', 'zh-CN']);

/** The parameters whose values are words or rule phrases, translated with the locale's `words`. */
const WORD_PARAMS = ['rule', 'entity', 'model', 'operation', 'role', 'action'] as const;

function localizeParams(params: ErrorParams, tables: readonly Words[]): ErrorParams {
  if (tables.length === 0) return params;
  let out: Record<string, ErrorParams[string]> | undefined;
  for (const key of WORD_PARAMS) {
    const value = params[key];
    if (typeof value !== 'string') continue;
    const translated = translateWords(value, tables);
    if (translated !== value) (out ??= { ...params })[key] = translated;
  }
  return out ?? params;
}

/**
 * The message for an error code in a locale. Rule phrases and entity names in `params` are
 * translated too, so a zh-CN message has no English in it.
 *
 * @param code - the error code
 * @param params - message parameters
 * @param locale - `en` (default), `zh-CN` or a registered locale; a missing message falls back to `en`
 * @returns the message
 *
 * @example
 * ```ts
 * import { errorMessage } from 'crmkit';
 * errorMessage('RULE_TOO_DEEP', { max: 64 }, 'zh-CN');
 * //=> '分群规则嵌套超过 64 层'
 * errorMessage('INVALID_ARGUMENT', { field: 'horizon', rule: 'must be a positive number' }, 'zh-CN');
 * //=> 'horizon：必须是正数'
 * ```
 */
export function errorMessage(code: ErrorCode, params: ErrorParams = {}, locale: Locale = 'en'): string {
  // Not one of ERROR_CODES: say so (in the locale) instead of failing on a missing message.
  if (typeof code !== 'string' || !Object.hasOwn(en, code)) return errorMessage('INVALID_ARGUMENT', { field: 'code', rule: 'must be one of ERROR_CODES' }, locale);
  const p = params !== null && typeof params === 'object' ? params : {};
  if (locale === 'zh-CN') return (zhCN[code] ?? en[code])(localizeParams(p, zhCNPhraseTables()));
  if (locale === 'en' || typeof locale !== 'string') return en[code](p);
  const custom = registeredLocale(locale);
  const message = custom?.errors?.[code];
  return (message ?? en[code])(localizeParams(p, wordsOf(custom?.words)));
}

/**
 * A word or rule phrase in a locale: `localizeWord('customer', 'zh-CN')` is `客户`. Areas use it for
 * text they build into messages themselves; unknown text is returned as given.
 *
 * @param text - the English word or phrase
 * @param locale - the locale
 * @returns the translation, or `text`
 *
 * @example
 * ```ts
 * import { localizeWord } from 'crmkit';
 * localizeWord('customer', 'zh-CN');
 * //=> '客户'
 * ```
 */
export function localizeWord(text: string, locale: Locale = 'en'): string {
  if (locale === 'en') return text;
  return translateWords(text, locale === 'zh-CN' ? zhCNPhraseTables() : wordsOf(registeredLocale(locale)?.words));
}

function wordsOf(words: Words | undefined): readonly Words[] {
  return words === undefined ? [] : [words];
}

export { zodErrorMap } from './zod';
export type { LocaleCatalogue } from './registry';
