import { assert, CrmError } from '../errors';
import type { LedgerEntry } from './entry';
import { asOfMs, sweepLedger } from './sweep';

/**
 * Options for {@link reverse}.
 *
 * @example
 * ```ts
 * const options: ReverseOptions = { asOf: new Date('2026-03-05'), points: 40 };
 * ```
 */
export interface ReverseOptions {
  /** When the reversal is posted. */
  readonly asOf: Date;
  /** How many of the entry's points to reverse (a partial refund). Default: all that are not yet reversed. */
  readonly points?: number;
  /** Idempotency key. Default `reverse:<entry id>` (one full reversal per entry). */
  readonly id?: string;
  /**
   * For a cancelled redemption, when the points given back expire: `'each-lot'` (default) puts them
   * back into the lots they were spent from, each with its own expiry (the entry carries no
   * `expiresAt`); `'earliest'` gives them all the earliest expiry among those lots (the entry carries
   * it as `expiresAt`, the behaviour of earlier versions). Either way, points whose lot has expired by `asOf`
   * come back expired.
   */
  readonly expiry?: 'each-lot' | 'earliest';
  readonly reason?: string;
}

/**
 * What {@link reverse} produces: the entry to append (undefined when nothing can be taken back) and
 * the `shortfall`: points of an earn that were already spent and could not be taken back (the
 * balance is never driven below zero; charge or write off the shortfall as your policy says).
 *
 * @example
 * ```ts
 * const r: ReverseResult = { shortfall: 0 };
 * ```
 */
export interface ReverseResult {
  readonly entry?: LedgerEntry;
  readonly shortfall: number;
}

/**
 * The `reverse` entry that undoes another entry: for a refunded purchase, it takes back the points
 * the purchase earned (from that purchase's own lot first, then oldest first; a return inside the
 * return window cancels the pending points, which nobody could have spent); for a cancelled
 * redemption, it gives the points back into the lots they were spent from, last spent first, each
 * lot with its own expiry (option `expiry: 'earliest'` gives them all the earliest expiry
 * instead); points of a lot that has expired by `asOf` come back expired. Tier
 * qualification follows: {@link evaluateTier} no longer counts reversed earnings, so a tier reached
 * only through the refunded purchase is pulled back.
 *
 * Idempotent: when an entry with the same key exists, that entry is returned unchanged.
 *
 * @param entries - one customer's ledger entries
 * @param entryId - the id of the `earn`, `redeem` or `adjust` entry to reverse
 * @param options - `asOf`, optional `points` (partial), `id`, `reason`
 * @returns the entry (if any) and the shortfall
 * @throws {CrmError} `NOT_FOUND` for an unknown entry; `INVALID_ARGUMENT` when the entry cannot be
 *   reversed (an `expire` or `reverse` entry) or more points would be reversed than it carried
 *
 * @example
 * ```ts
 * import { balance, reverse } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10') },
 *   { id: 'earn:t-2', customerId: 'c-1', type: 'earn', points: 60, occurredAt: new Date('2026-02-10') },
 *   { id: 'redeem:o-1', customerId: 'c-1', type: 'redeem', points: -120, occurredAt: new Date('2026-03-01') },
 * ] as const;
 * const { entry, shortfall } = reverse(entries, 'earn:t-2', { asOf: new Date('2026-03-05') });
 * [entry.points, shortfall];
 * //=> [-40, 20]
 * balance([...entries, entry], { asOf: new Date('2026-03-05') });
 * //=> 0
 * ```
 */
export function reverse(entries: readonly LedgerEntry[], entryId: string, options: ReverseOptions): ReverseResult {
  const at = asOfMs(options?.asOf);
  const id = options.id ?? `reverse:${entryId}`;
  let target: LedgerEntry | undefined;
  let reversed = 0;
  for (const e of entries) {
    if (e.id === id) return { entry: e, shortfall: 0 };
    if (e.id === entryId) target = e;
    else if (e.type === 'reverse' && e.reverses === entryId) reversed += e.points;
  }
  if (target === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'ledger entry', id: entryId }, details: { id: entryId } });
  assert(target.type !== 'expire' && target.type !== 'reverse', 'INVALID_ARGUMENT', {
    params: { field: 'entryId', rule: `${target.type} entries cannot be reversed` },
  });
  const open = Math.abs(target.points) - Math.abs(reversed);
  const want = options.points ?? open;
  assert(Number.isSafeInteger(want) && want > 0 && want <= open, 'INVALID_ARGUMENT', {
    params: { field: 'points', rule: `must be a whole number from 1 to ${open}, the points not yet reversed` },
  });
  const base = { id, customerId: target.customerId, type: 'reverse' as const, occurredAt: new Date(at), reverses: entryId, ...(options.reason !== undefined && { reason: options.reason }) };
  const expiry = options.expiry ?? 'each-lot';
  assert(expiry === 'each-lot' || expiry === 'earliest', 'INVALID_ARGUMENT', { params: { field: 'expiry', rule: "must be 'each-lot' or 'earliest'" } });
  if (target.points < 0) {
    if (expiry === 'each-lot') return { entry: { ...base, points: want }, shortfall: 0 };
    const s = sweepLedger(entries, at, target.id);
    const expires = s.watchedExpiry;
    return { entry: { ...base, points: want, ...(expires !== Infinity && { expiresAt: new Date(Math.max(expires, at)) }) }, shortfall: 0 };
  }
  const s = sweepLedger(entries, at);
  let spendable = s.posted - s.pendingExpiry - s.locked;
  // A return inside the return window takes the points back from the earn's own pending lot.
  const index = entries.indexOf(target);
  for (let lot = 0; lot < s.lotCount; lot++) {
    if (s.lotEntry[lot] === index && s.lotAvailable[lot] === 0) spendable += s.lotRemaining[lot] as number;
  }
  const available = Math.max(0, spendable);
  const take = Math.min(want, available);
  return take > 0 ? { entry: { ...base, points: -take }, shortfall: want - take } : { shortfall: want };
}
