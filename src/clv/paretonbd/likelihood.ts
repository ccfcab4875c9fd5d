import { logIntegralConcave } from '../math/logIntegral';
import { logAddExp, logGamma } from '../math/special';

/**
 * ln A₀ of the Pareto/NBD likelihood (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD
 * Model and Related Expressions", http://www.brucehardie.com/notes/009/, eqs. 19–22), where
 * A₀ = (r+s+x) ∫ from tₓ to T of (α+τ)^−(r+x) (β+τ)^−(s+1) dτ — the note's derivation before it
 * writes the integral as a difference of two ₂F₁(r+s+x, ·; r+s+x+1; z). That series needs up to
 * millions of terms as z → 1 (tiny tₓ with α and β far apart), and the difference cancels when
 * tₓ ≈ T; the integral has neither problem. With v = ln(min(α,β)+τ) the integrand is
 * g(v) = e^((1−p)v) (d+e^v)^−q, d = |α−β|, log-concave and analytic in a strip of half-width π,
 * which {@link logIntegralConcave} integrates to float64 rounding with bounded work (internal).
 */
export function logA0(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  if (!(T > tx)) return -Infinity;
  const lo = Math.min(alpha, beta);
  const d = Math.abs(alpha - beta);
  // Exponents on (lo + τ) and (hi + τ).
  const p = alpha <= beta ? r + x : s + 1;
  const q = alpha <= beta ? s + 1 : r + x;
  const f = (v: number): number => (1 - p) * v - q * (d === 0 ? v : Math.log(d + Math.exp(v)));
  const slope = (v: number): number => 1 - p - (d === 0 ? q : q / (1 + d * Math.exp(-v)));
  return Math.log(r + s + x) + logIntegralConcave(f, slope, Math.log(lo + tx), Math.log(lo + T));
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
