/**
 * Privacy and data security (数据安全与隐私保护): consent by purpose with an append-only history,
 * masking (脱敏), field-level access policies, field encryption with blind indexes over Web Crypto,
 * subject access and erasure that keep the books, and retention. Pure policies and functions for a
 * backend to call, storage-agnostic like the rest of crmkit.
 *
 * @module privacy
 */
export {
  CONSENT_PURPOSES,
  LAWFUL_BASES,
  CONSENT_METHODS,
  type ConsentPurpose,
  type LawfulBasis,
  type ConsentMethod,
} from './consent/purposes';
export {
  ConsentGrantSchema,
  ConsentWithdrawalSchema,
  ConsentRecordSchema,
  type ConsentGrant,
  type ConsentWithdrawal,
  type ConsentRecord,
} from './consent/consentRecord';
export type { ConsentGranted, ConsentWithdrawn } from './consent/events';
export type { ConsentChangeOptions } from './consent/appendConsent';
export { grantConsent, type ConsentGrantInput } from './consent/grantConsent';
export { withdrawConsent, type ConsentWithdrawalInput } from './consent/withdrawConsent';
export { consentStatus, type ConsentStatus, type ConsentReason, type ConsentQuery } from './consent/consentStatus';
export { consentReasonText } from './consent/consentReasonText';
export { migrateChannelConsent, type MigrateConsentOptions } from './consent/migrateChannelConsent';
export type { OutreachConsent } from './consent/outreachConsent';
export { consentRecordRow, type ConsentRow } from './consent/consentSql';
export { maskValue, MASK_KINDS, type MaskKind } from './masking/maskValue';
export {
  defineAccessPolicy,
  POLICY_FIELDS,
  type PolicyField,
  type FieldAccess,
  type RowScope,
  type RoleDefinition,
  type AccessPolicyInput,
  type AccessPolicy,
  type Principal,
} from './access/policy';
export { viewCustomer, type CustomerView, type PersonalDataViewed } from './access/viewCustomer';
export { authorizeUpdate } from './access/authorizeUpdate';
export { createFieldCipher, type FieldCipher, type FieldKeyring, type FieldCipherOptions } from './crypto/createFieldCipher';
export type { SubjectRepositories, ConsentHistoryReader } from './subject/repositories';
export { exportSubjectData, type SubjectDataExport, type SubjectDataManifest, type SubjectDataSection } from './subject/exportSubjectData';
export { eraseCustomer, type ErasureRecord, type CustomerErased, type EraseOptions } from './subject/eraseCustomer';
export { retentionDue, type RetentionPolicy, type RetentionSubject, type RetentionDue } from './subject/retentionDue';
