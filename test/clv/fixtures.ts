// Loaders for the CDNOW and donation fixtures (copied from lifetimes' datasets; see fixtures/README.md).
import { readFileSync } from 'node:fs';

const dir = new URL('./fixtures/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8').trim().split('\n');

/** The 2,357-customer CDNOW sample summarised in weeks (39-week calibration), with zbar. */
export function cdnowSummary() {
  const rows = read('cdnow_customers_summary_with_transactions.csv').slice(1).map((l) => l.split(',').map(Number));
  return {
    id: rows.map((r) => r[0] as number),
    frequency: Float64Array.from(rows, (r) => r[1] as number),
    recency: Float64Array.from(rows, (r) => r[2] as number),
    T: Float64Array.from(rows, (r) => r[3] as number),
    monetaryValue: Float64Array.from(rows, (r) => r[4] as number),
  };
}

/** The BG/BB donations data, aggregated (frequency, recency, periods, count). */
export function donations() {
  return read('donations.csv')
    .slice(1)
    .map((l) => l.split(',').map(Number))
    .map(([frequency, recency, periods, count]) => ({ frequency: frequency as number, recency: recency as number, periods: periods as number, count: count as number }));
}

/** CDNOW_sample.txt rows: master id, id in the sample (the summary's ID), date (YYYYMMDD), CDs, dollar value. */
export function cdnowSampleTransactions() {
  return read('CDNOW_sample.txt').map((l) => {
    const [id, sampleId, date, cds, value] = l.trim().split(/\s+/);
    return { id: String(Number(id)), sampleId: String(Number(sampleId)), date: date as string, cds: Number(cds), value: value as string };
  });
}

/** A seeded PRNG (mulberry32) and the distributions the simulations need. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const uniform = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia & Tsang (2000), "A simple method for generating gamma variables"; shape k, scale 1.
  const gamma = (k: number): number => {
    if (k < 1) return gamma(k + 1) * Math.pow(uniform(), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const beta = (a: number, b: number) => {
    const x = gamma(a);
    return x / (x + gamma(b));
  };
  const exponential = (rate: number) => -Math.log(1 - uniform()) / rate;
  return { uniform, gamma, beta, exponential };
}
