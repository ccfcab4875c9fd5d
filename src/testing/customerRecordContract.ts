import { describe, expect, it } from 'vitest';
import { Money } from '../core/money/Money';
import type { Interaction } from '../customer/interaction';
import type { Transaction } from '../customer/transaction';
import type { CustomerRecord, CustomerRecordRepository, InteractionRepository, TransactionRepository } from '../repository/CustomerRecordRepository';
import type { RepositoryFactory } from './customerContract';
import { byValue } from './byValue';
import { expectCrmError } from './expectCrmError';
import { sampleInteraction, sampleTransaction } from './fixtures';

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

const timeOrder = (a: CustomerRecord, b: CustomerRecord) =>
  a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The shared contract of transaction and interaction repositories. */
function customerRecordContract<T extends CustomerRecord>(
  name: string,
  makeRepo: RepositoryFactory<CustomerRecordRepository<T>>,
  sample: (n: number, customerId: string) => T,
  corrupt: (record: T) => T,
  variants: (customerId: string) => T[] = () => [],
): void {
  describe(`${name} contract`, () => {
    it('round-trips records and returns copies', async () => {
      const repo = await makeRepo();
      const r = sample(1, 'c-1');
      await repo.append(r);
      expect(await repo.get(r.id)).toEqual(r);
      const got = (await repo.get(r.id)) as T;
      (got as { customerId: string }).customerId = 'changed';
      expect(await repo.get(r.id)).toEqual(r);
      expect(await repo.get('missing')).toBeUndefined();
    });

    it('appends a batch atomically: a duplicate id anywhere stores nothing (DUPLICATE_ID)', async () => {
      const repo = await makeRepo();
      await repo.append(sample(1, 'c-1'));
      await expectCrmError(repo.append([sample(2, 'c-1'), sample(1, 'c-1')]), 'DUPLICATE_ID');
      await expectCrmError(repo.append([sample(3, 'c-1'), sample(3, 'c-1')]), 'DUPLICATE_ID');
      expect(await repo.get(sample(2, 'c-1').id)).toBeUndefined();
      expect(await repo.get(sample(3, 'c-1').id)).toBeUndefined();
    });

    it('rejects an invalid record with VALIDATION_FAILED', async () => {
      const repo = await makeRepo();
      await expectCrmError(repo.append(corrupt(sample(1, 'c-1'))), 'VALIDATION_FAILED');
      expect(await repo.get(sample(1, 'c-1').id)).toBeUndefined();
    });

    it("lists one customer's records in time order, in pages, within [from, to)", async () => {
      const repo = await makeRepo();
      const mine = Array.from({ length: 30 }, (_, i) => sample(i, 'c-1'));
      await repo.append([...mine, ...Array.from({ length: 10 }, (_, i) => sample(100 + i, 'c-2'))]);
      const seen: T[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.listByCustomer('c-1', { limit: 7, ...(cursor !== undefined && { cursor }) });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen).toEqual([...mine].sort(timeOrder));
      const from = new Date(Date.UTC(2026, 0, 1, 5));
      const to = new Date(Date.UTC(2026, 0, 1, 12));
      const ranged = await repo.listByCustomer('c-1', { from, to, limit: 1000 });
      expect(ranged.items).toEqual(mine.filter((r) => r.occurredAt >= from && r.occurredAt < to).sort(timeOrder));
      expect((await repo.listByCustomer('nobody')).items).toEqual([]);
    });

    it('streams every record in [from, to) in time order, exactly once', async () => {
      const repo = await makeRepo();
      const all = Array.from({ length: 120 }, (_, i) => sample(i, `c-${i % 4}`));
      await repo.append(all);
      expect(await collect(repo.streamByTimeRange({ batchSize: 16 }))).toEqual([...all].sort(timeOrder));
      const from = new Date(Date.UTC(2026, 0, 2));
      const streamed = await collect(repo.streamByTimeRange({ from, batchSize: 5 }));
      expect(streamed).toEqual(all.filter((r) => r.occurredAt >= from).sort(timeOrder));
    });

    it('round-trips every value, not only the shape: Money amounts and dates compared by value', async () => {
      const repo = await makeRepo();
      const records = [sample(1, 'c-1'), sample(58, 'c-1'), sample(123, 'c-2'), ...variants('c-1')];
      await repo.append(records);
      // JSON compares Money by amount and currency (toEqual cannot see Money's private fields) and dates by instant.
      for (const r of records) expect(byValue(await repo.get(r.id))).toEqual(byValue(r));
      const listed = await repo.listByCustomer('c-1', { limit: 10 });
      expect(byValue(listed.items)).toEqual(byValue(records.filter((r) => r.customerId === 'c-1').sort(timeOrder)));
    });

    it('of concurrent appends of the same id exactly one succeeds; the other gets DUPLICATE_ID', async () => {
      const repo = await makeRepo();
      const r = sample(5, 'c-1');
      const results = await Promise.allSettled([repo.append(r), repo.append({ ...r }), repo.append([{ ...r }])]);
      expect(results.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      for (const x of results) if (x.status === 'rejected') expect((x.reason as { code?: string }).code).toBe('DUPLICATE_ID');
      expect((await repo.listByCustomer('c-1')).items).toHaveLength(1);
    });

    it('ids are compared exactly: ids differing only in case are distinct records', async () => {
      const repo = await makeRepo();
      const a = { ...sample(6, 'c-1'), id: 'REC-A' };
      const b = { ...sample(7, 'c-1'), id: 'rec-a' };
      await repo.append([a, b]);
      expect((await repo.get('REC-A'))?.occurredAt).toEqual(a.occurredAt);
      expect((await repo.get('rec-a'))?.occurredAt).toEqual(b.occurredAt);
    });

    it('streams honour `to` as well as `from`: [from, to) and nothing after', async () => {
      const repo = await makeRepo();
      const all = Array.from({ length: 60 }, (_, i) => sample(i, `c-${i % 3}`));
      await repo.append(all);
      const from = new Date(Date.UTC(2026, 0, 1, 10));
      const to = new Date(Date.UTC(2026, 0, 2, 4));
      expect(await collect(repo.streamByTimeRange({ from, to, batchSize: 4 }))).toEqual(all.filter((r) => r.occurredAt >= from && r.occurredAt < to).sort(timeOrder));
      expect(await collect(repo.streamByTimeRange({ to, batchSize: 7 }))).toEqual(all.filter((r) => r.occurredAt < to).sort(timeOrder));
    });

    it('pages records that share one timestamp without losing or repeating any (the cursor breaks ties by id)', async () => {
      const repo = await makeRepo();
      const at = new Date(Date.UTC(2026, 0, 3, 9));
      const same = Array.from({ length: 11 }, (_, i) => ({ ...sample(200 + i, 'c-9'), occurredAt: at }));
      await repo.append(same);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.listByCustomer('c-9', { limit: 3, ...(cursor !== undefined && { cursor }) });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen).toEqual(same.map((r) => r.id).sort());
    });

    it('re-points records between customers and back, losing and copying nothing', async () => {
      const repo = await makeRepo();
      await repo.append([sample(1, 'a'), sample(2, 'a'), sample(3, 'b')]);
      const moved = await repo.reassignCustomer('a', 'b');
      expect(moved.sort()).toEqual([sample(1, 'a').id, sample(2, 'a').id].sort());
      expect((await repo.listByCustomer('a')).items).toEqual([]);
      expect((await repo.listByCustomer('b')).items).toHaveLength(3);
      // Every read path sees the move: by id and the time-ordered stream, not only the per-customer list.
      expect((await repo.get(sample(1, 'a').id))?.customerId).toBe('b');
      const streamed: string[] = [];
      for await (const r of repo.streamByTimeRange()) streamed.push(r.customerId);
      expect(streamed).toEqual(['b', 'b', 'b']);
      await repo.reassign(moved, 'a');
      expect((await repo.listByCustomer('a')).items.map((r) => r.id).sort()).toEqual(moved.sort());
      expect((await repo.listByCustomer('b')).items).toHaveLength(1);
      expect(await repo.reassignCustomer('nobody', 'b')).toEqual([]);
    });

    it('reassign with an unknown id moves nothing (NOT_FOUND)', async () => {
      const repo = await makeRepo();
      await repo.append([sample(1, 'a')]);
      await expectCrmError(repo.reassign([sample(1, 'a').id, 'missing'], 'b'), 'NOT_FOUND');
      expect((await repo.get(sample(1, 'a').id))?.customerId).toBe('a');
    });
  });
}

/**
 * The contract every {@link TransactionRepository} must meet, as a vitest suite: round trips
 * (Money intact), copies, atomic batch appends with duplicate ids refused, validation, per-customer
 * pages in time order within `[from, to)`, streaming by time range, and re-pointing for merges.
 *
 * @param makeRepo - returns a fresh, empty repository
 *
 * @example
 * ```ts
 * import { transactionRepositoryContract } from 'crmkit/testing';
 * import { createMemoryRepositories } from 'crmkit/memory';
 * transactionRepositoryContract(() => createMemoryRepositories().transactions);
 * ```
 */
export function transactionRepositoryContract(makeRepo: RepositoryFactory<TransactionRepository>): void {
  customerRecordContract<Transaction>('TransactionRepository', makeRepo, sampleTransaction, (t) => ({ ...t, type: 'gift' as Transaction['type'] }), (customerId) => [
    { ...sampleTransaction(900, customerId), amount: Money.of('7.25', 'USD') },
    { ...sampleTransaction(901, customerId), type: 'refund', amount: Money.of('1234.5', 'JPY') },
  ]);
}

/**
 * The contract every {@link InteractionRepository} must meet, as a vitest suite (the same checks as
 * {@link transactionRepositoryContract}, for interactions).
 *
 * @param makeRepo - returns a fresh, empty repository
 *
 * @example
 * ```ts
 * import { interactionRepositoryContract } from 'crmkit/testing';
 * import { createMemoryRepositories } from 'crmkit/memory';
 * interactionRepositoryContract(() => createMemoryRepositories().interactions);
 * ```
 */
export function interactionRepositoryContract(makeRepo: RepositoryFactory<InteractionRepository>): void {
  customerRecordContract<Interaction>('InteractionRepository', makeRepo, sampleInteraction, (i) => ({ ...i, channel: 'pigeon' as Interaction['channel'] }));
}
