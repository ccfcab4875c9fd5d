import type { z } from 'zod';
import { assert, CrmError } from './errors';
import type { CustomerRecord, CustomerRecordRepository, RecordListOptions, RecordStreamOptions } from '../repository/CustomerRecordRepository';
import type { Page } from '../repository/pagination';
import { requireDenseArray } from '../core/guards';
import { cloneData } from './clone';
import { decodeCursor, encodeCursor, pageLimit, upperBound } from './cursor';
import { requireRecordListOptions } from './listOptions';
import { type RecordKey as Key, RecordIndex, compareRecordKey as compareKey, recordKey as keyOf } from './recordIndex';


/**
 * The in-memory {@link CustomerRecordRepository} for any time-stamped customer record (transactions,
 * interactions): validated with the record's zod schema, kept in time order, copied in and out.
 *
 * @typeParam T - the record type
 *
 * @example
 * ```ts
 * import { TransactionSchema } from 'crmkit/customer';
 * import { MemoryCustomerRecordRepository } from 'crmkit/memory';
 * const transactions = new MemoryCustomerRecordRepository('transaction', TransactionSchema);
 * ```
 */
export class MemoryCustomerRecordRepository<T extends CustomerRecord> implements CustomerRecordRepository<T> {
  readonly #index = new RecordIndex<T>();
  readonly #sorted: T[] = [];
  // Private fields: the schema is shared library state, so it must not be reachable from the instance.
  readonly #entity: string;
  readonly #schema: z.ZodType<T, unknown>;

  /**
   * @param entity - the record's name for error messages (`transaction`), a non-empty string
   * @param schema - the zod schema every appended record must pass
   * @throws {CrmError} `INVALID_ARGUMENT` when `entity` is not a non-empty string or `schema` has no `safeParse`
   */
  constructor(entity: string, schema: z.ZodType<T, unknown>) {
    assert(typeof entity === 'string' && entity.length > 0, 'INVALID_ARGUMENT', { params: { field: 'entity', rule: 'must be a non-empty string' } });
    assert(schema !== null && typeof schema === 'object' && typeof schema.safeParse === 'function', 'INVALID_ARGUMENT', {
      params: { field: 'schema', rule: 'must be a zod schema' },
    });
    this.#entity = entity;
    this.#schema = schema;
  }

  /**
   * Stores one record or a dense array of records, all or none.
   *
   * @throws {CrmError} `INVALID_ARGUMENT` for a sparse array; `VALIDATION_FAILED` for a record the
   *   schema refuses; `DUPLICATE_ID`
   */
  async append(records: T | readonly T[]): Promise<void> {
    const batch = (Array.isArray(records) ? requireDenseArray(records, 'records') : [records]) as readonly T[];
    const parsed: T[] = [];
    const ids = new Set<string>();
    for (const r of batch) {
      const result = this.#schema.safeParse(r);
      if (!result.success) {
        throw new CrmError('VALIDATION_FAILED', {
          params: { entity: this.#entity },
          details: { issues: result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
        });
      }
      const id = result.data.id;
      assert(!this.#index.byId.has(id) && !ids.has(id), 'DUPLICATE_ID', { params: { entity: this.#entity, id }, details: { id } });
      ids.add(id);
      parsed.push(cloneData(result.data));
    }
    for (const r of parsed) this.#insert(r);
  }

  async get(id: string): Promise<T | undefined> {
    const r = this.#index.byId.get(id);
    return r && cloneData(r);
  }

  async listByCustomer(customerId: string, options: RecordListOptions = {}): Promise<Page<T>> {
    return pageOf(this.#index.byCustomer.get(customerId) ?? [], options);
  }

  async *streamByTimeRange(options: RecordStreamOptions = {}): AsyncIterable<T> {
    requireRecordListOptions(options);
    const limit = pageLimit(Math.min(options.batchSize ?? 500, 1000));
    let cursor: string | undefined;
    do {
      const page = pageOf(this.#sorted, { ...options, limit, ...(cursor !== undefined && { cursor }) });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async reassignCustomer(fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    const ids = this.#index.idsOf(fromCustomerId);
    await this.reassign(ids, toCustomerId);
    return ids;
  }

  async reassign(ids: readonly string[], toCustomerId: string): Promise<void> {
    // The time order is unchanged by a move; only the stored object is replaced.
    this.#index.reassign(ids, toCustomerId, this.#entity, (_before, after) => {
      this.#sorted[upperBound(this.#sorted, keyOf(after), compareKey) - 1] = after;
    });
  }

  #insert(r: T): void {
    this.#index.insert(r);
    this.#sorted.splice(upperBound(this.#sorted, keyOf(r), compareKey), 0, r);
  }
}

function pageOf<T extends CustomerRecord>(sorted: readonly T[], listOptions: RecordListOptions): Page<T> {
  const { from, to, options } = requireRecordListOptions(listOptions);
  const limit = pageLimit(options.limit);
  let start: number;
  if (options.cursor !== undefined) {
    const [t, id] = decodeCursor(options.cursor);
    start = upperBound(sorted, [Number(t), String(id)] as Key, compareKey);
  } else {
    start = upperBound(sorted, [from, ''] as Key, (r, k) => (r.occurredAt.getTime() < k[0] ? -1 : 1));
  }
  const items: T[] = [];
  let i = start;
  for (; i < sorted.length && items.length < limit; i++) {
    const r = sorted[i] as T;
    const t = r.occurredAt.getTime();
    if (t >= to) break;
    if (t >= from) items.push(cloneData(r));
  }
  const next = sorted[i];
  const last = items[items.length - 1];
  return last && next && next.occurredAt.getTime() < to && items.length === limit ? { items, nextCursor: encodeCursor(keyOf(last)) } : { items };
}
