import type { LedgerEntry } from '../loyalty/ledger/entry';
import type { ReassignableRepository, RecordListOptions } from './CustomerRecordRepository';
import type { Page } from './pagination';

/**
 * Options for {@link LoyaltyLedgerRepository.append}.
 *
 * @example
 * ```ts
 * const options: LedgerAppendOptions = { expectedBalance: 120 };
 * ```
 */
export interface LedgerAppendOptions {
  /**
   * The customer's posted balance (the sum of their stored entries, see
   * {@link LoyaltyLedgerRepository.balanceOf}) the caller computed its entries from. When the stored
   * sum differs, someone else posted in between: nothing is stored and the call fails with
   * `BALANCE_MISMATCH`, so the caller re-reads and recomputes (optimistic concurrency, the way a
   * redemption is made safe). Requires every new entry to belong to one customer. Default: no check.
   */
  readonly expectedBalance?: number;
}

/**
 * What {@link LoyaltyLedgerRepository.append} did: the entries newly posted, and those whose key was
 * already posted with the same content (a retry; nothing was posted twice).
 *
 * @example
 * ```ts
 * const r: LedgerAppendResult = { appended: [], repeated: [] };
 * ```
 */
export interface LedgerAppendResult {
  readonly appended: readonly LedgerEntry[];
  readonly repeated: readonly LedgerEntry[];
}

/**
 * Storage for the append-only points ledger (crmkit ships the in-memory reference in `crmkit/memory`
 * and the contract suite `loyaltyLedgerRepositoryContract` in `crmkit/testing`).
 *
 * Guarantees an implementation must give:
 * - idempotency: an entry's `id` is its idempotency key. Appending a key again with the same content
 *   is a no-op reported in `repeated`; with different content it fails with `IDEMPOTENCY_CONFLICT`;
 * - atomic batches: all new entries of a call are stored, or none;
 * - no overdraft: a batch that would take a customer's posted balance below zero fails with
 *   `INSUFFICIENT_POINTS` (a database can keep a balance row per customer with a check constraint);
 * - no spending of unusable points: with the batch in, the spendable balance (`balance` from
 *   crmkit/loyalty over all the customer's entries, which leaves out lapsed and pending points) must
 *   not be negative at the `occurredAt` of any new entry with negative points, nor at that of any
 *   stored negative entry dated at or after the earliest of them; otherwise `INSUFFICIENT_POINTS` and
 *   nothing is stored (a database reads the customer's entries inside the transaction, after locking
 *   the customer's balance row, and runs `balance` at those instants);
 * - `expectedBalance` is a compare-and-set on the customer's posted balance (`BALANCE_MISMATCH`).
 *   Two concurrent redemptions that together would overdraw therefore never both post: the second
 *   sees a changed balance, re-reads, and either fits or fails with `INSUFFICIENT_POINTS` from
 *   `redeem` (crmkit/loyalty).
 *
 * Entries are never edited or deleted; only `customerId` changes, through `reassign*`, when customers
 * are merged and unmerged (no overdraft check applies there).
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * const { loyaltyLedger }: { loyaltyLedger: LoyaltyLedgerRepository } = createMemoryRepositories();
 * ```
 */
export interface LoyaltyLedgerRepository extends ReassignableRepository {
  /**
   * Appends entries atomically, idempotently by `id`.
   * @throws {CrmError} `IDEMPOTENCY_CONFLICT`; `BALANCE_MISMATCH`; `INSUFFICIENT_POINTS`;
   *   `VALIDATION_FAILED`; `INVALID_ARGUMENT` (`expectedBalance` with entries of several customers)
   */
  append(entries: LedgerEntry | readonly LedgerEntry[], options?: LedgerAppendOptions): Promise<LedgerAppendResult>;
  /** The entry with this id (idempotency key), or undefined. */
  get(id: string): Promise<LedgerEntry | undefined>;
  /** One customer's entries in time order (then id), in pages, optionally within `[from, to)`. */
  listByCustomer(customerId: string, options?: RecordListOptions): Promise<Page<LedgerEntry>>;
  /** Every entry of one customer in time order (then id): the input of the pure ledger functions. */
  entriesOf(customerId: string): Promise<LedgerEntry[]>;
  /** The sum of the points of all of a customer's stored entries (0 for none): the posted balance. */
  balanceOf(customerId: string): Promise<number>;
}
