import { describe, expect, it } from 'vitest';
import type { Customer } from '../customer/customer';
import type { CustomerRepository } from '../repository/CustomerRepository';
import { expectCrmError } from './expectCrmError';
import { sampleCustomer } from './fixtures';

/**
 * Makes a fresh, empty repository for each test.
 *
 * @typeParam R - the repository type
 *
 * @example
 * ```ts
 * import { MemoryCustomerRepository } from 'crmkit/memory';
 * const make: RepositoryFactory<MemoryCustomerRepository> = () => new MemoryCustomerRepository();
 * ```
 */
export type RepositoryFactory<R> = () => R | Promise<R>;

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of iterable) out.push(x);
  return out;
}

async function seed(repo: CustomerRepository, count: number): Promise<Customer[]> {
  const saved: Customer[] = [];
  for (let n = 1; n <= count; n++) saved.push(await repo.save(sampleCustomer(n), { expectedVersion: 0 }));
  return saved;
}

/**
 * The contract every {@link CustomerRepository} must meet, as a vitest suite. Call it from your
 * own test file with a factory that returns a fresh, empty repository (for a database: a clean
 * schema or a transaction rolled back after each test).
 *
 * Covers round trips (Money and Date intact), copies (mutating a returned object never changes
 * stored state), inserts and duplicate ids, optimistic concurrency (stale versions and concurrent
 * conflicting saves: exactly one wins), not-found, deletes, `getMany` order, cursor pagination with
 * no row lost or repeated while rows are added, find by tag/owner/external id, streaming and count.
 *
 * @param makeRepo - returns a fresh, empty repository
 *
 * @example
 * ```ts
 * // test/customers.contract.test.ts in your project
 * import { customerRepositoryContract } from 'crmkit/testing';
 * import { MemoryCustomerRepository } from 'crmkit/memory';
 * customerRepositoryContract(() => new MemoryCustomerRepository());
 * ```
 */
export function customerRepositoryContract(makeRepo: RepositoryFactory<CustomerRepository>): void {
  describe('CustomerRepository contract', () => {
    it('round-trips a customer with its dates, tags, attributes and organisation intact', async () => {
      const repo = await makeRepo();
      const c = sampleCustomer(5);
      const saved = await repo.save(c, { expectedVersion: 0 });
      expect(saved).toEqual(c);
      expect(await repo.get(c.id)).toEqual(c);
      expect((await repo.get(c.id))?.createdAt).toBeInstanceOf(Date);
    });

    it('returns copies: mutating a returned customer never changes what is stored', async () => {
      const repo = await makeRepo();
      const c = sampleCustomer(2);
      await repo.save(c, { expectedVersion: 0 });
      const got = (await repo.get(c.id)) as Customer;
      got.tags.push('hacked');
      (got as { displayName: string }).displayName = 'changed';
      c.tags.push('also-hacked');
      expect(await repo.get(c.id)).toEqual(sampleCustomer(2));
    });

    it('refuses to insert an existing id (DUPLICATE_ID) and leaves the stored row alone', async () => {
      const repo = await makeRepo();
      await repo.save(sampleCustomer(1), { expectedVersion: 0 });
      await expectCrmError(repo.save({ ...sampleCustomer(1), displayName: 'Other' }, { expectedVersion: 0 }), 'DUPLICATE_ID');
      expect((await repo.get(sampleCustomer(1).id))?.displayName).toBe(sampleCustomer(1).displayName);
    });

    it('updates with the right expected version and stores version + 1', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleCustomer(1), { expectedVersion: 0 });
      const v2 = await repo.save({ ...v1, displayName: 'Renamed' }, { expectedVersion: 1 });
      expect(v2.version).toBe(2);
      expect(await repo.get(v1.id)).toEqual(v2);
    });

    it('rejects a stale version with CONCURRENCY_CONFLICT and keeps the newer data', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleCustomer(1), { expectedVersion: 0 });
      await repo.save({ ...v1, displayName: 'First writer' }, { expectedVersion: 1 });
      await expectCrmError(repo.save({ ...v1, displayName: 'Second writer' }, { expectedVersion: 1 }), 'CONCURRENCY_CONFLICT');
      expect((await repo.get(v1.id))?.displayName).toBe('First writer');
    });

    it('lets exactly one of several concurrent conflicting saves win', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleCustomer(1), { expectedVersion: 0 });
      const writers = Array.from({ length: 5 }, (_, i) => repo.save({ ...v1, displayName: `Writer ${i}` }, { expectedVersion: 1 }));
      const results = await Promise.allSettled(writers);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('CONCURRENCY_CONFLICT');
      }
      const stored = await repo.get(v1.id);
      expect(stored?.version).toBe(2);
      expect(stored?.displayName).toBe((won[0] as PromiseFulfilledResult<Customer>).value.displayName);
    });

    it('rejects updating a customer that does not exist with NOT_FOUND', async () => {
      const repo = await makeRepo();
      await expectCrmError(repo.save({ ...sampleCustomer(9), version: 4 }, { expectedVersion: 3 }), 'NOT_FOUND');
      expect(await repo.get(sampleCustomer(9).id)).toBeUndefined();
    });

    it('answers undefined for a missing id and getMany skips missing ids, keeping the order asked', async () => {
      const repo = await makeRepo();
      await seed(repo, 3);
      expect(await repo.get('no-such-id')).toBeUndefined();
      const many = await repo.getMany(['cust-00003', 'missing', 'cust-00001']);
      expect(many.map((c) => c.id)).toEqual(['cust-00003', 'cust-00001']);
    });

    it('deletes, reports NOT_FOUND for a missing id, and checks expectedVersion when given', async () => {
      const repo = await makeRepo();
      await seed(repo, 2);
      await expectCrmError(repo.delete('cust-00001', { expectedVersion: 7 }), 'CONCURRENCY_CONFLICT');
      await repo.delete('cust-00001', { expectedVersion: 1 });
      expect(await repo.get('cust-00001')).toBeUndefined();
      await expectCrmError(repo.delete('cust-00001'), 'NOT_FOUND');
      expect(await repo.count()).toBe(1);
    });

    it('pages through every customer exactly once', async () => {
      const repo = await makeRepo();
      const saved = await seed(repo, 137);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.list({ limit: 20, ...(cursor !== undefined && { cursor }) });
        expect(page.items.length).toBeLessThanOrEqual(20);
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen.sort()).toEqual(saved.map((c) => c.id).sort());
    });

    it('loses and repeats no row that existed when paging began, while rows are added between pages', async () => {
      const repo = await makeRepo();
      const before = await seed(repo, 60);
      const seen: string[] = [];
      let cursor: string | undefined;
      let added = 1000;
      do {
        const page = await repo.list({ limit: 7, ...(cursor !== undefined && { cursor }) });
        seen.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
        // Insert rows that sort before, between and after the current position.
        for (const n of [added++, added++]) await repo.save({ ...sampleCustomer(n), id: n % 2 ? `a-${n}` : `zz-${n}` }, { expectedVersion: 0 });
      } while (cursor !== undefined);
      expect(new Set(seen).size).toBe(seen.length);
      for (const c of before) expect(seen).toContain(c.id);
    });

    it('finds by tag, owner and external id', async () => {
      const repo = await makeRepo();
      await seed(repo, 12);
      const vip = await repo.findByTag('VIP');
      expect(vip.items.map((c) => c.id)).toEqual(['cust-00002', 'cust-00004', 'cust-00006', 'cust-00008', 'cust-00010', 'cust-00012']);
      const owned = await repo.findByOwner('owner-1', { limit: 2 });
      expect(owned.items.map((c) => c.id)).toEqual(['cust-00001', 'cust-00004']);
      expect(owned.nextCursor).toBeDefined();
      expect((await repo.findByExternalId('erp', 'E7'))?.id).toBe('cust-00007');
      expect(await repo.findByExternalId('erp', 'E999')).toBeUndefined();
    });

    it('streams every customer exactly once and counts them', async () => {
      const repo = await makeRepo();
      await seed(repo, 45);
      const streamed = await collect(repo.stream({ batchSize: 8 }));
      expect(streamed.map((c) => c.id)).toEqual(Array.from({ length: 45 }, (_, i) => sampleCustomer(i + 1).id));
      expect(await repo.count()).toBe(45);
    });

    it('without expectedVersion, save expects customer.version − 1: it never overwrites a newer version', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleCustomer(3));
      expect(v1.version).toBe(1);
      const v2 = await repo.save({ ...v1, version: 2, displayName: 'second' });
      expect(v2.version).toBe(2);
      // A writer still holding v1 saves its own v2: the stored v2 must not be overwritten.
      await expectCrmError(repo.save({ ...v1, version: 2, displayName: 'stale' }), 'CONCURRENCY_CONFLICT');
      expect((await repo.get(v1.id))?.displayName).toBe('second');
      await expectCrmError(repo.save({ ...sampleCustomer(4), version: 3 }), 'NOT_FOUND');
      await expectCrmError(repo.save(sampleCustomer(3)), 'DUPLICATE_ID');
    });

    it('an update moves the tag, owner and external-id index entries: old values find nothing', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save({ ...sampleCustomer(7), tags: ['alpha'], ownerId: 'owner-a', externalIds: { erp: 'E-old' } }, { expectedVersion: 0 });
      await repo.save({ ...v1, version: 2, tags: ['beta'], ownerId: 'owner-b', externalIds: { erp: 'E-new' } }, { expectedVersion: 1 });
      expect((await repo.findByTag('alpha')).items).toEqual([]);
      expect((await repo.findByOwner('owner-a')).items).toEqual([]);
      expect(await repo.findByExternalId('erp', 'E-old')).toBeUndefined();
      expect((await repo.findByTag('beta')).items.map((c) => c.id)).toEqual([v1.id]);
      expect((await repo.findByOwner('owner-b')).items.map((c) => c.id)).toEqual([v1.id]);
      expect((await repo.findByExternalId('erp', 'E-new'))?.id).toBe(v1.id);
    });

    it('a delete removes the customer from every finder', async () => {
      const repo = await makeRepo();
      const c = await repo.save({ ...sampleCustomer(8), tags: ['gone'], ownerId: 'owner-gone', externalIds: { erp: 'E-gone' } }, { expectedVersion: 0 });
      await repo.delete(c.id);
      expect((await repo.findByTag('gone')).items).toEqual([]);
      expect((await repo.findByOwner('owner-gone')).items).toEqual([]);
      expect(await repo.findByExternalId('erp', 'E-gone')).toBeUndefined();
      expect(await repo.count()).toBe(0);
      expect((await repo.list()).items).toEqual([]);
    });

    it('an external id belongs to its system: the same id in another system finds nothing', async () => {
      const repo = await makeRepo();
      const c = await repo.save({ ...sampleCustomer(9), externalIds: { crm: '42' } }, { expectedVersion: 0 });
      expect((await repo.findByExternalId('crm', '42'))?.id).toBe(c.id);
      expect(await repo.findByExternalId('erp', '42')).toBeUndefined();
      expect(await repo.findByExternalId('CRM', '42')).toBeUndefined();
    });

    it('ids, tags and external ids are compared exactly: values differing only in case are distinct', async () => {
      const repo = await makeRepo();
      const upper = await repo.save({ ...sampleCustomer(10), id: 'CUST-A', externalIds: { erp: 'X1' } }, { expectedVersion: 0 });
      const lower = await repo.save({ ...sampleCustomer(11), id: 'cust-a', externalIds: { erp: 'x1' } }, { expectedVersion: 0 });
      expect(await repo.count()).toBe(2);
      expect((await repo.get('CUST-A'))?.displayName).toBe(upper.displayName);
      expect((await repo.get('cust-a'))?.displayName).toBe(lower.displayName);
      expect((await repo.findByExternalId('erp', 'X1'))?.id).toBe('CUST-A');
      expect((await repo.findByExternalId('erp', 'x1'))?.id).toBe('cust-a');
    });

    it('keyset cursors: rows inserted before the cursor between pages do not shift the next page', async () => {
      const repo = await makeRepo();
      for (const n of [2, 4, 6, 8, 10]) await repo.save(sampleCustomer(n), { expectedVersion: 0 });
      const first = await repo.list({ limit: 2 });
      expect(first.items.map((c) => c.id)).toEqual([sampleCustomer(2).id, sampleCustomer(4).id]);
      // Two rows that sort before the cursor arrive between the pages (an offset cursor would now repeat cust-00004).
      await repo.save(sampleCustomer(1), { expectedVersion: 0 });
      await repo.save(sampleCustomer(3), { expectedVersion: 0 });
      const second = await repo.list({ limit: 2, cursor: first.nextCursor });
      expect(second.items.map((c) => c.id)).toEqual([sampleCustomer(6).id, sampleCustomer(8).id]);
    });

    it('rejects an invalid customer with VALIDATION_FAILED and stores nothing', async () => {
      const repo = await makeRepo();
      await expectCrmError(repo.save({ ...sampleCustomer(1), displayName: '' }, { expectedVersion: 0 }), 'VALIDATION_FAILED');
      expect(await repo.count()).toBe(0);
    });
  });
}
