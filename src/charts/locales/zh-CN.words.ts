/**
 * 简体中文 for the English words and rule phrases that charts code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/charts/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'thresholds must be finite with review at most match': '阈值必须为有限数值，且复核阈值不高于匹配阈值',
  'scores must be integers from 1 to 100': '分值必须是 1 到 100 之间的整数',
  'must map customer ids to stages': '必须是客户 ID 到阶段的映射',
  'stages must be strings': '阶段必须是字符串',
  'must be finite with max above min': '必须是有限数值，且 max 大于 min',
  'must be the result of purchaseTracking': '必须是 purchaseTracking 的结果',
  'must be the rows of cohortRetention': '必须是 cohortRetention 的结果行',
  'must be the result of findDuplicates': '必须是 findDuplicates 的结果',
  'must be en or zh-CN': '必须是 en 或 zh-CN',
  'must be the result of improvementPriorities': '必须是 improvementPriorities 的结果',
  'must be a Map or an iterable of customer metrics': '必须是 Map 或可迭代的客户指标集合',
  'must be the result of satisfactionTrend': '必须是 satisfactionTrend 的结果',
  'must be a number from 50 to 4000': '必须是 50 到 4000 之间的数值',
  'must be an integer from 1 to 1000': '必须是 1 到 1000 之间的整数',
};
