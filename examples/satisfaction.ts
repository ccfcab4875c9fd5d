/**
 * crmkit satisfaction: define a post-delivery survey with three dimensions (产品质量, 服务态度,
 * 配送速度), validate responses, score NPS / CSAT / CES, compute the weighted satisfaction index
 * against a 90 target, rank what to fix first, and follow the trend month by month.
 * Run with `npm run build && npx tsx --tsconfig tsconfig.examples.json examples/satisfaction.ts`.
 */
import {
  ces,
  classifyFeedback,
  csat,
  defineSurvey,
  closedLoopReport,
  improvementPriorities,
  keyDrivers,
  nps,
  openSurveyFollowUps,
  recordCallback,
  requiredSampleSize,
  satisfactionIndex,
  satisfactionIndexBy,
  satisfactionTrend,
  validateResponse,
  type FeedbackClassifier,
  type SurveyResponse,
} from 'crmkit/satisfaction';

const survey = defineSurvey({
  id: 'post-delivery-2026',
  name: '配送回访问卷',
  dimensions: [
    { id: 'product', label: '产品质量', weight: 2 },
    { id: 'service', label: '服务态度', weight: 1 },
    { id: 'delivery', label: '配送速度', weight: 1 },
  ],
  questions: [
    { id: 'recommend', text: '您有多大可能向朋友推荐我们？', scale: 'nps', dimension: 'product', weight: 0 },
    { id: 'quality', text: '您对商品质量满意吗？', scale: 'csat5', dimension: 'product' },
    { id: 'staff', text: '客服态度如何？', scale: 'csat5', dimension: 'service' },
    { id: 'easy', text: '处理您的问题是否省心？', scale: 'ces7', dimension: 'service' },
    { id: 'onTime', text: '是否按时送达？', scale: 'yes_no', dimension: 'delivery' },
    { id: 'speed', text: '您对配送速度满意吗？', scale: 'csat5', dimension: 'delivery' },
    { id: 'why', text: '还有什么想告诉我们的？', scale: 'text' },
  ],
});

// Deterministic sample data: 600 customers over three months; delivery got better in March.
let seed = 20260301;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (weights: number[]) => {
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
  return weights.length - 1;
};
const channels = ['wechat', 'sms', 'phone', 'app'];
const comments = ['配送太慢了', '包装破损', '客服很耐心', '质量不错', ''];
const raw = Array.from({ length: 600 }, (_, i) => {
  const month = 1 + (i % 3);
  const late = rand() < (month === 3 ? 0.1 : 0.35);
  const quality = 1 + pick([1, 2, 6, 14, 12]);
  const speed = late ? 1 + pick([4, 6, 5, 2, 1]) : 1 + pick([0, 1, 3, 10, 8]);
  // Loyalty follows product quality most, delivery somewhat, plus noise.
  const recommend = Math.max(0, Math.min(10, Math.round((quality - 1) * 1.6 + (speed - 1) * 0.6 + rand() * 3)));
  return {
    id: `resp-${i + 1}`,
    surveyId: survey.id,
    customerId: `cust-${i + 1}`,
    channel: channels[i % 4],
    answeredAt: `2026-0${month}-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00+08:00`,
    answers: {
      recommend,
      quality,
      staff: 1 + pick([1, 1, 4, 12, 14]),
      easy: 1 + pick([1, 1, 2, 4, 8, 10, 8]),
      onTime: !late,
      speed,
      why: comments[i % comments.length],
    },
  };
});

console.log('crmkit satisfaction\n===================\n');

// 1. Validate: bad answers are reported per question, never echoing the answer.
const bad = validateResponse({ ...raw[0], answers: { recommend: 11, quality: 3, price: 5 } }, survey, { locale: 'zh-CN' });
console.log('A malformed response is rejected:');
for (const issue of bad.issues) console.log(`  [${issue.code}] ${issue.message}`);

const responses: SurveyResponse[] = [];
for (const row of raw) {
  const result = validateResponse(row, survey);
  if (result.ok) responses.push(result.response);
}
console.log(`\n${responses.length} valid responses.\n`);

// 2. The headline scores.
const score = (q: string) => responses.map((r) => r.answers[q]).filter((v): v is number => typeof v === 'number');
const n = nps(score('recommend'));
console.log(`NPS ${n.score!.toFixed(1)} ± ${n.marginOfError!.toFixed(1)} (95%), promoters ${n.promoters}, passives ${n.passives}, detractors ${n.detractors}`);
const c = csat(score('quality'));
console.log(`CSAT (quality, top-2-box) ${(c.share! * 100).toFixed(1)}%, Wilson 95% ${(c.interval!.lower * 100).toFixed(1)}%–${(c.interval!.upper * 100).toFixed(1)}%`);
const e = ces(score('easy'));
console.log(`CES mean ${e.mean!.toFixed(2)} / 7, ${(e.lowEffortShare! * 100).toFixed(0)}% found it easy`);

// 3. The weighted index against the 90 target.
const idx = satisfactionIndex(responses, survey, { target: 90 });
console.log(`\nSatisfaction index ${idx.score!.toFixed(1)} ± ${idx.marginOfError!.toFixed(1)} vs target 90: ${idx.target!.verdict}`);
for (const d of idx.dimensions) console.log(`  ${d.label}: ${d.score!.toFixed(1)} (gap ${d.target!.gap!.toFixed(1)}, ${d.target!.verdict})`);

console.log('\nBy channel:');
for (const g of satisfactionIndexBy(responses, survey, { by: 'channel' })) console.log(`  ${g.key.padEnd(7)} ${g.score!.toFixed(1)} ± ${g.marginOfError!.toFixed(1)} (n = ${g.n})`);

// 4. What to fix first: stated importance (the dimension weights), then importance derived from
//    each dimension's correlation with the likelihood to recommend.
console.log('\nImprovement priorities, stated importance (importance × gap to 90):');
for (const p of improvementPriorities(responses, survey, { target: 90 })) {
  console.log(`  ${p.rank}. ${p.label}: score ${p.score!.toFixed(1)}, importance ${p.importance.toFixed(2)}, priority ${p.priority.toFixed(1)}`);
}
console.log('Improvement priorities, importance derived from the NPS question:');
for (const p of improvementPriorities(responses, survey, { target: 90, importance: 'correlation', outcome: 'recommend' })) {
  console.log(`  ${p.rank}. ${p.label}: score ${p.score!.toFixed(1)}, importance ${p.importance.toFixed(2)} (r = ${p.correlation?.toFixed(2)}), priority ${p.priority.toFixed(1)}`);
}

console.log('Improvement priorities, derived importance (relative weights for the NPS question) and quadrants:');
for (const p of improvementPriorities(responses, survey, { target: 90, importance: 'derived', outcome: 'recommend' })) {
  console.log(`  ${p.rank}. ${p.label}: importance ${p.importance.toFixed(2)}, ${p.quadrant}`);
}

// 4b. Key drivers of the likelihood to recommend, question by question, with bootstrap intervals.
const drivers = keyDrivers(responses, { outcome: 'recommend', drivers: ['quality', 'staff', 'easy', 'speed'], bootstrap: 200 });
console.log(`\nKey drivers of 推荐 (R² ${drivers.rSquared.toFixed(2)}, n = ${drivers.n}, ${drivers.dropped} incomplete left out):`);
for (const d of drivers.drivers) {
  const ties = d.indistinguishableFrom.length > 0 ? `, not distinguishable from ${d.indistinguishableFrom.join(', ')}` : '';
  console.log(`  ${d.rank}. ${d.driver}: ${(d.share * 100).toFixed(0)}% of R² [${d.interval!.lower.toFixed(3)}, ${d.interval!.upper.toFixed(3)}], r = ${d.correlation.toFixed(2)}${ties}`);
}

// 4c. Close the loop: detractors get a callback within one business day (China time).
const { followUps } = openSurveyFollowUps(responses, survey, undefined, { calendar: { utcOffsetMinutes: 480 } });
const handled = followUps.map((f, i) =>
  i % 3 === 2 ? f : recordCallback(f, { at: new Date(f.openedAt.getTime() + (i % 3 === 0 ? 2 : 40) * 3_600_000), outcome: 'reached' }).followUp,
);
const loop = closedLoopReport(handled, responses, { asOf: new Date('2026-04-01T00:00:00Z') });
console.log(`\nClosed loop: ${loop.opened} callbacks owed, ${loop.calledBackWithinSla} within SLA (${(loop.withinSlaShare! * 100).toFixed(0)}%), ${loop.overdue} overdue`);
console.log(`Responses needed per segment for NPS ± 5 at 95%: ${requiredSampleSize({ metric: 'nps', marginOfError: 5 })} (worst case)`);

// 5. Trend by month (China time), with changes tested against the margin of error.
console.log('\n配送速度 by month:');
for (const t of satisfactionTrend(responses, survey, { period: 'month', utcOffsetMinutes: 480, metric: { dimension: 'delivery' } })) {
  const change = t.change === null ? '' : `  change ${t.change >= 0 ? '+' : ''}${t.change.toFixed(1)} ± ${t.changeMarginOfError!.toFixed(1)}${t.significant ? ' (significant)' : ''}`;
  console.log(`  ${t.period}: ${t.score!.toFixed(1)}${change}`);
}

// 6. Feedback text stays with the response; plug in your own classifier (a keyword stand-in here).
const keywords: FeedbackClassifier = {
  classify: (text) => (/慢/.test(text) ? [{ label: 'slow delivery', dimension: 'delivery', sentiment: 'negative' }] : /破损/.test(text) ? [{ label: 'damaged', dimension: 'product', sentiment: 'negative' }] : []),
};
const classified = await classifyFeedback(responses, survey, keywords);
const counts = new Map<string, number>();
for (const f of classified) for (const l of f.labels) counts.set(l.label, (counts.get(l.label) ?? 0) + 1);
console.log(`\nFeedback: ${classified.length} comments; labelled ${JSON.stringify(Object.fromEntries(counts))}`);
