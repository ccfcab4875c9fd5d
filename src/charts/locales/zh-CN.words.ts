/**
 * 简体中文 for the English words and rule phrases that charts code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/charts/errors.ts. Phrases that the kernel or several areas
 * use live in src/core/locales/zh-CN.words.ts; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'thresholds must be finite with review at most match': '阈值必须为有限数值，且复核阈值不高于匹配阈值',
  'scores must be integers from 1 to 100': '分值必须是 1 到 100 之间的整数',
  'must map customer ids to stages': '必须是客户 ID 到阶段的映射',
  'stages must be strings': '阶段必须是字符串',
};
