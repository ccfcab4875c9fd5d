import { digamma, logGamma } from '../math/special';
import type { Objective } from '../math/optimize';
import type { Columns } from '../data';

/**
 * The BG/NBD log-likelihood (Fader, Hardie & Lee 2005, eq. 6) and, with `shift = 1`, the MBG/NBD
 * one (Batislam, Denizel & Filiztekin 2007, eq. 5), as the mean negative log-likelihood of
 * log-parameters [ln r, ln α, ln a, ln b] with its analytic gradient:
 *
 *   ℓ = A1 + A2 + ln(e^A3 + δ·e^A4)
 *   A1 = ln Γ(r+x) − ln Γ(r) + r ln α
 *   A2 = ln Γ(a+b) + ln Γ(b+x+s) − ln Γ(b) − ln Γ(a+b+x+s)
 *   A3 = −(r+x) ln(α+T)
 *   A4 = ln a − ln(b+x+s−1) − (r+x) ln(α+tₓ)
 *
 * where s is the shift and δ = 1 when x > 0 or s = 1. Terms that depend only on x are computed once
 * per distinct x per evaluation (internal).
 */
export function bgnbdObjective(d: Columns, shift: 0 | 1): Objective {
  const n = d.x.length;
  const distinct = [...new Set(d.x)].sort((p, q) => p - q);
  const xs = Float64Array.from(distinct);
  const index = new Map<number, number>();
  xs.forEach((v, i) => index.set(v, i));
  const xi = new Int32Array(n);
  const wx = new Float64Array(xs.length);
  for (let i = 0; i < n; i++) {
    const k = index.get(d.x[i] as number) as number;
    xi[i] = k;
    wx[k] = (wx[k] as number) + (d.w[i] as number);
  }
  const total = d.customers;
  const xw = d.x;
  const { tx, T, w } = d;
  return (theta, grad) => {
    const r = Math.exp(theta[0] as number);
    const alpha = Math.exp(theta[1] as number);
    const a = Math.exp(theta[2] as number);
    const b = Math.exp(theta[3] as number);
    let ll = 0;
    let gr = 0;
    let gal = 0;
    let ga = 0;
    let gb = 0;
    // Terms in x alone, weighted by the customers at each x.
    const lgr = logGamma(r);
    const psr = digamma(r);
    const lgab = logGamma(a + b);
    const psab = digamma(a + b);
    const lgb = logGamma(b);
    const psb = digamma(b);
    const lal = Math.log(alpha);
    for (let k = 0; k < xs.length; k++) {
      const x = xs[k] as number;
      const wk = wx[k] as number;
      if (wk === 0) continue;
      const A1 = logGamma(r + x) - lgr + r * lal;
      const A2 = lgab + logGamma(b + x + shift) - lgb - logGamma(a + b + x + shift);
      ll += wk * (A1 + A2);
      gr += wk * (digamma(r + x) - psr + lal);
      gal += (wk * r) / alpha;
      const psabx = digamma(a + b + x + shift);
      ga += wk * (psab - psabx);
      gb += wk * (psab + digamma(b + x + shift) - psb - psabx);
    }
    const la = Math.log(a);
    for (let i = 0; i < n; i++) {
      const x = xw[i] as number;
      const wi = w[i] as number;
      const rx = r + x;
      const aT = alpha + (T[i] as number);
      const lT = Math.log(aT);
      const A3 = -rx * lT;
      if (x > 0 || shift === 1) {
        const atx = alpha + (tx[i] as number);
        const lt = Math.log(atx);
        const bx = b + x + shift - 1;
        const A4 = la - Math.log(bx) - rx * lt;
        // ln(e^A3 + e^A4) and the weight of the second term, w4 = e^A4 / (e^A3 + e^A4).
        let L: number;
        let w4: number;
        if (A4 > A3) {
          const e = Math.exp(A3 - A4);
          L = A4 + Math.log1p(e);
          w4 = 1 / (1 + e);
        } else {
          const e = Math.exp(A4 - A3);
          L = A3 + Math.log1p(e);
          w4 = e / (1 + e);
        }
        const w3 = 1 - w4;
        ll += wi * L;
        gr -= wi * (w3 * lT + w4 * lt);
        gal -= wi * rx * (w3 / aT + w4 / atx);
        ga += (wi * w4) / a;
        gb -= (wi * w4) / bx;
      } else {
        ll += wi * A3;
        gr -= wi * lT;
        gal -= (wi * rx) / aT;
      }
    }
    // Chain rule to log-parameters, and the mean.
    grad[0] = (-gr * r) / total;
    grad[1] = (-gal * alpha) / total;
    grad[2] = (-ga * a) / total;
    grad[3] = (-gb * b) / total;
    return -ll / total;
  };
}
