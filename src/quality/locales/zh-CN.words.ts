/**
 * 简体中文 for the English words and rule phrases that quality code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/quality/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'match parameter estimation': '匹配参数估计',
  'candidate pairs from blocking': '分块得到的候选记录对',
  'merge record has no input records': '合并记录没有输入记录',
  'merge record survivor is not among its inputs': '合并记录的保留记录不在其输入之中',
  'must be a finite number not above threshold': '必须是不大于 threshold 的有限数值',
  'must be an integer of at least 2': '必须是不小于 2 的整数',
  'must be in (0, 1]': '必须在 (0, 1] 之间',
  'must be the repositories the records were re-pointed in': '必须是记录被重新指向时所用的仓储',
  'must name a known field and rule': '必须指明已知的字段和规则',
  'needs at least two records': '至少需要两条记录',
  'rates must be in [0, 1]': '比率必须在 [0, 1] 之间',
  'record ids must be distinct': '记录 id 必须互不相同',
  'records must be of the same kind': '记录必须属于同一类型',
  'records were already re-pointed for this merge': '该合并的记录已经重新指向',
  'survivorId must be one of the records': 'survivorId 必须是其中一条记录',
  'must be the result of assessQuality': '必须是 assessQuality 的结果',
  'must be an array of customers': '必须是客户数组',
  'must be at most 20 attribute keys': '最多 20 个属性键',
  'must be customers with a string id and displayName': '必须是带字符串 id 和 displayName 的客户',
  'must have at most 200 contact points each': '每个客户最多 200 个联系方式',
  customer: '客户',
  'lists an unknown field': '列出了未知字段',
  'must be a non-negative number of days': '必须是非负的天数',
  'must be a positive integer': '必须是正整数',
  'must be an iterable of customers': '必须是可迭代的客户集合',
  'must be positive': '必须为正',
  'must be records with a customerId': '必须是带 customerId 的记录',
  'pass the merge record mergeCustomers or repointRecords returned': '请传入 mergeCustomers 或 repointRecords 返回的合并记录',
  'must be an array of repositories with reassignCustomer and reassign': '必须是提供 reassignCustomer 和 reassign 方法的仓储数组',
  'must be an array of BLOCKING_KEYS': '必须是 BLOCKING_KEYS 中的键组成的数组',
  'must be an array of functions': '必须是函数数组',
  'must be a function': '必须是函数',
  'must be a pair of string ids': '必须是由两个字符串 ID 组成的对',
  'must be an array of clusters of string ids': '必须是由字符串 ID 簇组成的数组',
  '{key} must be a boolean': '{key} 必须是布尔值',
  'must be a number, not NaN': '必须是数值，不能是 NaN',
};
