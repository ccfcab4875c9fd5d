/**
 * Normalisers and checks: mainland mobiles, Unified Social Credit Codes, resident identity numbers,
 * emails, postal codes and international phone numbers, and the field rules customers are checked
 * with. It depends on no other area but core; `validateCustomer` and `normalizeCustomer`, which
 * parse with the customer schemas, live in `crmkit/customer` (and `crmkit`).
 *
 * @module validation
 */
export { toHalfWidth, normalizeWhitespace, normalizeText, normalizeTag, normalizeTags } from './normalize/text';
export { normalizeEmail } from './normalize/email';
export { normalizePhone, type PhoneOptions } from './normalize/phone';
export { normalizePostalCode } from './normalize/postalCode';
export { isCnMobile } from './checks/cnMobile';
export { isValidE164, isValidPhone } from './checks/phone';
export { isValidUscc, normalizeUscc, usccCheckCharacter } from './checks/uscc';
export { isValidResidentId, residentIdBirthDate, residentIdCheckDigit, type ResidentIdOptions } from './checks/residentId';
export { isEmail } from './checks/email';
export { isCnPostalCode } from './checks/postalCode';
export { checkCustomerFields, type FieldCheckOptions } from './fieldChecks';
export { VALIDATION_ISSUE_CODES, formatPath, validationMessage, type ValidationIssue, type ValidationIssueCode } from './issue';
