/**
 * crmkit charts report: builds every chart of `crmkit/charts` from crmkit results on the CDNOW
 * sample (2,357 customers, 1997-1998) and a generated survey and customer file, renders each
 * Vega-Lite spec to SVG in Node with vega and vega-lite (devDependencies: crmkit itself renders
 * nothing), and writes one self-contained HTML report plus the SVGs.
 * Run with `npm run report` (or `npx tsx --tsconfig tsconfig.examples.json examples/report.ts [outDir] [en|zh-CN]`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { Transaction } from 'crmkit/customer';
import { loadCdnow } from './data/cdnow';
import {
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
import { cohortRetention } from 'crmkit/kpi';
import { DEFAULT_STAGE_POLICY, deriveStage } from 'crmkit/lifecycle';
import { findDuplicates, syntheticCustomers } from 'crmkit/quality';
import { defineSurvey, improvementPriorities, satisfactionTrend } from 'crmkit/satisfaction';
import { rfmMetrics, summarizeRfm } from 'crmkit/segmentation';

const outDir = process.argv[2] ?? 'report';
const locale = (process.argv[3] ?? 'en') as 'en' | 'zh-CN';

// CDNOW sample (examples/data): customer ids c<number>.
const transactions: Transaction[] = loadCdnow({ customerId: (n) => `c${n}` });
const asOf = new Date('1998-07-01T00:00:00Z');
const calibrationEnd = new Date('1997-10-01T00:00:00Z');

const charts: { name: string; spec: VegaLiteSpec }[] = [];

// Segmentation: the RFM grid and value concentration.
const summaries = summarizeRfm(transactions, { asOf, currency: 'USD' });
charts.push({ name: 'rfm-grid', spec: rfmGridChart(rfmMetrics(summaries), { locale }) });
charts.push({ name: 'value-curve', spec: valueCurveChart(summaries.map((s) => s.monetaryMinor / 100), { locale }) });

// KPIs: monthly cohorts of 1997's first quarter.
const cohorts = cohortRetention(transactions, { period: { start: new Date('1997-01-01T00:00:00Z'), end: new Date('1997-04-01T00:00:00Z') }, asOf, months: 18 });
charts.push({ name: 'cohort-retention', spec: cohortRetentionChart(cohorts, { locale }) });

// Lifecycle: stages at the end of calibration and at the end of the data.
const byCustomer = new Map<string, Transaction[]>();
for (const t of transactions) byCustomer.set(t.customerId, [...(byCustomer.get(t.customerId) ?? []), t]);
const stageAt = (at: Date) =>
  new Map([...byCustomer].filter(([, tx]) => tx.some((t) => t.occurredAt < at)).map(([id, tx]) => [id, deriveStage({ customerId: id, transactions: tx }, DEFAULT_STAGE_POLICY, { asOf: at }).stage]));
charts.push({ name: 'stage-flow', spec: stageFlowChart(stageAt(calibrationEnd), stageAt(asOf), { locale }) });

// CLV: BG/NBD fitted on the 39-week calibration period, tracked through the 39-week holdout.
// Repeat purchases are counted by day (as purchaseTracking counts them), times in weeks.
const calibration = summarizeTransactions(transactions.filter((t) => t.occurredAt < calibrationEnd), { asOf: new Date('1997-09-30T00:00:00Z') });
const data = { frequency: calibration.map((c) => c.frequency), recency: calibration.map((c) => c.recency / 7), T: calibration.map((c) => c.T / 7) };
const model = fitBgNbd(data);
const tracking = purchaseTracking(transactions, model, { origin: new Date('1997-01-01T00:00:00Z'), calibrationEnd, periods: 78 });
charts.push({ name: 'clv-tracking', spec: clvTrackingChart(tracking, { calibrationPeriods: 39, locale }) });
charts.push({ name: 'p-alive', spec: probabilityAliveChart(probabilityAlive(model, data), { locale }) });

// Satisfaction: a generated post-delivery survey where delivery got better in the spring.
const survey = defineSurvey({
  id: 'post-delivery',
  name: '配送回访',
  dimensions: [{ id: 'product', label: locale === 'en' ? 'Product' : '产品质量' }, { id: 'delivery', label: locale === 'en' ? 'Delivery' : '配送速度' }, { id: 'service', label: locale === 'en' ? 'Service' : '服务态度' }],
  questions: [
    { id: 'nps', scale: 'nps', dimension: 'product', weight: 0 },
    { id: 'quality', scale: 'csat5', dimension: 'product' },
    { id: 'speed', scale: 'csat5', dimension: 'delivery' },
    { id: 'staff', scale: 'csat5', dimension: 'service' },
  ],
});
let seed = 20260301;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const five = (bias: number) => Math.max(1, Math.min(5, Math.round(1 + 4 * rand() * 0.7 + bias)));
const responses = Array.from({ length: 1200 }, (_, i) => {
  const month = i % 6;
  const speed = five(month >= 3 ? 1.5 : 0);
  const quality = five(1);
  const staff = five(1);
  return {
    id: `r${i}`, surveyId: 'post-delivery', customerId: `s${i}`, channel: 'wechat', answeredAt: new Date(Date.UTC(2026, month, 1 + (i % 27))),
    answers: { nps: Math.max(0, Math.min(10, Math.round(1.4 * speed + 0.6 * quality + 0.2 * staff - 1 + 2 * rand()))), quality, speed, staff },
  };
});
charts.push({ name: 'nps-trend', spec: satisfactionTrendChart(satisfactionTrend(responses, survey, { metric: { question: 'nps' } }), { locale }) });
charts.push({ name: 'priorities', spec: priorityQuadrantChart(improvementPriorities(responses, survey, { target: 80, importance: 'derived', outcome: 'nps' }), { locale }) });

// Data quality: a generated customer file with known duplicates.
const { customers } = syntheticCustomers({ count: 3000, seed: 7, asOf: new Date('2026-01-01T00:00:00Z') });
charts.push({ name: 'duplicate-scores', spec: duplicateScoreChart(findDuplicates(customers), { locale }) });

// Render each spec to SVG and write one HTML page with every chart inline.
mkdirSync(outDir, { recursive: true });
const sections: string[] = [];
for (const { name, spec } of charts) {
  const warnings: string[] = [];
  const logger = { level: () => 2, warn: (...m: unknown[]) => warnings.push(m.join(' ')), error: (...m: unknown[]) => warnings.push(m.join(' ')), info: () => undefined, debug: () => undefined };
  const view = new vega.View(vega.parse(vl.compile(spec as unknown as vl.TopLevelSpec, { logger: logger as never }).spec), { renderer: 'none', logger: logger as never });
  const svg = await view.toSVG();
  view.finalize();
  if (warnings.length > 0) throw new Error(`${name}: ${warnings.join('; ')}`);
  writeFileSync(join(outDir, `${name}.svg`), svg);
  writeFileSync(join(outDir, `${name}.vl.json`), JSON.stringify(spec, null, 1));
  sections.push(`<section id="${name}">${svg}</section>`);
  console.log(`${name}: ${svg.length.toLocaleString('en')} bytes of SVG from a ${JSON.stringify(spec).length.toLocaleString('en')}-byte spec`);
}
const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>crmkit report</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#222}section{display:inline-block;margin:1rem;vertical-align:top}h1{font-weight:600}</style>
</head><body><h1>crmkit report: CDNOW sample and a generated survey</h1>
${sections.join('\n')}
</body></html>
`;
writeFileSync(join(outDir, 'report.html'), html);
console.log(`wrote ${join(outDir, 'report.html')} (${charts.length} charts)`);
