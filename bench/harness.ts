/**
 * A tiny benchmark harness: time a function over several runs, print one JSON line per result so
 * figures can be compared across runs (`npm run bench > figures.jsonl`). Benchmarks never fail for
 * being slow.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mulberry32 } from '../src/core/random';

/** Where benches keep the data they write once and reuse (gitignored). */
export const DATA_DIR = join(import.meta.dirname, '..', '.bench-out');

export interface Measurement {
  readonly bench: string;
  readonly name: string;
  /** Median wall time of one run, in milliseconds. */
  readonly medianMs: number;
  readonly minMs: number;
  readonly runs: number;
  /** Items processed per second at the median, when `items` was given. */
  readonly perSecond?: number;
  readonly items?: number;
  readonly [extra: string]: unknown;
}

export interface MeasureOptions {
  /** Timed runs (after one warm-up). Default 5. */
  readonly runs?: number;
  /** Items each run processes, for a per-second figure. */
  readonly items?: number;
  /** Extra fields copied into the JSON line. */
  readonly extra?: Record<string, unknown>;
}

/** Runs `fn` once to warm up, then `runs` times; prints and returns the measurement. */
export async function measure(bench: string, name: string, fn: () => unknown, options: MeasureOptions = {}): Promise<Measurement> {
  const runs = options.runs ?? 5;
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const medianMs = times[Math.floor(times.length / 2)] as number;
  const m: Measurement = {
    bench,
    name,
    medianMs: round(medianMs),
    minMs: round(times[0] as number),
    runs,
    ...(options.items !== undefined && { items: options.items, perSecond: Math.round((options.items / medianMs) * 1000) }),
    ...options.extra,
  };
  report(m);
  return m;
}

/** Prints one JSON line. */
export function report(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** Peak-ish memory now, in MiB (heap used and resident set). */
export function memoryMiB(): { heapUsedMiB: number; rssMiB: number } {
  const m = process.memoryUsage();
  return { heapUsedMiB: round(m.heapUsed / 2 ** 20), rssMiB: round(m.rss / 2 ** 20) };
}

/** A seeded PRNG (mulberry32, from crmkit's core) so benchmark data is the same every run. */
export const seededRandom = mulberry32;

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
