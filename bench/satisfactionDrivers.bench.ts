// Key driver analysis on 100,000 distinct responses with 8 drivers (issue 22: no named target).
// Baseline: one pass that builds the 9 × 9 correlation matrix by hand (what any driver analysis must
// at least do), measured in the same run; bootstrap cost is reported per resample.
import { keyDrivers, type SurveyResponse } from '../src/satisfaction/index';
import { measure, memoryMiB, report, seededRandom } from './harness';

const N = 100_000;
const P = 8;
const rand = seededRandom(22);
const drivers = Array.from({ length: P }, (_, j) => `d${j}`);
const rows = new Float64Array(N * (P + 1));
const responses: SurveyResponse[] = Array.from({ length: N }, (_, i) => {
  const answers: Record<string, number> = {};
  let y = 0;
  const common = rand();
  for (let j = 0; j < P; j++) {
    // Correlated drivers (a shared factor), each distinct per customer.
    const x = 1 + Math.min(4, Math.floor(5 * (0.5 * common + 0.5 * rand())));
    answers[`d${j}`] = x;
    rows[i * (P + 1) + j] = x;
    y += (P - j) * x;
  }
  const overall = Math.round(y / 10 + 3 * rand());
  answers.overall = overall;
  rows[i * (P + 1) + P] = overall;
  return { id: `r${i}`, surveyId: 's', customerId: `c${i}`, channel: 'app', answeredAt: new Date(Date.UTC(2026, 0, 1 + (i % 300))), answers };
});
report({ bench: 'satisfaction-drivers', check: 'responses built', n: N, drivers: P, ...memoryMiB() });

let sink = 0;
await measure('satisfaction-drivers', 'baseline: 9 × 9 correlation sums over 100k rows (typed array)', () => {
  const k = P + 1;
  const s = new Float64Array(k * k);
  for (let i = 0; i < N; i++) for (let a = 0; a < k; a++) for (let b = a; b < k; b++) s[a * k + b] = (s[a * k + b] as number) + (rows[i * k + a] as number) * (rows[i * k + b] as number);
  sink += s[0] as number;
}, { items: N, runs: 5 });
const base = { outcome: 'overall', drivers, duplicates: 'assume-unique' } as const;
await measure('satisfaction-drivers', 'keyDrivers relative weights, no bootstrap', () => (sink += keyDrivers(responses, { ...base, bootstrap: 0 }).rSquared), { items: N, runs: 5 });
await measure('satisfaction-drivers', 'keyDrivers Shapley (256 subsets), no bootstrap', () => (sink += keyDrivers(responses, { ...base, method: 'shapley', bootstrap: 0 }).rSquared), { items: N, runs: 5 });
await measure('satisfaction-drivers', 'keyDrivers relative weights, 100 bootstrap resamples', () => (sink += keyDrivers(responses, { ...base, bootstrap: 100 }).rSquared), { items: N, runs: 3 });
report({ bench: 'satisfaction-drivers', sink: Number.isFinite(sink), ...memoryMiB() });
