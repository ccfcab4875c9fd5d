/**
 * crmkit loyalty: a points programme with tiers, a customer's year of purchases, a refund, a
 * redemption made safe against concurrent double spending, expiry and a tier review.
 * Run after `npm run build` with `npx tsx --tsconfig tsconfig.examples.json examples/loyalty.ts`.
 */
import { Money, isCrmError } from 'crmkit';
import {
  earnPoints,
  evaluateTier,
  expiringSoon,
  ledgerStatus,
  parseLoyaltyProgram,
  redeem,
  reverse,
  type LedgerEntry,
} from 'crmkit/loyalty';
import { createMemoryRepositories } from 'crmkit/memory';

const program = parseLoyaltyProgram({
  id: 'tea-club',
  name: '茶友会',
  currency: 'CNY',
  utcOffsetMinutes: 480,
  earning: {
    rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 },
    bonuses: [
      { kind: 'birthday-month', id: 'birthday', multiplier: '2' },
      { kind: 'first-purchase', id: 'welcome', points: 200 },
    ],
    caps: [{ period: 'day', maxPoints: 5000 }],
  },
  tiers: [
    { id: 'member', name: '会员', threshold: { points: 0 } },
    { id: 'silver', name: '银卡', threshold: { points: 2000 }, multiplier: '1.2', benefits: { discountRate: '0.95' } },
    { id: 'gold', name: '金卡', threshold: { points: 6000 }, multiplier: '1.5', benefits: { discountRate: '0.9', freeShipping: true } },
  ],
  qualification: { basis: 'points', window: { kind: 'rolling', months: 12 } },
  downgrade: { review: { kind: 'anniversary', every: 12 }, graceDays: 30, maxStepsDown: 1 },
  expiry: { kind: 'months-after-earn', months: 12 },
});

const { loyaltyLedger } = createMemoryRepositories();
const customerId = 'cust-0001';
const birthMonth = 5;

/** Earns on a purchase at the tier held at that moment, and posts it (idempotent by purchase id). */
async function purchase(id: string, amount: string, at: string, firstPurchase = false): Promise<void> {
  const occurredAt = new Date(at);
  const entries = await loyaltyLedger.entriesOf(customerId);
  const tier = evaluateTier(entries, program, { asOf: occurredAt }).tier;
  const { entry, points, bonuses } = earnPoints({ id, customerId, amount: Money.of(amount, 'CNY'), occurredAt }, program, {
    tier,
    birthMonth,
    firstPurchase,
    entries,
  });
  const posted = entry ? await loyaltyLedger.append(entry) : undefined;
  const what = posted?.repeated.length ? 'already posted, nothing added' : `+${points} points`;
  console.log(`  ${at.slice(0, 10)}  ${id}  ${amount.padStart(8)} CNY  ${what} (${tier}${bonuses.length ? `, ${bonuses.join(', ')}` : ''})`);
}

console.log('crmkit loyalty\n==============\n\nPurchases:');
await purchase('t-1', '880.00', '2026-01-12T10:00:00+08:00', true);
await purchase('t-2', '1299.00', '2026-03-03T19:30:00+08:00');
await purchase('t-3', '2100.00', '2026-05-20T12:00:00+08:00');
await purchase('t-4', '1650.00', '2026-07-08T15:00:00+08:00');
// a retry of the same purchase never earns twice
await purchase('t-4', '1650.00', '2026-07-08T15:00:00+08:00');

const day = (d: Date) => new Date(d.getTime() + program.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
let asOf = new Date('2026-07-10T00:00:00+08:00');
let entries = await loyaltyLedger.entriesOf(customerId);
let tier = evaluateTier(entries, program, { asOf });
console.log(`\nOn ${day(asOf)}: ${tier.tier}, ${ledgerStatus(entries, { asOf }).balance} points;`, tier.next ? `${JSON.stringify(tier.next.missing)} more for ${tier.next.tier}` : 'top tier');

// Refund of t-3: its points are taken back and the gold tier it unlocked is pulled back.
asOf = new Date('2026-07-15T00:00:00+08:00');
const refund = reverse(entries, 'earn:t-3', { asOf, reason: 'refund r-77' });
if (refund.entry) await loyaltyLedger.append(refund.entry);
entries = await loyaltyLedger.entriesOf(customerId);
tier = evaluateTier(entries, program, { asOf });
console.log(`Refund of t-3: ${refund.entry?.points} points (shortfall ${refund.shortfall}); now ${tier.tier}, ${ledgerStatus(entries, { asOf }).balance} points`);

// Two checkout requests try to spend points at the same moment; only what fits goes through.
async function spend(points: number, requestId: string): Promise<string> {
  for (;;) {
    const current = await loyaltyLedger.entriesOf(customerId);
    try {
      const entry = redeem(current, points, { asOf, id: `redeem:${requestId}` });
      await loyaltyLedger.append(entry, { expectedBalance: current.reduce((s, e) => s + e.points, 0) });
      return `${requestId}: spent ${points}`;
    } catch (e) {
      if (isCrmError(e, 'BALANCE_MISMATCH')) continue; // someone posted in between: read again
      if (isCrmError(e, 'INSUFFICIENT_POINTS')) return `${requestId}: refused (${e.localizedMessage('zh-CN')})`;
      throw e;
    }
  }
}
const balanceNow = ledgerStatus(entries, { asOf }).balance;
console.log('\nConcurrent redemptions:');
for (const line of await Promise.all([spend(balanceNow - 1000, 'o-1'), spend(2000, 'o-2')])) console.log(`  ${line}`);

// A year later: an expiry reminder, then the nightly job posts the expiry.
asOf = new Date('2027-06-15T00:00:00+08:00');
entries = await loyaltyLedger.entriesOf(customerId);
const soon = expiringSoon(entries, { asOf, within: { days: 30 } });
console.log(`\nOn ${day(asOf)}: ${soon.points} points expire within 30 days`, soon.lots.map((l) => `${l.points} on ${day(l.expiresAt)}`));
asOf = new Date('2027-07-10T00:00:00+08:00');
const status = ledgerStatus(entries, { asOf });
await loyaltyLedger.append(status.expire as LedgerEntry[]);
console.log(`On ${day(asOf)}: expired ${status.pendingExpiry} points; balance ${status.balance}, stored sum ${await loyaltyLedger.balanceOf(customerId)}`);

// The tier after its review (a year after silver was reached, t-4's 2475 points kept it).
tier = evaluateTier(await loyaltyLedger.entriesOf(customerId), program, { asOf });
console.log(
  `On ${day(asOf)}: ${tier.tier} since ${tier.since ? day(tier.since) : 'the start'}; next review ${tier.nextReview ? day(tier.nextReview) : 'none'}` +
    (tier.dropTo ? `, drops to ${tier.dropTo} unless more is earned` : ''),
);
