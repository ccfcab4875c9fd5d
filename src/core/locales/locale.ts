/**
 * A locale tag crmkit writes messages in: the built-in `en` and `zh-CN`, or one added with
 * {@link registerLocale} (anything else reads as English).
 *
 * @example
 * ```ts
 * const locale: Locale = 'zh-CN';
 * ```
 */
export type Locale = 'en' | 'zh-CN' | (string & {});
