/**
 * 简体中文 for the English words and rule phrases that kpi code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/kpi/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'must be an integer from -840 to 840': '必须是 -840 到 840 之间的整数',
  'must be an integer from 1 to 600': '必须是 1 到 600 之间的整数',
  'must end no later than asOf': '结束时间不得晚于 asOf',
  'is required': '为必填项',
  'start must be before end': '开始必须早于结束',
};
