// BG/NBD when every customer is distinct (continuous T), issue 20. Baseline: bench/peers/
// bgnbd_numpy.py (numpy/scipy, the likelihood as lifetimes writes it) fitting the same data, run
// in this process tree right before our measurements. Targets: 100k fit + score >= 10x the numpy
// fit; 1M fit + score < 3 s; first fit in a fresh process (JIT cold) >= 3x the numpy fit.
// Score = probabilityAlive + expectedPurchases(52 weeks). CLV_BENCH_SIZES overrides "100000,1000000".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { expectedPurchases, fitBgNbd, probabilityAlive } from '../src/clv/index';
import { continuousCustomers } from './clvContinuousData';
import { measure, report } from './harness';

const sizes = (process.env.CLV_BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const peer = fileURLToPath(new URL('./peers/bgnbd_numpy.py', import.meta.url));
const cold = fileURLToPath(new URL('./clvCold.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'crmkit-clv-'));

try {
  for (const n of sizes) {
    const data = continuousCustomers(n);
    const file = join(dir, `continuous-${n}.csv`);
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`${data.frequency[i]},${data.recency[i]},${data.T[i]}`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    const py = spawnSync('python3', [peer, '--columns', file, '--runs', n > 200_000 ? '1' : '3'], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const base = py.status === 0 ? (JSON.parse(py.stdout.trim()) as { median_s: number; params: Record<string, number>; ll: number }) : undefined;
    report({ bench: 'clv-continuous', baseline: 'numpy/scipy bench/peers/bgnbd_numpy.py', n, ...(base ?? { failed: py.stderr.slice(0, 300) }) });
    const baseMs = base ? base.median_s * 1000 : NaN;

    const c = spawnSync(process.execPath, ['--import', 'tsx', cold, String(n)], { encoding: 'utf8' });
    const coldRes = c.status === 0 ? (JSON.parse(c.stdout.trim()) as { coldFitMs: number }) : undefined;
    report({ bench: 'clv-continuous', n, coldFitMs: coldRes?.coldFitMs, coldSpeedupVsNumpy: coldRes ? Math.round((baseMs / coldRes.coldFitMs) * 10) / 10 : undefined, target: '>= 3x' });

    let model = fitBgNbd(data);
    const runs = n > 200_000 ? 3 : 5;
    const mFit = await measure('clv-continuous', `fitBgNbd ${n} continuous-T customers`, () => (model = fitBgNbd(data)), { runs, items: n });
    let sink = 0;
    const mScore = await measure('clv-continuous', `score ${n}: probabilityAlive + expectedPurchases(52)`, () => {
      sink += (probabilityAlive(model, data)[0] as number) + (expectedPurchases(model, data, 52)[0] as number);
    }, { runs, items: n });
    const total = mFit.medianMs + mScore.medianMs;
    const maxRel = base ? Math.max(...(['r', 'alpha', 'a', 'b'] as const).map((k) => Math.abs(model.params[k] / (base.params[k] as number) - 1))) : undefined;
    report({
      bench: 'clv-continuous',
      n,
      fitPlusScoreMs: Math.round(total),
      numpyFitMs: Math.round(baseMs),
      speedupVsNumpy: Math.round((baseMs / total) * 10) / 10,
      target: n >= 1_000_000 ? '< 3000 ms' : '>= 10x',
      params: model.params,
      ll: model.fit?.logLikelihood,
      numpyLl: base?.ll,
      maxRelativeDifferenceFromNumpy: maxRel,
      sink: Number.isFinite(sink),
    });
  }
  const t0 = performance.now();
  let acc = 0;
  for (let i = 0; i < 1_000_000; i++) acc += Math.log(1.5 + i);
  report({ bench: 'clv-continuous', gauge: '1e6 Math.log', ms: Math.round((performance.now() - t0) * 10) / 10, ok: acc > 0 });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
