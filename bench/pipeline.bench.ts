// Pipeline figures over 1,000,000 distinct opportunities (target: forecast, win rate and funnel
// each under 500 ms). Deals are plain stored-shape objects (ids, amounts and histories all
// distinct; Date objects pooled by day to keep memory down), not parsed one by one.
// Baseline, same process: one plain loop that reads every field the book reads (id, owner,
// currency, the amount's leading decimal word, dates, history) with no checks and no typed
// arrays: the floor of any pass over the deals. Book build and figures are reported as ratios to it.
import { Money } from '../src/core/money/Money';
import { DEFAULT_B2B_PIPELINE, stageConversion, toOpportunityBook, weightedForecast, winRate, type Opportunity } from '../src/pipeline/index';
import { measure, memoryMiB, report, seededRandom } from './harness';

const N = 1_000_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 0, 1);
const rand = seededRandom(14);
const days: Date[] = Array.from({ length: 900 }, (_, k) => new Date(T0 + k * DAY));
const OPEN = ['lead', 'qualified', 'proposal', 'negotiation'];
const deals: Opportunity[] = new Array<Opportunity>(N);
for (let i = 0; i < N; i++) {
  const created = Math.floor(rand() * 500);
  const first = Math.floor(rand() * 4);
  const history: { stage: string; at: Date }[] = [{ stage: OPEN[first] as string, at: days[created] as Date }];
  let t = created;
  for (let s = first + 1; s < 4 && rand() < 0.6; s++) history.push({ stage: OPEN[s] as string, at: days[(t += 1 + Math.floor(rand() * 20))] as Date });
  const r = rand();
  let closedAt: Date | undefined;
  if (r < 0.45) {
    closedAt = days[(t += 1 + Math.floor(rand() * 30))] as Date;
    history.push({ stage: r < 0.2 ? 'won' : 'lost', at: closedAt });
  }
  const stage = (history[history.length - 1] as { stage: string }).stage;
  deals[i] = {
    id: `opp-${i}`,
    customerId: `c-${i % 200_000}`,
    ownerId: `u-${i % 500}`,
    name: 'deal',
    amount: Money.ofMinor(100_00 + Math.floor(rand() * 50_000_000_00), i % 50 === 0 ? 'USD' : 'CNY'),
    stage,
    ...(rand() < 0.1 && { probability: Math.round(rand() * 100) / 100 }),
    expectedCloseDate: days[Math.min(899, t + Math.floor(rand() * 200))] as Date,
    createdAt: days[created] as Date,
    updatedAt: days[t] as Date,
    ...(closedAt !== undefined && { closedAt }),
    version: history.length,
    stageHistory: history,
  };
}
report({ bench: 'pipeline', opportunities: N, ...memoryMiB() });

const asOf = new Date(T0 + 540 * DAY);
const period = { start: new Date(T0 + 450 * DAY), end: new Date(T0 + 540 * DAY) };
const future = { start: asOf, end: new Date(T0 + 900 * DAY) };
const P = DEFAULT_B2B_PIPELINE;

let sink = 0;
const floor = await measure('pipeline', 'baseline: one plain loop reading every field, 1M deals', () => {
  let acc = 0;
  for (const o of deals) {
    acc += o.id.length + o.ownerId.length + ((Money.decimalOwn(o.amount) as unknown as { d: number[] }).d[0] as number) + o.amount.currency.length + o.expectedCloseDate.getTime() + o.createdAt.getTime() + (o.closedAt?.getTime() ?? 0);
    for (const e of o.stageHistory) acc += e.stage.length + e.at.getTime();
  }
  sink += acc;
}, { items: N, runs: 3 });
const build = await measure('pipeline', 'toOpportunityBook, 1M deals', () => toOpportunityBook(deals), { items: N, runs: 3 });
const book = toOpportunityBook(deals);
report({ bench: 'pipeline', ratio: 'toOpportunityBook / baseline median time', value: Math.round((build.medianMs / floor.medianMs) * 100) / 100 });

const figures = [
  ['weightedForecast (month, owner, categories), 1M deals', () => weightedForecast(P, book, { asOf, period: future })],
  ['weightedForecast by quarter, 1M deals', () => weightedForecast(P, book, { asOf, period: future, by: 'quarter' })],
  ['winRate, 1M deals', () => winRate(P, book, { period, asOf })],
  ['stageConversion (funnel), 1M deals', () => stageConversion(P, book, { asOf })],
] as const;
for (const [name, fn] of figures) {
  const m = await measure('pipeline', name, fn, { items: N, runs: 5 });
  report({ bench: 'pipeline', ratio: `${name.split(' ')[0]} / baseline median time`, value: Math.round((m.medianMs / floor.medianMs) * 100) / 100, underTarget500ms: m.medianMs < 500 });
}
const f = weightedForecast(P, book, { asOf, period: future });
report({ bench: 'pipeline', check: 'forecast total', value: f.total.map((r) => `${r.currency} ${r.count} deals, weighted ${r.weighted.toString()}`), sink: sink > 0, ...memoryMiB() });
