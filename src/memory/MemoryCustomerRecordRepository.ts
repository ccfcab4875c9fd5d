import type { z } from 'zod';
import { assert } from '../core/errors/assert';
import { CrmError } from '../core/errors/CrmError';
import type { CustomerRecord, CustomerRecordRepository, RecordListOptions, RecordStreamOptions } from '../repository/CustomerRecordRepository';
import type { Page } from '../repository/pagination';
import { cloneData } from './clone';
import { decodeCursor, encodeCursor, pageLimit, upperBound } from './cursor';

type Key = readonly [number, string];
const keyOf = (r: CustomerRecord): Key => [r.occurredAt.getTime(), r.id];
const compareKey = (r: CustomerRecord, k: Key): number => {
  const t = r.occurredAt.getTime();
  return t !== k[0] ? t - k[0] : r.id < k[1] ? -1 : r.id > k[1] ? 1 : 0;
};

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
  readonly #byId = new Map<string, T>();
  readonly #byCustomer = new Map<string, T[]>();
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
      assert(!this.#byId.has(id) && !ids.has(id), 'DUPLICATE_ID', { params: { entity: this.entity, id }, details: { id } });
      ids.add(id);
      parsed.push(cloneData(result.data));
    }
    for (const r of parsed) this.#insert(r);
  }

  async get(id: string): Promise<T | undefined> {
    const r = this.#byId.get(id);
    return r && cloneData(r);
  }

  async listByCustomer(customerId: string, options: RecordListOptions = {}): Promise<Page<T>> {
    return pageOf(this.#byCustomer.get(customerId) ?? [], options);
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
    const ids = (this.#byCustomer.get(fromCustomerId) ?? []).map((r) => r.id);
    await this.reassign(ids, toCustomerId);
    return ids;
  }

  async reassign(ids: readonly string[], toCustomerId: string): Promise<void> {
    assert(typeof toCustomerId === 'string' && toCustomerId.length > 0, 'INVALID_ARGUMENT', {
      params: { field: 'toCustomerId', rule: 'must be a non-empty string' },
    });
    const missing = ids.find((id) => !this.#byId.has(id));
    assert(missing === undefined, 'NOT_FOUND', { params: { entity: this.entity, id: missing }, details: { id: missing } });
    for (const id of ids) {
      const old = this.#byId.get(id) as T;
      this.#remove(old);
      this.#insert({ ...old, customerId: toCustomerId });
    }
  }

  #insert(r: T): void {
    this.#byId.set(r.id, r);
    const list = this.#byCustomer.get(r.customerId) ?? [];
    list.splice(upperBound(list, keyOf(r), compareKey), 0, r);
    this.#byCustomer.set(r.customerId, list);
    this.#sorted.splice(upperBound(this.#sorted, keyOf(r), compareKey), 0, r);
  }

  #remove(r: T): void {
    this.#byId.delete(r.id);
    const list = this.#byCustomer.get(r.customerId) ?? [];
    list.splice(upperBound(list, keyOf(r), compareKey) - 1, 1);
    if (list.length === 0) this.#byCustomer.delete(r.customerId);
    this.#sorted.splice(upperBound(this.#sorted, keyOf(r), compareKey) - 1, 1);
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
