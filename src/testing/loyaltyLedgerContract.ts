import { describe, expect, it } from 'vitest';
import { isCrmError } from '../core/errors/CrmError';
import { Money } from '../core/money/Money';
import type { LedgerEntry } from '../loyalty/ledger/entry';
import { balance } from '../loyalty/ledger/balance';
import { redeem } from '../loyalty/ledger/redeem';
import type { LoyaltyLedgerRepository } from '../repository/LoyaltyLedgerRepository';
import type { RepositoryFactory } from './customerContract';
import { byValue } from './byValue';
import { expectCrmError } from './expectCrmError';

const BASE = /* @__PURE__ */ Date.UTC(2026, 0, 1);
const earn = (n: number, customerId: string, points = 100): LedgerEntry => ({
  id: `earn:${customerId}:${n}`,
  customerId,
  type: 'earn',
  points,
  occurredAt: new Date(BASE + n * 3_600_000),
});
const spend = (n: number, customerId: string, points: number): LedgerEntry => ({
  id: `redeem:${customerId}:${n}`,
  customerId,
  type: 'redeem',
  points: -points,
  occurredAt: new Date(BASE + n * 3_600_000),
});
const sum = (entries: readonly LedgerEntry[]) => entries.reduce((s, e) => s + e.points, 0);
const timeThenId = (a: LedgerEntry, b: LedgerEntry) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * One redemption the safe way: read, compute with `redeem`, append with `expectedBalance`, and on
 * `BALANCE_MISMATCH` start again. Resolves true when posted, false on `INSUFFICIENT_POINTS`.
 */
async function redeemSafely(repo: LoyaltyLedgerRepository, customerId: string, points: number, id: string, asOf: Date): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const entries = await repo.entriesOf(customerId);
    let entry: LedgerEntry;
    try {
      entry = redeem(entries, points, { asOf, id });
    } catch (e) {
      if (isCrmError(e, 'INSUFFICIENT_POINTS')) return false;
      throw e;
    }
    await Promise.resolve();
    try {
      await repo.append(entry, { expectedBalance: sum(entries) });
      return true;
    } catch (e) {
      if (!isCrmError(e, 'BALANCE_MISMATCH')) throw e;
    }
  }
  throw new Error('redemption did not settle after 50 attempts');
}

/**
 * The contract every {@link LoyaltyLedgerRepository} must meet, as a vitest suite: round trips and
 * copies; the same idempotency key twice never posts twice (in one batch or across calls); the same
 * key with different content fails with `IDEMPOTENCY_CONFLICT` and stores nothing; validation;
 * `expectedBalance` as a compare-and-set (`BALANCE_MISMATCH`); no overdraft (`INSUFFICIENT_POINTS`),
 * of the posted balance and of the spendable balance at the time of each entry that removes points
 * (lapsed and pending points are not spendable); `pendingUntil` and `qualifyingPoints` stored;
 * concurrent redemptions that together would overdraw, of which exactly the ones that fit succeed;
 * every field compared when a key repeats; concurrent appends of one key for two customers (one
 * posts); per-customer keyset pages in time order, also while entries are posted between pages;
 * re-pointing for merges, of every entry however many.
 *
 * @param makeRepo - returns a fresh, empty repository
 *
 * @example
 * ```ts
 * import { loyaltyLedgerRepositoryContract } from 'crmkit/testing';
 * import { createMemoryRepositories } from 'crmkit/memory';
 * loyaltyLedgerRepositoryContract(() => createMemoryRepositories().loyaltyLedger);
 * ```
 */
export function loyaltyLedgerRepositoryContract(makeRepo: RepositoryFactory<LoyaltyLedgerRepository>): void {
  describe('LoyaltyLedgerRepository contract', () => {
    it('round-trips entries and returns copies', async () => {
      const repo = await makeRepo();
      const e = { ...earn(1, 'c-1'), expiresAt: new Date(BASE + 86_400_000 * 365), sourceRef: 't-1' };
      const result = await repo.append(e);
      expect(result.appended).toEqual([e]);
      expect(await repo.get(e.id)).toEqual(e);
      const got = (await repo.get(e.id)) as { points: number };
      got.points = 5;
      expect(await repo.get(e.id)).toEqual(e);
      expect(await repo.get('missing')).toBeUndefined();
      expect(await repo.balanceOf('c-1')).toBe(100);
      expect(await repo.balanceOf('nobody')).toBe(0);
    });

    it('never posts the same idempotency key twice, across calls or within a batch', async () => {
      const repo = await makeRepo();
      await repo.append([earn(1, 'c-1'), earn(2, 'c-1')]);
      const again = await repo.append([earn(2, 'c-1'), earn(3, 'c-1'), earn(3, 'c-1')]);
      expect(again.appended.map((e) => e.id)).toEqual([earn(3, 'c-1').id]);
      expect(again.repeated.map((e) => e.id)).toEqual([earn(2, 'c-1').id, earn(3, 'c-1').id]);
      // 100 + 100 + 100: earn 2 and the second earn 3 are repeats
      expect(await repo.balanceOf('c-1')).toBe(300);
      expect(await repo.entriesOf('c-1')).toHaveLength(3);
    });

    it('refuses a known key with different content (IDEMPOTENCY_CONFLICT) and stores nothing of the batch', async () => {
      const repo = await makeRepo();
      await repo.append(earn(1, 'c-1'));
      await expectCrmError(repo.append([earn(2, 'c-1'), earn(1, 'c-1', 999)]), 'IDEMPOTENCY_CONFLICT');
      await expectCrmError(repo.append([earn(3, 'c-1'), earn(3, 'c-1', 7)]), 'IDEMPOTENCY_CONFLICT');
      expect(await repo.get(earn(2, 'c-1').id)).toBeUndefined();
      expect(await repo.get(earn(3, 'c-1').id)).toBeUndefined();
      expect(await repo.balanceOf('c-1')).toBe(100);
    });

    it('rejects invalid entries with VALIDATION_FAILED', async () => {
      const repo = await makeRepo();
      await expectCrmError(repo.append({ ...earn(1, 'c-1'), points: 0 }), 'VALIDATION_FAILED');
      await expectCrmError(repo.append({ ...earn(1, 'c-1'), points: 1.5 }), 'VALIDATION_FAILED');
      await expectCrmError(repo.append({ ...earn(1, 'c-1'), type: 'redeem' }), 'VALIDATION_FAILED');
      expect(await repo.entriesOf('c-1')).toEqual([]);
    });

    it('checks expectedBalance as a compare-and-set (BALANCE_MISMATCH), but lets a pure retry through', async () => {
      const repo = await makeRepo();
      await repo.append(earn(1, 'c-1'));
      await expectCrmError(repo.append(spend(2, 'c-1', 30), { expectedBalance: 90 }), 'BALANCE_MISMATCH');
      expect(await repo.balanceOf('c-1')).toBe(100);
      await repo.append(spend(2, 'c-1', 30), { expectedBalance: 100 });
      // the retry of a posted entry carries the stale expectation: a repeat, not a mismatch
      expect((await repo.append(spend(2, 'c-1', 30), { expectedBalance: 100 })).repeated).toHaveLength(1);
      expect(await repo.balanceOf('c-1')).toBe(70);
      await expectCrmError(repo.append([earn(5, 'c-1'), earn(5, 'c-2')], { expectedBalance: 70 }), 'INVALID_ARGUMENT');
    });

    it('refuses a batch that would overdraw the posted balance (INSUFFICIENT_POINTS)', async () => {
      const repo = await makeRepo();
      await repo.append(earn(1, 'c-1'));
      await expectCrmError(repo.append(spend(2, 'c-1', 101)), 'INSUFFICIENT_POINTS');
      await expectCrmError(repo.append([spend(2, 'c-1', 60), spend(3, 'c-1', 60)]), 'INSUFFICIENT_POINTS');
      expect(await repo.balanceOf('c-1')).toBe(100);
      await repo.append([earn(4, 'c-1', 20), spend(5, 'c-1', 120)]);
      expect(await repo.balanceOf('c-1')).toBe(0);
    });

    it('guards the spendable balance at the entry time: lapsed points cannot be spent (INSUFFICIENT_POINTS)', async () => {
      const repo = await makeRepo();
      // 100 points that lapse at hour 5, with no expire entry posted: posted balance 100, spendable 0
      // from hour 5 on. A redemption of 100 at hour 10 would leave a spendable balance of -100.
      await repo.append({ ...earn(1, 'c-1'), expiresAt: new Date(BASE + 5 * 3_600_000) });
      await expectCrmError(repo.append(spend(10, 'c-1', 100)), 'INSUFFICIENT_POINTS');
      await expectCrmError(repo.append(spend(10, 'c-1', 1)), 'INSUFFICIENT_POINTS');
      // at hour 4 the 100 points are still spendable: 60 of them may go (posted 100 - 60 = 40)
      await repo.append(spend(4, 'c-1', 60));
      expect(await repo.balanceOf('c-1')).toBe(40);
      // 20 earned at hour 12 (never lapsing). At hour 13: posted 60, lapsed 40, spendable 20: 30 is too much
      await repo.append(earn(12, 'c-1', 20));
      await expectCrmError(repo.append(spend(13, 'c-1', 30)), 'INSUFFICIENT_POINTS');
      await repo.append(spend(13, 'c-1', 20));
      // 50 more at hour 20: posted 90. A backdated redemption of 45 at hour 2 fits then (100 - 45 = 55)
      // and in the posted balance (90 - 45), but leaves 55 for the 60 redeemed at hour 4: spendable -5 there
      await repo.append(earn(20, 'c-1', 50));
      await expectCrmError(repo.append(spend(2, 'c-1', 45)), 'INSUFFICIENT_POINTS');
      // posting the lapse of the first lot (100 - 60 = 40 at hour 5) as an expire entry is accepted
      await repo.append({ id: 'expire:c-1:1', customerId: 'c-1', type: 'expire', points: -40, lotId: earn(1, 'c-1').id, occurredAt: new Date(BASE + 5 * 3_600_000) });
      expect(await repo.balanceOf('c-1')).toBe(50);
      expect(balance(await repo.entriesOf('c-1'), { asOf: new Date(BASE + 30 * 3_600_000) })).toBe(50);
    });

    it('stores pendingUntil and qualifyingPoints, and pending points cannot be spent before pendingUntil', async () => {
      const repo = await makeRepo();
      // 100 points pending until hour 8 (a return window), 70 of which qualify for tiers
      const pending = { ...earn(1, 'c-1'), pendingUntil: new Date(BASE + 8 * 3_600_000), qualifyingPoints: 70 };
      await repo.append(pending);
      expect(byValue(await repo.get(pending.id))).toEqual(byValue(pending));
      // at hour 5 the spendable balance is 0: a redemption of 10 would leave -10
      await expectCrmError(repo.append(spend(5, 'c-1', 10)), 'INSUFFICIENT_POINTS');
      // from hour 8 on the 100 are spendable
      await repo.append(spend(8, 'c-1', 100));
      expect(await repo.balanceOf('c-1')).toBe(0);
    });

    it('of concurrent redemptions that together would overdraw, exactly the ones that fit succeed', async () => {
      const repo = await makeRepo();
      // 100 points that lapse at hour 5 (no expire entry posted yet) and 60 that never lapse: the
      // posted balance is 160 but only 60 can be spent at hour 10; the spendable guard and the
      // expectedBalance compare-and-set together let exactly two redemptions of 30 through.
      await repo.append([{ ...earn(1, 'c-1'), expiresAt: new Date(BASE + 5 * 3_600_000) }, earn(2, 'c-1', 60)]);
      const asOf = new Date(BASE + 10 * 3_600_000);
      // five redemptions of 30: two fit (60), three cannot
      const outcomes = await Promise.all([0, 1, 2, 3, 4].map((i) => redeemSafely(repo, 'c-1', 30, `redeem:o-${i}`, asOf)));
      expect(outcomes.filter(Boolean)).toHaveLength(2);
      expect(await repo.balanceOf('c-1')).toBe(100);
      expect(balance(await repo.entriesOf('c-1'), { asOf })).toBe(0);
      // without expectedBalance the overdraft guard alone still stops the ones that do not fit
      const raw = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => repo.append(spend(20 + i, 'c-2', 20))));
      expect(raw.filter((r) => r.status === 'fulfilled')).toHaveLength(0);
      await repo.append(earn(3, 'c-2', 50));
      const fits = await Promise.allSettled([0, 1, 2, 3].map((i) => repo.append(spend(20 + i, 'c-2', 20))));
      expect(fits.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(await repo.balanceOf('c-2')).toBe(10);
    });

    it("lists one customer's entries in time order, in pages, within [from, to)", async () => {
      const repo = await makeRepo();
      const mine = Array.from({ length: 23 }, (_, i) => earn((i * 7) % 23, 'c-1'));
      await repo.append([...mine, earn(1, 'c-2')]);
      const order = (a: LedgerEntry, b: LedgerEntry) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : 1);
      const seen: LedgerEntry[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.listByCustomer('c-1', { limit: 5, ...(cursor !== undefined && { cursor }) });
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen).toEqual([...mine].sort(order));
      expect(await repo.entriesOf('c-1')).toEqual([...mine].sort(order));
      const from = new Date(BASE + 5 * 3_600_000);
      const to = new Date(BASE + 9 * 3_600_000);
      expect((await repo.listByCustomer('c-1', { from, to })).items.map((e) => e.id)).toEqual([5, 6, 7, 8].map((n) => earn(n, 'c-1').id));
    });

    it('round-trips every entry type with all its fields by value: lotId, reverses, spend, expiresAt', async () => {
      const repo = await makeRepo();
      const lot = { ...earn(1, 'c-1'), expiresAt: new Date(BASE + 86_400_000 * 30), spend: Money.of('11.00', 'CNY'), sourceRef: 't-1' };
      const entries: LedgerEntry[] = [
        lot,
        { id: 'expire:c-1:1', customerId: 'c-1', type: 'expire', points: -40, lotId: lot.id, occurredAt: new Date(BASE + 86_400_000 * 31) },
        { id: 'adjust:c-1:1', customerId: 'c-1', type: 'adjust', points: 80, occurredAt: new Date(BASE + 86_400_000 * 32), sourceRef: 'ticket-9' },
        { ...spend(900, 'c-1', 20) },
        { id: 'reverse:c-1:1', customerId: 'c-1', type: 'reverse', points: 20, reverses: spend(900, 'c-1', 20).id, occurredAt: new Date(BASE + 86_400_000 * 40) },
      ];
      // spendable when the redemption posts (day 37.5): 100 - 40 + 80 - 20 posted, less the 60 lapsed
      // on day 30 that the expire entry did not post: 60, not negative
      await repo.append(entries);
      // JSON compares Money by amount and currency (11.00 CNY must not come back as 99.00) and dates by instant.
      for (const e of entries) expect(byValue(await repo.get(e.id))).toEqual(byValue(e));
      expect(byValue(await repo.entriesOf('c-1'))).toEqual(byValue([...entries].sort(timeThenId)));
    });

    it('idempotency keys are compared exactly: keys differing only in case are two entries', async () => {
      const repo = await makeRepo();
      const result = await repo.append([{ ...earn(1, 'c-1'), id: 'KEY-1' }, { ...earn(2, 'c-1'), id: 'key-1' }]);
      expect(result.appended).toHaveLength(2);
      expect(await repo.balanceOf('c-1')).toBe(200);
    });

    it('pages entries that share one timestamp without losing or repeating any', async () => {
      const repo = await makeRepo();
      const at = new Date(BASE + 7 * 3_600_000);
      const same = Array.from({ length: 9 }, (_, i) => ({ ...earn(300 + i, 'c-7'), occurredAt: at }));
      await repo.append(same);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await repo.listByCustomer('c-7', { limit: 2, ...(cursor !== undefined && { cursor }) });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen).toEqual(same.map((e) => e.id).sort());
    });

    it('the same key with any field changed is IDEMPOTENCY_CONFLICT, not a repeat (every field is compared)', async () => {
      const repo = await makeRepo();
      const e: LedgerEntry = { ...earn(1, 'c-1'), expiresAt: new Date(BASE + 86_400_000), spend: Money.of('11.00', 'CNY'), sourceRef: 't-1', reason: 'purchase' };
      const plain: LedgerEntry = earn(2, 'c-1');
      await repo.append([e, plain]);
      const changed: LedgerEntry[] = [
        { ...e, customerId: 'c-2' },
        { ...plain, type: 'adjust' },
        { ...e, points: 101 },
        { ...e, occurredAt: new Date(BASE + 2 * 3_600_000) },
        { ...e, expiresAt: new Date(BASE + 2 * 86_400_000) },
        { ...plain, expiresAt: new Date(BASE + 2 * 86_400_000) },
        { ...e, spend: Money.of('11.01', 'CNY') },
        { ...e, spend: Money.of('11.00', 'USD') },
        { ...plain, spend: Money.of('11.00', 'CNY') },
        { ...e, sourceRef: 't-2' },
        { ...e, reason: 'other' },
      ];
      for (const c of changed) await expectCrmError(repo.append(c), 'IDEMPOTENCY_CONFLICT');
      expect(byValue(await repo.get(e.id))).toEqual(byValue(e));
      expect(byValue(await repo.get(plain.id))).toEqual(byValue(plain));
      expect(await repo.balanceOf('c-1')).toBe(200);
      expect(await repo.balanceOf('c-2')).toBe(0);
    });

    it('of concurrent appends of one key for two customers exactly one posts; the other is IDEMPOTENCY_CONFLICT', async () => {
      const repo = await makeRepo();
      const key = 'earn:shared-key';
      const results = await Promise.allSettled(['c-1', 'c-2', 'c-3'].map((customerId) => repo.append({ ...earn(1, customerId), id: key })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(isCrmError(r.reason, 'IDEMPOTENCY_CONFLICT')).toBe(true);
      // one entry of 100 points, counted once, on the customer it was stored for
      const owner = (await repo.get(key))?.customerId as string;
      expect(await repo.entriesOf(owner)).toHaveLength(1);
      const balances = await Promise.all(['c-1', 'c-2', 'c-3'].map((c) => repo.balanceOf(c)));
      expect(balances.reduce((a, b) => a + b, 0)).toBe(100);
      expect(await repo.balanceOf(owner)).toBe(100);
    });

    it('keyset cursors: entries posted before the cursor between pages do not shift the next page', async () => {
      const repo = await makeRepo();
      await repo.append([2, 4, 6, 8, 10].map((n) => earn(n, 'c-1')));
      const first = await repo.listByCustomer('c-1', { limit: 2 });
      expect(first.items.map((e) => e.id)).toEqual([earn(2, 'c-1').id, earn(4, 'c-1').id]);
      // Two entries that sort before the cursor arrive between the pages (an offset cursor would repeat earn 4).
      await repo.append([earn(1, 'c-1'), earn(3, 'c-1')]);
      const second = await repo.listByCustomer('c-1', { limit: 2, cursor: first.nextCursor });
      expect(second.items.map((e) => e.id)).toEqual([earn(6, 'c-1').id, earn(8, 'c-1').id]);
    });

    it('reassignCustomer moves every entry, however many: more than the largest page (1000)', async () => {
      const repo = await makeRepo();
      const many = Array.from({ length: 1050 }, (_, i) => earn(i, 'from', 1));
      await repo.append(many);
      const moved = await repo.reassignCustomer('from', 'to');
      expect(moved).toHaveLength(1050);
      expect(await repo.entriesOf('from')).toEqual([]);
      expect(await repo.entriesOf('to')).toHaveLength(1050);
      expect(await repo.balanceOf('from')).toBe(0);
      expect(await repo.balanceOf('to')).toBe(1050);
    });

    it('re-points entries and their balance between customers and back', async () => {
      const repo = await makeRepo();
      await repo.append([earn(1, 'a'), spend(2, 'a', 40), earn(3, 'b', 10)]);
      const moved = await repo.reassignCustomer('a', 'b');
      expect(moved.sort()).toEqual([earn(1, 'a').id, spend(2, 'a', 40).id].sort());
      expect(await repo.balanceOf('a')).toBe(0);
      expect(await repo.balanceOf('b')).toBe(70);
      await repo.reassign(moved, 'a');
      expect(await repo.balanceOf('a')).toBe(60);
      expect(await repo.balanceOf('b')).toBe(10);
      await expectCrmError(repo.reassign([earn(1, 'a').id, 'missing'], 'b'), 'NOT_FOUND');
      expect((await repo.get(earn(1, 'a').id))?.customerId).toBe('a');
    });
  });
}
