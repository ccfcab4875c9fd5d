/**
 * 简体中文 for the English words and rule phrases that pipeline code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/pipeline/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'must not be empty': '不能为空',
  'must be a string of at most 512 characters': '必须是不超过 512 个字符的字符串',
  'is required to go back, lose or reopen a deal': '商机回退、输单或重新打开时必须填写',
  'not created by definePipeline': '不是由 definePipeline 创建的',
  'must be Money, zero or more': '必须是不小于零的 Money',
  'must be a list of at most 256 rules': '必须是不超过 256 条规则的列表',
  'must be a list': '必须是列表',
  'must be a string, once per owner': '必须是字符串，且每个负责人只出现一次',
  'must be a whole number of minutes from -1080 to 1080': '必须是 -1080 到 1080 之间的整数分钟',
  'must be after from': '必须晚于 from',
  'must be an array of opportunities or a book from toOpportunityBook': '必须是商机数组或 toOpportunityBook 生成的商机簿',
  'must be an opportunity': '必须是商机',
  'must be month or quarter': '必须是 month 或 quarter',
  'must be won or closed': '必须是 won 或 closed',
  'must be zero or more, in whole minor units, below 2^53 of them': '必须不小于零、以整数最小货币单位计且小于 2^53 个单位',
  'must be in time order': '必须按时间顺序排列',
  'must be the last stage in stageHistory': '必须是 stageHistory 中的最后一个阶段',
  'must be 0 to 1 with at most 4 decimals': '必须在 0 到 1 之间且不超过 4 位小数',
  'is missing (sparse array)': '缺失（稀疏数组）',
  'category must be commit, best_case, pipeline or omitted': 'category 必须是 commit、best_case、pipeline 或 omitted',
  'probability bounds must be 0 to 1 with at most 4 decimals': '概率上下限必须在 0 到 1 之间且不超过 4 位小数',
  'stages must be a list': 'stages 必须是列表',
  'limits must be non-negative finite days for open stages': '时限必须是进行中阶段的非负有限天数',
  'the definition is not an object': '定义不是对象',
  'id is not a name': 'id 不是有效名称',
  'stages must be a list of at most 64': 'stages 必须是不超过 64 项的列表',
  'stages.{i} is not an object': 'stages.{i} 不是对象',
  'stages.{i} is missing': 'stages.{i} 缺失',
  'stages.{i}.id is not a stage id': 'stages.{i}.id 不是有效的阶段 ID',
  'stage {id} has no kind open, won or lost': '阶段 {id} 的类型不是 open、won 或 lost',
  'open stage {id} comes after a closed stage': '进行中阶段 {id} 排在已关闭阶段之后',
  'stage {id} probability is not 0 to 1 with at most 4 decimals': '阶段 {id} 的概率不在 0 到 1 之间或超过 4 位小数',
  'won stage {id} must have probability 1': '赢单阶段 {id} 的概率必须为 1',
  'lost stage {id} must have probability 0': '输单阶段 {id} 的概率必须为 0',
  'stage {id} needs names in en and zh-CN': '阶段 {id} 需要 en 和 zh-CN 名称',
  'there is no {kind} stage': '没有 {kind} 类型的阶段',
  '{key} must be a boolean': '{key} 必须是布尔值',
  'must be Opportunity or OpportunityInput': '必须是 Opportunity 或 OpportunityInput',
  'must not be negative nor have more digits than the currency minor unit': '不得为负，且小数位数不得超过该币种的最小货币单位',
  'is required': '为必填项',
  'start must be before end': '开始必须早于结束',
  opportunity: '商机',
  'stage {id} is listed twice': '阶段 {id} 重复列出',
};
