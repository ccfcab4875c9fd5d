/**
 * Repository interfaces that adopters implement for their own storage. Interfaces only: the
 * in-memory reference lives in `crmkit/memory`, contract suites in `crmkit/testing`.
 *
 * @module repository
 */
export type { CustomerRepository, SaveOptions } from './CustomerRepository';
export type {
  CustomerRecord,
  CustomerRecordRepository,
  InteractionRepository,
  RecordListOptions,
  ReassignableRepository,
  RecordStreamOptions,
  TransactionRepository,
} from './CustomerRecordRepository';
export type { ListOptions, Page, StreamOptions } from './pagination';
export type { OpportunityRepository } from './OpportunityRepository';
export type { LedgerAppendOptions, LedgerAppendResult, LoyaltyLedgerRepository } from './LoyaltyLedgerRepository';
