/**
 * 简体中文 for the English words and rule phrases that privacy code puts into message parameters
 * (`rule`, `entity`, ...), keyed by the English text; `{x}` matches any text (see
 * `translateWords`). Registered by src/privacy/errors.ts. Phrases kernel code uses live in
 * src/core/locales/zh-CN.words.ts instead; scripts/move-phrases.mjs keeps both in order.
 *
 * @internal
 */
export const zhCNWords: Readonly<Record<string, string>> = {
  'consent record': '同意记录',
  'not a field ciphertext': '不是字段密文',
  'the key id is not in the keyring': '密钥环中没有该密钥 ID',
  'key ids must be 1-64 letters, digits, _ or -': '密钥 ID 必须是 1 到 64 个字母、数字、_ 或 -',
  'must differ from every encryption key': '必须不同于所有加密密钥',
  'must be a non-empty string other than the customer id': '必须是非空字符串且不同于客户 ID',
  read: '读取',
  'must be 32 bytes': '必须是 32 字节',
  'must be a Map of consent histories by customer id': '必须是按客户 ID 索引的同意历史 Map',
  'must be a consent record': '必须是同意记录',
  customer: '客户',
  'expected a string of at most 4096 characters': '应为最多 4096 个字符的字符串',
  'is required': '为必填项',
  'lists an unknown field': '列出了未知字段',
  'must all belong to one customer': '必须全部属于同一客户',
  'must be a customer object': '必须是客户对象',
  'must be a non-negative number of days': '必须是非负的天数',
  'must be non-empty strings': '必须是非空字符串',
};
