import type { LedgerEntry } from './entry';
import type { AsOfOptions } from './balance';
import { asOfMs, sweepLedger, type LedgerSweep } from './sweep';

/**
 * The `expire` entries to post at `asOf`: one per lot that has expired with points left and has no
 * `expire` entry yet. Each is dated at the lot's expiry and keyed `expire:<lot id>`, so running this
 * again (or on two servers) yields the same keys and never expires a lot twice. Posting them does
 * not change {@link balance}; it makes the ledger's entries sum to it.
 *
 * @param entries - one customer's ledger entries
 * @param options - `asOf`
 * @returns the new entries (empty when nothing expired)
 * @throws {CrmError} as {@link balance}
 *
 * @example
 * ```ts
 * import { applyExpiry } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10'), expiresAt: new Date('2026-07-10') },
 *   { id: 'redeem:o-1', customerId: 'c-1', type: 'redeem', points: -30, occurredAt: new Date('2026-04-01') },
 * ] as const;
 * applyExpiry(entries, { asOf: new Date('2026-08-01') }).map((e) => [e.id, e.points, e.lotId]);
 * //=> [['expire:earn:t-1', -70, 'earn:t-1']]
 * ```
 */
export function applyExpiry(entries: readonly LedgerEntry[], options: AsOfOptions): LedgerEntry[] {
  return expireEntries(entries, sweepLedger(entries, asOfMs(options?.asOf)));
}

/**
 * What {@link ledgerStatus} reports.
 *
 * @example
 * ```ts
 * const s: LedgerStatus = { balance: 80, pending: 0, posted: 230, pendingExpiry: 150, expire: [] };
 * ```
 */
export interface LedgerStatus {
  /** Spendable points at `asOf`, as {@link balance}. */
  readonly balance: number;
  /** Pending points: earned but locked until the return window passes (not spendable, not in `balance`). */
  readonly pending: number;
  /** The sum of every entry up to `asOf`. */
  readonly posted: number;
  /** Points that have expired but have no `expire` entry yet: `posted - pending - balance`. */
  readonly pendingExpiry: number;
  /** The entries to post for them, as {@link applyExpiry}. */
  readonly expire: readonly LedgerEntry[];
}

/**
 * {@link balance} and {@link applyExpiry} from a single pass over the entries: what a nightly job
 * settling every customer's expiry needs, with the pending points (shown, not spendable).
 *
 * @param entries - one customer's ledger entries
 * @param options - `asOf`
 * @returns the balance, the posted sum, the pending expiry and its entries
 * @throws {CrmError} as {@link balance}
 *
 * @example
 * ```ts
 * import { ledgerStatus } from 'crmkit/loyalty';
 * const entries = [
 *   { id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10'), expiresAt: new Date('2026-07-10') },
 *   { id: 'earn:t-2', customerId: 'c-1', type: 'earn', points: 40, occurredAt: new Date('2026-02-10') },
 *   { id: 'redeem:o-1', customerId: 'c-1', type: 'redeem', points: -30, occurredAt: new Date('2026-04-01') },
 * ] as const;
 * const s = ledgerStatus(entries, { asOf: new Date('2026-08-01') });
 * [s.balance, s.posted, s.pendingExpiry, s.expire.length];
 * //=> [40, 110, 70, 1]
 * ```
 */
export function ledgerStatus(entries: readonly LedgerEntry[], options: AsOfOptions): LedgerStatus {
  const s = sweepLedger(entries, asOfMs(options?.asOf));
  return { balance: s.posted - s.pendingExpiry - s.locked, pending: s.locked, posted: s.posted, pendingExpiry: s.pendingExpiry, expire: expireEntries(entries, s) };
}

function expireEntries(entries: readonly LedgerEntry[], s: LedgerSweep): LedgerEntry[] {
  const out: LedgerEntry[] = [];
  for (let lot = 0; lot < s.lotCount; lot++) {
    const lapsed = s.lotLapsed[lot] as number;
    if (lapsed <= 0) continue;
    const source = entries[s.lotEntry[lot] as number] as LedgerEntry;
    out.push({
      id: `expire:${source.id}`,
      customerId: source.customerId,
      type: 'expire',
      points: -lapsed,
      occurredAt: new Date(s.lotExpires[lot] as number),
      lotId: source.id,
    });
  }
  return out;
}
