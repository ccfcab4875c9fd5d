import { assert } from '../errors';
import type { LedgerEntry } from './entry';
import { asOfMs, sweepLedger } from './sweep';

/**
 * Options for {@link redeem}.
 *
 * @example
 * ```ts
 * const options: RedeemOptions = { asOf: new Date('2026-04-01'), id: 'redeem:o-1', customerId: 'c-1' };
 * ```
 */
export interface RedeemOptions {
  /** When the redemption happens; it spends what is available then. */
  readonly asOf: Date;
  /** The idempotency key of the new entry (derive it from the order or request id). */
  readonly id: string;
  /** The customer; default the customer of the entries (required when there are none). */
  readonly customerId?: string;
  readonly reason?: string;
  readonly sourceRef?: string;
}

/**
 * The `redeem` entry that spends `points` at `asOf`. When posted, it consumes lots oldest first
 * (first in, first out), so the points closest to expiry under a uniform expiry rule go first.
 * Expired points are not available, whether or not their `expire` entry is posted yet; pending
 * points (inside the return window) are not available either.
 *
 * @param entries - one customer's ledger entries
 * @param points - whole points to spend, at least 1
 * @param options - `asOf`, `id` (idempotency key), optional `customerId`, `reason`, `sourceRef`
 * @returns the entry to append
 * @throws {CrmError} `INSUFFICIENT_POINTS` when fewer points are available (params `requested`,
 *   `available`); `INVALID_ARGUMENT` for a non-whole or non-positive amount or a missing id;
 *   otherwise as {@link balance}
 *
 * @example
 * ```ts
 * import { balance, redeem } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10') },
 * ] as const;
 * const entry = redeem(entries, 80, { asOf: new Date('2026-02-01'), id: 'redeem:o-1' });
 * entry.points;
 * //=> -80
 * balance([...entries, entry], { asOf: new Date('2026-02-01') });
 * //=> 20
 * ```
 * and `redeem(entries, 500, ...)` throws `INSUFFICIENT_POINTS`.
 */
export function redeem(entries: readonly LedgerEntry[], points: number, options: RedeemOptions): LedgerEntry {
  const at = asOfMs(options?.asOf);
  assert(Number.isSafeInteger(points) && points > 0, 'INVALID_ARGUMENT', { params: { field: 'points', rule: 'must be a whole number of points, at least 1' } });
  assert(typeof options.id === 'string' && options.id.length > 0, 'INVALID_ARGUMENT', { params: { field: 'id', rule: 'an idempotency key is required' } });
  const s = sweepLedger(entries, at);
  const available = s.posted - s.pendingExpiry - s.locked;
  assert(points <= available, 'INSUFFICIENT_POINTS', { params: { requested: points, available: Math.max(0, available) }, details: { requested: points, available } });
  const customerId = options.customerId ?? (entries[0] as LedgerEntry).customerId;
  return {
    id: options.id,
    customerId,
    type: 'redeem',
    points: -points,
    occurredAt: new Date(at),
    ...(options.reason !== undefined && { reason: options.reason }),
    ...(options.sourceRef !== undefined && { sourceRef: options.sourceRef }),
  };
}
