/**
 * crmkit data quality: find duplicates, merge them with survivorship rules (moving their orders and
 * interactions along), undo a merge, and print a quality report.
 * Run with `npx tsx --tsconfig tsconfig.examples.json examples/data-quality.ts`.
 * Every name, phone number and email below is made up.
 */
import { Money, createCustomer, sequentialIds, type Customer, type CustomerInput } from 'crmkit';
import { createMemoryRepositories } from 'crmkit/memory';
import {
  assessQuality,
  findDuplicates,
  lastContactByCustomer,
  mergeCustomers,
  renderQualityReport,
  repointRecords,
  restoreRepointedRecords,
  unmergeCustomers,
} from 'crmkit/quality';

const newId = sequentialIds('cust');
const { customers, transactions, interactions } = createMemoryRepositories();
const register = async (input: CustomerInput, now: string) => customers.save(createCustomer(input, { now: new Date(now), newId }).customer);

// 1. A small customer base with the usual problems: the same person registered twice (traditional
//    surname character, spaced phone), a company entered twice (full-width brackets, same USCC),
//    a record nobody has touched for two years and an invalid email.
const rows: Customer[] = [
  await register({ kind: 'person', displayName: '陈小明', contactPoints: [{ type: 'phone', value: '13812345678', verified: true }], tags: ['vip'], ownerId: 'sales-1', source: 'store' }, '2024-03-01'),
  await register({ kind: 'person', displayName: '陳 小明', contactPoints: [{ type: 'phone', value: '138 1234 5678' }, { type: 'email', value: 'xiaoming@example.cn' }], tags: ['wechat'], source: 'mini_program' }, '2025-09-01'),
  // A legacy row loaded before validation existed: its email cannot pass createCustomer today.
  { ...(await register({ kind: 'person', displayName: '王芳' }, '2024-01-10')), contactPoints: [{ type: 'email', value: 'wangfang@example' }] },
  await register({ kind: 'organization', displayName: '星河科技（北京）有限公司', organization: { legalName: '星河科技（北京）有限公司', type: 'enterprise', uscc: '91350100M000100Y43' } }, '2023-05-01'),
  await register({ kind: 'organization', displayName: '星河科技(北京)有限公司', organization: { legalName: '星河科技(北京)有限公司', type: 'enterprise', uscc: '91350100M000100Y43', industry: 'software' } }, '2025-02-01'),
];
await transactions.append([
  { id: 't-1', customerId: 'cust-1', type: 'purchase', amount: Money.of('199.00', 'CNY'), occurredAt: new Date('2024-05-01') },
  { id: 't-2', customerId: 'cust-2', type: 'purchase', amount: Money.of('88.00', 'CNY'), occurredAt: new Date('2025-10-01') },
]);
await interactions.append({ id: 'i-1', customerId: 'cust-2', channel: 'wechat', type: 'follow_up', direction: 'outbound', occurredAt: new Date('2025-10-02') });

// 2. Find duplicates: each pair comes with its score and per-field evidence.
const found = findDuplicates(rows);
console.log('Duplicate pairs:');
for (const p of found.pairs) {
  const why = p.decidedBy ? `decided by ${p.decidedBy}` : p.evidence.map((e) => `${e.field} ${e.level}`).join(', ');
  console.log(`  ${p.a} ~ ${p.b}  score ${p.score.toFixed(1)}  ${p.status}  (${why})`);
}
console.log('Clusters:', JSON.stringify(found.clusters));

// 3. Merge the first cluster: the golden record keeps every contact point and tag; the
//    transactions and interactions of the merged id move to the survivor.
const now = new Date('2026-03-01T09:00:00+08:00');
const cluster = found.clusters.find((ids) => ids.includes('cust-1'))!;
const merged = mergeCustomers(rows.filter((c) => cluster.includes(c.id)), { now, survivorship: { displayName: 'oldest' } });
const mergeRecord = await repointRecords(merged.mergeRecord, [transactions, interactions]);
console.log(`\nGolden record ${merged.customer.id}: ${merged.customer.displayName}, ${merged.customer.contactPoints.length} contact points, tags ${JSON.stringify(merged.customer.tags)}`);
console.log(`  event ${merged.events[0]!.type}; transactions now on ${merged.customer.id}: ${(await transactions.listByCustomer(merged.customer.id)).items.length}`);

// 4. Changed your mind? Unmerge restores the records exactly and moves their records back.
const { customers: restored } = unmergeCustomers(mergeRecord, { now });
await restoreRepointedRecords(mergeRecord, [transactions, interactions]);
console.log(`Unmerged back into ${restored.map((c) => c.id).join(', ')}; cust-2 has ${(await transactions.listByCustomer('cust-2')).items.length} transaction again.`);

// 5. The quality report, in Chinese.
const report = assessQuality(rows, {
  asOf: now,
  staleAfter: 365,
  required: ['phone', 'email', 'ownerId', 'organization.uscc'],
  lastContactedAt: lastContactByCustomer((await interactions.listByCustomer('cust-2')).items),
});
console.log(`\n${renderQualityReport(report, { locale: 'zh-CN' })}`);
