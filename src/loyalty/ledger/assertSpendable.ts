import { CrmError } from '../errors';
import { requireDenseArray } from '../../core/guards';
import { balance } from './balance';
import type { LedgerEntry } from './entry';

/**
 * The overdraft guard every ledger repository runs inside its append, after it has locked the
 * customer: with `added` in, the spendable balance ({@link balance}, which leaves out lapsed and
 * pending points) must not be negative at the time of any new entry that removes points, nor at the
 * time of any stored negative entry dated at or after the earliest of them (a backdated redemption
 * must not overdraw a later one). The posted balance alone is not enough: it counts points that
 * have expired or are still pending.
 *
 * @param stored - the customer's stored entries, read under the customer's lock
 * @param added - the customer's new entries in this append
 * @param options - `customerId`, for the error's details
 * @throws {CrmError} `INSUFFICIENT_POINTS` at the first time the spendable balance would be
 *   negative; `INVALID_ARGUMENT` for lists that are not dense arrays
 *
 * @example
 * ```ts
 * import { assertSpendable } from 'crmkit/loyalty';
 * const stored = [
 *   { id: 'e1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2025-01-01'), expiresAt: new Date('2025-12-31') },
 * ] as const;
 * const early = [{ id: 'r1', customerId: 'c-1', type: 'redeem', points: -100, occurredAt: new Date('2025-06-01') }] as const;
 * const late = [{ id: 'r2', customerId: 'c-1', type: 'redeem', points: -100, occurredAt: new Date('2026-02-01') }] as const;
 * assertSpendable(stored, early, { customerId: 'c-1' });
 * //=> undefined
 * ```
 * and `assertSpendable(stored, late, { customerId: 'c-1' })` throws `INSUFFICIENT_POINTS`: the 100
 * points lapsed on 2025-12-31.
 */
export function assertSpendable(stored: readonly LedgerEntry[], added: readonly LedgerEntry[], options: { readonly customerId: string }): void {
  requireDenseArray(stored, 'stored');
  requireDenseArray(added, 'added');
  let from = Infinity;
  for (const e of added) if (e.points < 0 && e.occurredAt.getTime() < from) from = e.occurredAt.getTime();
  if (from === Infinity) return;
  const all = [...stored, ...added];
  const checked = new Set<number>();
  for (const e of all) {
    const t = e.occurredAt.getTime();
    if (e.points >= 0 || t < from || checked.has(t)) continue;
    checked.add(t);
    const left = balance(all, { asOf: e.occurredAt });
    if (left < 0) {
      throw new CrmError('INSUFFICIENT_POINTS', {
        params: { requested: -e.points, available: Math.max(0, left - e.points) },
        details: { customerId: options?.customerId, at: new Date(t).toISOString() },
      });
    }
  }
}
