/**
 * 简体中文 for the English words and rule phrases that loyalty code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/loyalty/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'an idempotency key is required': '必须提供幂等键',
  "must be 'each-lot' or 'earliest'": "必须是 'each-lot' 或 'earliest'",
  'must be a whole number of points': '必须是整数积分',
  'must be a whole number of points, at least 1': '必须是至少为 1 的整数积分',
  'must not be negative': '不得为负',
  'not a tier of this programme': '不是该会员计划的等级',
  'refunds earn nothing; reverse the purchase instead': '退款不产生积分；请冲正原购买',
  'months-after-earn': '获得后按月',
  'must have at least one tier; pass the result of parseLoyaltyProgram': '必须至少有一个等级；请传入 parseLoyaltyProgram 的结果',
  'must be a ledger entry': '必须是积分流水',
  '{type} entries cannot be reversed': '{type} 流水不能冲正',
  'must be a whole number from 1 to {open}, the points not yet reversed': '必须是 1 到 {open} 之间的整数，即尚未冲正的积分',
  'only positive entries expire, not before they occur': '只有正数流水会过期，且过期时间不得早于发生时间',
  'only positive entries are pending, not before they occur': '只有正数流水可以待生效，且生效时间不得早于发生时间',
  'must be a decimal string such as "1.5"': '必须是十进制字符串，例如 "1.5"',
  'must be in the programme currency': '必须使用会员计划的币种',
  'needs a multiplier or points': '必须提供 multiplier 或 points',
  'ledger entry': '积分流水',
  'must all belong to one customer': '必须全部属于同一客户',
  'must be 1 to 12': '必须在 1 到 12 之间',
  'must be a non-negative number': '必须是非负数',
  'must be positive': '必须为正',
  'must be a purchase': '必须是购买记录',
};
