/**
 * 简体中文 for the English words and rule phrases that service code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/service/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'must be a whole number from {min} to {max}': '必须是 {min} 到 {max} 之间的整数',
  'must be the customer posted for': '必须是所记账的客户',
  'must have get and save': '必须提供 get 和 save 方法',
  'must have entriesOf and append': '必须提供 entriesOf 和 append 方法',
  'must be a whole number, at least 1': '必须是整数，至少为 1',
};
