import { assert, CrmError } from './errors';
import { assertSpendable } from '../loyalty/ledger/assertSpendable';
import { LedgerEntrySchema, sameEntry, type LedgerEntry } from '../loyalty/ledger/entry';
import type { RecordListOptions } from '../repository/CustomerRecordRepository';
import type { LedgerAppendOptions, LedgerAppendResult, LoyaltyLedgerRepository } from '../repository/LoyaltyLedgerRepository';
import type { Page } from '../repository/pagination';
import { cloneData } from './clone';
import { decodeCursor, encodeCursor, pageLimit, upperBound } from './cursor';
import { requireListOptions, requireRecordListOptions } from './listOptions';
import { type RecordKey as Key, RecordIndex, compareRecordKey as compareKey, recordKey as keyOf } from './recordIndex';


/**
 * The in-memory {@link LoyaltyLedgerRepository}: entries validated with `LedgerEntrySchema`, kept in
 * time order per customer with a running posted balance, copied in and out. Each `append` runs
 * without yielding, so it is atomic with respect to other calls.
 *
 * @example
 * ```ts
 * import { MemoryLoyaltyLedgerRepository } from 'crmkit/memory';
 * const ledger = new MemoryLoyaltyLedgerRepository();
 * await ledger.append({ id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-01') });
 * await ledger.balanceOf('c-1');
 * //=> 100
 * (await ledger.append({ id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-01') })).repeated.length;
 * //=> 1
 * ```
 */
export class MemoryLoyaltyLedgerRepository implements LoyaltyLedgerRepository {
  readonly #index = new RecordIndex<LedgerEntry>();
  readonly #balances = new Map<string, number>();

  async append(entries: LedgerEntry | readonly LedgerEntry[], options: LedgerAppendOptions = {}): Promise<LedgerAppendResult> {
    requireListOptions(options);
    const batch = (Array.isArray(entries) ? entries : [entries]) as readonly LedgerEntry[];
    const fresh = new Map<string, LedgerEntry>();
    const repeated: LedgerEntry[] = [];
    for (const raw of batch) {
      const result = LedgerEntrySchema.safeParse(raw);
      if (!result.success) {
        throw new CrmError('VALIDATION_FAILED', {
          params: { entity: 'ledger entry' },
          details: { issues: result.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
        });
      }
      const e = result.data;
      const prior = this.#index.byId.get(e.id) ?? fresh.get(e.id);
      if (prior !== undefined) {
        assert(sameEntry(prior, e), 'IDEMPOTENCY_CONFLICT', { params: { key: e.id }, details: { key: e.id } });
        repeated.push(cloneData(prior));
        continue;
      }
      fresh.set(e.id, cloneData(e));
    }
    const delta = new Map<string, number>();
    for (const e of fresh.values()) delta.set(e.customerId, (delta.get(e.customerId) ?? 0) + e.points);
    if (options.expectedBalance !== undefined && delta.size > 0) {
      assert(delta.size === 1, 'INVALID_ARGUMENT', { params: { field: 'expectedBalance', rule: 'applies to entries of one customer' } });
      const [customerId] = delta.keys() as IterableIterator<string>;
      const actual = this.#balances.get(customerId as string) ?? 0;
      assert(actual === options.expectedBalance, 'BALANCE_MISMATCH', {
        params: { expected: options.expectedBalance, actual },
        details: { customerId, expected: options.expectedBalance, actual },
      });
    }
    for (const [customerId, d] of delta) {
      const current = this.#balances.get(customerId) ?? 0;
      assert(current + d >= 0, 'INSUFFICIENT_POINTS', { params: { requested: -d, available: current }, details: { customerId } });
      assertSpendable(this.#index.byCustomer.get(customerId) ?? [], [...fresh.values()].filter((e) => e.customerId === customerId), { customerId });
    }
    for (const e of fresh.values()) this.#index.insert(e);
    for (const [customerId, d] of delta) this.#balances.set(customerId, (this.#balances.get(customerId) ?? 0) + d);
    return { appended: [...fresh.values()].map(cloneData), repeated };
  }

  async get(id: string): Promise<LedgerEntry | undefined> {
    const e = this.#index.byId.get(id);
    return e && cloneData(e);
  }

  async listByCustomer(customerId: string, options: RecordListOptions = {}): Promise<Page<LedgerEntry>> {
    const { from, to } = requireRecordListOptions(options);
    const sorted = this.#index.byCustomer.get(customerId) ?? [];
    const limit = pageLimit(options.limit);
    let i: number;
    if (options.cursor !== undefined) {
      const [t, id] = decodeCursor(options.cursor);
      assert(typeof t === 'number' && typeof id === 'string', 'INVALID_ARGUMENT', { params: { field: 'cursor', rule: 'not a cursor this repository issued' } });
      i = upperBound(sorted, [t, id] as Key, compareKey);
    } else i = upperBound(sorted, [from, ''] as Key, (e, k) => (e.occurredAt.getTime() < k[0] ? -1 : 1));
    const items: LedgerEntry[] = [];
    for (; i < sorted.length && items.length < limit; i++) {
      const e = sorted[i] as LedgerEntry;
      const t = e.occurredAt.getTime();
      if (t >= to) break;
      if (t >= from) items.push(cloneData(e));
    }
    const next = sorted[i];
    const last = items[items.length - 1];
    return last && next && next.occurredAt.getTime() < to ? { items, nextCursor: encodeCursor(keyOf(last)) } : { items };
  }

  async entriesOf(customerId: string): Promise<LedgerEntry[]> {
    return (this.#index.byCustomer.get(customerId) ?? []).map(cloneData);
  }

  async balanceOf(customerId: string): Promise<number> {
    return this.#balances.get(customerId) ?? 0;
  }

  async reassignCustomer(fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    const ids = this.#index.idsOf(fromCustomerId);
    await this.reassign(ids, toCustomerId);
    return ids;
  }

  async reassign(ids: readonly string[], toCustomerId: string): Promise<void> {
    this.#index.reassign(ids, toCustomerId, 'ledger entry', (before, after) => {
      this.#balances.set(before.customerId, (this.#balances.get(before.customerId) ?? 0) - before.points);
      this.#balances.set(after.customerId, (this.#balances.get(after.customerId) ?? 0) + after.points);
    });
  }
}
