import type { ValidationIssueCode } from '../issue';

/** English messages for crmkit's own validation rules, keyed by issue code. */
export const en: Record<ValidationIssueCode, (field: string) => string> = {
  phone: (f) => `${f}: not a valid phone number`,
  cn_mobile: (f) => `${f}: not a valid mainland mobile number`,
  email: (f) => `${f}: not a valid email address`,
  uscc: (f) => `${f}: not a valid Unified Social Credit Code (check character or format)`,
  resident_id: (f) => `${f}: not a valid resident identity number (check digit or birth date)`,
  postal_code: (f) => `${f}: not a valid postal code`,
  duplicate_contact: (f) => `${f}: the same contact point appears more than once`,
  reserved_key: (f) => `${f}: uses a reserved key (__proto__, constructor or prototype)`,
  custom: (f) => `${f}: failed a custom rule`,
  unreadable: (f) => `${f}: could not be read (a getter or proxy threw)`,
};
