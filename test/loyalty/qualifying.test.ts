import { describe, expect, it } from 'vitest';
import { Money } from 'crmkit';
import { balance, earnPoints, evaluateTier, LedgerEntrySchema, parseLoyaltyProgram, redeem, type LedgerEntry, type LoyaltyProgramInput } from 'crmkit/loyalty';

const at = (iso: string) => new Date(`${iso}T00:00:00Z`);
const input: LoyaltyProgramInput = {
  id: 'club',
  currency: 'CNY',
  earning: {
    rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 },
    bonuses: [
      // double points in March, redeemable only: they never lift a tier
      { kind: 'campaign', id: 'march-x2', from: '2026-03-01T00:00:00Z', to: '2026-04-01T00:00:00Z', multiplier: '2', redeemableOnly: true },
      // 100 welcome points that do qualify
      { kind: 'first-purchase', id: 'welcome', points: 100 },
    ],
  },
  tiers: [
    { id: 'member', threshold: { points: 0 } },
    { id: 'silver', threshold: { points: 1000 } },
  ],
};
const program = parseLoyaltyProgram(input);
const buy = (id: string, amount: string, day: string) => ({ id, customerId: 'c-1', amount: Money.of(amount, 'CNY'), occurredAt: at(day) });

describe('qualifying versus redeemable points (hand-worked)', () => {
  // First purchase, 600 CNY on 10 March: redeemable 600 × 2 + 100 = 1300; qualifying 600 + 100 = 700.
  const first = earnPoints(buy('t-1', '600', '2026-03-10'), program, { firstPurchase: true });
  // 300 CNY on 10 April, no bonus: 300 and 300.
  const second = earnPoints(buy('t-2', '300', '2026-04-10'), program);

  it('earnPoints keeps both figures, and the entry carries qualifyingPoints only when they differ', () => {
    expect(first).toMatchObject({ points: 1300, qualifyingPoints: 700, bonuses: ['march-x2', 'welcome'] });
    expect(first.entry).toMatchObject({ points: 1300, qualifyingPoints: 700 });
    expect(second).toMatchObject({ points: 300, qualifyingPoints: 300 });
    expect(second.entry).not.toHaveProperty('qualifyingPoints');
    expect(LedgerEntrySchema.parse(first.entry)).toMatchObject({ qualifyingPoints: 700 });
    // qualifying points belong on earn entries only
    expect(LedgerEntrySchema.safeParse({ id: 'a', customerId: 'c-1', type: 'adjust', points: 5, qualifyingPoints: 5, occurredAt: at('2026-01-01') }).success).toBe(false);
  });

  it('tiers qualify on qualifying points, which redemption never lowers', () => {
    const entries: LedgerEntry[] = [first.entry as LedgerEntry];
    // 700 qualifying < 1000: member, although 1300 are redeemable
    expect(evaluateTier(entries, program, { asOf: at('2026-03-20') })).toMatchObject({ tier: 'member', qualifying: { points: 700 }, redeemable: 1300 });
    // spend 1000 on 1 April: 300 redeemable, still 700 qualifying
    entries.push(redeem(entries, 1000, { asOf: at('2026-04-01'), id: 'redeem:o-1' }));
    expect(evaluateTier(entries, program, { asOf: at('2026-04-02') })).toMatchObject({ qualifying: { points: 700 }, redeemable: 300 });
    // 10 April: 700 + 300 = 1000 qualifying → silver; 300 + 300 = 600 redeemable
    entries.push(second.entry as LedgerEntry);
    expect(evaluateTier(entries, program, { asOf: at('2026-04-11') })).toMatchObject({
      tier: 'silver',
      since: at('2026-04-10'),
      qualifying: { points: 1000 },
      redeemable: 600,
    });
    expect(balance(entries, { asOf: at('2026-04-11') })).toBe(600);
  });

  it('a cap cuts the points and the qualifying points with them', () => {
    const capped = parseLoyaltyProgram({ ...input, earning: { ...input.earning, caps: [{ period: 'month', maxPoints: 500 }] } });
    // 1300 capped to 500; qualifying min(700, 500) = 500
    expect(earnPoints(buy('t-1', '600', '2026-03-10'), capped, { firstPurchase: true })).toMatchObject({ points: 500, qualifyingPoints: 500, uncapped: 1300 });
  });
});
