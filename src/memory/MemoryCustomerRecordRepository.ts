import type { z } from 'zod';
import { assert, CrmError } from './errors';
import type { CustomerRecord, CustomerRecordRepository, RecordListOptions, RecordStreamOptions } from '../repository/CustomerRecordRepository';
import type { Page } from '../repository/pagination';
import { cloneData } from './clone';
import { decodeCursor, encodeCursor, pageLimit, upperBound } from './cursor';
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

  /**
   * @param entity - the record's name for error messages (`transaction`)
   * @param schema - the zod schema every appended record must pass
   */
  constructor(
    private readonly entity: string,
    private readonly schema: z.ZodType<T, unknown>,
  ) {}

  async append(records: T | readonly T[]): Promise<void> {
    const batch = (Array.isArray(records) ? records : [records]) as readonly T[];
    const parsed: T[] = [];
    const ids = new Set<string>();
    for (const r of batch) {
      const result = this.schema.safeParse(r);
      if (!result.success) {
        throw new CrmError('VALIDATION_FAILED', {
          params: { entity: this.entity },
          details: { issues: result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
        });
      }
      const id = result.data.id;
      assert(!this.#index.byId.has(id) && !ids.has(id), 'DUPLICATE_ID', { params: { entity: this.entity, id }, details: { id } });
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
    const limit = Math.min(options.batchSize ?? 500, 1000);
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
    this.#index.reassign(ids, toCustomerId, this.entity, (_before, after) => {
      this.#sorted[upperBound(this.#sorted, keyOf(after), compareKey) - 1] = after;
    });
  }

  #insert(r: T): void {
    this.#index.insert(r);
    this.#sorted.splice(upperBound(this.#sorted, keyOf(r), compareKey), 0, r);
  }
}

function pageOf<T extends CustomerRecord>(sorted: readonly T[], options: RecordListOptions): Page<T> {
  const limit = pageLimit(options.limit);
  const from = options.from?.getTime() ?? -Infinity;
  const to = options.to?.getTime() ?? Infinity;
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
