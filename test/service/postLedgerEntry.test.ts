// postLedgerEntry: concurrency-safe ledger postings. The property is the no-overdraft rule worked
// out by hand: with a balance B and n concurrent redemptions of p points, exactly min(n, ⌊B/p⌋)
// succeed and the posted balance ends at B − p·min(n, ⌊B/p⌋), never below zero.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { type LedgerEntry, redeem } from 'crmkit/loyalty';
import { createMemoryRepositories } from 'crmkit/memory';
import { postLedgerEntry } from 'crmkit/service';

const asOf = new Date('2026-02-01T00:00:00Z');
const earn = (points: number): LedgerEntry => ({ id: 'earn:t-1', customerId: 'c-1', type: 'earn', points, occurredAt: new Date('2026-01-10T00:00:00Z') });

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return isCrmError(e) ? e.code : String(e);
  }
}

describe('postLedgerEntry', () => {
  it('posts, and a retry with the same key and content posts nothing (repeated)', async () => {
    const { loyaltyLedger } = createMemoryRepositories();
    await loyaltyLedger.append(earn(100));
    const fixed: LedgerEntry = { id: 'redeem:k', customerId: 'c-1', type: 'redeem', points: -30, occurredAt: asOf };
    const first = await postLedgerEntry(loyaltyLedger, 'c-1', () => fixed);
    const again = await postLedgerEntry(loyaltyLedger, 'c-1', () => fixed);
    expect([first.repeated, first.balance, again.repeated, again.balance]).toEqual([false, 70, true, 70]);
    expect(await loyaltyLedger.balanceOf('c-1')).toBe(70);
  });

  it('same key, other content: IDEMPOTENCY_CONFLICT', async () => {
    const { loyaltyLedger } = createMemoryRepositories();
    await loyaltyLedger.append(earn(100));
    await postLedgerEntry(loyaltyLedger, 'c-1', (e) => redeem(e, 10, { asOf, id: 'redeem:k' }));
    expect(await code(postLedgerEntry(loyaltyLedger, 'c-1', (e) => redeem(e, 20, { asOf, id: 'redeem:k' })))).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('undefined from compute posts nothing; an entry of another customer is refused', async () => {
    const { loyaltyLedger } = createMemoryRepositories();
    expect(await postLedgerEntry(loyaltyLedger, 'c-1', () => undefined)).toEqual({ entry: undefined, repeated: false, attempts: 1, balance: 0 });
    expect(await code(postLedgerEntry(loyaltyLedger, 'c-2', () => earn(5)))).toBe('INVALID_ARGUMENT');
    expect(await code(postLedgerEntry(loyaltyLedger, 'c-1', () => earn(5), { maxAttempts: 0 }))).toBe('INVALID_ARGUMENT');
  });

  it('gives up with BALANCE_MISMATCH when every attempt loses its race', async () => {
    const { loyaltyLedger } = createMemoryRepositories();
    let n = 0;
    const racing = {
      entriesOf: (id: string) => loyaltyLedger.entriesOf(id),
      async append(entry: LedgerEntry | readonly LedgerEntry[], options?: { expectedBalance?: number }) {
        await loyaltyLedger.append({ ...earn(1), id: `rival-${n++}` });
        return loyaltyLedger.append(entry, options);
      },
    };
    expect(await code(postLedgerEntry(racing, 'c-1', () => ({ ...earn(5), id: 'mine' }), { maxAttempts: 3 }))).toBe('BALANCE_MISMATCH');
    expect(n).toBe(3);
  });

  it('property: n concurrent redemptions of p against B: exactly min(n, ⌊B/p⌋) succeed, never overdrawn', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 40 }), async (B, p, n) => {
        const { loyaltyLedger } = createMemoryRepositories();
        await loyaltyLedger.append(earn(B));
        const results = await Promise.allSettled(
          Array.from({ length: n }, (_, i) => postLedgerEntry(loyaltyLedger, 'c-1', (e) => redeem(e, p, { asOf, id: `redeem:${i}` }), { maxAttempts: n })),
        );
        const ok = results.filter((r) => r.status === 'fulfilled').length;
        const fits = Math.min(n, Math.floor(B / p));
        expect(ok).toBe(fits);
        for (const r of results) if (r.status === 'rejected') expect(isCrmError(r.reason, 'INSUFFICIENT_POINTS')).toBe(true);
        expect(await loyaltyLedger.balanceOf('c-1')).toBe(B - p * fits);
      }),
      { numRuns: 40 },
    );
  });
});
