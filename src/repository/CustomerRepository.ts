import type { Customer } from '../customer/customer';
import type { ListOptions, Page, StreamOptions } from './pagination';

/**
 * Options for {@link CustomerRepository.save} and {@link CustomerRepository.delete}.
 *
 * @example
 * ```ts
 * const insert: SaveOptions = { expectedVersion: 0 };
 * ```
 */
export interface SaveOptions {
  /**
   * The version the caller last read: 0 to insert a new customer; otherwise the stored version must
   * equal it or the call fails with `CONCURRENCY_CONFLICT`. Default for `save`: `customer.version - 1`
   * (what `createCustomer` and `updateCustomer` produce). Omitted on `delete`: no check.
   */
  readonly expectedVersion?: number;
}

/**
 * Storage for customers, implemented by adopters for their database (crmkit ships the in-memory
 * reference in `crmkit/memory` and a contract suite in `crmkit/testing`). All methods are async.
 *
 * Versioning: `save` is a compare-and-set on `version`. The stored customer gets
 * `version = expectedVersion + 1`; nothing is ever silently overwritten.
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * const { customers }: { customers: CustomerRepository } = createMemoryRepositories();
 * ```
 */
export interface CustomerRepository {
  /** The customer with this id, or undefined. */
  get(id: string): Promise<Customer | undefined>;
  /** The customers with these ids that exist, in the order asked (missing ids are skipped). */
  getMany(ids: readonly string[]): Promise<Customer[]>;
  /**
   * Inserts (`expectedVersion` 0) or updates a customer and returns it as stored.
   * @throws {CrmError} `DUPLICATE_ID` on insert of an existing id; `NOT_FOUND` on update of a missing
   *   one; `CONCURRENCY_CONFLICT` when the stored version is not `expectedVersion`; `VALIDATION_FAILED`
   */
  save(customer: Customer, options?: SaveOptions): Promise<Customer>;
  /**
   * Deletes a customer.
   * @throws {CrmError} `NOT_FOUND`; `CONCURRENCY_CONFLICT` when `expectedVersion` is given and stale
   */
  delete(id: string, options?: SaveOptions): Promise<void>;
  /** A page of customers in id order. */
  list(options?: ListOptions): Promise<Page<Customer>>;
  /** Every customer, in id order, fetched in batches: for millions of rows. */
  stream(options?: StreamOptions): AsyncIterable<Customer>;
  /** Customers carrying a (normalised) tag, in id order. */
  findByTag(tag: string, options?: ListOptions): Promise<Page<Customer>>;
  /** Customers owned by an owner, in id order. */
  findByOwner(ownerId: string, options?: ListOptions): Promise<Page<Customer>>;
  /** The customer known in another system by this id, or undefined. */
  findByExternalId(system: string, externalId: string): Promise<Customer | undefined>;
  /** How many customers are stored. */
  count(): Promise<number>;
}
