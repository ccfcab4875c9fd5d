/**
 * 简体中文 for the English words and rule phrases that segmentation code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/segmentation/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'a condition has only field, op and value': '条件只能包含 field、op 和 value',
  'a group has exactly one of all, any or not': '分组必须且只能包含 all、any、not 之一',
  'between takes [low, high]': 'between 需要 [low, high]',
  'exists takes no value': 'exists 不接受取值',
  'expected a Date or an ISO 8601 date-time with offset': '应为 Date 或带时区偏移的 ISO 8601 日期时间',
  'expected a group or a condition object': '应为分组或条件对象',
  'expected a list of at most 1000 values': '应为最多 1000 个值的列表',
  'expected a list of tag rules': '应为标签规则列表',
  'expected true or false': '应为 true 或 false',
  'field must be a string': 'field 必须是字符串',
  'low must not exceed high': 'low 不得大于 high',
  'must be 1 to 99 finite numbers in strictly ascending order': '必须是 1 到 99 个严格递增的有限数值',
  'must be a number, not NaN': '必须是数值，不能是 NaN',
  'must be an RFM summary': '必须是 RFM 汇总',
  'must be an integer from 1 to 100': '必须是 1 到 100 之间的整数',
  'must be an integer score of at least 1': '必须是不小于 1 的整数分数',
  'must be one more non-empty name than shares': '非空名称必须比份额多一个',
  'must be purchase or refund': '必须是 purchase 或 refund',
  'must be strictly ascending numbers in (0, 1]': '必须是 (0, 1] 内严格递增的数值',
  'must name at least one column': '必须至少指定一列',
  'no column is mapped for this rule field': '该规则字段没有映射的列',
  'not a valid RFM segment map': '不是有效的 RFM 分群映射',
  'not a valid playbook': '不是有效的运营剧本',
  'recency, frequency and monetary must have equal lengths': 'recency、frequency 和 monetary 的长度必须相同',
  'required when there are no transactions': '没有交易时为必填项',
  'string contains NUL or an unpaired surrogate': '字符串包含 NUL 或未配对的代理字符',
  'tag is empty after normalisation': '标签规范化后为空',
  'tag must be a non-empty string and action sync, add or remove': '标签必须是非空字符串，action 必须是 sync、add 或 remove',
  'tags take hasTag, hasAnyTag or exists': '标签只支持 hasTag、hasAnyTag 或 exists',
  'must be strings': '必须是字符串',
  '{kind} takes a list of rules': '{kind} 需要规则列表',
  '{op} does not apply to {type} field {name}': '{op} 不适用于 {type} 类型的字段 {name}',
  'more than {n} nodes': '超过 {n} 个节点',
  'withinLast takes { amount: 1..100000, unit: {units} }': 'withinLast 需要 { amount: 1..100000, unit: {units} }',
  'a consent table is read in the postgres dialect only': '仅 postgres 方言支持读取同意记录表',
  customer: '客户',
  playbook: '运营剧本',
  'expected a string of at most 4096 characters': '应为最多 4096 个字符的字符串',
  'must be a customer object': '必须是客户对象',
  'must be an iterable of customers': '必须是可迭代的客户集合',
  'must be non-empty strings': '必须是非空字符串',
  'total exceeds the safe integer range of minor units': '总额超出最小货币单位的安全整数范围',
};
