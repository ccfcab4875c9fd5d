import { describe, expect, it } from 'vitest';
import { Money } from 'crmkit';
import { earnPoints, evaluateTier, parseLoyaltyProgram, reverse, type LedgerEntry, type LoyaltyProgramInput } from 'crmkit/loyalty';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const earn = (id: string, points: number, at: string): LedgerEntry => ({ id, customerId: 'c-1', type: 'earn', points, occurredAt: d(at) });
const base: LoyaltyProgramInput = {
  id: 'club',
  currency: 'CNY',
  earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } },
  tiers: [
    { id: 'member', threshold: { points: 0 } },
    { id: 'silver', threshold: { points: 1000 } },
    { id: 'gold', threshold: { points: 3000 } },
  ],
  qualification: { basis: 'points', window: { kind: 'rolling', months: 12 } },
  downgrade: { review: { kind: 'anniversary', every: 12 }, graceDays: 30, maxStepsDown: 1 },
};
const program = parseLoyaltyProgram(base);

describe('evaluateTier: downgrade at review with a grace period (hand-computed)', () => {
  // 3200 on 2025-03-01 → gold at once; review 12 months later, 2026-03-01.
  // At the review the window (2025-03-01, 2026-03-01] holds only the 500 of 2025-09-01: short of
  // silver (1000), so gold is kept for 30 days of grace, until 2026-03-31.
  const history = [earn('a', 3200, '2025-03-01'), earn('b', 500, '2025-09-01'), earn('c', 600, '2026-03-15')];

  it('is gold from the first purchase, with the review a year later', () => {
    expect(evaluateTier(history, program, { asOf: d('2025-06-01') })).toEqual({
      tier: 'gold',
      since: d('2025-03-01'),
      qualifying: { points: 3200 },
      // nothing spent, nothing expires: the 3200 earned by 2025-06-01 are all redeemable
      redeemable: 3200,
      nextReview: d('2026-03-01'),
      // with nothing more earned, at the review (2026-03-01) the window holds 500 and at the grace end
      // (2026-03-31) still 500: member-level, but at most one step down → silver
      dropTo: 'silver',
    });
  });

  it('keeps gold during grace and says where it would drop', () => {
    const e = evaluateTier(history, program, { asOf: d('2026-03-10') });
    expect(e).toMatchObject({ tier: 'gold', graceUntil: d('2026-03-31'), dropTo: 'silver', qualifying: { points: 500 } });
    expect(e.nextReview).toBeUndefined();
  });

  it('drops one tier at the grace end: 500 + 600 = 1100 qualifies for silver', () => {
    expect(evaluateTier(history, program, { asOf: d('2026-04-01') })).toEqual({
      tier: 'silver',
      since: d('2026-03-31'),
      qualifying: { points: 1100 },
      // 3200 + 500 + 600 earned, none spent
      redeemable: 4300,
      // gold needs 3000: 3000 - 1100 = 1900 missing
      next: { tier: 'gold', missing: { points: 1900 } },
      nextReview: d('2027-03-31'),
      // by 2027-03-31 both earns have left the window: 0 → member
      dropTo: 'member',
    });
  });

  it('drops at most one step, or straight to the qualified tier when maxStepsDown is null', () => {
    const short = [earn('a', 3200, '2025-03-01'), earn('b', 500, '2025-09-01')];
    // at the grace end the window holds 500: member-level
    expect(evaluateTier(short, program, { asOf: d('2026-04-01') }).tier).toBe('silver');
    const free = parseLoyaltyProgram({ ...base, downgrade: { ...base.downgrade, maxStepsDown: null } });
    expect(evaluateTier(short, free, { asOf: d('2026-04-01') })).toMatchObject({ tier: 'member', since: d('2026-03-31') });
    // without grace the drop happens at the review itself
    const strict = parseLoyaltyProgram({ ...base, downgrade: { ...base.downgrade, graceDays: 0 } });
    expect(evaluateTier(short, strict, { asOf: d('2026-03-02') })).toMatchObject({ tier: 'silver', since: d('2026-03-01'), nextReview: d('2027-03-01') });
  });

  it('keeps the tier when the customer requalifies during grace', () => {
    // 2600 on 2026-03-20: the window at the grace end holds 500 + 2600 = 3100 ≥ 3000
    const saved = [earn('a', 3200, '2025-03-01'), earn('b', 500, '2025-09-01'), earn('c', 2600, '2026-03-20')];
    expect(evaluateTier(saved, program, { asOf: d('2026-04-01') })).toEqual({
      tier: 'gold',
      since: d('2025-03-01'),
      qualifying: { points: 3100 },
      // 3200 + 500 + 2600 earned, none spent
      redeemable: 6300,
      // the next review is a year after the one that found the customer short
      nextReview: d('2027-03-01'),
      // then the window (2026-03-01, 2027-03-01] holds only the 2600: silver-level, and still at the
      // grace end 2027-03-31 → one step down to silver
      dropTo: 'silver',
    });
  });
});

describe('evaluateTier: a refund pulls the tier back (hand-computed)', () => {
  const noGrace = parseLoyaltyProgram({ ...base, downgrade: { ...base.downgrade, graceDays: 0 } });
  // 800 + 400 = 1200 ≥ 1000: silver from 2026-02-01, when the second purchase is made
  const history = [earn('earn:t-1', 800, '2026-01-10'), earn('earn:t-2', 400, '2026-02-01')];

  it('withdraws a tier reached only through the refunded purchase', () => {
    expect(evaluateTier(history, noGrace, { asOf: d('2026-02-15') })).toMatchObject({ tier: 'silver', since: d('2026-02-01') });
    const refund = reverse(history, 'earn:t-2', { asOf: d('2026-02-20') }).entry as LedgerEntry;
    const after = [...history, refund];
    // before the refund is posted, the past is as it was
    expect(evaluateTier(after, noGrace, { asOf: d('2026-02-19') }).tier).toBe('silver');
    // after it, only 800 qualify: member, 1000 - 800 = 200 missing for silver
    expect(evaluateTier(after, noGrace, { asOf: d('2026-02-21') })).toEqual({
      tier: 'member',
      qualifying: { points: 800 },
      // 800 + 400 earned, 400 reversed
      redeemable: 800,
      next: { tier: 'silver', missing: { points: 200 } },
    });
  });

  it('counts partly refunded purchases in proportion', () => {
    // 300 of 400 reversed: 800 + 100 = 900 < 1000 → member
    const big = reverse(history, 'earn:t-2', { asOf: d('2026-02-20'), points: 300 }).entry as LedgerEntry;
    expect(evaluateTier([...history, big], noGrace, { asOf: d('2026-02-21') }).tier).toBe('member');
    // 100 of 400 reversed: 800 + 300 = 1100 ≥ 1000 → still silver
    const small = reverse(history, 'earn:t-2', { asOf: d('2026-02-20'), points: 100 }).entry as LedgerEntry;
    expect(evaluateTier([...history, small], noGrace, { asOf: d('2026-02-21') }).tier).toBe('silver');
  });
});

describe('evaluateTier: calendar years and spend', () => {
  it('reviews each 1 January on the year just ended', () => {
    const yearly = parseLoyaltyProgram({
      ...base,
      qualification: { basis: 'points', window: { kind: 'calendar-year' } },
      downgrade: { review: { kind: 'calendar-year' }, graceDays: 0, maxStepsDown: 1 },
    });
    const history = [earn('a', 1200, '2025-05-01')];
    // silver from 2025-05-01; the 2026-01-01 review sees 2025's 1200: kept, next review 2027-01-01
    expect(evaluateTier(history, yearly, { asOf: d('2026-06-01') })).toEqual({
      tier: 'silver',
      since: d('2025-05-01'),
      qualifying: { points: 0 },
      // the 1200 of 2025 no longer qualify in 2026 but stay redeemable (they never expire here)
      redeemable: 1200,
      next: { tier: 'gold', missing: { points: 3000 } },
      nextReview: d('2027-01-01'),
      dropTo: 'member',
    });
    // the 2027-01-01 review sees 2026's 0: member
    expect(evaluateTier(history, yearly, { asOf: d('2027-01-02') })).toMatchObject({ tier: 'member', since: d('2027-01-01') });
  });

  it('qualifies by spend from the earn entries', () => {
    const bySpend = parseLoyaltyProgram({
      ...base,
      qualification: { basis: 'spend', window: { kind: 'rolling', months: 12 } },
      tiers: [
        { id: 'member', threshold: { spend: { amount: '0', currency: 'CNY' } } },
        { id: 'vip', threshold: { spend: { amount: '5000', currency: 'CNY' } } },
        { id: 'svip', threshold: { spend: { amount: '20000', currency: 'CNY' } } },
      ],
    });
    const buy = (id: string, amount: string, at: string) =>
      earnPoints({ id, customerId: 'c-1', amount: Money.of(amount, 'CNY'), occurredAt: d(at) }, bySpend).entry as LedgerEntry;
    const history = [buy('t-1', '3000.00', '2026-01-05'), buy('t-2', '2500.50', '2026-02-05')];
    const e = evaluateTier(history, bySpend, { asOf: d('2026-03-01') });
    // 3000.00 + 2500.50 = 5500.50 ≥ 5000 → vip; 20000 - 5500.50 = 14499.50 missing for svip
    expect(e.tier).toBe('vip');
    expect(e.since).toEqual(d('2026-02-05'));
    expect((e.qualifying as { spend: Money }).spend.toString()).toBe('5500.50 CNY');
    expect((e.next?.missing as { spend: Money }).spend.toString()).toBe('14499.50 CNY');
  });
});
