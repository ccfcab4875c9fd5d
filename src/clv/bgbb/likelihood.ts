import { logAddExp, logBeta } from '../math/special';

/**
 * One BG/BB history's log-likelihood (Fader, Hardie & Shang 2010, "Customer-Base Analysis in a
 * Discrete-Time Noncontractual Setting", Marketing Science 29(6), eq. 5):
 * L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=0}^{n−tₓ−1} B(α+x, β+tₓ−x+i)/B(α,β) · B(γ+1, δ+tₓ+i)/B(γ,δ)  (internal).
 */
export function bgbbLogLikelihood(alpha: number, beta: number, gamma: number, delta: number, x: number, tx: number, n: number): number {
  const lbab = logBeta(alpha, beta);
  const lbgd = logBeta(gamma, delta);
  let ll = logBeta(alpha + x, beta + n - x) - lbab + logBeta(gamma, delta + n) - lbgd;
  for (let i = 0; i < n - tx; i++) {
    ll = logAddExp(ll, logBeta(alpha + x, beta + tx - x + i) - lbab + logBeta(gamma + 1, delta + tx + i) - lbgd);
  }
  return ll;
}
