import type { ListOptions, Page, StreamOptions } from '../repository/pagination';
import type { SaveOptions } from '../repository/CustomerRepository';
import type { OpportunityRepository } from '../repository/OpportunityRepository';
import { type Opportunity, OpportunitySchema } from '../pipeline/opportunity';
import { VersionedStore } from './versionedStore';

/**
 * The in-memory {@link OpportunityRepository}: the reference implementation and embedded default.
 * Validates with `OpportunitySchema`, copies on the way in and out, keeps opportunities sorted by
 * id for keyset pagination.
 *
 * @example
 * ```ts
 * import { MemoryOpportunityRepository } from 'crmkit/memory';
 * const repo = new MemoryOpportunityRepository();
 * await repo.count();
 * //=> 0
 * ```
 */
export class MemoryOpportunityRepository implements OpportunityRepository {
  readonly #store = new VersionedStore<Opportunity>('opportunity', OpportunitySchema);

  async get(id: string): Promise<Opportunity | undefined> {
    return this.#store.get(id);
  }

  async getMany(ids: readonly string[]): Promise<Opportunity[]> {
    return this.#store.getMany(ids);
  }

  async save(opportunity: Opportunity, options: SaveOptions = {}): Promise<Opportunity> {
    return this.#store.save(opportunity, options);
  }

  async delete(id: string, options: SaveOptions = {}): Promise<void> {
    this.#store.delete(id, options);
  }

  async list(options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#store.page(options, () => true);
  }

  stream(options: StreamOptions = {}): AsyncIterable<Opportunity> {
    return this.#store.stream(options);
  }

  async findByCustomer(customerId: string, options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#store.page(options, (o) => o.customerId === customerId);
  }

  async findByOwner(ownerId: string, options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#store.page(options, (o) => o.ownerId === ownerId);
  }

  async findByStage(stage: string, options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#store.page(options, (o) => o.stage === stage);
  }

  async count(): Promise<number> {
    return this.#store.size;
  }
}
