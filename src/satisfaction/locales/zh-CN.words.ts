/**
 * 简体中文 for the English words and rule phrases that satisfaction code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/satisfaction/errors.ts. Phrases that the kernel or several areas
 * use live in src/core/locales/zh-CN.words.ts; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'survey response': '问卷答卷',
  segment: '分群',
  'must be 5 or 7': '必须是 5 或 7',
  'must be a probability strictly between 0 and 1': '必须是严格介于 0 和 1 之间的概率',
  'must be a scored dimension of the survey': '必须是问卷中计分的维度',
  'must be an integer between 0 and n': '必须是 0 到 n 之间的整数',
  'must be between 0 and 100': '必须在 0 到 100 之间',
  'must be day, week, month, quarter or year': '必须是 day、week、month、quarter 或 year',
  'must be keep-latest, reject or assume-unique': '必须是 keep-latest、reject 或 assume-unique',
  'must be segment, owner, channel, period or a function': '必须是 segment、owner、channel、period 或函数',
  'must be strictly between 0 and 1': '必须严格介于 0 和 1 之间',
  'must not be earlier than the answer or the last attempt': '不得早于答卷时间或上一次尝试',
  'must list 1 to 100 rules': '必须列出 1 到 100 条规则',
  'must name either a question or a scale': '必须指定题目或量表之一',
  'must list at most {max} drivers for shapley': 'Shapley 方法最多列出 {max} 个驱动因素',
  'must list 1 to 30 question ids': '必须列出 1 到 30 个题目 ID',
  'is too small: the sample would exceed 10^12 responses': '过小：所需样本将超过 10^12 份答卷',
  'promoter and detractor shares must be in 0..1 and sum to at most 1': '推荐者和贬损者占比必须在 0..1 之间且合计不超过 1',
  'must map segments to counts': '必须是细分到数量的映射',
  'could not be read': '无法读取',
  'is needed for derived importance': '推导重要性时必须提供',
  'pass the result of defineSurvey': '请传入 defineSurvey 的结果',
  'must be an integer from 1 to {scale}': '必须是 1 到 {scale} 之间的整数',
  'must be an array of follow-ups': '必须是跟进记录数组',
  'must be survey follow-ups': '必须是问卷跟进记录',
  'must be a parsed survey': '必须是已解析的问卷',
  'must be a list of rules': '必须是规则列表',
  'must be a survey follow-up': '必须是问卷跟进记录',
  'must be a list of channel names': '必须是渠道名称列表',
  'must be relative-weights or shapley': '必须是 relative-weights 或 shapley',
  'must be an integer': '必须是整数',
  'key driver analysis': '关键驱动因素分析',
  'must be a question id': '必须是题目 ID',
  'must be a distinct question id other than the outcome': '必须是不重复且不同于结果题的题目 ID',
  'must be nps or csat': '必须是 nps 或 csat',
  'must be an iterable of customer ids': '必须是可迭代的客户 ID 集合',
  'must be true or false': '必须是 true 或 false',
  'must be customer ids': '必须是客户 ID',
  'must be weight, correlation or derived': '必须是 weight、correlation 或 derived',
  'must be an array of responses': '必须是答卷数组',
  'must be a parsed survey response': '必须是已解析的问卷答卷',
  'must be an integer from 0 to {max} (use wilsonInterval beyond)': '必须是 0 到 {max} 之间的整数（超出时请用 wilsonInterval）',
  'must be an integer of at least 1': '必须是不小于 1 的整数',
  'needs a scored question with positive weight': '必须包含一道权重为正的计分题',
};
