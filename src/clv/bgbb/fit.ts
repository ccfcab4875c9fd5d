import { CrmError } from '../errors';
import { requireDenseArray } from '../../core/guards';
import { requireEnoughData, runFit, type FitOptions } from '../fit';
import { numericGradient } from '../math/optimize';
import { bgbbLogLikelihood } from './likelihood';
import type { BgBbModel, BgBbRow } from './model';
import { freezeModel } from '../trusted';

/** Validates BG/BB rows (internal). */
export function bgbbRows(rows: readonly BgBbRow[]): BgBbRow[] {
  if (!Array.isArray(rows)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'data', rule: 'expected an array of rows' } });
  requireDenseArray(rows, 'data');
  return rows.map((r, i) => {
    const { frequency: x, recency: tx, periods: n } = r ?? ({} as BgBbRow);
    const count = r?.count ?? 1;
    const fail = (field: string, rule: string): never => {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `${field}[${i}]`, rule }, details: { index: i } });
    };
    // At most 10,000 purchase opportunities: the likelihood of a row sums over them.
    if (!Number.isInteger(n) || n < 1 || n > 10_000) fail('periods', 'must be an integer from 1 to 10000');
    if (!Number.isInteger(x) || x < 0 || x > n) fail('frequency', 'must be an integer between 0 and periods');
    if (!Number.isInteger(tx) || tx < x || tx > n || (x === 0 && tx !== 0) || (x > 0 && tx < 1)) {
      fail('recency', 'must be an integer with frequency ≤ recency ≤ periods (0 when frequency is 0)');
    }
    if (typeof count !== 'number' || !(count >= 0)) fail('count', 'must be a non-negative number');
    return { frequency: x, recency: tx, periods: n, count };
  });
}

/**
 * Fits the BG/BB model (Fader, Hardie & Shang 2010, "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6), https://doi.org/10.1287/mksc.1100.0580) for
 * discrete purchase opportunities (yearly donations, monthly renewals), by BFGS on
 * log-parameters with a central-difference gradient. Meant for aggregated rows: the likelihood
 * costs one sum per distinct history.
 *
 * @param data - rows of (frequency, recency, periods, count); periods at most 10,000
 * @param options - penalizer (default 0), maxIterations (500), initial values (1 each), strict (true)
 * @returns the fitted model
 * @throws {CrmError} `INVALID_ARGUMENT`, `INSUFFICIENT_DATA`, `MODEL_NOT_CONVERGED`
 *
 * @example
 * ```ts
 * import { fitBetaGeoBetaBinomial } from 'crmkit/clv';
 * const m = fitBetaGeoBetaBinomial([
 *   { frequency: 0, recency: 0, periods: 6, count: 50 }, { frequency: 1, recency: 1, periods: 6, count: 15 },
 *   { frequency: 3, recency: 5, periods: 6, count: 12 }, { frequency: 6, recency: 6, periods: 6, count: 20 },
 *   { frequency: 2, recency: 2, periods: 6, count: 8 },
 * ]);
 * m.fit?.customers;
 * //=> 105
 * ```
 */
export function fitBetaGeoBetaBinomial(data: readonly BgBbRow[], options: FitOptions = {}): BgBbModel {
  const rows = bgbbRows(data);
  let customers = 0;
  let repeat = 0;
  for (const r of rows) {
    customers += r.count as number;
    if (r.frequency > 0) repeat += r.count as number;
  }
  requireEnoughData('BG/BB', customers, repeat, 4);
  const nll = (theta: Float64Array): number => {
    const [al, be, ga, de] = Array.from(theta, Math.exp) as [number, number, number, number];
    let ll = 0;
    for (const r of rows) ll += (r.count as number) * bgbbLogLikelihood(al, be, ga, de, r.frequency, r.recency, r.periods);
    return -ll / customers;
  };
  const { params, info } = runFit(
    { model: 'BG/BB', names: ['alpha', 'beta', 'gamma', 'delta'], objective: numericGradient(nll), value: nll, customers, rows: rows.length },
    options,
  );
  return freezeModel({ model: 'bgbb', params: params as unknown as BgBbModel['params'], fit: info });
}
