/**
 * 简体中文 for the English words and rule phrases that memory code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/memory/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'applies to entries of one customer': '只适用于同一客户的流水',
  'not a cursor this repository issued': '不是该仓储签发的游标',
  customer: '客户',
  'ledger entry': '积分流水',
  'must be an integer from 1 to 1000': '必须是 1 到 1000 之间的整数',
  opportunity: '商机',
  'must be a whole number, at least 1': '必须是整数，至少为 1',
  'must be a zod schema': '必须是 zod 模式',
  'must not be cyclic': '不能有循环引用',
  'is nested deeper than {max} levels': '嵌套超过 {max} 层',
};
