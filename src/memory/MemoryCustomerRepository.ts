import { assert, CrmError } from './errors';
import { requireIterable } from '../core/guards';
import { type Customer, CustomerSchema } from '../customer/customer';
import type { CustomerRepository, SaveOptions } from '../repository/CustomerRepository';
import type { ListOptions, Page, StreamOptions } from '../repository/pagination';
import { normalizeTag } from '../validation/normalize/text';
import { cloneData } from './clone';
import { decodeCursor, encodeCursor, pageLimit, upperBound } from './cursor';
import { requireListOptions } from './listOptions';

const byId = (c: Customer, id: string): number => (c.id < id ? -1 : c.id > id ? 1 : 0);

/**
 * The in-memory {@link CustomerRepository}: the reference implementation and embedded default.
 * Copies on the way in and out; keeps customers sorted by id for keyset pagination.
 *
 * @example
 * ```ts
 * import { MemoryCustomerRepository } from 'crmkit/memory';
 * const repo = new MemoryCustomerRepository();
 * await repo.count();
 * //=> 0
 * ```
 */
export class MemoryCustomerRepository implements CustomerRepository {
  readonly #byId = new Map<string, Customer>();
  #sorted: Customer[] = [];

  async get(id: string): Promise<Customer | undefined> {
    const c = this.#byId.get(id);
    return c && cloneData(c);
  }

  async getMany(ids: readonly string[]): Promise<Customer[]> {
    requireIterable(ids, 'ids');
    const out: Customer[] = [];
    for (const id of ids) {
      const c = this.#byId.get(id);
      if (c) out.push(cloneData(c));
    }
    return out;
  }

  async save(customer: Customer, options: SaveOptions = {}): Promise<Customer> {
    requireListOptions(options);
    const parsed = CustomerSchema.safeParse(customer);
    if (!parsed.success) {
      throw new CrmError('VALIDATION_FAILED', {
        params: { entity: 'customer' },
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
      });
    }
    const expected = options.expectedVersion ?? customer.version - 1;
    assert(Number.isInteger(expected) && expected >= 0, 'INVALID_ARGUMENT', {
      params: { field: 'expectedVersion', rule: 'must be a non-negative integer' },
    });
    const current = this.#byId.get(customer.id);
    if (expected === 0) {
      assert(current === undefined, 'DUPLICATE_ID', { params: { entity: 'customer', id: customer.id }, details: { id: customer.id } });
    } else {
      assert(current !== undefined, 'NOT_FOUND', { params: { entity: 'customer', id: customer.id }, details: { id: customer.id } });
      assert(current.version === expected, 'CONCURRENCY_CONFLICT', {
        params: { entity: 'customer', id: customer.id, expected, actual: current.version },
        details: { id: customer.id, expectedVersion: expected, actualVersion: current.version },
      });
    }
    const stored = { ...cloneData(parsed.data), version: expected + 1 };
    this.#byId.set(stored.id, stored);
    const at = upperBound(this.#sorted, stored.id, byId);
    if (current) this.#sorted[at - 1] = stored;
    else this.#sorted.splice(at, 0, stored);
    return cloneData(stored);
  }

  async delete(id: string, options: SaveOptions = {}): Promise<void> {
    requireListOptions(options);
    const current = this.#byId.get(id);
    assert(current !== undefined, 'NOT_FOUND', { params: { entity: 'customer', id }, details: { id } });
    const expected = options.expectedVersion;
    assert(expected === undefined || current.version === expected, 'CONCURRENCY_CONFLICT', {
      params: { entity: 'customer', id, expected, actual: current.version },
      details: { id, expectedVersion: expected, actualVersion: current.version },
    });
    this.#byId.delete(id);
    this.#sorted.splice(upperBound(this.#sorted, id, byId) - 1, 1);
  }

  async list(options: ListOptions = {}): Promise<Page<Customer>> {
    return this.#page(options, () => true);
  }

  async *stream(options: StreamOptions = {}): AsyncIterable<Customer> {
    requireListOptions(options);
    const batchSize = pageLimit(Math.min(options.batchSize ?? 500, 1000));
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit: batchSize, ...(cursor !== undefined && { cursor }) });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async findByTag(tag: string, options: ListOptions = {}): Promise<Page<Customer>> {
    const t = normalizeTag(tag);
    return this.#page(options, (c) => c.tags.includes(t));
  }

  async findByOwner(ownerId: string, options: ListOptions = {}): Promise<Page<Customer>> {
    return this.#page(options, (c) => c.ownerId === ownerId);
  }

  async findByExternalId(system: string, externalId: string): Promise<Customer | undefined> {
    for (const c of this.#sorted) {
      if (Object.hasOwn(c.externalIds, system) && c.externalIds[system] === externalId) return cloneData(c);
    }
    return undefined;
  }

  async count(): Promise<number> {
    return this.#byId.size;
  }

  #page(options: ListOptions, keep: (c: Customer) => boolean): Page<Customer> {
    requireListOptions(options);
    const limit = pageLimit(options.limit);
    const after = options.cursor === undefined ? undefined : String(decodeCursor(options.cursor)[0]);
    const items: Customer[] = [];
    let i = after === undefined ? 0 : upperBound(this.#sorted, after, byId);
    for (; i < this.#sorted.length && items.length < limit; i++) {
      const c = this.#sorted[i] as Customer;
      if (keep(c)) items.push(cloneData(c));
    }
    let more = false;
    for (let j = i; j < this.#sorted.length && !more && items.length === limit; j++) more = keep(this.#sorted[j] as Customer);
    const last = items[items.length - 1];
    return more && last ? { items, nextCursor: encodeCursor([last.id]) } : { items };
  }
}
