/**
 * 简体中文 for the English words and rule phrases that customer code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/customer/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'cannot be changed by a patch': '不能通过补丁修改',
  'must not be before createdAt': '不得早于 createdAt',
  'must not be blank': '不得为空白',
  'must be functions': '必须是函数',
  'organization details are required for kind organization': 'kind 为 organization 时必须提供组织信息',
  'reserved key': '保留键名',
  'at most 200 attributes': '最多 200 个属性',
  'amount must not be negative': '金额不得为负',
  customer: '客户',
  'must be a customer object': '必须是客户对象',
  'must be a positive integer': '必须是正整数',
  'must be Customer, CustomerInput, Transaction or Interaction': '必须是 Customer、CustomerInput、Transaction 或 Interaction',
  'customerId, amountMinor, occurredAtMs and type must have equal lengths': 'customerId、amountMinor、occurredAtMs 和 type 的长度必须相同',
  'must be integer indices into the dictionary': '必须是指向字典的整数索引',
  'must be transaction columns': '必须是交易列',
  'must be zero or more, in whole minor units, below 2^53 of them': '必须不小于零、以整数最小货币单位计且小于 2^53 个单位',
  'must be purchase or refund': '必须是 purchase 或 refund',
  'must be a non-negative Money': '必须是非负的 Money',
  'must be an iterable of transactions': '必须是可迭代的交易集合',
};
