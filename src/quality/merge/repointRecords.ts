import { assert } from '../errors';
import type { ReassignableRepository } from '../../repository/CustomerRecordRepository';
import type { MergeRecord, RepointedRecords } from './mergeRecord';
import { requireMergeRecord, requireReassignable } from './requireMergeRecord';

/**
 * Moves the records of the merged ids (transactions, interactions, ledger entries: any
 * {@link ReassignableRepository}) to the survivor, so nothing is copied or lost, and returns the
 * merge record with the moved ids written into `repointed` for the undo. If a repository fails,
 * the moves already made are reversed before the error is rethrown.
 *
 * @param mergeRecord - from {@link mergeCustomers}
 * @param repositories - every repository holding customer-owned records
 * @returns a new merge record listing what moved
 * @throws {CrmError} `INVALID_MERGE` when the merge record was already re-pointed or is not a merge
 *   record; `INVALID_ARGUMENT` when `repositories` is not an array of repositories; whatever a
 *   repository throws (after reversing earlier moves)
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * import { mergeCustomers, repointRecords } from 'crmkit/quality';
 * const { transactions } = createMemoryRepositories();
 * await transactions.append({ id: 't-1', customerId: 'c-2', type: 'purchase', amount: Money.of('10', 'CNY'), occurredAt: new Date('2026-01-05') });
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, contactPoints: [], createdAt: at, updatedAt: at, version: 1 } as const;
 * const { mergeRecord } = mergeCustomers([{ ...base, id: 'c-1', displayName: 'Ann' }, { ...base, id: 'c-2', displayName: 'Ann' }], { now: new Date('2026-02-01') });
 * const done = await repointRecords(mergeRecord, [transactions]);
 * done.repointed;
 * //=> [{ repository: 0, fromCustomerId: 'c-2', ids: ['t-1'] }]
 * (await transactions.get('t-1'))?.customerId;
 * //=> 'c-1'
 * ```
 */
export async function repointRecords(mergeRecord: MergeRecord, repositories: readonly ReassignableRepository[]): Promise<MergeRecord> {
  requireMergeRecord(mergeRecord);
  requireReassignable(repositories);
  assert(mergeRecord.repointed.length === 0, 'INVALID_MERGE', { params: { rule: 'records were already re-pointed for this merge' } });
  const moved: RepointedRecords[] = [];
  try {
    for (let r = 0; r < repositories.length; r++) {
      for (const from of mergeRecord.mergedIds) {
        const ids = await (repositories[r] as ReassignableRepository).reassignCustomer(from, mergeRecord.survivorId);
        if (ids.length > 0) moved.push({ repository: r, fromCustomerId: from, ids });
      }
    }
  } catch (error) {
    await moveBack(moved, repositories);
    throw error;
  }
  return { ...mergeRecord, repointed: moved };
}

async function moveBack(moved: readonly RepointedRecords[], repositories: readonly ReassignableRepository[]): Promise<void> {
  for (const m of [...moved].reverse()) await (repositories[m.repository] as ReassignableRepository).reassign(m.ids, m.fromCustomerId);
}

/**
 * Moves re-pointed records back to the customers they belonged to before the merge: the undo of
 * {@link repointRecords}, used with {@link unmergeCustomers}. Only the listed ids move; records
 * added to the survivor after the merge stay with it.
 *
 * @param mergeRecord - the merge record {@link repointRecords} returned
 * @param repositories - the same repositories, in the same order
 * @returns the merge record with `repointed` emptied
 * @throws {CrmError} `INVALID_MERGE` when `mergeRecord` is not a merge record; `INVALID_ARGUMENT`
 *   when `repositories` is not an array of repositories or a listed repository index has none;
 *   `NOT_FOUND` (from the repository) when a moved record no longer exists
 *
 * @example
 * ```ts
 * import { createMemoryRepositories } from 'crmkit/memory';
 * import { mergeCustomers, repointRecords, restoreRepointedRecords } from 'crmkit/quality';
 * const { interactions } = createMemoryRepositories();
 * await interactions.append({ id: 'i-1', customerId: 'c-2', channel: 'phone', type: 'care', direction: 'outbound', occurredAt: new Date('2026-01-05') });
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, contactPoints: [], createdAt: at, updatedAt: at, version: 1 } as const;
 * const { mergeRecord } = mergeCustomers([{ ...base, id: 'c-1', displayName: 'Ann' }, { ...base, id: 'c-2', displayName: 'Ann' }], { now: new Date('2026-02-01') });
 * const done = await repointRecords(mergeRecord, [interactions]);
 * await restoreRepointedRecords(done, [interactions]);
 * (await interactions.get('i-1'))?.customerId;
 * //=> 'c-2'
 * ```
 */
export async function restoreRepointedRecords(mergeRecord: MergeRecord, repositories: readonly ReassignableRepository[]): Promise<MergeRecord> {
  requireMergeRecord(mergeRecord);
  requireReassignable(repositories);
  const missing = mergeRecord.repointed.find((m) => repositories[m.repository] === undefined);
  assert(missing === undefined, 'INVALID_ARGUMENT', { params: { field: 'repositories', rule: 'must be the repositories the records were re-pointed in' } });
  await moveBack(mergeRecord.repointed, repositories);
  return { ...mergeRecord, repointed: [] };
}
