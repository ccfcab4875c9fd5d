import { CrmError, assert } from '../errors';
import { type IdGenerator, randomId } from '../../core/ids';
import { requireDate } from '../../core/time';
import type { ConsentRecord } from './consentRecord';

/**
 * Options of `grantConsent` and `withdrawConsent`.
 *
 * - `now` (required): when the entry is recorded; the default for `givenAt` / `withdrawnAt`.
 * - `newId` (default `randomId`): makes the entry's id.
 *
 * @example
 * ```ts
 * import { sequentialIds } from 'crmkit';
 * const o: ConsentChangeOptions = { now: new Date('2026-01-05T09:00:00Z'), newId: sequentialIds('k') };
 * ```
 */
export interface ConsentChangeOptions {
  readonly now: Date;
  readonly newId?: IdGenerator;
}

/** Checks the history and parses the new entry; returns the new, frozen history. */
export function appendConsent<R extends ConsentRecord>(
  records: readonly ConsentRecord[],
  candidate: unknown,
  parse: (value: unknown) => { success: true; data: R } | { success: false; error: { issues: readonly { path: PropertyKey[]; code: string; message: string }[] } },
): { records: readonly ConsentRecord[]; record: R } {
  assert(Array.isArray(records), 'INVALID_ARGUMENT', { params: { field: 'records', rule: 'must be an array' } });
  const parsed = parse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
    throw new CrmError('VALIDATION_FAILED', { params: { entity: 'consent record' }, details: { issues } });
  }
  const record = Object.freeze(copyDates(parsed.data));
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    assert(r !== undefined && r.customerId === record.customerId, 'INVALID_ARGUMENT', { params: { field: `records.${i}`, rule: 'must all belong to one customer' } });
    assert(r.id !== record.id, 'DUPLICATE_ID', { params: { entity: 'consent record', id: record.id } });
  }
  return { records: Object.freeze([...records, record]), record };
}

/** The `now` and id of a change, checked. */
export function changeBasics(options: ConsentChangeOptions): { now: Date; id: string } {
  const now = new Date(requireDate(options?.now, 'now').getTime());
  const id = (options.newId ?? randomId)();
  return { now, id };
}

/** A shallow copy with every Date field copied, so the caller's Dates are never shared. */
function copyDates<T extends object>(value: T): T {
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [k, v] of Object.entries(out)) if (v instanceof Date) out[k] = new Date(v.getTime());
  return out as T;
}
