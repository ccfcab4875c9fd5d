/**
 * crmkit segmentation: from orders to RFM segments, rule segments in memory and in SQL, tags and
 * recommended treatments. Run with `npm run build && npx tsx --tsconfig tsconfig.examples.json examples/segmentation.ts`.
 */
import { Money, createCustomer, sequentialIds, type Customer } from 'crmkit';
import {
  applyTagRules,
  evaluateSegment,
  recommendTreatments,
  rfmMetrics,
  rfmSegment,
  summarizeRfm,
  toSql,
  valueTiers,
  DEFAULT_RFM_SEGMENT_MAP,
  NO_PURCHASE_SEGMENT,
} from 'crmkit/segmentation';
import { mainlandPeople } from './data';

const asOf = new Date('2026-03-01T00:00:00+08:00');
const newId = sequentialIds('cust');
const customers: Customer[] = mainlandPeople().map((row) => createCustomer(row, { now: new Date('2025-01-01T00:00:00Z'), newId }).customer);

// 1. Orders: a deterministic spread of customers, from frequent recent buyers to one-off old ones.
const transactions: { customerId: string; type: 'purchase' | 'refund'; amount: Money; occurredAt: Date }[] = customers.flatMap((c, i) =>
  Array.from({ length: (i * 7) % 9 }, (_, k) => ({
    customerId: c.id,
    type: 'purchase' as const,
    amount: Money.of(String(80 + ((i * 131 + k * 47) % 900)), 'CNY'),
    occurredAt: new Date(asOf.getTime() - ((i * 23 + k * 41) % 400) * 86_400_000),
  })),
);
transactions.push({ customerId: customers[1]!.id, type: 'refund', amount: Money.of('50', 'CNY'), occurredAt: new Date('2026-02-01T00:00:00Z') });

// 2. RFM: summaries, quintile scores, the 11-segment map, all as metrics rules can use.
const summaries = summarizeRfm(transactions, { asOf, customerIds: customers.map((c) => c.id), currency: 'CNY' });
const metrics = rfmMetrics(summaries);
console.log('crmkit segmentation\n===================\n');
console.log('RFM segments (default map, en / zh-CN):');
const counts = new Map<string, number>();
for (const m of metrics.values()) counts.set(m.rfmSegment as string, (counts.get(m.rfmSegment as string) ?? 0) + 1);
for (const s of [...DEFAULT_RFM_SEGMENT_MAP.segments, DEFAULT_RFM_SEGMENT_MAP.fallback]) {
  if (counts.has(s.key)) console.log(`  ${s.name.en.padEnd(20)} ${s.name['zh-CN'].padEnd(8)} ${counts.get(s.key)}`);
}
console.log(`  ${'(no purchase yet)'.padEnd(20)} ${'未购买'.padEnd(8)} ${counts.get(NO_PURCHASE_SEGMENT) ?? 0}`);
console.log(`  e.g. scores 5-5-5 are ${rfmSegment({ r: 5, f: 5, m: 5 }).name.en}`);

// 3. Value tiers by share of revenue (Pareto 80/95).
const tiers = valueTiers(summaries);
const high = tiers.filter((t) => t.tier === 'high').length;
console.log(`\nValue tiers: ${high} of ${tiers.length} customers bring the first 80% of revenue.`);

// 4. A rule segment, evaluated in memory ...
const rule = {
  all: [
    { field: 'consent.sms', op: 'eq', value: true },
    { field: 'lifetimeSpendMinor', op: 'gte', value: 100_000 },
    { any: [{ field: 'rfm.segment', op: 'in', value: ['at-risk', 'cant-lose-them', 'about-to-sleep'] }, { field: 'recencyDays', op: 'gt', value: 120 }] },
  ],
};
const winBack = evaluateSegment(rule, customers, { asOf, metrics });
console.log(`\nWin-back segment (in memory): ${winBack.length} customers: ${winBack.map((c) => c.displayName).join(', ')}`);

// ... and pushed down to PostgreSQL: values travel as bind parameters only.
const sql = toSql(rule, {
  table: ['crm', 'customer_metrics'],
  columns: { 'consent.sms': 'sms_consent', lifetimeSpendMinor: 'lifetime_spend_fen', 'rfm.segment': 'rfm_segment', recencyDays: 'recency_days' },
  select: ['customer_id'],
});
console.log(`\nThe same segment as SQL:\n  ${sql.text}\n  values: ${JSON.stringify(sql.values)}`);

// 5. Tags from rules, and what to do with each customer.
const tagRules = [
  { tag: 'VIP', when: { field: 'rfm.segment', op: 'in', value: ['champions', 'loyal-customers'] } },
  { tag: 'win-back', when: rule, action: 'add' as const },
];
console.log('\nTags and treatments for the first six customers:');
for (const c of customers.slice(0, 6)) {
  const m = metrics.get(c.id);
  const { tags, added, removed } = applyTagRules(c, tagRules, { asOf, metrics: m });
  const treatments = recommendTreatments(m?.rfmSegment ?? 'others').map((t) => t.name['zh-CN']);
  console.log(`  ${c.displayName}  ${m?.rfmSegment}  tags ${JSON.stringify(tags)} (+${added.length}/-${removed.length})  → ${treatments.join('; ') || '—'}`);
}
