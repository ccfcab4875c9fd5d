// CLV benchmarks (issue 5). Baseline: ../shared/peers/bgnbd_numpy.py (numpy/scipy BG/NBD and
// Gamma-Gamma fits), run in the same process tree right before our measurements.
// Targets: BG/NBD fit >= 10x faster than the baseline on CDNOW and on 1,000,000 raw resampled
// customers with the same estimates; scoring P(alive) + expected purchases + CLV for 1,000,000
// customers < 1 s.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  expectedPurchases,
  fitBetaGeoBetaBinomial,
  fitBgNbd,
  fitGammaGamma,
  fitModifiedBgNbd,
  fitParetoNbd,
  predictClv,
  predictClvValues,
  probabilityAlive,
} from '../src/clv/index';
import { gammaSampler } from './clvContinuousData';
import { measure, report } from './harness';

const csv = fileURLToPath(new URL('../test/clv/fixtures/cdnow_customers_summary_with_transactions.csv', import.meta.url));
const donationsCsv = fileURLToPath(new URL('../test/clv/fixtures/donations.csv', import.meta.url));
const N = Number(process.env.CLV_BENCH_N ?? 1_000_000);

const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
const cdnow = {
  frequency: Float64Array.from(rows, (r) => r[1] as number),
  recency: Float64Array.from(rows, (r) => r[2] as number),
  T: Float64Array.from(rows, (r) => r[3] as number),
  monetaryValue: Float64Array.from(rows, (r) => r[4] as number),
};

// Machine load gauge: 1,000,000 Math.log calls (about 8 ms on a quiet core).
{
  const t0 = performance.now();
  let acc = 0;
  for (let i = 0; i < 1_000_000; i++) acc += Math.log(1.5 + i);
  report({ bench: 'clv', gauge: '1e6 Math.log', ms: Math.round((performance.now() - t0) * 10) / 10, ok: acc > 0 });
}

// 1. The baseline, in this run.
const peer = fileURLToPath(new URL('../../../shared/peers/bgnbd_numpy.py', import.meta.url));
const peerPath = existsSync(peer) ? peer : '/work/shared/peers/bgnbd_numpy.py';
const base: Record<string, { median_s: number; params: Record<string, number>; n: number; ll?: number }> = {};
if (process.env.CLV_BENCH_SKIP_BASELINE !== '1') {
  const py = spawnSync('python3', [peerPath, csv, String(N)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (py.status !== 0) report({ bench: 'clv', baseline: 'failed', stderr: py.stderr.slice(0, 500) });
  for (const line of py.stdout.trim().split('\n').filter(Boolean)) {
    const j = JSON.parse(line) as { model: string; n: number; median_s: number; params: Record<string, number>; ll?: number };
    base[`${j.model}:${j.n}`] = j;
    report({ bench: 'clv', baseline: 'numpy/scipy bgnbd_numpy.py', ...j });
  }
}
const ratio = (key: string, ms: number) => (base[key] ? Math.round(((base[key].median_s * 1000) / ms) * 10) / 10 : undefined);

// 2. Fits on CDNOW.
// Warm the JIT first: the figures are for a service that fits repeatedly, not for cold code.
for (let i = 0; i < 20; i++) {
  fitBgNbd(cdnow);
  fitGammaGamma(cdnow);
}
let bgCdnow = fitBgNbd(cdnow);
const mBg = await measure('clv', 'fitBgNbd, CDNOW 2,357 customers', () => (bgCdnow = fitBgNbd(cdnow)), { runs: 21, items: 2357 });
report({ bench: 'clv', check: 'BG/NBD CDNOW estimates', params: bgCdnow.params, ll: bgCdnow.fit?.logLikelihood, baseline: base['bgnbd:2357']?.params, speedupVsBaseline: ratio('bgnbd:2357', mBg.medianMs), speedupVsBaselineAtMin: ratio('bgnbd:2357', mBg.minMs), target: '>= 10x' });
let ggCdnow = fitGammaGamma(cdnow);
const mGg = await measure('clv', 'fitGammaGamma, CDNOW 946 repeat buyers', () => (ggCdnow = fitGammaGamma(cdnow)), { runs: 21 });
report({ bench: 'clv', check: 'Gamma-Gamma CDNOW estimates', params: ggCdnow.params, ll: ggCdnow.fit?.logLikelihood, baseline: base['gammagamma:946']?.params, speedupVsBaseline: ratio('gammagamma:946', mGg.medianMs) });
await measure('clv', 'fitModifiedBgNbd, CDNOW', () => fitModifiedBgNbd(cdnow), { runs: 5 });
await measure('clv', 'fitParetoNbd, CDNOW (numeric gradient, hypergeometric series)', () => fitParetoNbd(cdnow), { runs: 3 });
const don = readFileSync(donationsCsv, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
const donRows = don.map(([frequency, recency, periods, count]) => ({ frequency: frequency as number, recency: recency as number, periods: periods as number, count: count as number }));
await measure('clv', 'fitBetaGeoBetaBinomial, donations 11,104 customers in 22 rows', () => fitBetaGeoBetaBinomial(donRows), { runs: 5 });

// 3. 1,000,000 raw customers resampled from CDNOW (with replacement, seeded; not pre-aggregated).
let seed = 7;
const uniform = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const big = { frequency: new Float64Array(N), recency: new Float64Array(N), T: new Float64Array(N), monetaryValue: new Float64Array(N) };
for (let i = 0; i < N; i++) {
  const k = Math.floor(uniform() * rows.length);
  big.frequency[i] = cdnow.frequency[k] as number;
  big.recency[i] = cdnow.recency[k] as number;
  big.T[i] = cdnow.T[k] as number;
  big.monetaryValue[i] = cdnow.monetaryValue[k] as number;
}
let bgBig = fitBgNbd(big);
const mBig = await measure('clv', `fitBgNbd, ${N} raw resampled customers (grouped internally)`, () => (bgBig = fitBgNbd(big)), { runs: 5, items: N });
report({ bench: 'clv', check: `BG/NBD ${N} estimates`, params: bgBig.params, rows: bgBig.fit?.rows, baseline: base[`bgnbd:${N}`]?.params, speedupVsBaseline: ratio(`bgnbd:${N}`, mBig.medianMs), target: '>= 10x' });

// Scoring data as summarizeTransactions produces it: 1,000,000 customers simulated from the fitted
// BG/NBD with dates in whole days (T and tₓ multiples of 1/7 week; 12 weeks of acquisition, 39
// weeks of calibration, like CDNOW). Rows repeat far less than in the resampled set.
const gammaDraw = gammaSampler(uniform);
const daily = { frequency: new Float64Array(N), recency: new Float64Array(N), T: new Float64Array(N), monetaryValue: new Float64Array(N) };
{
  const { r, alpha, a, b } = bgCdnow.params;
  for (let i = 0; i < N; i++) {
    const lambda = gammaDraw(r) / alpha;
    const g1 = gammaDraw(a);
    const pDrop = g1 / (g1 + gammaDraw(b));
    const Ti = (273 - Math.floor(uniform() * 85)) / 7;
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - uniform()) / lambda;
      if (t > Ti) break;
      x++;
      tx = Math.min(Ti, Math.ceil(t * 7) / 7);
      if (uniform() < pDrop) break;
    }
    daily.frequency[i] = x;
    daily.recency[i] = tx;
    daily.T[i] = Ti;
    daily.monetaryValue[i] = x > 0 ? 5 + 60 * uniform() : 0;
  }
}
// The worst case: T continuous (jittered), so every customer needs its own series.
const continuous = { ...daily, T: Float64Array.from(daily.T, (t) => t + uniform() / 7) };
for (let i = 0; i < N; i++) if ((continuous.recency[i] as number) > (continuous.T[i] as number)) continuous.recency[i] = continuous.T[i] as number;

// 4. Scoring 1,000,000 customers.
let sink = 0;
const mScore = await measure(
  'clv',
  `score ${N}: probabilityAlive + expectedPurchases(52) + predictClvValues(12 months)`,
  () => {
    const p = probabilityAlive(bgCdnow, big);
    const e = expectedPurchases(bgCdnow, big, 52);
    const v = predictClvValues(bgCdnow, ggCdnow, big, { horizon: 12, period: 4.345, discountRate: 0.01 });
    sink += (p[0] as number) + (e[0] as number) + (v[0] as number);
  },
  { runs: 3, items: N, extra: { target: '< 1000 ms' } },
);
await measure('clv', `probabilityAlive ${N}`, () => (sink += probabilityAlive(bgCdnow, big)[0] as number), { runs: 3, items: N });
await measure('clv', `expectedPurchases(52) ${N}`, () => (sink += expectedPurchases(bgCdnow, big, 52)[0] as number), { runs: 3, items: N });
await measure('clv', `predictClvValues 12 monthly steps ${N}`, () => (sink += predictClvValues(bgCdnow, ggCdnow, big, { horizon: 12, period: 4.345 })[0] as number), { runs: 3, items: N });
await measure('clv', `predictClv to Money ${N / 10}`, () => predictClv(bgCdnow, ggCdnow, { frequency: big.frequency.subarray(0, N / 10), recency: big.recency.subarray(0, N / 10), T: big.T.subarray(0, N / 10), monetaryValue: big.monetaryValue.subarray(0, N / 10) }, { horizon: 12, period: 4.345, currency: 'USD' }), { runs: 3, items: N / 10 });
const scoreAll = (data: typeof big) => () => {
  const p = probabilityAlive(bgCdnow, data);
  const e = expectedPurchases(bgCdnow, data, 52);
  const v = predictClvValues(bgCdnow, ggCdnow, data, { horizon: 12, period: 4.345, discountRate: 0.01 });
  sink += (p[0] as number) + (e[0] as number) + (v[0] as number);
};
const mScoreDaily = await measure('clv', `score ${N} simulated daily-granular customers: probabilityAlive + expectedPurchases(52) + predictClvValues(12 months)`, scoreAll(daily), {
  runs: 3,
  items: N,
  extra: { target: '< 1000 ms' },
});
const mScoreContinuous = await measure('clv', `score ${N} with continuous T (worst case, every row its own series)`, scoreAll(continuous), { runs: 1, items: N });
report({ bench: 'clv', scoreResampledMs: mScore.medianMs, scoreDailyMs: mScoreDaily.medianMs, scoreContinuousMs: mScoreContinuous.medianMs, sink: Number.isFinite(sink) });
