import type { z } from 'zod';
import zodEn from 'zod/v4/locales/en.js';
import zodZhCN from 'zod/v4/locales/zh-CN.js';
import type { Locale } from './locale';
import { registeredZodLocale as zodFactoryOf } from './registry';
type ZodErrorMap = NonNullable<z.core.ParseContext<z.core.$ZodIssue>['error']>;

// zod's locale factories build their tables when called; call them on first use, never at load.
// Thunks, not the factories themselves, so that the CommonJS build (which requires zod's modules
// on first use, see tsup.config.ts) does not read them at load either.
const factories: Readonly<Record<string, () => { localeError: ZodErrorMap }>> = { en: () => zodEn(), 'zh-CN': () => zodZhCN() };
const built = /* @__PURE__ */ new Map<string, ZodErrorMap>();

/**
 * The zod error map for a locale, from the locales zod itself ships (crmkit does not translate
 * zod's issues again). Pass it per parse: `schema.safeParse(x, { error: zodErrorMap('zh-CN') })`.
 * Built on first use. A locale zod does not ship (one added with {@link registerLocale}) gets the
 * map registered with it, else English.
 *
 * @param locale - `en`, `zh-CN` or a registered locale
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
export function zodErrorMap(locale: Locale): ZodErrorMap {
  let map = built.get(locale);
  if (map === undefined) {
    // Own keys only: `__proto__` or `toString` must fall through to English, not reach Object.prototype.
    const factory = (Object.hasOwn(factories, locale) ? factories[locale] : undefined) ?? zodFactoryOf(locale) ?? factories.en;
    map = (factory as () => { localeError: ZodErrorMap })().localeError;
    built.set(locale, map);
  }
  return map;
}
