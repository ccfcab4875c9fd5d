import { describe, expect, it } from 'vitest';
import {
  chartLabels,
  clvTrackingChart,
  cohortRetentionChart,
  duplicateScoreChart,
  priorityQuadrantChart,
  probabilityAliveChart,
  rfmGridChart,
  satisfactionTrendChart,
  stageFlowChart,
  valueCurveChart,
  type VegaLiteSpec,
} from 'crmkit/charts';
import { fitBgNbd, probabilityAlive, purchaseTracking, summarizeTransactions } from 'crmkit/clv';
import { Money } from 'crmkit/core';
import { cohortRetention } from 'crmkit/kpi';
import { rfmMetrics, summarizeRfm } from 'crmkit/segmentation';
import { defineSurvey, improvementPriorities, satisfactionTrend } from 'crmkit/satisfaction';
import { findDuplicates, syntheticCustomers } from 'crmkit/quality';
import { cdnowSampleTransactions, cdnowSummary } from '../clv/fixtures';
import { expectThrowsCode } from '../errors';
import { render } from './render';

const values = (spec: VegaLiteSpec) => (spec.data as { values: Record<string, unknown>[] }).values;

// CDNOW sample transactions (lifetimes' dataset; test/clv/fixtures/README.md) as crmkit purchases.
const cdnow = cdnowSampleTransactions().map((t, i) => ({
  id: `t${i}`,
  customerId: t.sampleId,
  type: 'purchase' as const,
  amount: Money.of(t.value, 'USD'),
  occurredAt: new Date(`${t.date.slice(0, 4)}-${t.date.slice(4, 6)}-${t.date.slice(6, 8)}T00:00:00Z`),
}));
const asOf = new Date('1998-07-01T00:00:00Z');

async function expectRenders(spec: VegaLiteSpec) {
  const r = await render(spec);
  expect(r.schemaErrors).toEqual([]);
  expect(r.warnings).toEqual([]);
  expect(r.svg.startsWith('<svg')).toBe(true);
  return r;
}

describe('charts render: schema-valid, compile and draw with no warnings (CDNOW and survey data)', () => {
  const summaries = summarizeRfm(cdnow, { asOf, currency: 'USD' });
  const metrics = rfmMetrics(summaries);

  it('rfmGridChart: the cells are a group-by of the metrics, computed independently here', async () => {
    const spec = rfmGridChart(metrics, { locale: 'zh-CN' });
    await expectRenders(spec);
    const expected = new Map<string, { customers: number; spend: number }>();
    for (const m of metrics.values()) {
      const key = `${m.rfm!.r}/${m.rfm!.f}`;
      const e = expected.get(key) ?? { customers: 0, spend: 0 };
      e.customers++;
      e.spend += m.lifetimeSpendMinor!;
      expected.set(key, e);
    }
    const got = values(spec);
    expect(got.length).toBe(expected.size);
    for (const row of got) {
      const e = expected.get(`${row.recencyScore}/${row.frequencyScore}`)!;
      expect(row.customers).toBe(e.customers);
      expect(row.lifetimeSpend).toBeCloseTo(e.spend / 100, 6);
    }
    expect(got.reduce((s, r) => s + (r.customers as number), 0)).toBe(metrics.size);
    expect(spec.title).toBe(chartLabels('zh-CN').rfmGridTitle);
  });

  it('valueCurveChart: each point is the top share’s revenue share (naive sort in the test)', async () => {
    const spend = summaries.map((s) => s.monetaryMinor / 100);
    const spec = valueCurveChart(spend);
    await expectRenders(spec);
    const desc = [...spend].sort((a, b) => b - a);
    const total = desc.reduce((s, v) => s + v, 0);
    for (const p of values(spec)) {
      const top = Math.round((p.customerShare as number) * desc.length);
      expect(p.revenueShare).toBeCloseTo(desc.slice(0, top).reduce((s, v) => s + v, 0) / total, 9);
    }
    expect(values(spec)).toHaveLength(101);
  });

  it('cohortRetentionChart: the data is cohortRetention’s result, cell by cell', async () => {
    const rows = cohortRetention(cdnow, { period: { start: new Date('1997-01-01T00:00:00Z'), end: new Date('1997-04-01T00:00:00Z') }, asOf, months: 12 });
    const spec = cohortRetentionChart(rows);
    await expectRenders(spec);
    const rebuilt = rows.map((r) => ({ cohort: r.cohort, rates: values(spec).filter((v) => v.cohort === r.cohort).map((v) => v.retention) }));
    expect(rebuilt).toEqual(rows.map((r) => ({ cohort: r.cohort, rates: [...r.rates] })));
  });

  it('clvTrackingChart over purchaseTracking on CDNOW: predicted equals a brute-force sum over customers', async () => {
    const calibrationEnd = new Date('1997-10-01T00:00:00Z');
    const s = cdnowSummary();
    const model = fitBgNbd({ frequency: s.frequency, recency: s.recency, T: s.T });
    const points = purchaseTracking(cdnow, model, { origin: new Date('1997-01-01T00:00:00Z'), calibrationEnd, periods: 78 });
    const spec = clvTrackingChart(points, { calibrationPeriods: 39 });
    await expectRenders(spec);
    expect(values(spec)).toHaveLength(156);
    // Independent: BG/NBD E[X(t)] (Fader, Hardie & Lee 2005, eq. 9) with a plain 2F1 series, summed
    // customer by customer (no grouping), at weeks 20 and 78.
    const { r, alpha, a, b } = model.params as { r: number; alpha: number; a: number; b: number };
    const f21 = (x: number, y: number, c: number, z: number) => {
      let term = 1;
      let sum = 1;
      for (let k = 0; k < 5000 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
        term *= ((x + k) * (y + k)) / ((c + k) * (k + 1)) * z;
        sum += term;
      }
      return sum;
    };
    const ex = (t: number) => ((a + b - 1) / (a - 1)) * (1 - (alpha / (alpha + t)) ** r * f21(r, b, a + b - 1, t / (alpha + t)));
    const firstDay = new Map<string, number>();
    for (const t of cdnow) firstDay.set(t.customerId, Math.min(firstDay.get(t.customerId) ?? Infinity, t.occurredAt.getTime()));
    const day = 86_400_000;
    for (const week of [20, 78]) {
      const end = Date.UTC(1997, 0, 1) + week * 7 * day;
      let sum = 0;
      for (const birth of firstDay.values()) if (birth < calibrationEnd.getTime() && end - (birth + day) > 0) sum += ex((end - (birth + day)) / (7 * day));
      expect(points[week - 1]!.predicted).toBeCloseTo(sum, 6);
    }
    // Actual at the end of calibration (week 39, 1997-10-01): Σ frequency of summarizeTransactions by day
    // as of 1997-09-30 (a second code path counting repeat purchase days).
    const calib = summarizeTransactions(cdnow.filter((t) => t.occurredAt < calibrationEnd), { asOf: new Date('1997-09-30T00:00:00Z') });
    expect(points[38]!.actual).toBe(calib.reduce((s2, c) => s2 + c.frequency, 0));
  });

  it('probabilityAliveChart: bins count P(alive) exactly (naive count in the test)', async () => {
    const s = cdnowSummary();
    const model = fitBgNbd({ frequency: s.frequency, recency: s.recency, T: s.T });
    const p = probabilityAlive(model, { frequency: s.frequency, recency: s.recency, T: s.T });
    const spec = probabilityAliveChart(p, { bins: 10 });
    await expectRenders(spec);
    const naive = new Array(10).fill(0);
    for (const v of p) naive[Math.min(9, Math.floor(v * 10))]++;
    expect(values(spec).map((b) => b.count)).toEqual(naive);
  });

  const survey = defineSurvey({
    id: 's1', name: '回访',
    dimensions: [{ id: 'product', label: '产品质量' }, { id: 'delivery', label: '配送速度' }, { id: 'service', label: '服务' }],
    questions: [
      { id: 'nps', scale: 'nps', dimension: 'product', weight: 0 },
      { id: 'quality', scale: 'csat5', dimension: 'product' },
      { id: 'speed', scale: 'csat5', dimension: 'delivery' },
      { id: 'staff', scale: 'csat5', dimension: 'service' },
    ],
  });
  let seed = 3;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const responses = Array.from({ length: 400 }, (_, i) => {
    const speed = 1 + Math.floor(rand() * 5);
    const quality = 1 + Math.floor(rand() * 5);
    return {
      id: `r${i}`, surveyId: 's1', customerId: `c${i}`, channel: 'app', answeredAt: new Date(Date.UTC(2026, i % 6, 10)),
      answers: { nps: Math.min(10, Math.round(speed * 1.5 + quality * 0.5 + rand())), quality, speed, staff: 1 + Math.floor(rand() * 5) },
    };
  });

  it('satisfactionTrendChart: the data is the trend exactly', async () => {
    const trend = satisfactionTrend(responses, survey, { metric: { question: 'nps' } });
    const spec = satisfactionTrendChart(trend, { locale: 'zh-CN' });
    // Checked before rendering: vega tags the data objects it draws.
    expect(values(spec)).toEqual(trend.map((p) => ({ ...p })));
    await expectRenders(spec);
  });

  it('priorityQuadrantChart: one point per scored dimension with its quadrant label', async () => {
    const priorities = improvementPriorities(responses, survey, { target: 80, importance: 'derived', outcome: 'nps' });
    const spec = priorityQuadrantChart(priorities);
    await expectRenders(spec);
    const labels = chartLabels('en');
    expect(values(spec).map((v) => [v.importance, v.quadrant])).toEqual(
      priorities.filter((p) => p.score !== null && p.quadrant !== null).map((p) => [p.importance, labels[p.quadrant!]]),
    );
  });

  it('duplicateScoreChart on a synthetic set: every pair is counted once', async () => {
    const { customers } = syntheticCustomers({ count: 600, seed: 9, asOf: new Date('2026-01-01T00:00:00Z') });
    const result = findDuplicates(customers);
    const spec = duplicateScoreChart(result);
    await expectRenders(spec);
    expect(values(spec).reduce((s, b) => s + (b.count as number), 0)).toBe(result.pairs.length);
  });

  it('stageFlowChart renders and counts every customer once', async () => {
    const from = { a: 'new', b: 'repeat', c: 'repeat', d: 'at_risk' };
    const to = new Map([['a', 'repeat'], ['b', 'repeat'], ['c', 'churned'], ['e', 'new']]);
    const spec = stageFlowChart(from, to, { locale: 'zh-CN' });
    await expectRenders(spec);
    expect(values(spec).reduce((s, r) => s + (r.customers as number), 0)).toBe(5);
  });
});

describe('charts stay small for a million customers (they aggregate first)', () => {
  const N = 1_000_000;
  let seed = 11;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

  it('every per-customer builder gives a spec under 200 KB', () => {
    const metrics = Array.from({ length: N }, (_, i) => ({ rfm: { r: 1 + (i % 5), f: 1 + ((i * 7) % 5), m: 1 + ((i * 3) % 5) }, rfmSegment: `s${i % 11}`, lifetimeSpendMinor: i % 9973 }));
    const spend = Float64Array.from({ length: N }, () => rand() * 1000);
    const pAlive = Float64Array.from({ length: N }, () => rand());
    const from = new Map<string, string>();
    const to = new Map<string, string>();
    const stages = ['new', 'active', 'repeat', 'at_risk', 'churned', 'won_back', 'vip', 'dormant', 'lost'];
    for (let i = 0; i < N; i++) {
      from.set(`c${i}`, stages[i % 9]!);
      to.set(`c${i}`, stages[(i * 5) % 9]!);
    }
    const pairs = Array.from({ length: 200_000 }, (_, i) => ({ a: `a${i}`, b: `b${i}`, score: 4 + rand() * 20, status: 'review' as const, evidence: [] }));
    const sizes = [
      rfmGridChart(metrics),
      valueCurveChart(spend),
      probabilityAliveChart(pAlive),
      stageFlowChart(from, to),
      duplicateScoreChart({ pairs, clusters: [], comparisons: 0, skippedBlocks: 0 }),
    ].map((s) => JSON.stringify(s).length);
    for (const size of sizes) expect(size).toBeLessThan(200_000);
  });
});

describe('charts refuse bad input with a code', () => {
  it.each([
    () => rfmGridChart(null as never),
    () => rfmGridChart([{ rfm: { r: 0, f: 1, m: 1 } }]),
    () => valueCurveChart([1, Number.NaN]),
    () => valueCurveChart([1], { points: 1 }),
    () => probabilityAliveChart('x' as never),
    () => probabilityAliveChart([0.5], { bins: 0 }),
    () => cohortRetentionChart([{ cohort: 1 }] as never),
    () => clvTrackingChart([{ period: 1, actual: Number.NaN, predicted: 1 }]),
    () => satisfactionTrendChart({} as never),
    () => priorityQuadrantChart([null] as never),
    () => duplicateScoreChart({ pairs: [{ score: Infinity }] } as never),
    () => stageFlowChart({ a: 1 } as never, {}),
    () => rfmGridChart([], { locale: 'fr' as 'en' }),
    () => rfmGridChart([], { width: 10 }),
  ])('INVALID_ARGUMENT %#', (call) => {
    expectThrowsCode(call, 'INVALID_ARGUMENT');
  });

  it('purchaseTracking refuses unbounded work and bad dates', () => {
    const model = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
    expectThrowsCode(() => purchaseTracking([], model, { calibrationEnd: new Date('x'), periods: 3 }), 'INVALID_DATE');
    expectThrowsCode(() => purchaseTracking([], model, { calibrationEnd: new Date(), periods: 1e9 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => purchaseTracking([], model, { calibrationEnd: new Date(), periods: 3, periodDays: 0 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => purchaseTracking([], { model: 'bgnbd', params: { r: -1 } } as never, { calibrationEnd: new Date(), periods: 3 }), 'INVALID_MODEL');
  });
});
