import { describe, expect, it } from 'vitest';
import { Money } from '../core/money/Money';
import type { Opportunity } from '../pipeline/opportunity';
import type { OpportunityRepository } from '../repository/OpportunityRepository';
import type { Page } from '../repository/pagination';
import { byValue } from './byValue';
import type { RepositoryFactory } from './customerContract';
import { expectCrmError } from './expectCrmError';
import { sampleOpportunity } from './sampleOpportunity';

async function seed(repo: OpportunityRepository, count: number): Promise<Opportunity[]> {
  const saved: Opportunity[] = [];
  for (let n = 1; n <= count; n++) saved.push(await repo.save(sampleOpportunity(n), { expectedVersion: 0 }));
  return saved;
}

async function allPages(fetch: (cursor: string | undefined) => Promise<Page<Opportunity>>, between: () => Promise<void> = async () => {}): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetch(cursor);
    seen.push(...page.items.map((o) => o.id));
    cursor = page.nextCursor;
    await between();
  } while (cursor !== undefined && ++pages < 10_000);
  return seen;
}

const ids = (page: Page<Opportunity>): string[] => page.items.map((o) => o.id);

/**
 * The contract every {@link OpportunityRepository} must meet, as a vitest suite. Call it from your
 * own test file with a factory that returns a fresh, empty repository.
 *
 * Covers round trips compared by value (Money amount and currency, Dates, stage history), copies,
 * inserts and duplicate ids, optimistic saves (explicit `expectedVersion` and its default
 * `version - 1`; of concurrent conflicting saves exactly one wins), not-found, deletes, `getMany`
 * order, keyset pagination that loses and repeats no row while rows are added, the finders by
 * customer, owner and stage (and that updates move their index entries), streaming and count.
 *
 * @param makeRepo - returns a fresh, empty repository
 *
 * @example
 * ```ts
 * // test/opportunities.contract.test.ts in your project
 * import { opportunityRepositoryContract } from 'crmkit/testing';
 * import { MemoryOpportunityRepository } from 'crmkit/memory';
 * opportunityRepositoryContract(() => new MemoryOpportunityRepository());
 * ```
 */
export function opportunityRepositoryContract(makeRepo: RepositoryFactory<OpportunityRepository>): void {
  describe('OpportunityRepository contract', () => {
    it('round-trips an opportunity by value: Money, dates and stage history intact', async () => {
      const repo = await makeRepo();
      const o: Opportunity = {
        ...sampleOpportunity(5),
        amount: Money.of('1234567.89', 'CNY'),
        probability: 0.35,
        stageHistory: [
          { stage: 'lead', at: new Date('2026-01-01T00:00:00Z') },
          { stage: 'proposal', at: new Date('2026-01-05T08:30:00Z'), reason: 'demo went well' },
        ],
        stage: 'proposal',
      };
      const saved = await repo.save(o, { expectedVersion: 0 });
      expect(byValue(saved)).toEqual(byValue(o));
      const got = (await repo.get(o.id)) as Opportunity;
      expect(byValue(got)).toEqual(byValue(o));
      expect(got.amount.equals(Money.of('1234567.89', 'CNY'))).toBe(true);
      expect(got.createdAt).toBeInstanceOf(Date);
      expect(got.stageHistory[1]?.at).toBeInstanceOf(Date);
    });

    it('keeps amounts that differ only in currency or in the last fen apart', async () => {
      const repo = await makeRepo();
      await repo.save({ ...sampleOpportunity(1), amount: Money.of('100.00', 'CNY') }, { expectedVersion: 0 });
      await repo.save({ ...sampleOpportunity(2), amount: Money.of('100.00', 'USD') }, { expectedVersion: 0 });
      await repo.save({ ...sampleOpportunity(3), amount: Money.of('100.01', 'CNY') }, { expectedVersion: 0 });
      const got = await repo.getMany([sampleOpportunity(1).id, sampleOpportunity(2).id, sampleOpportunity(3).id]);
      expect(got.map((o) => o.amount.toString())).toEqual(['100.00 CNY', '100.00 USD', '100.01 CNY']);
    });

    it('returns copies: mutating a returned opportunity never changes what is stored', async () => {
      const repo = await makeRepo();
      await repo.save(sampleOpportunity(2), { expectedVersion: 0 });
      const got = (await repo.get(sampleOpportunity(2).id)) as Opportunity;
      got.stageHistory.push({ stage: 'won', at: new Date('2026-05-01T00:00:00Z') });
      (got as { name: string }).name = 'changed';
      expect(byValue(await repo.get(got.id))).toEqual(byValue(sampleOpportunity(2)));
    });

    it('refuses to insert an existing id (DUPLICATE_ID) and leaves the stored row alone', async () => {
      const repo = await makeRepo();
      await repo.save(sampleOpportunity(1), { expectedVersion: 0 });
      await expectCrmError(repo.save({ ...sampleOpportunity(1), name: 'Other' }, { expectedVersion: 0 }), 'DUPLICATE_ID');
      expect((await repo.get(sampleOpportunity(1).id))?.name).toBe(sampleOpportunity(1).name);
    });

    it('updates with the right expected version, stores version + 1, and rejects a stale one', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleOpportunity(1), { expectedVersion: 0 });
      const v2 = await repo.save({ ...v1, name: 'First writer' }, { expectedVersion: 1 });
      expect(v2.version).toBe(2);
      await expectCrmError(repo.save({ ...v1, name: 'Second writer' }, { expectedVersion: 1 }), 'CONCURRENCY_CONFLICT');
      expect((await repo.get(v1.id))?.name).toBe('First writer');
    });

    it('without expectedVersion, save expects version − 1: it never overwrites a newer version', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleOpportunity(3));
      expect(v1.version).toBe(1);
      const v2 = await repo.save({ ...v1, version: 2, name: 'second' });
      expect(v2.version).toBe(2);
      await expectCrmError(repo.save({ ...v1, version: 2, name: 'stale' }), 'CONCURRENCY_CONFLICT');
      expect((await repo.get(v1.id))?.name).toBe('second');
      await expectCrmError(repo.save({ ...sampleOpportunity(4), version: 3 }), 'NOT_FOUND');
      await expectCrmError(repo.save(sampleOpportunity(3)), 'DUPLICATE_ID');
    });

    it('lets exactly one of several concurrent conflicting saves win', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleOpportunity(1), { expectedVersion: 0 });
      const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => repo.save({ ...v1, name: `Writer ${i}` }, { expectedVersion: 1 })));
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect((r.reason as { code?: string }).code).toBe('CONCURRENCY_CONFLICT');
      expect((await repo.get(v1.id))?.name).toBe((won[0] as PromiseFulfilledResult<Opportunity>).value.name);
    });

    it('answers undefined for a missing id; getMany skips missing ids and keeps the order asked', async () => {
      const repo = await makeRepo();
      await seed(repo, 3);
      expect(await repo.get('no-such-id')).toBeUndefined();
      expect((await repo.getMany(['opp-00003', 'missing', 'opp-00001'])).map((o) => o.id)).toEqual(['opp-00003', 'opp-00001']);
    });

    it('deletes, reports NOT_FOUND for a missing id, checks expectedVersion when given, and leaves every finder', async () => {
      const repo = await makeRepo();
      await seed(repo, 2);
      await expectCrmError(repo.delete('opp-00001', { expectedVersion: 7 }), 'CONCURRENCY_CONFLICT');
      await repo.delete('opp-00001', { expectedVersion: 1 });
      expect(await repo.get('opp-00001')).toBeUndefined();
      await expectCrmError(repo.delete('opp-00001'), 'NOT_FOUND');
      const gone = sampleOpportunity(1);
      expect(ids(await repo.findByCustomer(gone.customerId))).not.toContain(gone.id);
      expect(ids(await repo.findByOwner(gone.ownerId))).not.toContain(gone.id);
      expect(ids(await repo.findByStage(gone.stage))).not.toContain(gone.id);
      expect(await repo.count()).toBe(1);
    });

    it('pages through every opportunity exactly once', async () => {
      const repo = await makeRepo();
      const saved = await seed(repo, 53);
      const seen = await allPages((cursor) => repo.list({ limit: 10, ...(cursor !== undefined && { cursor }) }));
      expect(seen).toEqual(saved.map((o) => o.id));
    });

    it('keyset pages lose and repeat no row that existed when paging began while rows are added', async () => {
      const repo = await makeRepo();
      const before = await seed(repo, 40);
      let added = 1000;
      const seen = await allPages(
        (cursor) => repo.list({ limit: 7, ...(cursor !== undefined && { cursor }) }),
        async () => {
          // Rows that sort before and after the current position arrive between pages.
          for (const id of [`a-${added}`, `zz-${added}`]) await repo.save({ ...sampleOpportunity(added), id }, { expectedVersion: 0 });
          added++;
        },
      );
      expect(new Set(seen).size).toBe(seen.length);
      for (const o of before) expect(seen).toContain(o.id);
    });

    it('finds by customer, owner and stage, in id order, with cursors', async () => {
      const repo = await makeRepo();
      await seed(repo, 12);
      // sampleOpportunity(n): customer cust-<n % 4>, owner owner-<n % 3>, stage lead/qualified/proposal/negotiation by n % 4.
      expect(ids(await repo.findByCustomer('cust-1'))).toEqual(['opp-00001', 'opp-00005', 'opp-00009']);
      const owned = await repo.findByOwner('owner-0', { limit: 2 });
      expect(ids(owned)).toEqual(['opp-00003', 'opp-00006']);
      expect(owned.nextCursor).toBeDefined();
      expect(ids(await repo.findByOwner('owner-0', { limit: 2, cursor: owned.nextCursor }))).toEqual(['opp-00009', 'opp-00012']);
      expect(ids(await repo.findByStage('proposal'))).toEqual(['opp-00002', 'opp-00006', 'opp-00010']);
      expect((await repo.findByStage('won')).items).toEqual([]);
    });

    it('an update moves the customer, owner and stage index entries', async () => {
      const repo = await makeRepo();
      const v1 = await repo.save(sampleOpportunity(1), { expectedVersion: 0 });
      await repo.save({ ...v1, version: 2, customerId: 'cust-x', ownerId: 'owner-x', stage: 'won', closedAt: new Date('2026-03-01T00:00:00Z') });
      expect(ids(await repo.findByCustomer(v1.customerId))).toEqual([]);
      expect(ids(await repo.findByOwner(v1.ownerId))).toEqual([]);
      expect(ids(await repo.findByStage(v1.stage))).toEqual([]);
      expect(ids(await repo.findByCustomer('cust-x'))).toEqual([v1.id]);
      expect(ids(await repo.findByOwner('owner-x'))).toEqual([v1.id]);
      expect(ids(await repo.findByStage('won'))).toEqual([v1.id]);
    });

    it('streams every opportunity exactly once, in id order, and counts them', async () => {
      const repo = await makeRepo();
      await seed(repo, 23);
      const streamed: string[] = [];
      for await (const o of repo.stream({ batchSize: 5 })) streamed.push(o.id);
      expect(streamed).toEqual(Array.from({ length: 23 }, (_, i) => sampleOpportunity(i + 1).id));
      expect(await repo.count()).toBe(23);
    });

    it('rejects an invalid opportunity with VALIDATION_FAILED and stores nothing', async () => {
      const repo = await makeRepo();
      await expectCrmError(repo.save({ ...sampleOpportunity(1), name: '' }, { expectedVersion: 0 }), 'VALIDATION_FAILED');
      await expectCrmError(repo.save({ ...sampleOpportunity(2), stageHistory: [] }, { expectedVersion: 0 }), 'VALIDATION_FAILED');
      expect(await repo.count()).toBe(0);
    });
  });
}
