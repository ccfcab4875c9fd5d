import { isValidDate } from '../../core/time';
import { assert } from '../errors';
import type { LedgerEntry } from './entry';
import { asOfMs, sweepLedger } from './sweep';

/**
 * A lot that is, or was, pending: its points and when they become (or became) spendable.
 *
 * @example
 * ```ts
 * const lot: PendingLot = { lotId: 'earn:t-1', points: 120, availableAt: new Date('2026-03-15') };
 * ```
 */
export interface PendingLot {
  /** The id of the entry that opened the lot. */
  readonly lotId: string;
  /** Pending: the points still locked. Released: the points that became spendable (after returns). */
  readonly points: number;
  /** The entry's `pendingUntil`: from this instant on the points are spendable. */
  readonly availableAt: Date;
}

/**
 * Options for {@link releasePending}.
 *
 * @example
 * ```ts
 * const options: ReleasePendingOptions = { asOf: new Date('2026-03-16'), since: new Date('2026-03-15') };
 * ```
 */
export interface ReleasePendingOptions {
  /** The instant to read at. */
  readonly asOf: Date;
  /** Report only the lots released after this instant, in `(since, asOf]` (a nightly job passes its last run). Default: all. */
  readonly since?: Date;
}

/**
 * What {@link releasePending} reports.
 *
 * @example
 * ```ts
 * const r: PendingRelease = { released: [], pending: [], pendingPoints: 0 };
 * ```
 */
export interface PendingRelease {
  /** Lots whose return window ended in `(since, asOf]`, by release time, with the points released (fully cancelled lots are left out). */
  readonly released: readonly PendingLot[];
  /** Lots still locked at `asOf`, soonest release first. */
  readonly pending: readonly PendingLot[];
  /** The sum of `pending` points: shown in the status, not spendable. */
  readonly pendingPoints: number;
}

/**
 * Releases pending points: earned points locked until the return window passes (an `earn` entry's
 * `pendingUntil`, set by `earnPoints` from the programme's `earning.pending` days for the purchase's
 * channel) become spendable at `pendingUntil`. The release is a matter of time, so {@link balance},
 * {@link redeem} and the repository's guard are right whether or not a job runs; this pure function
 * reports which lots were released by `asOf` (for "your points are now available" notices) and
 * which are still pending. A return inside the window (a `reverse` of the earn) cancels the pending
 * points: a fully returned lot releases nothing and is not listed.
 *
 * @param entries - one customer's ledger entries
 * @param options - `asOf`; `since` to report only the releases after it
 * @returns the released lots, the still pending lots and their total
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf` or `since`; otherwise as {@link balance}
 *
 * @example
 * ```ts
 * import { balance, releasePending } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-03-01'), pendingUntil: new Date('2026-03-08') },
 *   { id: 'earn:t-2', customerId: 'c-1', type: 'earn', points: 40, occurredAt: new Date('2026-03-05'), pendingUntil: new Date('2026-03-12') },
 * ] as const;
 * const r = releasePending(entries, { asOf: new Date('2026-03-10') });
 * [r.released.map((l) => [l.lotId, l.points]), r.pendingPoints];
 * //=> [[['earn:t-1', 100]], 40]
 * balance(entries, { asOf: new Date('2026-03-10') });
 * //=> 100
 * ```
 */
export function releasePending(entries: readonly LedgerEntry[], options: ReleasePendingOptions): PendingRelease {
  const at = asOfMs(options?.asOf);
  assert(options.since === undefined || isValidDate(options.since), 'INVALID_DATE', { params: { field: 'since' } });
  const since = options.since === undefined ? -Infinity : options.since.getTime();
  const s = sweepLedger(entries, at);
  const released: PendingLot[] = [];
  const pending: PendingLot[] = [];
  let pendingPoints = 0;
  for (let lot = 0; lot < s.lotCount; lot++) {
    const until = s.lotPendingUntil[lot] as number;
    const e = entries[s.lotEntry[lot] as number] as LedgerEntry;
    if (until <= e.occurredAt.getTime()) continue; // never pending
    if (s.lotAvailable[lot] === 0) {
      const points = s.lotRemaining[lot] as number;
      if (points <= 0) continue;
      pendingPoints += points;
      pending.push({ lotId: e.id, points, availableAt: new Date(until) });
    } else if (until > since) {
      const points = s.lotReleased[lot] as number;
      if (points > 0) released.push({ lotId: e.id, points, availableAt: new Date(until) });
    }
  }
  const byTime = (a: PendingLot, b: PendingLot) => a.availableAt.getTime() - b.availableAt.getTime();
  return { released: released.sort(byTime), pending: pending.sort(byTime), pendingPoints };
}
