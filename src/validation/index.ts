/**
 * Normalisers, checks and customer validation: mainland mobiles, Unified Social Credit Codes,
 * resident identity numbers, emails, postal codes and international phone numbers.
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
export { normalizeContactPoint, normalizeCustomer, type NormalizableCustomer } from './normalizeCustomer';
export {
  validateCustomer,
  validateStoredCustomer,
  type CustomerRule,
  type CustomerValidationResult,
  type ValidateCustomerOptions,
  type ValidCustomerInput,
} from './validateCustomer';
export { VALIDATION_ISSUE_CODES, formatPath, validationMessage, type ValidationIssue, type ValidationIssueCode } from './issue';
