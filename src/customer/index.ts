/**
 * The customer model: people and organisations, contact points, transactions and interactions,
 * as zod schemas with inferred types, and the functions that create and update customers.
 *
 * @module customer
 */
export {
  CustomerSchema,
  CustomerInputSchema,
  PersonSchema,
  ConsentSchema,
  CONSENT_CHANNELS,
  type Customer,
  type CustomerInput,
  type CustomerPatch,
  type ConsentChannel,
} from './customer';
export {
  ContactPointSchema,
  PhoneContactSchema,
  EmailContactSchema,
  AddressContactSchema,
  SocialContactSchema,
  SOCIAL_NETWORKS,
  type ContactPoint,
} from './contactPoint';
export {
  OrganizationSchema,
  OrganizationContactSchema,
  DepartmentSchema,
  ORGANIZATION_TYPES,
  CONTACT_ROLES,
  type Organization,
  type OrganizationContact,
} from './organization';
export { AttributesSchema, SafeKeySchema, type Attributes } from './attributes';
export { nonBlankText } from './text';
export { TransactionSchema, type Transaction } from './transaction';
export type { TransactionColumns, DictionaryColumn } from './transactionColumns';
export { InteractionSchema, INTERACTION_CHANNELS, INTERACTION_TYPES, type Interaction } from './interaction';
export type { CustomerEvent, CustomerRegistered, CustomerUpdated } from './events';
export { normalizeContactPoint, normalizeCustomer, type NormalizableCustomer } from './normalizeCustomer';
export {
  validateCustomer,
  validateStoredCustomer,
  type CustomerRule,
  type CustomerValidationResult,
  type ValidateCustomerOptions,
  type ValidCustomerInput,
} from './validateCustomer';
export { createCustomer, type CreateCustomerOptions } from './createCustomer';
export { updateCustomer, type UpdateCustomerOptions } from './updateCustomer';
export { customerJsonSchema } from './jsonSchema';
