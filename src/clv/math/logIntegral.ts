import { gaussLegendre } from './gaussLegendre';

/** Most panels one integral may use; beyond it the result is NaN (a fit then stops with MODEL_NOT_CONVERGED). */
const MAX_PANELS = 4096;
/** Panels this far (in ln) below the integrand's maximum add nothing in float64. */
const NEGLIGIBLE = 46;

/**
 * ln ∫ from v0 to v1 of e^f(v) dv for a concave f with derivative `slope` (so e^f is unimodal):
 * composite 16-point Gauss–Legendre on panels of at most 4 e-folds (the steeper end's slope),
 * laid out from the maximum outwards and stopped once a panel ends e^−46 below the maximum. For
 * an f analytic in a strip around the real axis this is exact to float64 rounding, and the work
 * is bounded by the panel cap whatever the arguments. v0 may be −∞ (internal).
 */
export function logIntegralConcave(f: (v: number) => number, slope: (v: number) => number, v0: number, v1: number): number {
  if (!(v1 > v0)) return -Infinity;
  // The maximum: where the decreasing slope crosses 0 (bisection; 200 steps bound it).
  let vm: number;
  if (slope(v1) >= 0) vm = v1;
  else if (Number.isFinite(v0) && slope(v0) <= 0) vm = v0;
  else {
    let lo = Number.isFinite(v0) ? v0 : v1 - 1;
    for (let k = 0; k < 200 && slope(lo) < 0; k++) lo = v1 - 2 * (v1 - lo);
    let hi = v1;
    for (let k = 0; k < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(hi)); k++) {
      const mid = (lo + hi) / 2;
      if (slope(mid) > 0) lo = mid;
      else hi = mid;
    }
    vm = Math.max(v0, (lo + hi) / 2);
  }
  const top = f(vm);
  if (!Number.isFinite(top)) return top;
  const steep = Math.max(Math.abs(slope(v1)), Number.isFinite(v0) ? Math.abs(slope(v0)) : Math.abs(slope(vm - 1e3)), 1e-9);
  const h = Math.min(1, 4 / steep);
  const { x: nodes, w } = gaussLegendre(16);
  let sum = 0;
  let panels = 0;
  const panel = (a: number, b: number): void => {
    const half = (b - a) / 2;
    const mid = (b + a) / 2;
    let acc = 0;
    for (let k = 0; k < 16; k++) acc += (w[k] as number) * Math.exp(f(mid + half * (nodes[k] as number)) - top);
    sum += acc * half;
    panels++;
  };
  for (let a = vm; a < v1 && panels < MAX_PANELS; ) {
    const b = Math.min(v1, a + h);
    panel(a, b);
    if (f(b) < top - NEGLIGIBLE) break;
    a = b;
  }
  for (let b = vm; b > v0 && panels < MAX_PANELS; ) {
    const a = Math.max(v0, b - h);
    panel(a, b);
    if (f(a) < top - NEGLIGIBLE) break;
    b = a;
  }
  if (panels >= MAX_PANELS) return NaN;
  return top + Math.log(sum);
}
