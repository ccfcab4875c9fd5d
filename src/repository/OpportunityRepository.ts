import type { Opportunity } from '../pipeline/opportunity';
import type { SaveOptions } from './CustomerRepository';
import type { ListOptions, Page, StreamOptions } from './pagination';

/**
 * Storage of opportunities (商机), implemented by adopters for their database; crmkit ships an
 * in-memory one (`MemoryOpportunityRepository` in `crmkit/memory`) and a contract suite
 * (`opportunityRepositoryContract` in `crmkit/testing`). Saves are optimistic: see {@link SaveOptions}
 * (`expectedVersion` defaults to `opportunity.version - 1`, what `createOpportunity` and
 * `moveOpportunity` produce). Lists and finders page in id order with keyset cursors.
 *
 * @example
 * ```ts
 * import type { OpportunityRepository } from 'crmkit';
 * async function openCount(repo: OpportunityRepository, ownerId: string) {
 *   return (await repo.findByOwner(ownerId)).items.filter((o) => o.closedAt === undefined).length;
 * }
 * ```
 */
export interface OpportunityRepository {
  /** The opportunity with this id, or undefined. */
  get(id: string): Promise<Opportunity | undefined>;
  /** The opportunities with these ids that exist, in the order asked (missing ids are skipped). */
  getMany(ids: readonly string[]): Promise<Opportunity[]>;
  /**
   * Inserts (`expectedVersion` 0) or updates an opportunity and returns it as stored.
   * @throws {CrmError} `DUPLICATE_ID` on insert of an existing id; `NOT_FOUND` on update of a missing
   *   one; `CONCURRENCY_CONFLICT` when the stored version is not `expectedVersion`; `VALIDATION_FAILED`
   */
  save(opportunity: Opportunity, options?: SaveOptions): Promise<Opportunity>;
  /**
   * Deletes an opportunity.
   * @throws {CrmError} `NOT_FOUND`; `CONCURRENCY_CONFLICT` when `expectedVersion` is given and stale
   */
  delete(id: string, options?: SaveOptions): Promise<void>;
  /** A page of opportunities in id order. */
  list(options?: ListOptions): Promise<Page<Opportunity>>;
  /** Every opportunity, in id order, fetched in batches: for millions of rows. */
  stream(options?: StreamOptions): AsyncIterable<Opportunity>;
  /** The opportunities of one customer, in id order. */
  findByCustomer(customerId: string, options?: ListOptions): Promise<Page<Opportunity>>;
  /** The opportunities one salesperson owns, in id order. */
  findByOwner(ownerId: string, options?: ListOptions): Promise<Page<Opportunity>>;
  /** The opportunities currently at one stage, in id order. */
  findByStage(stage: string, options?: ListOptions): Promise<Page<Opportunity>>;
  /** How many opportunities are stored. */
  count(): Promise<number>;
}
