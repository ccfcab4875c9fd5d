/**
 * Customers simulated from the BG/NBD with the published CDNOW parameters (Fader, Hardie & Lee
 * 2005: r = 0.243, α = 4.414, a = 0.793, b = 2.426) and continuous time: acquisition spread over
 * 12 weeks, 39 weeks of observation, purchase times not rounded to days. Almost every row is
 * distinct, the worst case for grouping (issue 20). Seeded, so every run scores the same data.
 */
import { seededRandom } from './harness';

export interface ContinuousData {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
}

/** A Gamma(k, 1) sampler over `uniform` (Marsaglia & Tsang 2000; k < 1 by the boost k + 1). */
export function gammaSampler(uniform: () => number): (k: number) => number {
  const gammaDraw = (k: number): number => {
    if (k < 1) return gammaDraw(k + 1) * Math.pow(uniform(), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number;
      let v: number;
      do {
        z = Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  return gammaDraw;
}

export function continuousCustomers(n: number, seed = 20): ContinuousData {
  const uniform = seededRandom(seed);
  const gammaDraw = gammaSampler(uniform);
  const out = { frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const lambda = gammaDraw(0.243) / 4.414;
    const g1 = gammaDraw(0.793);
    const pDrop = g1 / (g1 + gammaDraw(2.426));
    const Ti = 39 - 12 * uniform();
    let t = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      t += -Math.log(1 - uniform()) / lambda;
      if (t > Ti) break;
      x++;
      tx = t;
      if (uniform() < pDrop) break;
    }
    out.frequency[i] = x;
    out.recency[i] = tx;
    out.T[i] = Ti;
  }
  return out;
}
