import { groupColumns, meanT, toColumns, type FrequencyRecencyData } from '../data';
import { requireEnoughData, runFit, type FitOptions } from '../fit';
import { numericGradient } from '../math/optimize';
import { paretoLogLikelihood } from './likelihood';
import type { ParetoNbdModel } from './model';
import { freezeModel } from '../trusted';

/**
 * Fits the Pareto/NBD model (Schmittlein, Morrison & Colombo 1987, "Counting Your Customers",
 * Management Science 33(1); likelihood as in Fader & Hardie 2005,
 * http://www.brucehardie.com/notes/009/) by BFGS on log-parameters. The likelihood's A₀ term is
 * the note's integral over the possible drop-out times, evaluated by Gauss–Legendre quadrature in
 * log space (not the note's ₂F₁ series, which needs millions of terms on small or odd data), so
 * each evaluation costs a bounded amount of work; the gradient is by central differences.
 * Identical rows are merged first. Standard errors come from second differences of the
 * likelihood. Small data often has its maximum at the edge of the parameter space (see
 * {@link FitInfo.degenerate}): that is `MODEL_NOT_CONVERGED`, or `converged: false` with
 * `strict: false`.
 *
 * @param data - per-customer rows or columns (frequency, recency, T, optional count)
 * @param options - penalizer (default 0), maxIterations (500), initial values (1 each), strict (true)
 * @returns the fitted model
 * @throws {CrmError} `INVALID_ARGUMENT`, `INSUFFICIENT_DATA`, `MODEL_NOT_CONVERGED`
 *
 * @example
 * ```ts
 * import { fitParetoNbd } from 'crmkit/clv';
 * const m = fitParetoNbd([
 *   { frequency: 0, recency: 0, T: 38, count: 1411 }, { frequency: 1, recency: 20, T: 35, count: 439 },
 *   { frequency: 2, recency: 25, T: 36, count: 214 }, { frequency: 3, recency: 30, T: 37, count: 100 },
 *   { frequency: 5, recency: 33, T: 38, count: 60 }, { frequency: 1, recency: 2, T: 36, count: 133 },
 * ]);
 * m.fit.converged;
 * //=> true
 * m.model;
 * //=> 'paretonbd'
 * ```
 */
export function fitParetoNbd(data: FrequencyRecencyData, options: FitOptions = {}): ParetoNbdModel {
  const d = groupColumns(toColumns(data));
  let repeat = 0;
  for (let i = 0; i < d.x.length; i++) if ((d.x[i] as number) > 0) repeat += d.w[i] as number;
  requireEnoughData('Pareto/NBD', d.customers, repeat, 4);
  const n = d.x.length;
  const nll = (theta: Float64Array): number => {
    const r = Math.exp(theta[0] as number);
    const alpha = Math.exp(theta[1] as number);
    const s = Math.exp(theta[2] as number);
    const beta = Math.exp(theta[3] as number);
    let ll = 0;
    for (let i = 0; i < n; i++) {
      ll += (d.w[i] as number) * paretoLogLikelihood(r, alpha, s, beta, d.x[i] as number, d.tx[i] as number, d.T[i] as number);
    }
    return -ll / d.customers;
  };
  const { params, info } = runFit(
    { model: 'Pareto/NBD', names: ['r', 'alpha', 's', 'beta'], objective: numericGradient(nll), value: nll, customers: d.customers, rows: n, unitScale: { alpha: meanT(d), beta: meanT(d) } },
    options,
  );
  return freezeModel({ model: 'paretonbd', params: params as unknown as ParetoNbdModel['params'], fit: info });
}
