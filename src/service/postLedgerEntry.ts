import { assert, CrmError } from './errors';
import { isCrmError } from '../core/errors/CrmError';
import type { LedgerEntry } from '../loyalty/ledger/entry';
import type { LoyaltyLedgerRepository } from '../repository/LoyaltyLedgerRepository';

/**
 * Options for {@link postLedgerEntry}.
 *
 * @example
 * ```ts
 * const options: PostLedgerEntryOptions = { maxAttempts: 200 };
 * ```
 */
export interface PostLedgerEntryOptions {
  /**
   * Attempts in all (read, compute, append), 1 to 10,000. Default 100. Each lost race means
   * another posting for this customer went through, so a bound of the number of concurrent writers
   * per customer never gives up on a request that fits.
   */
  readonly maxAttempts?: number;
}

/**
 * What {@link postLedgerEntry} did.
 *
 * @example
 * ```ts
 * const r: PostedLedgerEntry = { entry: undefined, repeated: false, attempts: 1, balance: 0 };
 * ```
 */
export interface PostedLedgerEntry {
  /** The entry posted (or found posted already), undefined when `compute` returned none. */
  readonly entry: LedgerEntry | undefined;
  /** true when an entry with the same key and content was posted before (a retry). */
  readonly repeated: boolean;
  readonly attempts: number;
  /** The customer's posted balance (sum of stored entries) after this posting. */
  readonly balance: number;
}

/**
 * Posts one points-ledger entry computed from the customer's current ledger, safely under
 * concurrency: read the entries, `compute` the entry from them (`redeem`, `earnPoints(...).entry`),
 * append it with `expectedBalance` (a compare-and-set on the posted balance), and when another
 * posting came in between (`BALANCE_MISMATCH`) read again and recompute, up to `maxAttempts`.
 * Two redemptions that together would overdraw never both post: the later one recomputes against
 * the new balance and `redeem` throws `INSUFFICIENT_POINTS`. The entry's id is its idempotency key,
 * so a retried request posts nothing twice (`repeated: true`). `compute` may run more than once and
 * must be pure.
 *
 * @param ledger - a `LoyaltyLedgerRepository`
 * @param customerId - whose ledger
 * @param compute - the entry to post given the current entries, or undefined for none
 * @param options - `maxAttempts` (default 100)
 * @returns the entry, whether it was a repeat, the attempts and the posted balance after it
 * @throws {CrmError} whatever `compute` throws (`INSUFFICIENT_POINTS` from `redeem`);
 *   `IDEMPOTENCY_CONFLICT` when the key was posted with other content; `BALANCE_MISMATCH` when every
 *   attempt lost its race; `INVALID_ARGUMENT` for a bad `maxAttempts` or an entry of another customer
 *
 * @example
 * ```ts
 * import { redeem } from 'crmkit/loyalty';
 * import { createMemoryRepositories } from 'crmkit/memory';
 * import { postLedgerEntry } from 'crmkit/service';
 * const { loyaltyLedger } = createMemoryRepositories();
 * const asOf = new Date('2026-02-01T00:00:00Z');
 * await loyaltyLedger.append({ id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-10T00:00:00Z') });
 * const spend = (key: string) => postLedgerEntry(loyaltyLedger, 'c-1', (entries) => redeem(entries, 60, { asOf, id: `redeem:${key}` }));
 * const results = await Promise.allSettled([spend('o-1'), spend('o-2')]);
 * results.map((r) => r.status);
 * //=> ['fulfilled', 'rejected']
 * await loyaltyLedger.balanceOf('c-1');
 * //=> 40
 * ```
 */
export async function postLedgerEntry(
  ledger: Pick<LoyaltyLedgerRepository, 'entriesOf' | 'append'>,
  customerId: string,
  compute: (entries: readonly LedgerEntry[], attempt: number) => LedgerEntry | undefined,
  options: PostLedgerEntryOptions = {},
): Promise<PostedLedgerEntry> {
  if (ledger === null || typeof ledger !== 'object' || typeof ledger.entriesOf !== 'function' || typeof ledger.append !== 'function') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'ledger', rule: 'must have entriesOf and append' } });
  }
  const maxAttempts = options.maxAttempts ?? 100;
  assert(Number.isSafeInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= 10_000, 'INVALID_ARGUMENT', {
    params: { field: 'maxAttempts', rule: 'must be a whole number from 1 to 10000' },
  });
  assert(typeof customerId === 'string' && customerId !== '', 'INVALID_ARGUMENT', { params: { field: 'customerId', rule: 'must be a non-empty string' } });
  for (let attempt = 1; ; attempt++) {
    const entries = await ledger.entriesOf(customerId);
    let posted = 0;
    for (const e of entries) posted += e.points;
    const entry = compute(entries, attempt);
    if (entry === undefined) return { entry, repeated: false, attempts: attempt, balance: posted };
    assert(entry.customerId === customerId, 'INVALID_ARGUMENT', { params: { field: 'entry.customerId', rule: 'must be the customer posted for' } });
    try {
      const r = await ledger.append(entry, { expectedBalance: posted });
      const repeated = r.appended.length === 0;
      return { entry: repeated ? (r.repeated[0] ?? entry) : entry, repeated, attempts: attempt, balance: repeated ? posted : posted + entry.points };
    } catch (e) {
      if (!isCrmError(e, 'BALANCE_MISMATCH') || attempt >= maxAttempts) throw e;
    }
  }
}
