/**
 * 简体中文 for the English words and rule phrases that validation code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/validation/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  cn_mobile: '中国大陆手机号码',
};
