import type { ValidationIssueCode } from '../issue';

/** 简体中文 messages for crmkit's own validation rules, keyed by issue code. */
export const zhCN: Record<ValidationIssueCode, (field: string) => string> = {
  phone: (f) => `${f}：不是有效的电话号码`,
  cn_mobile: (f) => `${f}：不是有效的中国大陆手机号码`,
  email: (f) => `${f}：不是有效的电子邮箱地址`,
  uscc: (f) => `${f}：不是有效的统一社会信用代码（校验码或格式错误）`,
  resident_id: (f) => `${f}：不是有效的居民身份证号码（校验码或出生日期错误）`,
  postal_code: (f) => `${f}：不是有效的邮政编码`,
  duplicate_contact: (f) => `${f}：联系方式重复`,
  reserved_key: (f) => `${f}：使用了保留键名（__proto__、constructor 或 prototype）`,
  custom: (f) => `${f}：未通过自定义规则`,
  unreadable: (f) => `${f}：无法读取（getter 或代理抛出了错误）`,
};
