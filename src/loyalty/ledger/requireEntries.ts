import { assert } from '../errors';
import { requireDenseArray } from '../../core/guards';
import { requireDate } from '../../core/time';
import type { LedgerEntry } from './entry';

/**
 * Checks a list of ledger entries before a loop reads them: a dense array of objects, each with a
 * string `id` and `type`, whole `points` and a valid `occurredAt`.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`; `INVALID_DATE` for an `occurredAt`
 * @internal
 */
export function requireLedgerEntries(entries: unknown, field: string): readonly LedgerEntry[] {
  const list = requireDenseArray<Partial<LedgerEntry> | null>(entries, field);
  list.forEach((e, i) => {
    assert(e !== null && typeof e === 'object' && typeof e.id === 'string' && typeof e.type === 'string' && Number.isSafeInteger(e.points), 'INVALID_ARGUMENT', {
      params: { field: `${field}.${i}`, rule: 'must be a ledger entry' },
    });
    requireDate(e.occurredAt, `${field}.${i}.occurredAt`);
  });
  return list as readonly LedgerEntry[];
}
