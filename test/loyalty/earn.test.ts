import { describe, expect, it } from 'vitest';
import { thrownCode as codeOf } from '../errors';
import { isCrmError, Money } from 'crmkit';
import { earnPoints, expiryOf, parseLoyaltyProgram, type LoyaltyProgramInput } from 'crmkit/loyalty';

const input: LoyaltyProgramInput = {
  id: 'club',
  currency: 'CNY',
  utcOffsetMinutes: 480,
  earning: {
    // 3 points per 10.00 CNY, rounded down
    rate: { spend: { amount: '10', currency: 'CNY' }, points: 3 },
    bonuses: [
      { kind: 'birthday-month', id: 'bday', multiplier: '2' },
      { kind: 'first-purchase', id: 'welcome', points: 50 },
      { kind: 'referral', id: 'friend', points: 20, multiplier: '1.1' },
      { kind: 'campaign', id: 'double-11', from: '2026-11-11T00:00:00+08:00', to: '2026-11-12T00:00:00+08:00', multiplier: '3' },
    ],
    caps: [{ period: 'month', maxPoints: 1000 }],
  },
  tiers: [
    { id: 'member', threshold: { points: 0 } },
    { id: 'gold', threshold: { points: 5000 }, multiplier: '1.5' },
  ],
  expiry: { kind: 'months-after-earn', months: 12 },
};
const program = parseLoyaltyProgram(input);
const buy = (id: string, amount: string, at: string) => ({ id, customerId: 'c-1', amount: Money.of(amount, 'CNY'), occurredAt: new Date(at) });

describe('earnPoints (hand-computed)', () => {
  it('applies the tier multiplier, the birthday bonus and the monthly cap', () => {
    // Purchase 1, 459.90 CNY on 8 March, gold, born in March:
    //   459.90 / 10 × 3 = 137.97; × 1.5 (gold) = 206.955; × 2 (birthday) = 413.91; floor → 413
    const first = earnPoints(buy('t-1', '459.90', '2026-03-08T10:00:00+08:00'), program, { tier: 'gold', birthMonth: 3 });
    expect(first).toMatchObject({ points: 413, uncapped: 413, multiplier: '3', bonuses: ['bday'], bonusPoints: 0 });
    expect(first.entry).toMatchObject({ id: 'earn:t-1', type: 'earn', points: 413, sourceRef: 't-1' });
    expect(first.entry?.spend?.toString()).toBe('459.90 CNY');
    // 12 months after 2026-03-08T10:00+08:00
    expect(first.entry?.expiresAt).toEqual(new Date('2027-03-08T10:00:00+08:00'));

    // Purchase 2, 1000.00 CNY on 20 March: 1000 / 10 × 3 × 1.5 × 2 = 900, but the March cap of 1000
    // leaves 1000 - 413 = 587
    const second = earnPoints(buy('t-2', '1000.00', '2026-03-20T10:00:00+08:00'), program, {
      tier: 'gold',
      birthMonth: 3,
      entries: [first.entry!],
    });
    expect([second.uncapped, second.points]).toEqual([900, 587]);

    // Purchase 3 on 1 April: a new month and no birthday: 1000 / 10 × 3 × 1.5 = 450, under the cap
    const third = earnPoints(buy('t-3', '1000.00', '2026-04-01T10:00:00+08:00'), program, {
      tier: 'gold',
      birthMonth: 3,
      entries: [first.entry!, second.entry!],
    });
    expect([third.points, third.bonuses]).toEqual([450, []]);

    // a full cap earns nothing and posts no entry
    const capped = earnPoints(buy('t-4', '100.00', '2026-03-25T10:00:00+08:00'), program, { entries: [first.entry!, second.entry!] });
    expect([capped.uncapped, capped.points, capped.entry]).toEqual([30, 0, undefined]);
  });

  it('reads the birthday month and campaign window in the programme zone (UTC+8)', () => {
    // 2026-02-28T17:00Z is 1 March 01:00 in Beijing: the March birthday applies. 10.00 CNY, member:
    //   10 / 10 × 3 = 3; × 2 = 6; first purchase + 50 = 56
    const r = earnPoints(buy('t-5', '10.00', '2026-02-28T17:00:00Z'), program, { birthMonth: 3, firstPurchase: true });
    expect([r.points, r.bonuses]).toEqual([56, ['bday', 'welcome']]);
    // Double 11 in Beijing: 2026-11-10T16:30Z is 11 November 00:30 there. 100 / 10 × 3 × 3 = 90
    expect(earnPoints(buy('t-6', '100.00', '2026-11-10T16:30:00Z'), program).points).toBe(90);
    // 2026-11-11T16:00Z is 12 November 00:00 there: the window [from, to) has closed. 100 / 10 × 3 = 30
    expect(earnPoints(buy('t-7', '100.00', '2026-11-11T16:00:00Z'), program).points).toBe(30);
  });

  it('adds the referral bonus to a referred purchase', () => {
    // 100.00 / 10 × 3 = 30; × 1.1 = 33; + 20 = 53 (member, no birthday)
    expect(earnPoints(buy('t-10', '100.00', '2026-05-01T10:00:00Z'), program, { referral: true })).toMatchObject({ points: 53, multiplier: '1.1', bonusPoints: 20, bonuses: ['friend'] });
  });

  it('rounds once per purchase with the programme rule', () => {
    // 15.00 / 10 × 3 = 4.5: floor → 4, half-up → 5
    expect(earnPoints(buy('t-8', '15.00', '2026-05-01T10:00:00Z'), program).points).toBe(4);
    const halfUp = parseLoyaltyProgram({ ...input, earning: { ...input.earning, rounding: 'half-up' } });
    expect(earnPoints(buy('t-8', '15.00', '2026-05-01T10:00:00Z'), halfUp).points).toBe(5);
  });

  it('is idempotent per purchase and refuses bad input with typed errors', () => {
    const first = earnPoints(buy('t-1', '459.90', '2026-03-08T10:00:00+08:00'), program);
    expect(earnPoints(buy('t-1', '459.90', '2026-03-08T10:00:00+08:00'), program, { entries: [first.entry!] }).entry).toBe(first.entry);
    const usd = { ...buy('t-9', '1', '2026-01-01T00:00:00Z'), amount: Money.of('1', 'USD') };
    expect(codeOf(() => earnPoints(usd, program))).toBe('CURRENCY_MISMATCH');
    expect(codeOf(() => earnPoints({ ...buy('t-9', '1', '2026-01-01T00:00:00Z'), type: 'refund' }, program))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => earnPoints(buy('t-9', '1', '2026-01-01T00:00:00Z'), program, { tier: 'platinum' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => earnPoints(buy('t-9', '1', '2026-01-01T00:00:00Z'), program, { birthMonth: 13 }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => earnPoints({ ...buy('t-9', '1', '2026-01-01T00:00:00Z'), occurredAt: new Date('x') }, program))).toBe('INVALID_DATE');
  });
});

describe('expiryOf (hand-computed)', () => {
  it('adds calendar months clamped to month end, or runs to the year end in the programme zone', () => {
    // 31 August + 6 months = 28 February (no 31 February)
    expect(expiryOf(new Date('2026-08-31T12:00:00Z'), parseLoyaltyProgram({ ...input, utcOffsetMinutes: 0, expiry: { kind: 'months-after-earn', months: 6 } }))).toEqual(
      new Date('2027-02-28T12:00:00Z'),
    );
    // earned 31 Dec 2026 20:00 UTC = 1 Jan 2027 04:00 Beijing: year-end is 1 Jan 2028 00:00 Beijing
    const yearEnd = parseLoyaltyProgram({ ...input, expiry: { kind: 'year-end', yearsAfter: 0 } });
    expect(expiryOf(new Date('2026-12-31T20:00:00Z'), yearEnd)).toEqual(new Date('2028-01-01T00:00:00+08:00'));
    expect(expiryOf(new Date('2026-06-01T00:00:00Z'), parseLoyaltyProgram({ ...input, expiry: { kind: 'never' } }))).toBeUndefined();
  });
});

describe('parseLoyaltyProgram', () => {
  it('rejects inconsistent programmes with INVALID_PROGRAM and the issue paths', () => {
    const bad = (patch: Partial<LoyaltyProgramInput>) => codeOf(() => parseLoyaltyProgram({ ...input, ...patch }));
    expect(bad({ tiers: [{ id: 'a', threshold: { points: 10 } }] })).toBe('INVALID_PROGRAM');
    expect(bad({ tiers: [{ id: 'a', threshold: { points: 0 } }, { id: 'b', threshold: { points: 0 } }] })).toBe('INVALID_PROGRAM');
    expect(bad({ tiers: [{ id: 'a', threshold: { points: 0 } }, { id: 'a', threshold: { points: 5 } }] })).toBe('INVALID_PROGRAM');
    expect(bad({ tiers: [{ id: 'a', threshold: { spend: { amount: '0', currency: 'CNY' } } }] })).toBe('INVALID_PROGRAM');
    expect(bad({ currency: 'USD' })).toBe('INVALID_PROGRAM');
    expect(bad({ earning: { rate: { spend: { amount: '0', currency: 'CNY' }, points: 1 } } })).toBe('INVALID_PROGRAM');
    expect(bad({ earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 }, bonuses: [{ kind: 'referral', id: 'r' }] } })).toBe('INVALID_PROGRAM');
    expect(bad({ tiers: [{ id: 'a', threshold: { points: 0 }, multiplier: '1.5e3' }] })).toBe('INVALID_PROGRAM');
    try {
      parseLoyaltyProgram({ ...input, tiers: [{ id: 'a', threshold: { points: 10 } }] });
    } catch (e) {
      expect(isCrmError(e) && e.details.issues?.[0]?.path).toEqual(['tiers', 0, 'threshold']);
    }
  });

  it('round-trips through JSON', () => {
    const json = JSON.parse(JSON.stringify(program));
    expect(JSON.stringify(parseLoyaltyProgram(json))).toBe(JSON.stringify(program));
    expect(parseLoyaltyProgram(json).earning.rate.spend.toString()).toBe("10.00 CNY");
  });
});
