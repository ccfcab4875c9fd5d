import { digamma, logGamma } from '../math/special';
import type { Objective } from '../math/optimize';
import { distinctIndex, type Columns } from '../data';

/**
 * The index of each row's frequency among the distinct frequencies: the frequency itself when
 * frequencies are small integers (the usual case), a hash otherwise (internal).
 */
function frequencyIndex(x: Float64Array): { distinct: Float64Array; index: Int32Array } {
  const n = x.length;
  let max = 0;
  for (let i = 0; i < n; i++) if ((x[i] as number) > max) max = x[i] as number;
  if (max > 4 * n + 1024) return distinctIndex(x);
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) index[i] = x[i] as number;
  const distinct = new Float64Array(max + 1);
  for (let k = 0; k <= max; k++) distinct[k] = k;
  return { distinct, index };
}

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
 * where s is the shift and δ = 1 when x > 0 or s = 1. A1, A2 and their derivatives depend on x
 * alone, so the gamma and digamma functions are evaluated once per distinct frequency (a few
 * dozen) per evaluation, weighted by the customers at each x. What is left per row is
 * ln(α+T), ln(α+tₓ) and one log-sum-exp; rows are split once, at construction, into those with
 * δ = 0 (one log each) and the rest, in compact typed arrays (internal).
 */
export function bgnbdObjective(d: Columns, shift: 0 | 1): Objective {
  const n = d.x.length;
  const X = frequencyIndex(d.x);
  const xs = X.distinct;
  const nx = xs.length;
  const wx = new Float64Array(nx);
  let n0 = 0;
  for (let i = 0; i < n; i++) {
    const k = X.index[i] as number;
    wx[k] = (wx[k] as number) + (d.w[i] as number);
    if (shift === 0 && d.x[i] === 0) n0++;
  }
  // δ = 0 rows: only T and the weight matter.
  const T0 = new Float64Array(n0);
  const w0 = new Float64Array(n0);
  const n1 = n - n0;
  const T1 = new Float64Array(n1);
  const t1 = new Float64Array(n1);
  const w1 = new Float64Array(n1);
  const k1 = new Int32Array(n1);
  for (let i = 0, j0 = 0, j1 = 0; i < n; i++) {
    if (shift === 0 && d.x[i] === 0) {
      T0[j0] = d.T[i] as number;
      w0[j0++] = d.w[i] as number;
    } else {
      T1[j1] = d.T[i] as number;
      t1[j1] = d.tx[i] as number;
      w1[j1] = d.w[i] as number;
      k1[j1++] = X.index[i] as number;
    }
  }
  const lbx = new Float64Array(nx);
  const ibx = new Float64Array(nx);
  const total = d.customers;
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
    const lgr = logGamma(r);
    const psr = digamma(r);
    const lgab = logGamma(a + b);
    const psab = digamma(a + b);
    const lgb = logGamma(b);
    const psb = digamma(b);
    const lal = Math.log(alpha);
    for (let k = 0; k < nx; k++) {
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
    // δ = 0: ℓ gets −r ln(α+T).
    let s0l = 0;
    let s0i = 0;
    for (let i = 0; i < n0; i++) {
      const v = alpha + (T0[i] as number);
      const wi = w0[i] as number;
      s0l += wi * Math.log(v);
      s0i += wi / v;
    }
    ll -= r * s0l;
    gr -= s0l;
    gal -= r * s0i;
    const la = Math.log(a);
    let sa = 0;
    for (let i = 0; i < n1; i++) {
      const k = k1[i] as number;
      const wi = w1[i] as number;
      const rx = r + (xs[k] as number);
      const vT = alpha + (T1[i] as number);
      const vt = alpha + (t1[i] as number);
      const lTi = Math.log(vT);
      const lti = Math.log(vt);
      // ln(e^A3 + e^A4) = A3 + softplus(A4 − A3); the second term's share w4 = sigmoid(A4 − A3).
      const dlt = la - (lbx[k] as number) + rx * (lTi - lti);
      let L: number;
      let w4: number;
      if (dlt > 0) {
        const e = Math.exp(-dlt);
        L = dlt + Math.log1p(e);
        w4 = 1 / (1 + e);
      } else {
        const e = Math.exp(dlt);
        L = Math.log1p(e);
        w4 = e / (1 + e);
      }
      const w3 = 1 - w4;
      ll += wi * (L - rx * lTi);
      gr -= wi * (w3 * lTi + w4 * lti);
      gal -= wi * rx * (w3 / vT + w4 / vt);
      sa += wi * w4;
      gb -= wi * w4 * (ibx[k] as number);
    }
    ga += sa / a;
    // Chain rule to log-parameters, and the mean.
    grad[0] = (-gr * r) / total;
    grad[1] = (-gal * alpha) / total;
    grad[2] = (-ga * a) / total;
    grad[3] = (-gb * b) / total;
    return -ll / total;
  };
}
