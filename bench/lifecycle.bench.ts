// Lifecycle and KPI throughput. The brief names no speed target; figures are for the lead to compare.
// deriveStage (one pass over sorted purchase times) against replay (the state machine fold), and the
// KPIs over a whole order book.
import { deriveStage, followUpsDue, replay, DEFAULT_FOLLOW_UP_RULES, type CustomerHistory } from '../src/lifecycle/index';
import { cohortRetention, repeatPurchaseRate, retentionRate } from '../src/kpi/index';
import { measure, report, seededRandom } from './harness';

const N = 100_000;
const DAY = 86_400_000;
const t0 = Date.UTC(2024, 0, 1);
const rand = seededRandom(42);
const histories: CustomerHistory[] = [];
const all: { id: string; customerId: string; type: 'purchase'; occurredAt: Date }[] = [];
let tx = 0;
for (let i = 0; i < N; i++) {
  const customerId = `c-${i}`;
  const n = Math.floor(rand() * 12); // 0–11 purchases, mean 5.5
  const transactions = [];
  for (let k = 0; k < n; k++) {
    const t = { id: `t-${++tx}`, customerId, type: 'purchase' as const, occurredAt: new Date(t0 + Math.floor(rand() * 900) * DAY) };
    transactions.push(t);
    all.push(t);
  }
  histories.push({ customerId, transactions });
}
const asOf = new Date(t0 + 900 * DAY);
const policy = { atRiskAfterDays: 90, churnAfterDays: 180 };
report({ bench: 'lifecycle', customers: N, transactions: all.length });

// Baseline: the least any per-customer stage computation must do — read and sort each customer's purchase times.
const floor = await measure('lifecycle', 'baseline: sort each customer\'s purchase times, 100k customers', () => {
  for (const h of histories) Float64Array.from(h.transactions, (t) => t.occurredAt.getTime()).sort();
}, { items: N, runs: 3 });
const direct = await measure('lifecycle', 'deriveStage, 100k customers', () => {
  for (const h of histories) deriveStage(h, policy, { asOf });
}, { items: N, runs: 3 });
const folded = await measure('lifecycle', 'replay (state machine fold), 100k customers', () => {
  for (const h of histories) replay(h, policy, { asOf });
}, { items: N, runs: 3 });
report({ bench: 'lifecycle', ratio: 'deriveStage / baseline median time', value: Math.round((direct.medianMs / floor.medianMs) * 100) / 100 });
report({ bench: 'lifecycle', ratio: 'replay / deriveStage median time', value: Math.round((folded.medianMs / direct.medianMs) * 100) / 100 });

// Baseline for the KPIs: one pass that only deduplicates ids and groups by customer in a Map.
const kpiFloor = await measure('lifecycle', 'baseline: dedupe ids + group by customer, all transactions', () => {
  const seen = new Set<string>();
  const groups = new Map<string, number>();
  for (const t of all) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    groups.set(t.customerId, (groups.get(t.customerId) ?? 0) + 1);
  }
}, { items: all.length, runs: 3 });
const period = { start: new Date(t0 + 720 * DAY), end: new Date(t0 + 900 * DAY) };
const ret = await measure('lifecycle', 'retentionRate over all transactions', () => retentionRate(all, { period, asOf }), { items: all.length, runs: 3 });
report({ bench: 'lifecycle', ratio: 'retentionRate / KPI baseline median time', value: Math.round((ret.medianMs / kpiFloor.medianMs) * 100) / 100 });
await measure('lifecycle', 'repeatPurchaseRate over all transactions', () => repeatPurchaseRate(all, { period, asOf }), { items: all.length, runs: 3 });
await measure('lifecycle', 'cohortRetention (24 monthly cohorts) over all transactions', () => cohortRetention(all, { period: { start: new Date(t0), end: asOf }, asOf, months: 24 }), { items: all.length, runs: 3 });

const granted = { granted: true, updatedAt: new Date(t0) };
const customers = histories.map((h, i) => ({ id: h.customerId, tags: i % 10 === 0 ? ['vip'] : [], consent: { phone: granted }, ownerId: `u-${i % 50}`, lifecycleStage: i % 7 === 0 ? 'at_risk' : 'repeat' }));
await measure('lifecycle', 'followUpsDue, 100k customers, default rules', () => followUpsDue(customers, DEFAULT_FOLLOW_UP_RULES, { asOf, transactions: all }), { items: N, runs: 3 });
