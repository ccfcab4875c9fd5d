/**
 * crmkit lifecycle and KPIs: derive each customer's stage from orders, replay the timeline, pick
 * playbook actions, plan follow-ups (回访) and care (客户关怀), run a complaint against its SLA, and
 * report retention KPIs. Run with `npx tsup && npx tsx --tsconfig tsconfig.examples.json examples/lifecycle.ts`.
 */
import { Money, createCustomer, sequentialIds, type Customer, type Transaction } from 'crmkit';
import {
  DEFAULT_FOLLOW_UP_RULES,
  DEFAULT_SLA_POLICY,
  advanceComplaint,
  careTasks,
  defaultLifecyclePlaybook,
  deriveStage,
  followUpsDue,
  openComplaint,
  playbookActions,
  replay,
  slaStatus,
  stageDurations,
  type LifecycleState,
} from 'crmkit/lifecycle';
import { cohortRetention, ownerFigures, repeatPurchaseRate, retentionRate } from 'crmkit/kpi';

const day = (s: string) => new Date(`${s}T00:00:00Z`); // UTC midnight: KPI months and days are UTC here
const asOf = day('2026-07-01');
const newId = sequentialIds('cust');
const granted = { granted: true, updatedAt: day('2025-12-01') };

// Five customers with different buying patterns.
const patterns: { name: string; owner: string; tags: string[]; birth?: string; orders: string[] }[] = [
  { name: '王芳', owner: 'sales-1', tags: ['vip'], birth: '1990-07-08', orders: ['2026-01-05', '2026-02-10', '2026-03-15', '2026-04-20', '2026-06-18'] },
  { name: '李伟', owner: 'sales-1', tags: [], orders: ['2026-01-20', '2026-03-02'] },
  { name: '张娜', owner: 'sales-2', tags: [], orders: ['2026-01-12'] },
  { name: '刘敏', owner: 'sales-2', tags: [], orders: ['2026-06-25'] },
  { name: '陈静', owner: 'sales-2', tags: [], orders: [] },
];
const customers: Customer[] = [];
const transactions: Transaction[] = [];
let t = 0;
for (const p of patterns) {
  const { customer } = createCustomer(
    { kind: 'person', displayName: p.name, person: p.birth ? { birthDate: p.birth } : {}, tags: p.tags, ownerId: p.owner, consent: { wechat: granted, phone: granted } },
    { now: day('2025-12-15'), newId },
  );
  customers.push(customer);
  for (const o of p.orders) {
    transactions.push({ id: `t-${++t}`, customerId: customer.id, type: 'purchase', amount: Money.of('199.00', 'CNY'), occurredAt: day(o) });
  }
}
const historyOf = (c: Customer) => ({ customerId: c.id, since: c.createdAt, transactions: transactions.filter((x) => x.customerId === c.id) });

// 1. Stages and playbook actions.
const policy = { atRiskAfterDays: 60, churnAfterDays: 120, loyalAfterPurchases: 4 };
console.log(`Stages as of ${asOf.toISOString().slice(0, 10)}:`);
const states = new Map<string, LifecycleState>();
for (const c of customers) {
  const s = deriveStage(historyOf(c), policy, { asOf });
  states.set(c.id, s);
  const actions = playbookActions(defaultLifecyclePlaybook, s.stage).map((a) => a.id).join(', ') || '-';
  console.log(`  ${c.id} ${c.displayName}  ${s.stage.padEnd(14)} since ${s.since.toISOString().slice(0, 10)}  actions: ${actions}`);
}

// 2. One customer's timeline and stage durations.
const first = customers[0]!;
const { timeline } = replay(historyOf(first), policy, { asOf });
console.log(`\nTimeline of ${first.id}: ${timeline.map((s) => s.stage).join(' → ')}`);
const durations = stageDurations(timeline, { asOf });
console.log(`  days per stage: ${Object.entries(durations).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);

// 3. Follow-ups due today and care tasks for July.
const due = followUpsDue(customers, DEFAULT_FOLLOW_UP_RULES, { asOf, states, transactions });
console.log('\nFollow-ups due:');
for (const f of due.due) console.log(`  ${f.customerId} rule ${f.ruleId} due ${f.dueAt.toISOString().slice(0, 10)} via ${f.channel} (owner ${f.ownerId})`);
const care = careTasks(customers, { from: '2026-07-01', to: '2026-07-31', holidays: [{ id: 'party_day', month: 7, day: 1 }] });
console.log(`Care tasks in July: ${care.tasks.length} (${care.tasks.filter((x) => x.kind === 'birthday').map((x) => `birthday ${x.customerId} ${x.on}`).join(', ')})`);

// 4. A complaint against the SLA, with business hours in Beijing time.
let { complaint } = openComplaint({ id: 'k-1', customerId: first.id, priority: 'high' }, { now: new Date('2026-06-26T16:00:00+08:00') });
complaint = advanceComplaint(complaint, 'acknowledge', { now: new Date('2026-06-29T10:30:00+08:00') }).complaint;
const sla = slaStatus(complaint, DEFAULT_SLA_POLICY, { asOf, calendar: {} });
console.log(`\nComplaint k-1: first response due ${sla.firstResponse.dueAt.toISOString()} (business hours), breached: ${sla.firstResponse.breached}`);

// 5. KPIs for Q2 against Q1.
const Q2 = { start: day('2026-04-01'), end: day('2026-07-01') };
const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
const retention = retentionRate(transactions, { period: Q2, asOf });
console.log(`\nQ2 retention ${pct(retention.rate)} (${retention.retained} of ${retention.base}), repeat-purchase rate ${pct(repeatPurchaseRate(transactions, { period: Q2, asOf }).rate)}`);
for (const row of cohortRetention(transactions, { period: { start: day('2026-01-01'), end: day('2026-07-01') }, asOf })) {
  console.log(`  cohort ${row.cohort} (${row.size}): ${row.rates.map(pct).join(' ') || '(no complete month yet)'}`);
}
for (const o of ownerFigures(customers, transactions, { period: Q2, asOf })) {
  console.log(`  owner ${o.ownerId}: ${o.customers} customers, ${o.activeCustomers} active, retention ${pct(o.retention.rate)}`);
}
