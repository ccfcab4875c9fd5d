// The first BG/NBD fit in a fresh process (JIT cold), for bench/clvContinuous.bench.ts, which
// spawns this file and reads one JSON line. Usage: tsx bench/clvCold.ts N
import { performance } from 'node:perf_hooks';
import { fitBgNbd } from '../src/clv/index';
import { continuousCustomers } from './clvContinuousData';

const n = Number(process.argv[2] ?? 100_000);
const data = continuousCustomers(n);
const t0 = performance.now();
const m = fitBgNbd(data);
const ms = performance.now() - t0;
process.stdout.write(`${JSON.stringify({ n, coldFitMs: Math.round(ms * 10) / 10, params: m.params })}\n`);
