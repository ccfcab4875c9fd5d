/**
 * crmkit: the CRM domain library for TypeScript. The root entry re-exports the stable API of the
 * core kernel, the customer model, validation and the repository interfaces; each domain area also
 * has its own subpath (`crmkit/clv`, `crmkit/segmentation`, ...).
 *
 * @module crmkit
 */
export * from './core';
export * from './customer';
export * from './validation';
export type * from './repository';
