// Segmentation benchmarks (issue 3 targets): RFM scores for 1,000,000 customers in under 1 s; a
// compiled 10-condition rule over 1,000,000 customers in under 300 ms. Each beside a naive
// implementation measured in the same run (ratio in the output).
import { Money } from '../src/core/index';
import { type CustomerMetrics, type SegmentCustomer, compileSegment, rfmScores, rfmScoresColumns, summarizeRfm } from '../src/segmentation/index';
import { measure, report, seededRandom } from './harness';

const N = 1_000_000;
const random = seededRandom(3);

// --- RFM scores -------------------------------------------------------------------------------
const recency = new Float64Array(N);
const frequency = new Float64Array(N);
const monetary = new Float64Array(N);
for (let i = 0; i < N; i++) {
  recency[i] = Math.floor(random() * 730);
  frequency[i] = 1 + Math.floor(-Math.log(1 - random()) * 3); // many ties, like real purchase counts
  monetary[i] = Math.floor(random() * 5_000_000);
}

/** Naive: sort objects with a comparator per dimension, score by first rank (same rule). */
function naiveScores(values: Float64Array, bins: number, higherIsBetter: boolean): Uint8Array {
  const n = values.length;
  const items = Array.from(values, (v, i) => ({ v, i }));
  items.sort((a, b) => (higherIsBetter ? a.v - b.v : b.v - a.v));
  const out = new Uint8Array(n);
  let firstRank = 0;
  for (let k = 0; k < n; k++) {
    const item = items[k] as { v: number; i: number };
    if (k > 0 && item.v !== (items[k - 1] as { v: number }).v) firstRank = k;
    out[item.i] = Math.floor((firstRank * bins) / n) + 1;
  }
  return out;
}

let fast: ReturnType<typeof rfmScoresColumns> | undefined;
const columnar = await measure('segmentation', 'rfmScoresColumns, 1M customers, 5 bins (typed arrays)', () => {
  fast = rfmScoresColumns({ recency, frequency, monetary });
}, { items: N, runs: 5, extra: { target: '< 1000 ms' } });
let naive: Uint8Array[] = [];
const naiveRun = await measure('segmentation', 'naive RFM scores (object sort with comparator), 1M customers', () => {
  naive = [naiveScores(recency, 5, false), naiveScores(frequency, 5, true), naiveScores(monetary, 5, true)];
}, { items: N, runs: 3 });
const same = fast !== undefined && [fast.r, fast.f, fast.m].every((col, d) => col.every((x, i) => x === (naive[d] as Uint8Array)[i]));
report({ bench: 'segmentation', check: 'rfmScoresColumns equals the naive scores', same, ratio: Math.round((naiveRun.medianMs / columnar.medianMs) * 10) / 10 });

const summaries = Array.from({ length: N }, (_, i) => ({ customerId: `c${i}`, recencyDays: recency[i] as number, frequency: frequency[i] as number, monetaryMinor: monetary[i] as number }));
await measure('segmentation', 'rfmScores (object API: summaries in, score objects out), 1M customers', () => rfmScores(summaries), { items: N, runs: 3 });
summaries.length = 0;

// summarizeRfm reads Money (decimal.js) once per transaction, at the edge, and sums integer minor units.
const T = 1_000_000;
const prices = Array.from({ length: 1000 }, (_, i) => Money.ofMinor(100 + i * 37, 'CNY'));
const txs = Array.from({ length: T }, (_, i) => ({
  customerId: `c${i % 200_000}`,
  type: i % 20 === 0 ? ('refund' as const) : ('purchase' as const),
  amount: prices[i % 1000] as Money,
  occurredAt: new Date(Date.UTC(2025, 0, 1) + (i % 420) * 86_400_000),
}));
await measure('segmentation', 'summarizeRfm, 1M transactions of 200k customers', () => summarizeRfm(txs, { asOf: new Date('2026-03-01T00:00:00Z') }), { items: T, runs: 3 });
txs.length = 0;

// --- compiled rule ----------------------------------------------------------------------------
const TAGS = ['vip', 'new', 'b2b', 'wechat', 'churn-risk'];
const STAGES = ['prospect', 'customer', 'churned'];
const asOf = new Date('2026-03-01T00:00:00Z');
const customers: SegmentCustomer[] = new Array(N);
const metrics: CustomerMetrics[] = new Array(N);
for (let i = 0; i < N; i++) {
  customers[i] = {
    id: `c${i}`,
    kind: random() < 0.8 ? 'person' : 'organization',
    displayName: `客户${i}`,
    lifecycleStage: STAGES[i % 3] as string,
    tags: TAGS.filter(() => random() < 0.3),
    attributes: { vipLevel: Math.floor(random() * 6), region: random() < 0.5 ? '华东' : '华北' },
    createdAt: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 790) * 86_400_000),
    consent: { sms: { granted: random() < 0.7, updatedAt: asOf } },
  };
  metrics[i] = {
    rfm: { r: 1 + Math.floor(random() * 5), f: 1 + Math.floor(random() * 5), m: 1 + Math.floor(random() * 5) },
    lifetimeSpendMinor: Math.floor(random() * 1_000_000),
    lastPurchaseAt: new Date(asOf.getTime() - Math.floor(random() * 400) * 86_400_000),
  };
}
// Ten conditions; the order puts selective conditions late so most rows evaluate several of them.
const rule = {
  all: [
    { field: 'kind', op: 'eq', value: 'person' },
    { field: 'consent.sms', op: 'eq', value: true },
    { field: 'lifecycleStage', op: 'in', value: ['customer', 'churned'] },
    { field: 'createdAt', op: 'before', value: '2026-01-01T00:00:00Z' },
    { field: 'attributes.vipLevel', op: 'gte', value: 1 },
    { not: { field: 'tags', op: 'hasTag', value: 'churn-risk' } },
    { any: [{ field: 'rfm.r', op: 'gte', value: 3 }, { field: 'rfm.f', op: 'gte', value: 4 }] },
    { field: 'lifetimeSpendMinor', op: 'between', value: [10_000, 900_000] },
    { field: 'lastPurchaseAt', op: 'withinLast', value: { amount: 300, unit: 'days' } },
  ],
};
const attributes = { vipLevel: 'number', region: 'string' } as const;
const predicate = compileSegment(rule, { asOf, attributes });
let members = 0;
const compiled = await measure('segmentation', 'compiled 10-condition rule, 1M customers', () => {
  members = 0;
  for (let i = 0; i < N; i++) if (predicate(customers[i] as SegmentCustomer, metrics[i])) members++;
}, { items: N, runs: 5, extra: { target: '< 300 ms' } });

/** Naive interpreter: walks the raw JSON rule per row, resolving field paths and parsing values each time. */
function interpret(node: Record<string, unknown>, c: SegmentCustomer, m: CustomerMetrics): boolean {
  if (Array.isArray(node.all)) return node.all.every((n) => interpret(n as Record<string, unknown>, c, m));
  if (Array.isArray(node.any)) return node.any.some((n) => interpret(n as Record<string, unknown>, c, m));
  if (node.not !== undefined) return !interpret(node.not as Record<string, unknown>, c, m);
  const field = node.field as string;
  const [head, key] = field.split('.');
  let v: unknown =
    head === 'attributes' ? c.attributes?.[key as string] : head === 'consent' ? c.consent?.sms?.granted : head === 'rfm' ? (m.rfm as Record<string, number> | undefined)?.[key as string] : field in c ? (c as Record<string, unknown>)[field] : (m as Record<string, unknown>)[field];
  if (v instanceof Date) v = v.getTime();
  if (v === undefined || v === null) return false;
  const value = node.value;
  const date = (x: unknown) => new Date(x as string).getTime();
  switch (node.op) {
    case 'eq': return v === value;
    case 'in': return (value as unknown[]).includes(v);
    case 'before': return (v as number) < date(value);
    case 'gte': return (v as number) >= (value as number);
    case 'hasTag': return (v as string[]).includes(value as string);
    case 'between': return (v as number) >= (value as number[])[0]! && (v as number) <= (value as number[])[1]!;
    case 'withinLast': { const { amount } = value as { amount: number }; return (v as number) >= asOf.getTime() - amount * 86_400_000 && (v as number) <= asOf.getTime(); }
    default: throw new Error(`naive interpreter: ${String(node.op)}`);
  }
}
let naiveMembers = 0;
const naiveRule = await measure('segmentation', 'naive AST interpreter, same rule, 1M customers', () => {
  naiveMembers = 0;
  for (let i = 0; i < N; i++) if (interpret(rule, customers[i] as SegmentCustomer, metrics[i] as CustomerMetrics)) naiveMembers++;
}, { items: N, runs: 3 });
report({ bench: 'segmentation', check: 'compiled rule equals the naive interpreter', same: members === naiveMembers, members, of: N, ratio: Math.round((naiveRule.medianMs / compiled.medianMs) * 10) / 10 });
