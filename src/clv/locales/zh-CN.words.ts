/**
 * 简体中文 for the English words and rule phrases that clv code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/clv/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'clv model': 'CLV 模型',
  'at least one repeat purchase': '至少一次复购',
  'columns must have the same length': '各列长度必须相同',
  'expected an array of rows': '应为行数组',
  'expected rows or columns': '应为行或列',
  'hypergeometric series did not converge': '超几何级数未收敛',
  'must be a non-negative finite number': '必须是非负有限数值',
  'must be a positive number': '必须是正数',
  'must be a positive number for a parameter of this model': '该模型的参数必须是正数',
  'must be in [0, 1)': '必须在 [0, 1) 之间',
  'must be positive for repeat buyers': '复购客户必须为正',
  'must not be after asOf': '不得晚于 asOf',
  'not valid JSON': '不是有效的 JSON',
  'conditionalProbabilityOfPurchases supports bgnbd and mbgnbd': 'conditionalProbabilityOfPurchases 只支持 bgnbd 和 mbgnbd',
  'must be an integer from 0 to 10000': '必须是 0 到 10000 之间的整数',
  'q must exceed 1 for a finite mean spend': '平均消费有限时 q 必须大于 1',
  'must have a customerId': '必须包含 customerId',
  'times distinct birth days must be at most 10000000': '与不同首购日数量的乘积不得超过 10000000',
  'its parameters are too extreme to evaluate': '参数过于极端，无法计算',
  'must be an integer from 0 to 1200': '必须是 0 到 1200 之间的整数',
  'must be a number from 0 to 200': '必须是 0 到 200 之间的数值',
  'must be an integer from 1 to 10000': '必须是 1 到 10000 之间的整数',
  'more than {k} customers': '超过 {k} 个客户',
  'must be an integer between 0 and periods': '必须是 0 到 periods 之间的整数',
  'must be an integer with frequency ≤ recency ≤ periods (0 when frequency is 0)': '必须是满足 frequency ≤ recency ≤ periods 的整数（frequency 为 0 时为 0）',
  'needs one value per customer': '每个客户必须有一个值',
  'needs one id per customer': '每个客户必须有一个 ID',
  'must be a positive finite number': '必须是正的有限数值',
  'must be 0 when frequency is 0': 'frequency 为 0 时必须为 0',
  'must be greater than -1': '必须大于 -1',
  'not an ISO 4217 currency code': '不是 ISO 4217 货币代码',
  'must be an iterable of purchases': '必须是可迭代的购买记录集合',
  'must be between 0 and 1': '必须在 0 到 1 之间',
  'must be between 0 and T': '必须在 0 到 T 之间',
  "must be 'day', 'week' or 'month'": "必须是 'day'、'week' 或 'month'",
  'is required': '为必填项',
  'must be a non-negative number': '必须是非负数',
  'total exceeds the safe integer range of minor units': '总额超出最小货币单位的安全整数范围',
  'must be {id}': '必须是 {id}',
  'must be above 0 and at most {max}': '必须大于 0 且不超过 {max}',
  'must be a customer summary': '必须是客户汇总',
  'must be purchase or refund': '必须是 purchase 或 refund',
};
