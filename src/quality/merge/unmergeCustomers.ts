import { assert } from '../errors';
import { domainEvent } from '../../core/events';
import { requireDate } from '../../core/time';
import type { Customer } from '../../customer/customer';
import type { CustomersUnmerged } from './events';
import type { MergeRecord } from './mergeRecord';

/**
 * Options for {@link unmergeCustomers}.
 *
 * @example
 * ```ts
 * const options: UnmergeOptions = { now: new Date('2026-03-02') };
 * ```
 */
export interface UnmergeOptions {
  /** When the unmerge happens: the event's time. */
  readonly now: Date;
}

/**
 * Undoes a merge: returns every input record exactly as it was before {@link mergeCustomers}
 * (deep copies, in the original order, with their original versions) and a `CustomersUnmerged`
 * event. Save them in place of the golden record, and move re-pointed records back with
 * {@link restoreRepointedRecords}. Changes made to the golden record after the merge are not carried
 * over: decide about them before unmerging.
 *
 * @param mergeRecord - the record {@link mergeCustomers} returned (after {@link repointRecords}, if used)
 * @param options - {@link UnmergeOptions}
 * @returns the restored customers and the event
 * @throws {CrmError} `INVALID_MERGE` when the merge record lacks its inputs or survivor;
 *   `INVALID_DATE` when `now` is not a valid date
 *
 * @example
 * ```ts
 * import { mergeCustomers, unmergeCustomers } from 'crmkit/quality';
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, contactPoints: [], createdAt: at, updatedAt: at, version: 1 } as const;
 * const inputs = [{ ...base, id: 'c-1', displayName: 'Ann' }, { ...base, id: 'c-2', displayName: 'Anne' }];
 * const { mergeRecord } = mergeCustomers(inputs, { now: new Date('2026-02-01') });
 * const { customers } = unmergeCustomers(mergeRecord, { now: new Date('2026-03-01') });
 * customers.map((c) => c.displayName);
 * //=> ['Ann', 'Anne']
 * ```
 */
export function unmergeCustomers(mergeRecord: MergeRecord, options: UnmergeOptions): { customers: Customer[]; events: CustomersUnmerged[] } {
  const now = requireDate(options?.now, 'now');
  assert(
    mergeRecord !== null && typeof mergeRecord === 'object' && Array.isArray(mergeRecord.inputs) && mergeRecord.inputs.length >= 2,
    'INVALID_MERGE',
    { params: { rule: 'merge record has no input records' } },
  );
  const ids = mergeRecord.inputs.map((c) => c.id);
  assert(ids.includes(mergeRecord.survivorId), 'INVALID_MERGE', { params: { rule: 'merge record survivor is not among its inputs' } });
  const customers = structuredClone([...mergeRecord.inputs]);
  const event = domainEvent('CustomersUnmerged', mergeRecord.survivorId, now, { survivorId: mergeRecord.survivorId, restoredIds: ids });
  return { customers, events: [event] };
}
