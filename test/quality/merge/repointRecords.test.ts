import { describe, expect, it } from 'vitest';
import { Money } from 'crmkit';
import { createMemoryRepositories } from 'crmkit/memory';
import type { ReassignableRepository } from 'crmkit/repository';
import { mergeCustomers, repointRecords, restoreRepointedRecords, unmergeCustomers } from 'crmkit/quality';
import { person } from '../helpers';

const now = new Date('2026-06-01T00:00:00Z');
const tx = (id: string, customerId: string) => ({ id, customerId, type: 'purchase' as const, amount: Money.of('10', 'CNY'), occurredAt: new Date('2026-01-02') });
const ix = (id: string, customerId: string) => ({ id, customerId, channel: 'phone' as const, type: 'care' as const, direction: 'outbound' as const, occurredAt: new Date('2026-01-03') });

describe('repointRecords', () => {
  it('moves transactions and interactions of merged ids to the survivor, and back on unmerge', async () => {
    const { transactions, interactions } = createMemoryRepositories();
    await transactions.append([tx('t1', 'a'), tx('t2', 'b'), tx('t3', 'c'), tx('t4', 'z')]);
    await interactions.append([ix('i1', 'c')]);
    const { mergeRecord } = mergeCustomers([person('a', 'A'), person('b', 'A'), person('c', 'A')], { now });
    const done = await repointRecords(mergeRecord, [transactions, interactions]);
    expect(done.repointed).toEqual([
      { repository: 0, fromCustomerId: 'b', ids: ['t2'] },
      { repository: 0, fromCustomerId: 'c', ids: ['t3'] },
      { repository: 1, fromCustomerId: 'c', ids: ['i1'] },
    ]);
    expect((await transactions.listByCustomer('a')).items.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect((await interactions.listByCustomer('a')).items.map((t) => t.id)).toEqual(['i1']);
    expect((await transactions.get('t4'))?.customerId).toBe('z'); // untouched

    await transactions.append(tx('t5', 'a')); // recorded on the golden record after the merge
    const undone = await restoreRepointedRecords(done, [transactions, interactions]);
    expect(undone.repointed).toEqual([]);
    unmergeCustomers(done, { now });
    expect((await transactions.get('t2'))?.customerId).toBe('b');
    expect((await transactions.get('t3'))?.customerId).toBe('c');
    expect((await interactions.get('i1'))?.customerId).toBe('c');
    expect((await transactions.get('t5'))?.customerId).toBe('a');
  });

  it('reverses earlier moves when a repository fails', async () => {
    const { transactions } = createMemoryRepositories();
    await transactions.append([tx('t1', 'b')]);
    const failing: ReassignableRepository = {
      reassignCustomer: async () => {
        throw new Error('storage down');
      },
      reassign: async () => undefined,
    };
    const { mergeRecord } = mergeCustomers([person('a', 'A'), person('b', 'A')], { now });
    await expect(repointRecords(mergeRecord, [transactions, failing])).rejects.toThrow('storage down');
    expect((await transactions.get('t1'))?.customerId).toBe('b');
  });

  it('refuses to re-point twice', async () => {
    const { transactions } = createMemoryRepositories();
    await transactions.append([tx('t1', 'b')]);
    const { mergeRecord } = mergeCustomers([person('a', 'A'), person('b', 'A')], { now });
    const done = await repointRecords(mergeRecord, [transactions]);
    await expect(repointRecords(done, [transactions])).rejects.toMatchObject({ code: 'INVALID_MERGE' });
    await expect(restoreRepointedRecords(done, [])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
