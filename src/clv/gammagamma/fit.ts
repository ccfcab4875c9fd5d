import { CrmError } from '../errors';
import { isCurrencyCode } from '../../core';
import { requireObject } from '../../core/guards';
import { spendColumns } from './columns';
import { requireEnoughData, runFit, type FitOptions } from '../fit';
import { digamma, logGamma } from '../math/special';
import type { Objective } from '../math/optimize';
import type { GammaGammaModel, SpendColumns, SpendRow } from './model';
import { freezeModel } from '../trusted';

/**
 * Mean negative log-likelihood of [ln p, ln q, ln γ] with its analytic gradient (Fader, Hardie &
 * Lee 2005b, eq. 3, as lifetimes writes it):
 *   ℓ = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m̄ + px ln x − (px+q) ln(x m̄ + γ).
 */
function objective(x: Float64Array, m: Float64Array, w: Float64Array): Objective {
  const n = x.length;
  const lm = m.map(Math.log);
  const lx = x.map(Math.log);
  const xm = x.map((v, i) => v * (m[i] as number));
  let total = 0;
  for (let i = 0; i < n; i++) total += w[i] as number;
  const distinct = [...new Set(x)];
  const idx = new Map(distinct.map((v, i) => [v, i]));
  const xi = Int32Array.from(x, (v) => idx.get(v) as number);
  const cA = new Float64Array(distinct.length);
  const cP = new Float64Array(distinct.length);
  const cQ = new Float64Array(distinct.length);
  return (theta, grad) => {
    const p = Math.exp(theta[0] as number);
    const q = Math.exp(theta[1] as number);
    const v = Math.exp(theta[2] as number);
    const lgq = logGamma(q);
    const psq = digamma(q);
    const lv = Math.log(v);
    for (let k = 0; k < distinct.length; k++) {
      const px = p * (distinct[k] as number);
      const ps = digamma(px + q);
      cA[k] = logGamma(px + q) - logGamma(px) - lgq + q * lv;
      cP[k] = ps - digamma(px);
      cQ[k] = ps - psq + lv;
    }
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gv = 0;
    for (let i = 0; i < n; i++) {
      const k = xi[i] as number;
      const wi = w[i] as number;
      const xv = x[i] as number;
      const px = p * xv;
      const s = (xm[i] as number) + v;
      const ls = Math.log(s);
      ll += wi * ((cA[k] as number) + (px - 1) * (lm[i] as number) + px * (lx[i] as number) - (px + q) * ls);
      gp += wi * xv * ((cP[k] as number) + (lm[i] as number) + (lx[i] as number) - ls);
      gq += wi * ((cQ[k] as number) - ls);
      gv += wi * (q / v - (px + q) / s);
    }
    grad[0] = (-gp * p) / total;
    grad[1] = (-gq * q) / total;
    grad[2] = (-gv * v) / total;
    return -ll / total;
  };
}

/**
 * Fits the Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV:
 * Using Iso-Value Curves for Customer Base Analysis", JMR 42(4); Fader & Hardie 2013, "The
 * Gamma-Gamma Model of Monetary Value", http://www.brucehardie.com/notes/025/) on repeat buyers,
 * by BFGS on log-parameters with the analytic gradient. Assumes spend is independent of purchase
 * frequency; check the correlation before relying on it.
 *
 * @param data - per customer frequency and average repeat-purchase value (rows or columns);
 *   customers with frequency 0 are skipped
 * @param options - penalizer (default 0), maxIterations (500), initial values (1 each), strict
 *   (true), and `currency`: the ISO 4217 code of `monetaryValue`, which the model then carries so
 *   {@link predictClv} refuses to value it in another currency (default none)
 * @returns the fitted model, deeply frozen
 * @throws {CrmError} `INVALID_CURRENCY` for a currency that is not an ISO 4217 code,
 *   `INVALID_ARGUMENT` for a non-positive value of a repeat buyer,
 *   `INSUFFICIENT_DATA` with fewer than 4 repeat buyers, `MODEL_NOT_CONVERGED`
 *
 * @example
 * ```ts
 * import { fitGammaGamma } from 'crmkit/clv';
 * const m = fitGammaGamma({ frequency: [1, 2, 3, 1, 4, 2, 0], monetaryValue: [20, 35, 28, 15, 50, 22, 0] });
 * m.fit?.customers;
 * //=> 6
 * ```
 */
export function fitGammaGamma(data: SpendColumns | readonly SpendRow[], options: FitOptions & { readonly currency?: string } = {}): GammaGammaModel {
  requireObject(options, 'options');
  const currency = options.currency;
  if (currency !== undefined && !isCurrencyCode(currency)) throw new CrmError('INVALID_CURRENCY', { params: { field: 'currency' } });
  const { x, m, w } = spendColumns(data);
  let customers = 0;
  for (const v of w) customers += v;
  requireEnoughData('Gamma-Gamma', customers, customers, 3);
  let spend = 0;
  for (let i = 0; i < m.length; i++) spend += (w[i] as number) * (m[i] as number);
  const { params, info } = runFit(
    { model: 'Gamma-Gamma', names: ['p', 'q', 'v'], objective: objective(x, m, w), customers, rows: x.length, unitScale: { v: spend / customers } },
    options,
  );
  return freezeModel({
    model: 'gammagamma',
    params: params as unknown as GammaGammaModel['params'],
    ...(currency !== undefined && { currency }),
    fit: info,
  });
}
