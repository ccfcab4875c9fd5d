import { assert } from '../errors';
import { isDense } from '../../core/guards';
import type { ReassignableRepository } from '../../repository/CustomerRecordRepository';
import type { MergeRecord, RepointedRecords } from './mergeRecord';

const isStringList = (v: unknown): v is readonly string[] => Array.isArray(v) && isDense(v) && v.every((x) => typeof x === 'string');

const isRepointed = (m: unknown): m is RepointedRecords => {
  const r = m as Partial<RepointedRecords> | null;
  return r !== null && typeof r === 'object' && Number.isSafeInteger(r.repository) && (r.repository as number) >= 0 && typeof r.fromCustomerId === 'string' && isStringList(r.ids);
};

/**
 * Checks the parts of a merge record that re-pointing reads (survivor, merged ids, the moves made),
 * before any repository is touched.
 *
 * @throws {CrmError} `INVALID_MERGE`
 * @internal
 */
export function requireMergeRecord(mergeRecord: unknown): MergeRecord {
  const m = mergeRecord as Partial<MergeRecord> | null;
  assert(
    m !== null && typeof m === 'object' && typeof m.survivorId === 'string' && isStringList(m.mergedIds) && Array.isArray(m.repointed) && isDense(m.repointed) && m.repointed.every(isRepointed),
    'INVALID_MERGE',
    { params: { rule: 'pass the merge record mergeCustomers or repointRecords returned' } },
  );
  return m as MergeRecord;
}

/**
 * Checks that `repositories` is a dense array of objects with `reassignCustomer` and `reassign`.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireReassignable(repositories: unknown): readonly ReassignableRepository[] {
  const ok =
    Array.isArray(repositories) &&
    isDense(repositories) &&
    repositories.every((r: Partial<ReassignableRepository> | null) => r !== null && typeof r === 'object' && typeof r.reassignCustomer === 'function' && typeof r.reassign === 'function');
  assert(ok, 'INVALID_ARGUMENT', { params: { field: 'repositories', rule: 'must be an array of repositories with reassignCustomer and reassign' } });
  return repositories as readonly ReassignableRepository[];
}
