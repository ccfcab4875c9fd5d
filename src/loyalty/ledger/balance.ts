import type { LedgerEntry } from './entry';
import { asOfMs, sweepLedger } from './sweep';

/**
 * Options for reading a ledger at an instant.
 *
 * @example
 * ```ts
 * const options: AsOfOptions = { asOf: new Date('2026-06-30T00:00:00Z') };
 * ```
 */
export interface AsOfOptions {
  /** The instant to read at; entries after it are ignored. Required (crmkit never reads the clock). */
  readonly asOf: Date;
}

/**
 * The points a customer can spend at `asOf`: the sum of all entries up to `asOf`, less points whose
 * lots have expired but have no `expire` entry yet (so the figure is right before and after
 * {@link applyExpiry} is posted), less pending points (lots whose `pendingUntil` is after `asOf`,
 * see {@link releasePending}). Entries may come in any order; one customer's entries only.
 *
 * One pass over the entries (plus a sort when they are not in time order): lots are consumed
 * oldest first with a forward pointer and expired from a min-heap, so a million entries take well
 * under a second.
 *
 * @param entries - one customer's ledger entries
 * @param options - `asOf`
 * @returns whole points (negative only if the ledger was overdrawn by hand-made entries)
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf` or entry date; `INVALID_ARGUMENT` for
 *   fractional points or entries of several customers
 *
 * @example
 * ```ts
 * import { balance } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10'), expiresAt: new Date('2026-07-10') },
 *   { id: 'earn:t-2', customerId: 'c-1', type: 'earn', points: 50, occurredAt: new Date('2026-03-01') },
 *   { id: 'redeem:o-1', customerId: 'c-1', type: 'redeem', points: -30, occurredAt: new Date('2026-04-01') },
 * ] as const;
 * balance(entries, { asOf: new Date('2026-05-01') });
 * //=> 120
 *
 * // the 70 points left of the first lot expired on 10 July
 * balance(entries, { asOf: new Date('2026-08-01') });
 * //=> 50
 * ```
 */
export function balance(entries: readonly LedgerEntry[], options: AsOfOptions): number {
  const s = sweepLedger(entries, asOfMs(options?.asOf));
  return s.posted - s.pendingExpiry - s.locked;
}

/**
 * A lot: the points of one positive entry that are still unspent.
 *
 * @example
 * ```ts
 * const lot: PointsLot = { lotId: 'earn:t-1', earnedAt: new Date('2026-01-10'), expiresAt: new Date('2027-01-10'), points: 70 };
 * ```
 */
export interface PointsLot {
  /** The id of the entry that opened the lot. */
  readonly lotId: string;
  readonly earnedAt: Date;
  /** Absent when the lot never expires. */
  readonly expiresAt?: Date;
  /** Unspent points. */
  readonly points: number;
}

/**
 * The spendable lots with unspent, unexpired points at `asOf`, in the order they will be spent
 * (oldest first; a lot that was pending counts from its release). Pending lots are not listed (see
 * {@link releasePending}).
 *
 * @param entries - one customer's ledger entries
 * @param options - `asOf`
 * @returns the open lots
 * @throws {CrmError} as {@link balance}
 *
 * @example
 * ```ts
 * import { openLots } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10') },
 *   { id: 'earn:t-2', customerId: 'c-1', type: 'earn', points: 50, occurredAt: new Date('2026-03-01') },
 *   { id: 'redeem:o-1', customerId: 'c-1', type: 'redeem', points: -130, occurredAt: new Date('2026-04-01') },
 * ] as const;
 * openLots(entries, { asOf: new Date('2026-05-01') }).map((l) => [l.lotId, l.points]);
 * //=> [['earn:t-2', 20]]
 * ```
 */
export function openLots(entries: readonly LedgerEntry[], options: AsOfOptions): PointsLot[] {
  const s = sweepLedger(entries, asOfMs(options?.asOf));
  const out: PointsLot[] = [];
  for (const lot of s.spendOrder) {
    const points = s.lotRemaining[lot] as number;
    if (points <= 0) continue;
    const e = entries[s.lotEntry[lot] as number] as LedgerEntry;
    out.push({ lotId: e.id, earnedAt: e.occurredAt, ...(e.expiresAt !== undefined && { expiresAt: e.expiresAt }), points });
  }
  return out;
}
