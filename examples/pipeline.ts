/**
 * crmkit sales pipeline: open deals in the default B2B pipeline, move them (forward, back, won,
 * lost, reopened), keep them in a repository, and report the weighted forecast, win rate, velocity,
 * funnel, stuck deals, coverage and the waterfall. Run with
 * `npx tsup && npx tsx --tsconfig tsconfig.examples.json examples/pipeline.ts`.
 */
import { Money } from 'crmkit';
import { createMemoryRepositories } from 'crmkit/memory';
import {
  DEFAULT_B2B_PIPELINE as P,
  createOpportunity,
  moveOpportunity,
  pipelineChanges,
  pipelineCoverage,
  salesVelocity,
  stageAging,
  stageConversion,
  toOpportunityBook,
  weightedForecast,
  winRate,
  type Opportunity,
} from 'crmkit/pipeline';

const day = (s: string) => new Date(`${s}T00:00:00Z`);
const asOf = day('2026-07-01');
const { opportunities } = createMemoryRepositories();
const versions: Opportunity[] = [];

// [id, owner, amount in CNY, created, expected close, moves as [stage, date, reason?]]
const plan: [string, string, string, string, string, [string, string, string?][]][] = [
  ['o-1', 'u-li', '120000', '2026-04-02', '2026-07-20', [['qualified', '2026-04-20'], ['proposal', '2026-05-18']]],
  ['o-2', 'u-li', '480000', '2026-03-10', '2026-08-31', [['proposal', '2026-04-01'], ['negotiation', '2026-06-01']]],
  ['o-3', 'u-wang', '90000', '2026-04-15', '2026-09-15', [['negotiation', '2026-05-01'], ['proposal', '2026-05-20', 'scope changed']]],
  ['o-4', 'u-wang', '200000', '2026-03-01', '2026-05-31', [['negotiation', '2026-04-10'], ['won', '2026-05-25']]],
  ['o-5', 'u-li', '75000', '2026-04-05', '2026-06-30', [['lost', '2026-05-10', '选择了竞争对手']]],
  ['o-6', 'u-wang', '160000', '2026-02-01', '2026-06-30', [['lost', '2026-04-20', 'budget frozen'], ['qualified', '2026-06-15', 'budget back']]],
  ['o-7', 'u-li', '60000', '2026-04-20', '2026-06-30', [['won', '2026-06-28']]],
];

for (const [id, ownerId, amount, created, close, moves] of plan) {
  let deal = createOpportunity(P, {
    id, customerId: `c-${id}`, ownerId, name: `Deal ${id}`, amount: Money.of(amount, 'CNY'), stage: 'lead', expectedCloseDate: close,
  }, { now: day(created) }).opportunity;
  deal = await opportunities.save(deal);
  versions.push(deal);
  for (const [stage, when, reason] of moves) {
    const moved = moveOpportunity(P, deal, stage, { now: day(when), ...(reason !== undefined && { reason }) });
    deal = await opportunities.save(moved.opportunity);
    versions.push(deal);
  }
}

const deals: Opportunity[] = [];
for await (const o of opportunities.stream()) deals.push(o);
const book = toOpportunityBook(deals);
const q2 = { start: day('2026-04-01'), end: asOf };
const q3 = { start: asOf, end: day('2026-10-01') };

console.log(`${deals.length} deals; open in negotiation: ${(await opportunities.findByStage('negotiation')).items.map((o) => o.id).join(', ')}`);
for (const r of weightedForecast(P, book, { asOf, period: q3 }).byPeriod) {
  console.log(`forecast ${r.period}: ${r.count} deals, ${r.amount} open, ${r.weighted} weighted (commit ${r.categories.commit.amount})`);
}
const w = winRate(P, book, { period: q2, asOf });
console.log(`Q2 win rate: ${w.won}/${w.won + w.lost} deals, ${((w.byAmount[0]?.rate ?? 0) * 100).toFixed(1)}% by amount`);
console.log(`velocity: ${salesVelocity(P, book, { period: q2, asOf })[0]?.perDay} a day`);
console.log(`funnel: ${stageConversion(P, book, { asOf }).map((s) => `${P.definition.stages.find((x) => x.id === s.stage)?.name['zh-CN']} ${s.reached}`).join(' → ')}`);
for (const s of stageAging(P, book, { asOf, maxDaysInStage: { proposal: 30, negotiation: 21 } }).stuck) {
  console.log(`stuck: ${s.id} (${s.ownerId}) ${s.days} days in ${s.stage}, limit ${s.limitDays}`);
}
for (const c of pipelineCoverage(P, book, [{ ownerId: 'u-li', quota: Money.of('500000', 'CNY') }, { ownerId: 'u-wang', quota: Money.of('300000', 'CNY') }], { asOf, period: q3 })) {
  console.log(`coverage ${c.ownerId}: ${c.coverage.toFixed(2)}x of ${c.quota}`);
}
const [waterfall] = pipelineChanges(P, versions, day('2026-04-01'), asOf);
if (waterfall === undefined) throw new Error('expected a waterfall');
console.log(`waterfall Q2: start ${waterfall.start.amount} + new ${waterfall.new.amount} + pulled in ${waterfall.pulledIn.amount} − won ${waterfall.won.amount} − lost ${waterfall.lost.amount} = end ${waterfall.end.amount}`);
