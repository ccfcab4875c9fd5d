import { z } from 'zod';
import { Money } from '../../core/money/Money';
import { MoneySchema } from '../../core/money/schema';
import { DateSchema } from '../../core/time/schema';
import { requireObject } from '../../core/guards';
import { lazySchema } from '../../core/zod/lazySchema';

const key = /* @__PURE__ */ lazySchema(() => z.string().min(1).max(512));

/**
 * zod schema of one points-ledger entry. The ledger is append-only: nothing is edited, every change
 * is a new entry. `id` is the entry's identity and its idempotency key (derive it from what caused
 * it, such as `earn:t-1001`): appending the same key twice never posts twice.
 *
 * `points` are whole, signed points: `earn` > 0, `redeem` < 0, `expire` < 0, `adjust` and `reverse`
 * either sign but not 0. Positive entries open a lot that expires at `expiresAt` (never when absent);
 * negative entries consume lots oldest first. `expire` entries name the lot they close in `lotId`;
 * `reverse` entries name the entry they undo in `reverses`. `spend` on an `earn` entry is the purchase
 * amount, counted by spend-based tier qualification. `sourceRef` links to the cause (a transaction id).
 *
 * `pendingUntil` locks a positive entry's points until that instant (the return window): they show
 * as pending but cannot be spent, and a reversal before then cancels them. `qualifyingPoints` on an
 * `earn` entry are the points that count toward tiers when they differ from `points` (a
 * redeemable-only bonus); absent, all of `points` qualify.
 *
 * @example
 * ```ts
 * import { LedgerEntrySchema } from 'crmkit/loyalty';
 * const e = LedgerEntrySchema.parse({
 *   id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 120,
 *   occurredAt: '2026-03-01T10:00:00+08:00', expiresAt: '2028-03-01T10:00:00+08:00',
 * });
 * e.points;
 * //=> 120
 * LedgerEntrySchema.safeParse({ ...e, type: 'redeem' }).success;
 * //=> false
 * ```
 */
export const LedgerEntrySchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    id: key,
    customerId: z.string().min(1).max(128),
    type: z.enum(['earn', 'redeem', 'expire', 'adjust', 'reverse']),
    points: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
    occurredAt: DateSchema,
    expiresAt: DateSchema.optional(),
    pendingUntil: DateSchema.optional(),
    qualifyingPoints: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
    lotId: key.optional(),
    reverses: key.optional(),
    spend: MoneySchema.optional(),
    sourceRef: z.string().max(128).optional(),
    reason: z.string().max(256).optional(),
  })
  .superRefine((e, ctx) => {
    const issue = (message: string, path: string) => ctx.addIssue({ code: 'custom', message, path: [path] });
    if (e.points === 0) issue('must not be zero', 'points');
    if (e.type === 'earn' && e.points < 0) issue('earn entries add points', 'points');
    if ((e.type === 'redeem' || e.type === 'expire') && e.points > 0) issue(`${e.type} entries remove points`, 'points');
    if (e.type === 'expire' && e.lotId === undefined) issue('expire entries name the lot they close', 'lotId');
    if (e.type === 'reverse' && e.reverses === undefined) issue('reverse entries name the entry they undo', 'reverses');
    if (e.expiresAt !== undefined && (e.points < 0 || e.expiresAt < e.occurredAt)) issue('only positive entries expire, not before they occur', 'expiresAt');
    if (e.spend !== undefined && (e.type !== 'earn' || e.spend.isNegative())) issue('spend belongs on earn entries and is not negative', 'spend');
    if (e.pendingUntil !== undefined && (e.points < 0 || e.pendingUntil < e.occurredAt)) issue('only positive entries are pending, not before they occur', 'pendingUntil');
    if (e.qualifyingPoints !== undefined && e.type !== 'earn') issue('qualifying points belong on earn entries', 'qualifyingPoints');
  })
  .meta({ id: 'LedgerEntry' }));

/**
 * One points-ledger entry; see {@link LedgerEntrySchema}.
 *
 * @example
 * ```ts
 * const e: LedgerEntry = {
 *   id: 'redeem:o-9', customerId: 'c-1', type: 'redeem', points: -500, occurredAt: new Date('2026-04-01'),
 * };
 * ```
 */
export type LedgerEntry = z.output<typeof LedgerEntrySchema>;

/**
 * The kind of a ledger entry.
 *
 * @example
 * ```ts
 * const t: LedgerEntryType = 'expire';
 * ```
 */
export type LedgerEntryType = LedgerEntry['type'];

/**
 * Whether two entries with the same idempotency key carry the same content (so the second append
 * is a harmless repeat rather than a conflict). Compares every field; dates by instant, money by value.
 *
 * @param a - an entry
 * @param b - another entry
 * @returns true when they are the same posting
 *
 * @throws {CrmError} `INVALID_ARGUMENT` when an entry is not an object
 *
 * @example
 * ```ts
 * import { sameEntry } from 'crmkit/loyalty';
 * const a = { id: 'k', customerId: 'c', type: 'earn', points: 5, occurredAt: new Date('2026-01-01') } as const;
 * sameEntry(a, { ...a, occurredAt: new Date('2026-01-01') });
 * //=> true
 * sameEntry(a, { ...a, points: 6 });
 * //=> false
 * ```
 */
export function sameEntry(a: LedgerEntry, b: LedgerEntry): boolean {
  requireObject(a, 'a');
  requireObject(b, 'b');
  // Dates compare by instant; anything else a caller put there (unparsed input) by identity.
  const time = (d: unknown) => (d instanceof Date ? d.getTime() : d);
  return (
    a.id === b.id &&
    a.customerId === b.customerId &&
    a.type === b.type &&
    a.points === b.points &&
    time(a.occurredAt) === time(b.occurredAt) &&
    time(a.expiresAt) === time(b.expiresAt) &&
    time(a.pendingUntil) === time(b.pendingUntil) &&
    a.qualifyingPoints === b.qualifyingPoints &&
    a.lotId === b.lotId &&
    a.reverses === b.reverses &&
    (Money.isMoney(a.spend) ? b.spend !== undefined && a.spend.equals(b.spend) : a.spend === b.spend) &&
    a.sourceRef === b.sourceRef &&
    a.reason === b.reason
  );
}
