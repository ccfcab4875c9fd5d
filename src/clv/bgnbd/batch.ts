import { worthGrouping } from '../data';
import { HypergeometricSeries } from '../math/hypSeries';
import type { BgNbdParams } from './model';

const f64 = /* @__PURE__ */ new Float64Array(1);
const u32 = /* @__PURE__ */ new Uint32Array(f64.buffer);
function bits(v: number): number {
  f64[0] = v;
  return ((u32[0] as number) ^ Math.imul(u32[1] as number, 0x9e3779b1)) | 0;
}

/**
 * Σᵢ ωᵢ · E[X(T, T+tᵢ) | x, tₓ, T] for every customer, for BG/NBD (shift 0) and MBG/NBD (shift 1).
 * With one step (ω = 1) this is the conditional expectation; with ωᵢ = Dᵢ − Dᵢ₊₁ for discount
 * factors D it is the discounted expected purchases of lifetimes' customer_lifetime_value.
 *
 * The expectation (FHL 2005 eq. 10) factors as N(x, T, t) / G(x, tₓ, T): the numerator
 * N = (C/(a−1))·[1 − (1−z)^(a−1) ₂F₁(a+b+s−1−r, a−1; C; z)], z = t/(α+T+t), C = a+b+x+s−1
 * (Euler's transformation, A&S 15.3.3, of the paper's ₂F₁) depends on x and T only, and the
 * denominator G = 1 + δ a/(b+x+s−1)·((α+T)/(α+tₓ))^(r+x) is cheap. So the series are summed once
 * per distinct (x, T) — few when T comes from dates in whole periods — and each customer costs one
 * exp and two logs (internal).
 */
export function bgWeightedExpected(
  p: BgNbdParams,
  shift: 0 | 1,
  x: Float64Array,
  tx: Float64Array,
  T: Float64Array,
  times: readonly number[],
  weights: readonly number[],
): Float64Array {
  const { r, alpha, a, b } = p;
  const n = x.length;
  const series: (HypergeometricSeries | undefined)[] = [];
  // N(x, T): the numerator, which depends on x and T only.
  const numerator = (xk: number, Tk: number): number => {
    const aT = alpha + Tk;
    let s = series[xk];
    if (!s) s = series[xk] = new HypergeometricSeries(a + b + shift - 1 - r, a - 1, a + b + xk + shift - 1);
    const lead = (a + b + xk + shift - 1) / (a - 1);
    let sum = 0;
    for (let i = 0; i < times.length; i++) {
      const t = times[i] as number;
      if (t === 0) continue;
      const oneMinusZ = aT / (aT + t);
      sum += (weights[i] as number) * lead * (1 - Math.pow(oneMinusZ, a - 1) * s.value(t / (aT + t)));
    }
    return sum;
  };
  const out = new Float64Array(n);
  // With T from timestamps almost every (x, T) is distinct, and hashing them costs more than it saves.
  const grouped = worthGrouping(x, T);
  const { S, group } = grouped ? numeratorsByGroup(x, T, numerator) : { S: undefined, group: undefined };
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const g = S && group ? (S[group[i] as number] as number) : numerator(xi, T[i] as number);
    if (xi === 0 && shift === 0) {
      out[i] = g;
    } else {
      const rx = r + xi;
      out[i] = g / (1 + (a / (b + xi + shift - 1)) * Math.exp(rx * Math.log((alpha + (T[i] as number)) / (alpha + (tx[i] as number)))));
    }
  }
  return out;
}

/** N(x, T) once per distinct (x, T), and each row's group (internal). */
function numeratorsByGroup(x: Float64Array, T: Float64Array, numerator: (x: number, T: number) => number): { S: Float64Array; group: Int32Array } {
  const n = x.length;
  let size = 16;
  while (size < Math.min(n, 1 << 22) * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const keyX: number[] = [];
  const keyT: number[] = [];
  const group = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const xi = x[i] as number;
    const Ti = T[i] as number;
    let h = Math.imul(bits(xi) ^ Math.imul(bits(Ti), 0x85ebca6b), 0x27d4eb2f);
    h ^= h >>> 15;
    let slot = h & mask;
    for (;;) {
      const k = slots[slot] as number;
      if (k === -1) {
        slots[slot] = keyX.length;
        group[i] = keyX.length;
        keyX.push(xi);
        keyT.push(Ti);
        break;
      }
      if (keyX[k] === xi && keyT[k] === Ti) {
        group[i] = k;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  const S = new Float64Array(keyX.length);
  for (let k = 0; k < keyX.length; k++) S[k] = numerator(keyX[k] as number, keyT[k] as number);
  return { S, group };
}
