import { gaussLegendre } from '../math/gaussLegendre';
import { logAddExp, logGamma } from '../math/special';

/** Most panels one integral may use; beyond it ln A₀ is NaN and a fit stops with MODEL_NOT_CONVERGED. */
const MAX_PANELS = 4096;
/** Panels whose values fall this far (in ln) below the integrand's maximum add nothing in float64. */
const NEGLIGIBLE = 46;

/**
 * ln A₀ of the Pareto/NBD likelihood (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD
 * Model and Related Expressions", http://www.brucehardie.com/notes/009/, eqs. 19–22), where
 * A₀ = (r+s+x) ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ — the note's derivation before it
 * writes the integral as a difference of two ₂F₁(r+s+x, ·; r+s+x+1; z). That series needs up to
 * millions of terms as z → 1 (tiny tₓ with α and β far apart), and the difference cancels when
 * tₓ ≈ T; the integral has neither problem. With v = ln(min(α,β)+τ) the integrand is
 * g(v) = e^((1−p)v) (d+e^v)^−q, d = |α−β|, log-concave and analytic in a strip of half-width π,
 * so composite 16-point Gauss–Legendre on panels of at most 4 e-folds is exact to float64
 * rounding; panels are laid out from the maximum outwards and stop once they are e^−46 below it,
 * so the work is bounded by a few dozen panels whatever the data (hard cap {@link MAX_PANELS})
 * (internal).
 */
export function logA0(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  if (!(T > tx)) return -Infinity;
  const lo = Math.min(alpha, beta);
  const d = Math.abs(alpha - beta);
  // Exponents on (lo + τ) and (hi + τ).
  const p = alpha <= beta ? r + x : s + 1;
  const q = alpha <= beta ? s + 1 : r + x;
  const v0 = Math.log(lo + tx);
  const v1 = Math.log(lo + T);
  const lg = (v: number): number => (1 - p) * v - q * (d === 0 ? v : Math.log(d + Math.exp(v)));
  // The maximum of the concave ln g: slope (1−p) − q·e^v/(d+e^v) = 0.
  let vm: number;
  if (d === 0) vm = 1 - p - q >= 0 ? v1 : v0;
  else {
    const sigma = (1 - p) / q;
    vm = sigma <= 0 ? v0 : sigma >= 1 ? v1 : Math.log((d * sigma) / (1 - sigma));
    vm = Math.min(v1, Math.max(v0, vm));
  }
  const top = lg(vm);
  // The slope of ln g runs monotonically between its values at the ends; panels of at most 4
  // e-folds of the steeper end.
  const slope = (v: number): number => 1 - p - (d === 0 ? q : q / (1 + d * Math.exp(-v)));
  const h = Math.min(1, 4 / Math.max(Math.abs(slope(v0)), Math.abs(slope(v1)), 1e-9));
  const { x: nodes, w } = gaussLegendre(16);
  let sum = 0;
  let panels = 0;
  // Integrate [from, to] (one panel) relative to e^top.
  const panel = (from: number, to: number): void => {
    const half = (to - from) / 2;
    const mid = (to + from) / 2;
    let acc = 0;
    for (let k = 0; k < 16; k++) acc += (w[k] as number) * Math.exp(lg(mid + half * (nodes[k] as number)) - top);
    sum += acc * half;
    panels++;
  };
  for (let a = vm; a < v1 && panels < MAX_PANELS; ) {
    const b = Math.min(v1, a + h);
    panel(a, b);
    if (lg(b) < top - NEGLIGIBLE) break;
    a = b;
  }
  for (let b = vm; b > v0 && panels < MAX_PANELS; ) {
    const a = Math.max(v0, b - h);
    panel(a, b);
    if (lg(a) < top - NEGLIGIBLE) break;
    b = a;
  }
  if (panels >= MAX_PANELS) return NaN;
  // dτ = e^v dv is inside g through the (1 − p) exponent.
  return Math.log(r + s + x) + top + Math.log(sum);
}

/** One customer's Pareto/NBD log-likelihood (Fader & Hardie 2005, eq. 22) (internal). */
export function paretoLogLikelihood(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const A1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const rsx = r + s + x;
  const A2 = logAddExp(
    -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T),
    Math.log(s) + logA0(r, alpha, s, beta, x, tx, T) - Math.log(rsx),
  );
  return A1 + A2;
}
