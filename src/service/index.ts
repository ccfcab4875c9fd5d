/**
 * Service helpers: the orchestration every backend writes around crmkit's repositories, written
 * once over the repository interfaces (storage-agnostic, no HTTP): optimistic updates with retry,
 * concurrency-safe ledger postings, and an outbox for domain events.
 *
 * @module service
 */
export {
  updateWithRetry,
  type Updated,
  type UpdateWithRetryOptions,
  type UpdateWithRetryResult,
  type VersionedRepository,
} from './updateWithRetry';
export { postLedgerEntry, type PostLedgerEntryOptions, type PostedLedgerEntry } from './postLedgerEntry';
export { createOutbox, type Outbox, type OutboxMessage, type OutboxStore, type RelayOptions } from './outbox';
