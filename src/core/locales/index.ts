import { z } from 'zod';
import type { ErrorCode } from '../errors/codes';
import type { ErrorParams } from '../errors/CrmError';
import { en } from './en';
import { zhCN } from './zh-CN';

/**
 * The locales crmkit writes messages in.
 *
 * @example
 * ```ts
 * const locale: Locale = 'zh-CN';
 * ```
 */
export type Locale = 'en' | 'zh-CN';

/**
 * Every supported locale.
 *
 * @example
 * ```ts
 * import { LOCALES } from 'crmkit';
 * LOCALES;
 * //=> ['en', 'zh-CN']
 * ```
 */
export const LOCALES: readonly Locale[] = ['en', 'zh-CN'];

const catalogues = { en, 'zh-CN': zhCN } as const;

/**
 * The message for an error code in a locale.
 *
 * @param code - the error code
 * @param params - message parameters
 * @param locale - `en` (default) or `zh-CN`
 * @returns the message
 *
 * @example
 * ```ts
 * import { errorMessage } from 'crmkit';
 * errorMessage('RULE_TOO_DEEP', { max: 64 }, 'zh-CN');
 * //=> '分群规则嵌套超过 64 层'
 * ```
 */
export function errorMessage(code: ErrorCode, params: ErrorParams = {}, locale: Locale = 'en'): string {
  return catalogues[locale][code](params);
}

const zodLocales = { en: z.locales.en(), 'zh-CN': z.locales.zhCN() } as const;

/**
 * The zod error map for a locale, from the locales zod itself ships (crmkit does not translate
 * zod's issues again). Pass it per parse: `schema.safeParse(x, { error: zodErrorMap('zh-CN') })`.
 *
 * @param locale - `en` or `zh-CN`
 * @returns a zod v4 error map
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { zodErrorMap } from 'crmkit';
 * z.string().safeParse(1, { error: zodErrorMap('zh-CN') }).error?.issues[0]?.message;
 * //=> '无效输入：期望 string，实际接收 数字'
 * ```
 */
export function zodErrorMap(locale: Locale): NonNullable<z.core.ParseContext<z.core.$ZodIssue>['error']> {
  return zodLocales[locale].localeError;
}
