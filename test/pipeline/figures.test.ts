// Hand-counted figures for the 20-deal book in book20.ts. Every expected value is derived in the
// comment beside it from the deals as written there (amounts, stages, dates), not from the code.
import { describe, expect, it } from 'vitest';
import { Money } from 'crmkit';
import {
  DEFAULT_B2B_PIPELINE as P,
  averageDealSize,
  pipelineChanges,
  pipelineCoverage,
  salesCycleLength,
  salesVelocity,
  stageAging,
  stageConversion,
  toOpportunityBook,
  weightedForecast,
  winRate,
} from 'crmkit/pipeline';
import { expectThrowsCode } from '../errors';
import { current, d, versions } from './book20';

const asOf = d('07-01');
const Q2 = { start: d('04-01'), end: d('07-01') };
const Q3 = { start: d('07-01'), end: d('10-01') };
const book = toOpportunityBook(current);
const s = (m: Money | undefined) => m?.toString();

describe('weightedForecast (Q3 2026, as of 1 July)', () => {
  // Open as of 1 July with expected close in Q3: o01, o02, o09 (July); o03, o04, o19, o10 USD
  // (August); o05, o06, o12 (September). Left out: o07 (closes 15 Oct), o08 (moved to 20 Jun),
  // o11 (created 5 Jul, after asOf). Probabilities: lead 0.1, qualified 0.2, proposal 0.5,
  // negotiation 0.8; o05 overrides 0.65, o12 overrides 0 (so it is omitted).
  const f = weightedForecast(P, book, { asOf, period: Q3 });

  it('by month, per currency', () => {
    expect(f.byPeriod.map((r) => [r.period, r.currency, r.count, s(r.amount), s(r.weighted)])).toEqual([
      // July: o01 100000×0.1 + o02 200000×0.2 + o09 10000.50×0.5 = 10000 + 40000 + 5000.25
      ['2026-07', 'CNY', 3, '310000.50 CNY', '55000.25 CNY'],
      // August: o03 50000×0.5 + o04 80000×0.8 + o19 100000×0.5 = 25000 + 64000 + 50000
      ['2026-08', 'CNY', 3, '230000.00 CNY', '139000.00 CNY'],
      // August in USD: o10 5000×0.8
      ['2026-08', 'USD', 1, '5000.00 USD', '4000.00 USD'],
      // September: o05 120000×0.65 + o06 40000×0.8 = 78000 + 32000 (o12 omitted)
      ['2026-09', 'CNY', 2, '160000.00 CNY', '110000.00 CNY'],
    ]);
    expect(f.byPeriod[3]?.categories.omitted.count).toBe(1);
    expect(s(f.byPeriod[3]?.categories.omitted.amount)).toBe('70000.00 CNY');
  });

  it('totals and categories (commit ≥ 0.8, best case ≥ 0.5, omitted = 0, else pipeline)', () => {
    const cny = f.total.find((r) => r.currency === 'CNY');
    // 310000.50 + 230000 + 160000; 55000.25 + 139000 + 110000
    expect([cny?.count, s(cny?.amount), s(cny?.weighted)]).toEqual([8, '700000.50 CNY', '304000.25 CNY']);
    const c = cny?.categories;
    // commit: o04 80000 (64000) + o06 40000 (32000)
    expect([c?.commit.count, s(c?.commit.amount), s(c?.commit.weighted)]).toEqual([2, '120000.00 CNY', '96000.00 CNY']);
    // best case: o03 50000 + o09 10000.50 + o19 100000 + o05 120000; 25000 + 5000.25 + 50000 + 78000
    expect([c?.best_case.count, s(c?.best_case.amount), s(c?.best_case.weighted)]).toEqual([4, '280000.50 CNY', '158000.25 CNY']);
    // pipeline: o01 100000 (10000) + o02 200000 (40000)
    expect([c?.pipeline.count, s(c?.pipeline.amount), s(c?.pipeline.weighted)]).toEqual([2, '300000.00 CNY', '50000.00 CNY']);
    expect([c?.omitted.count, s(c?.omitted.weighted)]).toEqual([1, '0.00 CNY']);
  });

  it('by owner and by quarter', () => {
    expect(f.byOwner.map((r) => [r.ownerId, r.currency, s(r.amount), s(r.weighted)])).toEqual([
      // u-a: o01, o02, o03, o04, o09, o19 = 100000 + 200000 + 50000 + 80000 + 10000.50 + 100000;
      // weighted 10000 + 40000 + 25000 + 64000 + 5000.25 + 50000 (o12 omitted)
      ['u-a', 'CNY', '540000.50 CNY', '194000.25 CNY'],
      // u-b: o05 120000 (78000) + o06 40000 (32000); o10 in USD
      ['u-b', 'CNY', '160000.00 CNY', '110000.00 CNY'],
      ['u-b', 'USD', '5000.00 USD', '4000.00 USD'],
    ]);
    const q = weightedForecast(P, current, { asOf, period: Q3, by: 'quarter' });
    expect(q.byPeriod.map((r) => [r.period, r.currency, s(r.weighted)])).toEqual([
      ['2026-Q3', 'CNY', '304000.25 CNY'],
      ['2026-Q3', 'USD', '4000.00 USD'],
    ]);
  });

  it('adopter category rules: first match wins, by stage and probability', () => {
    const r = weightedForecast(P, book, {
      asOf, period: Q3,
      categories: [{ category: 'commit', stages: ['negotiation'], minProbability: 0.01 }, { category: 'omitted', stages: ['lead'] }],
    });
    const c = r.total.find((x) => x.currency === 'CNY')?.categories;
    // commit: o04, o06 (o12 at negotiation has probability 0, below 0.01); omitted: o01 (lead);
    // pipeline (no rule matched): o02, o03, o09, o19, o05, o12
    expect([c?.commit.count, c?.omitted.count, c?.pipeline.count, c?.best_case.count]).toEqual([2, 1, 6, 0]);
  });

  it('counts months in the adopter’s UTC offset', () => {
    const late = { ...current[0]!, expectedCloseDate: new Date('2026-07-31T20:00:00Z') };
    // 20:00 UTC on 31 July is 04:00 on 1 August in UTC+8.
    expect(weightedForecast(P, [late], { asOf, period: Q3 }).byPeriod[0]?.period).toBe('2026-07');
    expect(weightedForecast(P, [late], { asOf, period: Q3, utcOffsetMinutes: 480 }).byPeriod[0]?.period).toBe('2026-08');
  });
});

describe('closed-deal figures (Q2 2026, as of 1 July)', () => {
  // Closed in Q2 as of 1 July: won o13 (10 Apr, 90000), o14 (21 May, 150000), o15 (30 Jun, 60000);
  // lost o16 (20 Apr, 40000), o17 (1 May, 20000), o20 (15 Jun, 45000). Not: o18 (won 20 Mar),
  // o19 (lost 15 Apr but reopened 1 Jun: open as of 1 July).
  it('winRate by count and by amount', () => {
    const w = winRate(P, book, { period: Q2, asOf });
    expect([w.won, w.lost, w.byCount]).toEqual([3, 3, 0.5]);
    // won 90000 + 150000 + 60000 = 300000; lost 40000 + 20000 + 45000 = 105000; 300000 / 405000 = 20/27
    expect(w.byAmount.map((r) => [r.currency, s(r.won), s(r.closed)])).toEqual([['CNY', '300000.00 CNY', '405000.00 CNY']]);
    expect(w.byAmount[0]?.rate).toBeCloseTo(20 / 27, 12);
    // Read as of 20 April, o19 was lost on 15 April: won o13; lost o19 — the period ends on asOf.
    const early = winRate(P, book, { period: { start: d('04-01'), end: d('04-20') }, asOf: d('04-20') });
    expect([early.won, early.lost]).toEqual([1, 1]);
  });

  it('averageDealSize', () => {
    // 300000 / 3
    expect(averageDealSize(P, book, { period: Q2, asOf }).map((r) => [r.count, s(r.total), s(r.average)])).toEqual([[3, '300000.00 CNY', '100000.00 CNY']]);
  });

  it('salesCycleLength, median and mean', () => {
    // won: o13 1 Mar → 10 Apr = 40 days, o14 1 Apr → 21 May = 50, o15 21 Apr → 30 Jun = 70
    const won = salesCycleLength(P, book, { period: Q2, asOf });
    expect([won.count, won.medianDays]).toEqual([3, 50]);
    expect(won.meanDays).toBeCloseTo(160 / 3, 12);
    // plus lost: o16 15 Mar → 20 Apr = 36, o17 1 Apr → 1 May = 30, o20 10 May → 15 Jun = 36
    // sorted 30 36 36 40 50 70: median (36 + 40) / 2 = 38, mean 262 / 6
    const all = salesCycleLength(P, book, { period: Q2, asOf, outcome: 'closed' });
    expect([all.count, all.medianDays]).toEqual([6, 38]);
    expect(all.meanDays).toBeCloseTo(262 / 6, 12);
  });

  it('salesVelocity', () => {
    // CNY open as of 1 July: o01–o09 (9), o12, o19 = 11 (o11 created later; o10 is USD).
    // 11 × (3/6) × 100000 / (160/3 days) = 550000 × 3 / 160 = 10312.50 a day
    const [cny, usd] = salesVelocity(P, book, { period: Q2, asOf });
    expect([cny?.openDeals, cny?.winRate, s(cny?.averageDealSize), s(cny?.perDay)]).toEqual([11, 0.5, '100000.00 CNY', '10312.50 CNY']);
    expect(cny?.cycleDays).toBeCloseTo(160 / 3, 12);
    // USD: o10 open, nothing closed
    expect([usd?.openDeals, usd?.winRate, usd?.perDay]).toEqual([1, undefined, undefined]);
  });
});

describe('stageConversion (the funnel)', () => {
  it('every deal created by 1 July', () => {
    // Furthest step (lead 0, qualified 1, proposal 2, negotiation 3, won 4):
    // 0: o01 o07 o17 · 1: o02 o08 o16 · 2: o03 o05 o20 · 3: o04 o06 o09 o10 o12 o19 · 4: o13 o14 o15 o18
    // reached = this step or later: won 4; negotiation 4+6 = 10; proposal 13; qualified 16; lead 19
    const f = stageConversion(P, book, { asOf });
    expect(f.map((x) => [x.stage, x.reached, x.advanced])).toEqual([
      ['lead', 19, 16], ['qualified', 16, 13], ['proposal', 13, 10], ['negotiation', 10, 4], ['won', 4, undefined],
    ]);
    expect(f[3]?.conversion).toBe(0.4);
    expect(f[4]?.fromStart).toBe(4 / 19);
  });

  it('the cohort created in Q2', () => {
    // Created in Q2: o01 o07 o17 (0), o02 (1), o03 o05 o20 (2), o06 o09 o10 (3), o14 o15 (4)
    expect(stageConversion(P, book, { asOf, created: Q2 }).map((x) => x.reached)).toEqual([12, 9, 8, 5, 2]);
  });
});

describe('stageAging and stuck deals (as of 1 July)', () => {
  // Days since entering the current stage: lead o01 30, o07 11; qualified o02 42, o08 150;
  // proposal o03 47, o05 21, o09 30, o19 30; negotiation o04 30, o06 26, o10 16, o12 113.
  const a = stageAging(P, book, { asOf, maxDaysInStage: { qualified: 60, proposal: 30, negotiation: 45 } });
  it('by stage', () => {
    expect(a.byStage.map((x) => [x.stage, x.count, x.meanDays, x.maxDays])).toEqual([
      ['lead', 2, 20.5, 30], ['qualified', 2, 96, 150], ['proposal', 4, 32, 47], ['negotiation', 4, 46.25, 113],
    ]);
  });
  it('stuck: over the limit, longest first (30 days in proposal is not over 30)', () => {
    expect(a.stuck.map((x) => [x.id, x.stage, x.days, x.limitDays])).toEqual([
      ['o08', 'qualified', 150, 60], ['o12', 'negotiation', 113, 45], ['o03', 'proposal', 47, 30],
    ]);
  });
});

describe('pipelineCoverage', () => {
  it('against quota, with what is already won', () => {
    const [q3] = pipelineCoverage(P, book, [{ ownerId: 'u-a', quota: Money.of('300000', 'CNY') }], { asOf, period: Q3 });
    // u-a open closing in Q3: o01 100000, o02 200000, o03 50000, o04 80000, o09 10000.50, o12 70000, o19 100000
    expect([s(q3?.open), s(q3?.won), s(q3?.remaining)]).toEqual(['610000.50 CNY', '0.00 CNY', '300000.00 CNY']);
    expect(q3?.coverage).toBeCloseTo(610000.5 / 300000, 12);
    const [a, b] = pipelineCoverage(P, book, [
      { ownerId: 'u-a', quota: Money.of('200000', 'CNY') },
      { ownerId: 'u-b', quota: Money.of('100000', 'CNY') },
    ], { asOf, period: Q2 });
    // u-a won in Q2: o13 90000 + o15 60000 = 150000; remaining 50000; nothing open closing in Q2
    expect([s(a?.won), s(a?.remaining), a?.coverage, a?.coverageOfRemaining]).toEqual(['150000.00 CNY', '50000.00 CNY', 0, 0]);
    // u-b won o14 150000 (quota met); open o08 60000 (closing 20 June): 60000 / 100000
    expect([s(b?.won), s(b?.remaining), b?.coverage, b?.coverageOfRemaining]).toEqual(['150000.00 CNY', '0.00 CNY', 0.6, undefined]);
  });

  it('refuses a quota in another currency than deals it covers', () => {
    // u-b's o10 (USD, closing 1 August) falls in Q3
    expectThrowsCode(() => pipelineCoverage(P, book, [{ ownerId: 'u-b', quota: Money.of('1', 'CNY') }], { asOf, period: Q3 }), 'CURRENCY_MISMATCH');
  });
});

describe('pipelineChanges (Q3 pipeline, 1 April to 1 July)', () => {
  it('the waterfall', () => {
    const [cny, usd] = pipelineChanges(P, versions, d('04-01'), asOf, { period: Q3 });
    const row = (x: { count: number; amount: Money }) => [x.count, s(x.amount)];
    // At 1 April, open and closing in Q3: o04 100000 (before the cut), o08 60000 (then closing
    // 25 July), o09 8000.50 (created 1 April), o12 70000, o13 90000 (closing 10 July), o16 40000
    expect(row(cny!.start)).toEqual([6, '368000.50 CNY']);
    // created after 1 April and in the Q3 pipeline on 1 July: o01 100000 + o02 200000 + o03 50000 + o05 120000 + o06 40000
    expect(row(cny!.new)).toEqual([5, '510000.00 CNY']);
    // o19: lost on 1 April's view (closing 30 April), reopened and moved to 20 August
    expect(row(cny!.pulledIn)).toEqual([1, '100000.00 CNY']);
    // o09 8000.50 → 10000.50
    expect(row(cny!.increased)).toEqual([1, '2000.00 CNY']);
    // o04 100000 → 80000
    expect(row(cny!.decreased)).toEqual([1, '20000.00 CNY']);
    // o08 moved to 20 June
    expect(row(cny!.pushedOut)).toEqual([1, '60000.00 CNY']);
    expect(row(cny!.won)).toEqual([1, '90000.00 CNY']);
    expect(row(cny!.lost)).toEqual([1, '40000.00 CNY']);
    // 368000.50 + 510000 + 100000 + 2000 − 20000 − 60000 − 90000 − 40000 = 770000.50, which is
    // also the forecast's Q3 CNY amount with the omitted o12: 700000.50 + 70000
    expect(row(cny!.end)).toEqual([9, '770000.50 CNY']);
    expect([usd?.currency, ...row(usd!.new), ...row(usd!.end)]).toEqual(['USD', 1, '5000.00 USD', 1, '5000.00 USD']);
  });
});

describe('bad input gets CrmError codes', () => {
  it('options and deals', () => {
    expectThrowsCode(() => weightedForecast(P, book, { asOf: new Date('x'), period: Q3 }), 'INVALID_DATE');
    expectThrowsCode(() => weightedForecast(P, book, { asOf, period: { start: Q3.end, end: Q3.start } }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => weightedForecast(P, book, { asOf, period: Q3, by: 'week' as 'month' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => weightedForecast(P, book, { asOf, period: Q3, utcOffsetMinutes: 30.5 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => weightedForecast(P, book, { asOf, period: Q3, categories: [{ category: 'maybe' as 'commit' }] }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => weightedForecast(P, book, { asOf, period: Q3, categories: [{ category: 'commit', stages: ['nowhere'] }] }), 'UNKNOWN_STAGE');
    expectThrowsCode(() => winRate(P, book, { period: Q3, asOf }), 'INVALID_ARGUMENT'); // the period runs past asOf
    expectThrowsCode(() => salesCycleLength(P, book, { period: Q2, asOf, outcome: 'lost' as 'won' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => stageAging(P, book, { asOf, maxDaysInStage: { won: 3 } }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => stageAging(P, book, { asOf, maxDaysInStage: { proposal: -1 } }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => pipelineCoverage(P, book, [{ ownerId: 'u-a', quota: Money.of('1', 'CNY') }, { ownerId: 'u-a', quota: Money.of('1', 'CNY') }], { asOf, period: Q3 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => pipelineChanges(P, versions, asOf, d('04-01')), 'INVALID_ARGUMENT');
    expectThrowsCode(() => weightedForecast(P, { ...book }, { asOf, period: Q3 }), 'INVALID_ARGUMENT');
    const o = current[0]!;
    const bad = (patch: Record<string, unknown>) => () => toOpportunityBook([{ ...o, ...patch } as typeof o]);
    expectThrowsCode(bad({ amount: { amount: '1', currency: 'CNY' } }), 'INVALID_ARGUMENT');
    expectThrowsCode(bad({ amount: Money.of('1.001', 'CNY') }), 'INVALID_ARGUMENT');
    expectThrowsCode(bad({ amount: Money.of('-1', 'CNY') }), 'INVALID_ARGUMENT');
    expectThrowsCode(bad({ probability: 0.33333 }), 'INVALID_ARGUMENT');
    expectThrowsCode(bad({ createdAt: new Date(Number.NaN) }), 'INVALID_DATE');
    expectThrowsCode(bad({ stage: 'proposal' }), 'INVALID_ARGUMENT');
    expectThrowsCode(bad({ stageHistory: [] }), 'INVALID_ARGUMENT');
    // eslint-disable-next-line no-sparse-arrays
    expectThrowsCode(() => toOpportunityBook([o, , o] as typeof current), 'INVALID_ARGUMENT');
    expectThrowsCode(() => weightedForecast(P, [{ ...o, stage: 'mars', stageHistory: [{ stage: 'mars', at: o.createdAt }] }], { asOf, period: Q3 }), 'UNKNOWN_STAGE');
  });
});
