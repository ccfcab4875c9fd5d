import type { z } from 'zod';
import { assert, CrmError } from './errors';
import type { SaveOptions } from '../repository/CustomerRepository';
import type { ListOptions, Page, StreamOptions } from '../repository/pagination';
import { requireIterable } from '../core/guards';
import { cloneData } from './clone';
import { decodeCursor, encodeCursor, pageLimit, upperBound } from './cursor';
import { requireListOptions } from './listOptions';

interface Versioned {
  readonly id: string;
  readonly version: number;
}

const byId = (e: Versioned, id: string): number => (e.id < id ? -1 : e.id > id ? 1 : 0);

/**
 * The in-memory core of a repository of versioned entities: validated with the entity's zod
 * schema, optimistic saves (`expectedVersion`, default `version - 1`), kept sorted by id for keyset
 * pagination, copied on the way in and out.
 */
export class VersionedStore<T extends Versioned> {
  readonly #byId = new Map<string, T>();
  #sorted: T[] = [];

  constructor(
    private readonly entity: string,
    private readonly schema: z.ZodType<T, unknown>,
  ) {}

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): T | undefined {
    const e = this.#byId.get(id);
    return e && cloneData(e);
  }

  getMany(ids: readonly string[]): T[] {
    const out: T[] = [];
    for (const id of requireIterable<string>(ids, 'ids')) {
      const e = this.#byId.get(id);
      if (e) out.push(cloneData(e));
    }
    return out;
  }

  save(entity: T, options: SaveOptions = {}): T {
    requireListOptions(options);
    const parsed = this.schema.safeParse(entity);
    if (!parsed.success) {
      throw new CrmError('VALIDATION_FAILED', {
        params: { entity: this.entity },
        details: { issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
      });
    }
    const expected = options.expectedVersion ?? entity.version - 1;
    assert(Number.isInteger(expected) && expected >= 0, 'INVALID_ARGUMENT', { params: { field: 'expectedVersion', rule: 'must be a non-negative integer' } });
    const id = parsed.data.id;
    const current = this.#byId.get(id);
    if (expected === 0) {
      assert(current === undefined, 'DUPLICATE_ID', { params: { entity: this.entity, id }, details: { id } });
    } else {
      assert(current !== undefined, 'NOT_FOUND', { params: { entity: this.entity, id }, details: { id } });
      assert(current.version === expected, 'CONCURRENCY_CONFLICT', {
        params: { entity: this.entity, id, expected, actual: current.version },
        details: { id, expectedVersion: expected, actualVersion: current.version },
      });
    }
    const stored = { ...cloneData(parsed.data), version: expected + 1 };
    this.#byId.set(id, stored);
    const at = upperBound(this.#sorted, id, byId);
    if (current) this.#sorted[at - 1] = stored;
    else this.#sorted.splice(at, 0, stored);
    return cloneData(stored);
  }

  delete(id: string, options: SaveOptions = {}): void {
    requireListOptions(options);
    const current = this.#byId.get(id);
    assert(current !== undefined, 'NOT_FOUND', { params: { entity: this.entity, id }, details: { id } });
    const expected = options.expectedVersion;
    assert(expected === undefined || current.version === expected, 'CONCURRENCY_CONFLICT', {
      params: { entity: this.entity, id, expected, actual: current.version },
      details: { id, expectedVersion: expected, actualVersion: current.version },
    });
    this.#byId.delete(id);
    this.#sorted.splice(upperBound(this.#sorted, id, byId) - 1, 1);
  }

  /** A page of the entities `keep` accepts, in id order, after the cursor. */
  page(options: ListOptions, keep: (e: T) => boolean): Page<T> {
    requireListOptions(options);
    const limit = pageLimit(options.limit);
    const after = options.cursor === undefined ? undefined : String(decodeCursor(options.cursor)[0]);
    const items: T[] = [];
    let i = after === undefined ? 0 : upperBound(this.#sorted, after, byId);
    for (; i < this.#sorted.length && items.length < limit; i++) {
      const e = this.#sorted[i] as T;
      if (keep(e)) items.push(cloneData(e));
    }
    let more = false;
    for (let j = i; j < this.#sorted.length && !more && items.length === limit; j++) more = keep(this.#sorted[j] as T);
    const last = items[items.length - 1];
    return more && last ? { items, nextCursor: encodeCursor([last.id]) } : { items };
  }

  /** Every entity in id order, fetched a page at a time. */
  async *stream(options: StreamOptions = {}): AsyncIterable<T> {
    requireListOptions(options);
    const batchSize = pageLimit(Math.min(options.batchSize ?? 500, 1000));
    let cursor: string | undefined;
    do {
      const page = this.page({ limit: batchSize, ...(cursor !== undefined && { cursor }) }, () => true);
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
}
