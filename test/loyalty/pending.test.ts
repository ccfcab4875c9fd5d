import { describe, expect, it } from 'vitest';
import { thrownCode } from '../errors';
import { Money } from 'crmkit';
import {
  balance,
  earnPoints,
  evaluateTier,
  ledgerStatus,
  openLots,
  parseLoyaltyProgram,
  redeem,
  releasePending,
  reverse,
  type LedgerEntry,
  type LoyaltyProgramInput,
} from 'crmkit/loyalty';
import { MemoryLoyaltyLedgerRepository } from 'crmkit/memory';

const at = (iso: string) => new Date(`${iso}Z`);
const input: LoyaltyProgramInput = {
  id: 'club',
  currency: 'CNY',
  earning: {
    rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 },
    // 7-day return window in store, 15 days online
    pending: { days: 7, byChannel: { web: 15 } },
  },
  tiers: [
    { id: 'member', threshold: { points: 0 } },
    { id: 'silver', threshold: { points: 250 } },
  ],
};
const program = parseLoyaltyProgram(input);
const buy = (id: string, amount: string, when: string, channel?: string) => ({
  id,
  customerId: 'c-1',
  amount: Money.of(amount, 'CNY'),
  occurredAt: at(when),
  ...(channel !== undefined && { channel }),
});

// Hand-worked: 200 CNY in store on 1 March 10:00 → 200 points pending for 7 days, until 8 March 10:00;
// 100 CNY online on 2 March 10:00 → 100 points pending for 15 days, until 17 March 10:00.
const store = earnPoints(buy('t-1', '200', '2026-03-01T10:00:00', 'store'), program).entry as LedgerEntry;
const web = earnPoints(buy('t-2', '100', '2026-03-02T10:00:00', 'web'), program).entry as LedgerEntry;
const entries = [store, web];

describe('pending points (hand-worked)', () => {
  it('earnPoints locks the points for the channel’s return window', () => {
    expect(store).toMatchObject({ points: 200, pendingUntil: at('2026-03-08T10:00:00') });
    expect(web).toMatchObject({ points: 100, pendingUntil: at('2026-03-17T10:00:00') });
    // no window configured: spendable at once, no pendingUntil
    const plain = parseLoyaltyProgram({ ...input, earning: { rate: input.earning.rate } });
    expect(earnPoints(buy('t-9', '50', '2026-03-01T10:00:00'), plain).entry).not.toHaveProperty('pendingUntil');
  });

  it('shows pending points in the status but not in the balance, and refuses to redeem them', () => {
    const asOf = at('2026-03-05T00:00:00');
    // 300 posted, all pending
    expect(ledgerStatus(entries, { asOf })).toMatchObject({ balance: 0, pending: 300, posted: 300, pendingExpiry: 0 });
    expect(thrownCode(() => redeem(entries, 1, { asOf, id: 'redeem:o-1' }))).toBe('INSUFFICIENT_POINTS');
    expect(openLots(entries, { asOf })).toEqual([]);
  });

  it('releases each lot at its pendingUntil (the instant itself counts as released)', () => {
    const asOf = at('2026-03-08T10:00:00');
    expect(ledgerStatus(entries, { asOf })).toMatchObject({ balance: 200, pending: 100 });
    expect(releasePending(entries, { asOf })).toEqual({
      released: [{ lotId: 'earn:t-1', points: 200, availableAt: at('2026-03-08T10:00:00') }],
      pending: [{ lotId: 'earn:t-2', points: 100, availableAt: at('2026-03-17T10:00:00') }],
      pendingPoints: 100,
    });
    // one millisecond earlier both are pending
    expect(balance(entries, { asOf: new Date(asOf.getTime() - 1) })).toBe(0);
    // a nightly job that last ran on 10 March sees only the release of 17 March on the 18th
    const later = releasePending(entries, { asOf: at('2026-03-18T00:00:00'), since: at('2026-03-10T00:00:00') });
    expect(later.released.map((l) => [l.lotId, l.points])).toEqual([['earn:t-2', 100]]);
    expect(later.pendingPoints).toBe(0);
  });

  it('a return inside the window cancels the pending points; after the window it takes what is left', () => {
    // the web order is returned on 10 March, inside its window: its 100 pending points are cancelled
    const returned = reverse(entries, 'earn:t-2', { asOf: at('2026-03-10T00:00:00') });
    expect(returned).toEqual({ entry: expect.objectContaining({ points: -100, reverses: 'earn:t-2' }), shortfall: 0 });
    const withReturn = [...entries, returned.entry as LedgerEntry];
    expect(ledgerStatus(withReturn, { asOf: at('2026-03-10T00:00:00') })).toMatchObject({ balance: 200, pending: 0 });
    expect(releasePending(withReturn, { asOf: at('2026-03-20T00:00:00') }).released.map((l) => l.lotId)).toEqual(['earn:t-1']);
    // a partial return (40 of 100) inside the window releases 60 on 17 March
    const partial = reverse(entries, 'earn:t-2', { asOf: at('2026-03-10T00:00:00'), points: 40 }).entry as LedgerEntry;
    expect(releasePending([...entries, partial], { asOf: at('2026-03-20T00:00:00'), since: at('2026-03-10T00:00:00') }).released).toEqual([
      { lotId: 'earn:t-2', points: 60, availableAt: at('2026-03-17T10:00:00') },
    ]);
    // the store order, after its window: 150 of its 200 were redeemed on 9 March, so on 20 March the
    // return takes back the 50 spendable (of the web lot cancelled earlier: none) and 150 fall short
    const spent = redeem(withReturn, 150, { asOf: at('2026-03-09T00:00:00'), id: 'redeem:o-1' });
    const late = reverse([...withReturn, spent], 'earn:t-1', { asOf: at('2026-03-20T00:00:00') });
    expect([late.entry?.points, late.shortfall]).toEqual([-50, 150]);
  });

  it('pending points qualify for tiers only when released', () => {
    // 300 ≥ 250 but still pending on 5 March: member; the 200 of the store lot qualify on 8 March 10:00 (silver
    // needs 250: not yet), the 100 online on 17 March 10:00 (300: silver since then)
    expect(evaluateTier(entries, program, { asOf: at('2026-03-05T00:00:00') })).toMatchObject({ tier: 'member', qualifying: { points: 0 }, redeemable: 0 });
    expect(evaluateTier(entries, program, { asOf: at('2026-03-09T00:00:00') })).toMatchObject({ tier: 'member', qualifying: { points: 200 }, redeemable: 200 });
    expect(evaluateTier(entries, program, { asOf: at('2026-03-18T00:00:00') })).toMatchObject({ tier: 'silver', since: at('2026-03-17T10:00:00'), redeemable: 300 });
  });

  it('the memory repository refuses to post a redemption of pending points', async () => {
    const repo = new MemoryLoyaltyLedgerRepository();
    await repo.append(entries);
    const early: LedgerEntry = { id: 'redeem:o-2', customerId: 'c-1', type: 'redeem', points: -10, occurredAt: at('2026-03-05T00:00:00') };
    await expect(repo.append(early)).rejects.toMatchObject({ code: 'INSUFFICIENT_POINTS' });
    // on 9 March the 200 of the store lot are spendable
    await repo.append({ ...early, occurredAt: at('2026-03-09T00:00:00'), points: -200 });
    expect(await repo.balanceOf('c-1')).toBe(100);
  });
});
