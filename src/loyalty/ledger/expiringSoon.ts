import { assert } from '../errors';
import { MS_PER_DAY } from '../../core/time';
import type { LedgerEntry } from './entry';
import { asOfMs, sweepLedger } from './sweep';

/**
 * Options for {@link expiringSoon}.
 *
 * @example
 * ```ts
 * const options: ExpiringSoonOptions = { asOf: new Date('2026-06-01'), within: { days: 30 } };
 * ```
 */
export interface ExpiringSoonOptions {
  /** The instant to read at. */
  readonly asOf: Date;
  /** The horizon: lots expiring in `(asOf, asOf + days]` are listed. */
  readonly within: { readonly days: number };
}

/**
 * What {@link expiringSoon} reports: the total and each lot, soonest first.
 *
 * @example
 * ```ts
 * const r: ExpiringPoints = { points: 70, lots: [{ lotId: 'earn:t-1', expiresAt: new Date('2026-07-10'), points: 70 }] };
 * ```
 */
export interface ExpiringPoints {
  readonly points: number;
  readonly lots: readonly { readonly lotId: string; readonly expiresAt: Date; readonly points: number }[];
}

/**
 * The points that will expire within a horizon unless spent first (for "120 points expire on
 * 10 July" reminders). Counts what is unspent at `asOf`; later redemptions spend the oldest lots first.
 *
 * @param entries - one customer's ledger entries
 * @param options - `asOf` and `within.days` (a non-negative number)
 * @returns the total and the lots, soonest first
 * @throws {CrmError} `INVALID_ARGUMENT` for a bad horizon; otherwise as {@link balance}
 *
 * @example
 * ```ts
 * import { expiringSoon } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10'), expiresAt: new Date('2026-07-10') },
 *   { id: 'earn:t-2', customerId: 'c-1', type: 'earn', points: 50, occurredAt: new Date('2026-03-01'), expiresAt: new Date('2026-09-01') },
 *   { id: 'redeem:o-1', customerId: 'c-1', type: 'redeem', points: -30, occurredAt: new Date('2026-04-01') },
 * ] as const;
 * expiringSoon(entries, { asOf: new Date('2026-06-20'), within: { days: 30 } }).points;
 * //=> 70
 * ```
 */
export function expiringSoon(entries: readonly LedgerEntry[], options: ExpiringSoonOptions): ExpiringPoints {
  const at = asOfMs(options?.asOf);
  const days = options.within?.days;
  assert(typeof days === 'number' && days >= 0 && Number.isFinite(days), 'INVALID_ARGUMENT', {
    params: { field: 'within.days', rule: 'must be a non-negative number' },
  });
  const until = at + days * MS_PER_DAY;
  const s = sweepLedger(entries, at);
  const lots: { lotId: string; expiresAt: Date; points: number }[] = [];
  let points = 0;
  for (let lot = 0; lot < s.lotCount; lot++) {
    const left = s.lotRemaining[lot] as number;
    const expires = s.lotExpires[lot] as number;
    if (left > 0 && expires > at && expires <= until) {
      lots.push({ lotId: (entries[s.lotEntry[lot] as number] as LedgerEntry).id, expiresAt: new Date(expires), points: left });
      points += left;
    }
  }
  lots.sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime());
  return { points, lots };
}
