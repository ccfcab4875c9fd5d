import type { Interaction } from '../customer/interaction';
import type { Transaction } from '../customer/transaction';
import type { ListOptions, Page, StreamOptions } from './pagination';

/**
 * The fields every customer-owned, time-stamped record has (transactions, interactions).
 *
 * @example
 * ```ts
 * const r: CustomerRecord = { id: 't-1', customerId: 'c-1', occurredAt: new Date('2026-01-01') };
 * ```
 */
export interface CustomerRecord {
  readonly id: string;
  readonly customerId: string;
  readonly occurredAt: Date;
}

/**
 * Options for listing one customer's records: a half-open time range `[from, to)` and a page.
 *
 * @example
 * ```ts
 * const q: RecordListOptions = { from: new Date('2026-01-01'), limit: 20 };
 * ```
 */
export interface RecordListOptions extends ListOptions {
  readonly from?: Date;
  readonly to?: Date;
}

/**
 * Options for streaming records over a half-open time range `[from, to)`.
 *
 * @example
 * ```ts
 * const q: RecordStreamOptions = { from: new Date('2026-01-01'), to: new Date('2026-02-01') };
 * ```
 */
export interface RecordStreamOptions extends StreamOptions {
  readonly from?: Date;
  readonly to?: Date;
}

/**
 * Storage whose records belong to a customer and can be re-pointed to another customer: what a
 * merge (and its undo) needs from every repository holding customer-owned records.
 *
 * @example
 * ```ts
 * const moveAll = (repo: ReassignableRepository) => repo.reassignCustomer('c-old', 'c-golden');
 * ```
 */
export interface ReassignableRepository {
  /** Moves every record of `fromCustomerId` to `toCustomerId`; returns the moved ids. */
  reassignCustomer(fromCustomerId: string, toCustomerId: string): Promise<string[]>;
  /**
   * Moves the given records to `toCustomerId` (atomically).
   * @throws {CrmError} `NOT_FOUND` when an id does not exist (nothing is moved)
   */
  reassign(ids: readonly string[], toCustomerId: string): Promise<void>;
}

/**
 * Append-mostly storage for records that belong to a customer and happen at a time. Records are
 * ordered by `occurredAt`, then `id`. Only `customerId` may change after append, through
 * `reassign*` (used when customers are merged and unmerged), so nothing is copied or lost.
 *
 * @typeParam T - the record type
 *
 * @example
 * ```ts
 * import type { Transaction } from 'crmkit';
 * type Mine = CustomerRecordRepository<Transaction>;
 * ```
 */
export interface CustomerRecordRepository<T extends CustomerRecord> extends ReassignableRepository {
  /**
   * Appends records atomically: all are stored or none.
   * @throws {CrmError} `DUPLICATE_ID` when an id exists or repeats in the batch; `VALIDATION_FAILED`
   */
  append(records: T | readonly T[]): Promise<void>;
  /** The record with this id, or undefined. */
  get(id: string): Promise<T | undefined>;
  /** One customer's records in time order, optionally within `[from, to)`. */
  listByCustomer(customerId: string, options?: RecordListOptions): Promise<Page<T>>;
  /** Every record within `[from, to)` in time order, fetched in batches. */
  streamByTimeRange(options?: RecordStreamOptions): AsyncIterable<T>;
}

/**
 * Storage for purchases and refunds.
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * const { transactions }: { transactions: TransactionRepository } = createMemoryRepositories();
 * ```
 */
export type TransactionRepository = CustomerRecordRepository<Transaction>;

/**
 * Storage for customer interactions.
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * const { interactions }: { interactions: InteractionRepository } = createMemoryRepositories();
 * ```
 */
export type InteractionRepository = CustomerRecordRepository<Interaction>;
