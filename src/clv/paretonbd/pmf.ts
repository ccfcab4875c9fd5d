import { logIntegralConcave } from '../math/logIntegral';
import { logGamma } from '../math/special';
import type { ParetoNbdModel } from './model';

/**
 * P(X(t) = n) for a customer just acquired under the Pareto/NBD (Fader, Hardie & Lee 2006,
 * "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model",
 * http://www.brucehardie.com/notes/012/): alive through t with n purchases, or gone at τ < t
 * after n purchases in [0, τ], mixed over λ ~ Gamma(r, α) and μ ~ Gamma(s, β):
 *
 *   P(n) = Γ(r+n)/(Γ(r) n!) · [(α/(α+t))^r (t/(α+t))^n (β/(β+t))^s
 *          + s α^r β^s ∫₀ᵗ τ^n (α+τ)^−(r+n) (β+τ)^−(s+1) dτ]
 *
 * The integral (the note's ₂F₁ terms) is taken in v = ln τ, where its log is concave, by
 * {@link logIntegralConcave} (internal).
 */
export function paretoPmf(p: ParetoNbdModel['params'], n: number, t: number): number {
  if (t === 0) return n === 0 ? 1 : 0;
  const { r, alpha, s, beta } = p;
  const lead = logGamma(r + n) - logGamma(r) - logGamma(n + 1);
  const alive = r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t));
  const f = (v: number): number => (n + 1) * v - (r + n) * Math.log(alpha + Math.exp(v)) - (s + 1) * Math.log(beta + Math.exp(v));
  const slope = (v: number): number => n + 1 - (r + n) / (1 + alpha * Math.exp(-v)) - (s + 1) / (1 + beta * Math.exp(-v));
  const gone = Math.log(s) + r * Math.log(alpha) + s * Math.log(beta) + logIntegralConcave(f, slope, -Infinity, Math.log(t));
  return Math.exp(lead + alive) + Math.exp(lead + gone);
}
