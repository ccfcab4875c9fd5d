import { assert } from './errors';
import { requireDenseArray } from '../core/guards';
import type { CustomerRecord } from '../repository/CustomerRecordRepository';
import { upperBound } from './cursor';

/** A record's place in time order: when it happened, then its id. */
export type RecordKey = readonly [number, string];

export const recordKey = (r: CustomerRecord): RecordKey => [r.occurredAt.getTime(), r.id];

export const compareRecordKey = (r: CustomerRecord, k: RecordKey): number => {
  const t = r.occurredAt.getTime();
  return t !== k[0] ? t - k[0] : r.id < k[1] ? -1 : r.id > k[1] ? 1 : 0;
};

/**
 * The in-memory index shared by the record repositories: records by id, and each customer's records
 * in time order. It stores what it is given; copying in and out is the repositories' job.
 *
 * @internal
 */
export class RecordIndex<T extends CustomerRecord> {
  readonly byId = new Map<string, T>();
  readonly byCustomer = new Map<string, T[]>();

  insert(r: T): void {
    this.byId.set(r.id, r);
    const list = this.byCustomer.get(r.customerId) ?? [];
    list.splice(upperBound(list, recordKey(r), compareRecordKey), 0, r);
    this.byCustomer.set(r.customerId, list);
  }

  remove(r: T): void {
    this.byId.delete(r.id);
    const list = this.byCustomer.get(r.customerId) ?? [];
    list.splice(upperBound(list, recordKey(r), compareRecordKey) - 1, 1);
    if (list.length === 0) this.byCustomer.delete(r.customerId);
  }

  idsOf(customerId: string): string[] {
    return (this.byCustomer.get(customerId) ?? []).map((r) => r.id);
  }

  /**
   * Moves records to another customer, all or none: every id is checked before anything moves.
   * `onMove` sees each record before and after (records already on `toCustomerId` are skipped).
   */
  reassign(ids: readonly string[], toCustomerId: string, entity: string, onMove?: (before: T, after: T) => void): void {
    assert(typeof toCustomerId === 'string' && toCustomerId.length > 0, 'INVALID_ARGUMENT', {
      params: { field: 'toCustomerId', rule: 'must be a non-empty string' },
    });
    requireDenseArray(ids, 'ids');
    const missing = ids.find((id) => !this.byId.has(id));
    assert(missing === undefined, 'NOT_FOUND', { params: { entity, id: missing }, details: { id: missing } });
    for (const id of ids) {
      const before = this.byId.get(id) as T;
      if (before.customerId === toCustomerId) continue;
      const after = { ...before, customerId: toCustomerId };
      this.remove(before);
      this.insert(after);
      onMove?.(before, after);
    }
  }
}
