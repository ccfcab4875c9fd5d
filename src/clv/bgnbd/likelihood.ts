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
/** Distinct values of a column and, per row, the index of its value (internal). */
function distinctIndex(values: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const map = new Map<number, number>();
  const index = new Int32Array(values.length);
  const distinct: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    let k = map.get(v);
    if (k === undefined) {
      k = distinct.length;
      map.set(v, k);
      distinct.push(v);
    }
    index[i] = k;
  }
  return { distinct: Float64Array.from(distinct), index };
}

export function bgnbdObjective(d: Columns, shift: 0 | 1): Objective {
  const n = d.x.length;
  // Summaries built from dates repeat few values of x, tₓ and T, so every log that depends on
  // one of them alone is taken once per distinct value per evaluation.
  const X = distinctIndex(d.x);
  const TX = distinctIndex(d.tx);
  const TT = distinctIndex(d.T);
  const xs = X.distinct;
  const wx = new Float64Array(xs.length);
  for (let i = 0; i < n; i++) wx[X.index[i] as number] = (wx[X.index[i] as number] as number) + (d.w[i] as number);
  const lT = new Float64Array(TT.distinct.length);
  const iT = new Float64Array(TT.distinct.length);
  const lt = new Float64Array(TX.distinct.length);
  const it = new Float64Array(TX.distinct.length);
  const lbx = new Float64Array(xs.length);
  const ibx = new Float64Array(xs.length);
  const total = d.customers;
  const { w } = d;
  const xi = X.index;
  const txi = TX.index;
  const Ti = TT.index;
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
      const bx = b + x + shift - 1;
      lbx[k] = Math.log(bx);
      ibx[k] = 1 / bx;
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
    for (let k = 0; k < lT.length; k++) {
      const v = alpha + (TT.distinct[k] as number);
      lT[k] = Math.log(v);
      iT[k] = 1 / v;
    }
    for (let k = 0; k < lt.length; k++) {
      const v = alpha + (TX.distinct[k] as number);
      lt[k] = Math.log(v);
      it[k] = 1 / v;
    }
    const la = Math.log(a);
    const ia = 1 / a;
    for (let i = 0; i < n; i++) {
      const kx = xi[i] as number;
      const x = xs[kx] as number;
      const wi = w[i] as number;
      const rx = r + x;
      const kT = Ti[i] as number;
      const lTi = lT[kT] as number;
      const A3 = -rx * lTi;
      if (x > 0 || shift === 1) {
        const kt = txi[i] as number;
        const lti = lt[kt] as number;
        const A4 = la - (lbx[kx] as number) - rx * lti;
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
        gr -= wi * (w3 * lTi + w4 * lti);
        gal -= wi * rx * (w3 * (iT[kT] as number) + w4 * (it[kt] as number));
        ga += wi * w4 * ia;
        gb -= wi * w4 * (ibx[kx] as number);
      } else {
        ll += wi * A3;
        gr -= wi * lTi;
        gal -= wi * rx * (iT[kT] as number);
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
