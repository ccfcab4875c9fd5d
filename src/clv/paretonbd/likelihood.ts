import { logHyp2f1 } from '../math/hyp2f1';
import { logAddExp, logGamma } from '../math/special';

/**
 * ln A₀ of the Pareto/NBD likelihood (Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD
 * Model and Related Expressions", http://www.brucehardie.com/notes/009/, eqs. 19–22):
 * A₀ = ₂F₁(r+s+x, t; r+s+x+1; |α−β|/(max+tₓ)) / (max+tₓ)^(r+s+x) − the same at T, where
 * t = r+x when α < β and s+1 otherwise. The difference is taken in log space (internal).
 */
export function logA0(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const lo = Math.min(alpha, beta);
  const hi = Math.max(alpha, beta);
  const t = alpha < beta ? r + x : s + 1;
  const rsx = r + s + x;
  const q1 = hi + tx;
  const q2 = hi + T;
  const l1 = logHyp2f1(rsx, t, rsx + 1, (hi - lo) / q1) - rsx * Math.log(q1);
  const l2 = logHyp2f1(rsx, t, rsx + 1, (hi - lo) / q2) - rsx * Math.log(q2);
  if (!(l2 < l1)) return -Infinity;
  return l1 + Math.log(-Math.expm1(l2 - l1));
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
