/**
 * 简体中文 for the English words and rule phrases that lifecycle code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/lifecycle/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'follow-up rules': '跟进规则',
  'a span ends before it starts': '时间段的结束早于开始',
  'every interaction must belong to history.customerId': '每条互动都必须属于 history.customerId',
  'every transaction must belong to history.customerId': '每笔交易都必须属于 history.customerId',
  'has no SLA target': '没有 SLA 目标',
  'has no open business time within ten years': '十年内没有营业时间',
  'is earlier than the start of the current stage (the clock went backwards)': '早于当前阶段的开始时间（时钟倒退）',
  'is earlier than the previous event (events must come oldest first)': '早于上一个事件（事件须按时间先后排列）',
  'is more than 100 years after from': '比 from 晚 100 年以上',
  'must be an array of stage names': '必须是阶段名称的数组',
  'must be 1 to 30': '必须在 1 到 30 之间',
  'must be an object of years': '必须是按年份组织的对象',
  'must be 1901 to 2100': '必须在 1901 到 2100 之间',
  'must be a lunar year from 1900 to 2100': '必须是 1900 到 2100 之间的农历年',
  'the year has no leap month of that number': '该年没有这个月份的闰月',
  'not a day of that lunar month': '不是该农历月中的日期',
  'must be a YYYY-MM-DD date': '必须是 YYYY-MM-DD 格式的日期',
  'must be from 1900-01-31 to 2101-01-28': '必须在 1900-01-31 到 2101-01-28 之间',
  'must be YYYY-MM-DD dates': '必须是 YYYY-MM-DD 格式的日期',
  'must come from defineLifecycle': '必须由 defineLifecycle 创建',
  'must not be before from': '不得早于 from',
  'not created by defineLifecycle': '不是由 defineLifecycle 创建的',
  'the range may span at most 3 years': '范围最多跨 3 年',
  'the result would fall after the year 9999': '结果将晚于 9999 年',
  'must be at least repeatAfterPurchases': '不得小于 repeatAfterPurchases',
  'must be a number of days above 0, at most 100000': '必须是大于 0 且不超过 100000 的天数',
  'must exceed atRiskAfterDays': '必须大于 atRiskAfterDays',
  'must be a function': '必须是函数',
  playbook: '运营剧本',
  'must be 1 to 12': '必须在 1 到 12 之间',
  'must be a non-negative number': '必须是非负数',
  'stage {id} is listed twice': '阶段 {id} 重复列出',
  'must be a complaint from openComplaint': '必须是 openComplaint 创建的投诉',
  'must be a lifecycle state': '必须是生命周期状态',
};
