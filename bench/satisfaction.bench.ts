// Satisfaction scoring throughput on 1,000,000 responses (issue 6: no named target; hot loops are
// allocation-free). Baseline: a bare loop summing the same answers, measured in the same run.
import { csat, defineSurvey, nps, satisfactionIndex, satisfactionIndexBy, type SurveyResponse } from '../src/satisfaction/index';
import { measure, memoryMiB, report, seededRandom } from './harness';

const N = 1_000_000;
const rand = seededRandom(6);
const npsScores = new Uint8Array(N);
const csatScores = new Uint8Array(N);
for (let i = 0; i < N; i++) {
  npsScores[i] = Math.floor(rand() * 11);
  csatScores[i] = 1 + Math.floor(rand() * 5);
}
const npsArray = Array.from(npsScores);

let sink = 0;
await measure('satisfaction', 'baseline: sum 1M Uint8 answers', () => {
  let s = 0;
  for (let i = 0; i < N; i++) s += npsScores[i] as number;
  sink += s;
}, { items: N, runs: 5 });
await measure('satisfaction', 'nps, 1M answers (Uint8Array)', () => (sink += nps(npsScores).score ?? 0), { items: N, runs: 5 });
await measure('satisfaction', 'nps, 1M answers (number[])', () => (sink += nps(npsArray).score ?? 0), { items: N, runs: 5 });
await measure('satisfaction', 'csat, 1M answers (Uint8Array)', () => (sink += csat(csatScores).share ?? 0), { items: N, runs: 5 });

const survey = defineSurvey({
  id: 'post-delivery',
  name: '配送回访',
  dimensions: [
    { id: 'product', label: '产品质量', weight: 2 },
    { id: 'service', label: '服务态度' },
    { id: 'delivery', label: '配送速度' },
  ],
  questions: [
    { id: 'rec', scale: 'nps', dimension: 'product', weight: 0 },
    { id: 'q1', scale: 'csat5', dimension: 'product' },
    { id: 'q2', scale: 'csat7', dimension: 'product' },
    { id: 'q3', scale: 'csat5', dimension: 'service' },
    { id: 'q4', scale: 'ces7', dimension: 'delivery' },
    { id: 'why', scale: 'text' },
  ],
});
const channels = ['wechat', 'sms', 'phone', 'app'];
const responses: SurveyResponse[] = Array.from({ length: N }, (_, i) => ({
  id: `r${i}`,
  surveyId: 'post-delivery',
  customerId: `c${i}`,
  channel: channels[i % 4] as string,
  answeredAt: new Date(Date.UTC(2026, i % 12, 1 + (i % 28))),
  answers: {
    rec: npsScores[i] as number,
    q1: csatScores[i] as number,
    q2: 1 + (i % 7),
    q3: 1 + ((i * 7) % 5),
    ...(i % 3 === 0 ? {} : { q4: 1 + ((i * 3) % 7) }),
  },
}));
report({ bench: 'satisfaction', check: 'responses built', n: N, ...memoryMiB() });

await measure('satisfaction', 'baseline: read q1 of 1M response objects', () => {
  let s = 0;
  for (let i = 0; i < N; i++) s += (responses[i] as SurveyResponse).answers.q1 as number;
  sink += s;
}, { items: N, runs: 3 });
await measure('satisfaction', 'satisfactionIndex, 1M responses, 5 scored questions, 3 dimensions, target 90', () => {
  sink += satisfactionIndex(responses, survey, { target: 90 }).score ?? 0;
}, { items: N, runs: 3 });
await measure('satisfaction', 'satisfactionIndex, 1M responses, duplicates: assume-unique (no customer-id hashing)', () => {
  sink += satisfactionIndex(responses, survey, { target: 90, duplicates: 'assume-unique' }).score ?? 0;
}, { items: N, runs: 3 });
await measure('satisfaction', 'baseline: Map of 1M customer ids (the cost of duplicate detection)', () => {
  const m = new Map<string, number>();
  for (let i = 0; i < N; i++) m.set((responses[i] as SurveyResponse).customerId, i);
  sink += m.size;
}, { items: N, runs: 3 });
await measure('satisfaction', 'satisfactionIndexBy month, 1M responses', () => {
  sink += satisfactionIndexBy(responses, survey, { by: 'period', period: 'month' }).length;
}, { items: N, runs: 3 });
await measure('satisfaction', 'satisfactionIndexBy channel, 1M responses', () => {
  sink += satisfactionIndexBy(responses, survey, { by: 'channel' }).length;
}, { items: N, runs: 3 });
report({ bench: 'satisfaction', sink: Number.isFinite(sink), ...memoryMiB() });
