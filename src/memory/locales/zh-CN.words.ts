/**
 * 简体中文 for the English words and rule phrases that memory code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/memory/errors.ts. Phrases that the kernel or several areas
 * use live in src/core/locales/zh-CN.words.ts; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'applies to entries of one customer': '只适用于同一客户的流水',
  'not a cursor this repository issued': '不是该仓储签发的游标',
};
