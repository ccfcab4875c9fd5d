/**
 * crmkit: the CRM domain library for TypeScript. The root entry re-exports the whole public API:
 * the core kernel, the customer model, validation, the repository interfaces, and the domain areas
 * (segmentation, lifecycle, KPIs, CLV, satisfaction, loyalty, data quality, sales pipeline, privacy) and the service helpers. Each area also has its
 * own subpath (`crmkit/clv`, `crmkit/segmentation`, ...) for smaller imports; the in-memory
 * repositories (`crmkit/memory`) and the contract suites (`crmkit/testing`, which needs vitest) are
 * only on their subpaths.
 *
 * @module crmkit
 */
export * from './core';
export * from './customer';
export * from './validation';
export type * from './repository';
export * from './segmentation';
export * from './lifecycle';
export * from './kpi';
export * from './clv';
export * from './satisfaction';
export * from './loyalty';
export * from './quality';
export * from './charts';
export * from './pipeline';
export * from './service';
export * from './privacy';
