/**
 * The in-memory reference implementation of every crmkit repository.
 *
 * @module memory
 */
export { createMemoryRepositories, type MemoryRepositories } from './createMemoryRepositories';
export { MemoryCustomerRepository } from './MemoryCustomerRepository';
export { MemoryCustomerRecordRepository } from './MemoryCustomerRecordRepository';
export { MemoryLoyaltyLedgerRepository } from './MemoryLoyaltyLedgerRepository';
export { MemoryOpportunityRepository } from './MemoryOpportunityRepository';
export { cloneData } from './clone';
export { MemoryOutboxStore } from './MemoryOutboxStore';
