/**
 * 简体中文 for the English words and rule phrases that kernel code (src/core) puts into message
 * parameters (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Every area loads this table. A phrase only areas use lives in the table of each
 * area that uses it, src/<area>/locales/zh-CN.words.ts, so that bundles without the area do not
 * carry it: scripts/move-phrases.mjs moves phrases to where they belong, and
 * test/core/locales.test.ts checks that every literal rule phrase in src/ has an entry its area loads.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  // entities and models
  record: '记录',
  input: '输入',
  // rule phrases
  "must be 'postgres', 'duckdb' or 'clickhouse'": "必须是 'postgres'、'duckdb' 或 'clickhouse'",
  'must be at most 1000000 characters': '最多 1000000 个字符',
  'must be well-formed Unicode': '必须是格式正确的 Unicode',
  'must be a string, number, bigint or boolean': '必须是字符串、数值、bigint 或布尔值',
  'exceeds the safe integer range of minor units': '超出最小货币单位的安全整数范围',
  'expected a decimal string, bigint or integer': '应为十进制字符串、bigint 或整数',
  'expected a finite number': '应为有限数值',
  'expected { amount, currency }': '应为 { amount, currency }',
  'must be a BCP 47 tag other than en and zh-CN': '必须是 en 和 zh-CN 以外的 BCP 47 语言标签',
  'must be a finite number': '必须是有限数值',
  'must be a non-empty identifier of at most 128 characters': '必须是最多 128 个字符的非空标识符',
  'must be a non-negative integer': '必须是非负整数',
  'must be an array': '必须是数组',
  'must be an object': '必须是对象',
  'must be iterable': '必须可迭代',
  'must be non-negative integers, at least one positive': '必须是非负整数，且至少一个为正',
  'must not be zero': '不得为零',
  'not a valid decimal amount': '不是有效的十进制金额',
  'numbers must be safe integers; pass fractional amounts as decimal strings': '数值必须是安全整数；小数金额请以十进制字符串传入',
  'table and columns are required': '必须提供 table 和 columns',
  'invalid value': '取值无效',
  'expected a Money value': '应为 Money 值',
  'expected Money': '应为 Money',
  'must not have holes': '不能有空位（稀疏数组）',
  'must be a string': '必须是字符串',
  'must sum to a safe integer': '总和必须是安全整数',
  // templated rule phrases ({x} is filled from the English text)
  'must be an integer from {min} to {max}': '必须是 {min} 到 {max} 之间的整数',
  'must be a finite number from {min} to {max}': '必须是 {min} 到 {max} 之间的有限数值',
  'must have at most {max} items': '最多只能有 {max} 项',
  'must be one of {list}': '必须是以下之一：{list}',
  write: '写入',
  'must be an array or typed array of numbers': '必须是数值数组或类型化数组',
  'must be a non-empty string': '必须是非空字符串',
  // transaction columns (summarizeRfmColumns, summarizeTransactionsColumns)
};
