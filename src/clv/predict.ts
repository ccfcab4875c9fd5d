import { CrmError } from './errors';
import { bgAlive, bgExpected, bgProbabilityOfN } from './bgnbd/predict';
import { bgWeightedExpected } from './bgnbd/batch';
import { groupWithIndex, toColumns, type FrequencyRecencyData } from './data';
import type { PurchaseModel } from './models';
import { paretoPmf } from './paretonbd/pmf';
import { paretoAlive, paretoConditionalExpected, paretoExpected } from './paretonbd/predict';
import { checkModel } from './serialize';
import { requireFiniteInRange } from '../core/guards';
import { requireNumericPredictions } from './finite';

/** The largest `n` {@link probabilityOfPurchases} takes: its sum has `n` terms. */
const MAX_PURCHASE_COUNT = 100_000;

function requireTime(t: number, field: string): void {
  if (!(t >= 0) || !Number.isFinite(t)) throw new CrmError('INVALID_ARGUMENT', { params: { field, rule: 'must be a non-negative finite number' } });
}

/**
 * The probability that each customer is still active ("alive") at the end of observation, given
 * their frequency, recency and T. BG/NBD: Fader, Hardie & Lee 2005 and their note "Computing
 * P(alive) using the BG/NBD model" (a customer without repeat purchases is alive with
 * probability 1); MBG/NBD: Batislam et al. 2007; Pareto/NBD: Fader & Hardie, note 009, eq. 18.
 *
 * @param model - a fitted purchase model
 * @param data - customers as rows or columns (`count` is ignored)
 * @returns one probability per customer, in input order
 * @throws {CrmError} `INVALID_MODEL` for a malformed model or parameters too extreme to evaluate
 *   (a prediction would be NaN), `INVALID_ARGUMENT` for malformed rows
 *
 * @example
 * ```ts
 * import { probabilityAlive } from 'crmkit/clv';
 * const bg = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * Array.from(probabilityAlive(bg, [{ frequency: 0, recency: 0, T: 38 }, { frequency: 2, recency: 30.43, T: 38.86 }]), (p) => Math.round(p * 1000) / 1000);
 * //=> [1, 0.727]
 * ```
 */
export function probabilityAlive(model: PurchaseModel, data: FrequencyRecencyData): Float64Array {
  checkModel(model);
  const { x, tx, T } = toColumns(data);
  const n = x.length;
  const out = new Float64Array(n);
  if (model.model === 'paretonbd') {
    for (let i = 0; i < n; i++) out[i] = paretoAlive(model.params, x[i] as number, tx[i] as number, T[i] as number);
  } else {
    const shift = model.model === 'mbgnbd' ? 1 : 0;
    for (let i = 0; i < n; i++) out[i] = bgAlive(model.params, shift, x[i] as number, tx[i] as number, T[i] as number);
  }
  return requireNumericPredictions(out, model.model);
}

/**
 * Expected purchases of each customer in the next `t` time units, conditional on their history:
 * BG/NBD: Fader, Hardie & Lee 2005 eq. 10; MBG/NBD: Batislam et al. 2007; Pareto/NBD: Fader &
 * Hardie note 009 eq. 24 (lifetimes' conditional_expected_number_of_purchases_up_to_time).
 * The hypergeometric series are summed once per distinct (frequency, T); Pareto/NBD rows once
 * per distinct (frequency, recency, T).
 *
 * @param model - a fitted purchase model
 * @param data - customers as rows or columns, in the model's time unit
 * @param t - the horizon, in the same time unit
 * @returns expected purchases per customer, in input order
 * @throws {CrmError} `INVALID_MODEL` (also for parameters too extreme to evaluate), `INVALID_ARGUMENT`
 *   (bad rows or negative `t`)
 *
 * @example
 * ```ts
 * import { expectedPurchases } from 'crmkit/clv';
 * // Fader, Hardie & Lee (2005), p. 280: a CDNOW customer with x = 2, tₓ = 30.43, T = 38.86 weeks
 * // is expected to make 1.226 purchases in the next 39 weeks.
 * const bg = { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } } as const;
 * Math.round(expectedPurchases(bg, [{ frequency: 2, recency: 30.43, T: 38.86 }], 39)[0] * 1000) / 1000;
 * //=> 1.226
 * ```
 */
export function expectedPurchases(model: PurchaseModel, data: FrequencyRecencyData, t: number): Float64Array {
  checkModel(model);
  requireTime(t, 't');
  const cols = toColumns(data);
  if (model.model !== 'paretonbd') return requireNumericPredictions(bgWeightedExpected(model.params, model.model === 'mbgnbd' ? 1 : 0, cols.x, cols.tx, cols.T, [t], [1]), model.model);
  const { grouped, index } = groupWithIndex(cols);
  const { x, tx, T } = grouped;
  const perRow = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) perRow[i] = paretoConditionalExpected(model.params, t, x[i] as number, tx[i] as number, T[i] as number);
  const out = new Float64Array(index.length);
  for (let i = 0; i < index.length; i++) out[i] = perRow[index[i] as number] as number;
  return requireNumericPredictions(out, model.model);
}

/**
 * Expected repeat purchases in the first `t` time units of a customer just acquired (no history):
 * BG/NBD: Fader, Hardie & Lee 2005 eq. 9; Pareto/NBD: Schmittlein, Morrison & Colombo 1987 eq. 17.
 * Summed over a cohort this is the classic cumulative-purchases tracking curve.
 *
 * @param model - a fitted purchase model
 * @param t - the time since acquisition, in the model's time unit
 * @returns E[X(t)]
 * @throws {CrmError} `INVALID_MODEL` (also for parameters too extreme to evaluate), `INVALID_ARGUMENT`
 *   for a negative `t`
 *
 * @example
 * ```ts
 * import { expectedPurchasesNewCustomer } from 'crmkit/clv';
 * const bg = { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } } as const;
 * Math.round(expectedPurchasesNewCustomer(bg, 78) * 1e3) / 1e3;
 * //=> 1.858
 * ```
 */
export function expectedPurchasesNewCustomer(model: PurchaseModel, t: number): number {
  checkModel(model);
  requireTime(t, 't');
  const value = model.model === 'paretonbd' ? paretoExpected(model.params, t) : bgExpected(model.params, model.model === 'mbgnbd' ? 1 : 0, t);
  return requireNumericPredictions([value], model.model)[0] as number;
}

/**
 * The probability that a customer just acquired makes exactly `n` repeat purchases in the first
 * `t` time units: BG/NBD, Fader, Hardie & Lee 2005 eq. 8; MBG/NBD as lifetimes; Pareto/NBD,
 * Fader, Hardie & Lee 2006, "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model"
 * (http://www.brucehardie.com/notes/012/), its lifetime integral by quadrature. For a customer
 * with a history, see {@link conditionalProbabilityOfPurchases}.
 *
 * @param model - a fitted purchase model
 * @param n - the number of purchases, an integer from 0 to 100,000 (the sum has `n` terms)
 * @param t - the period, in the model's time unit
 * @returns P(X(t) = n)
 * @throws {CrmError} `INVALID_MODEL` (also for parameters too extreme to evaluate), `INVALID_ARGUMENT`
 *   (`n` outside 0..100,000, or a bad `t`)
 *
 * @example
 * ```ts
 * import { probabilityOfPurchases } from 'crmkit/clv';
 * // R package BTYD's bgnbd.pmf: P(X(39) = 0) = 0.5737864 for the published CDNOW parameters.
 * const bg = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * Math.round(probabilityOfPurchases(bg, 0, 39) * 1e7) / 1e7;
 * //=> 0.5737864
 * ```
 */
export function probabilityOfPurchases(model: PurchaseModel, n: number, t: number): number {
  checkModel(model);
  requireTime(t, 't');
  requireFiniteInRange(n, 'n', 0, MAX_PURCHASE_COUNT, true);
  if (model.model === 'paretonbd') return requireNumericPredictions([paretoPmf(model.params, n, t)], model.model)[0] as number;
  return requireNumericPredictions([bgProbabilityOfN(model.params, model.model === 'mbgnbd' ? 1 : 0, t, n)], model.model)[0] as number;
}
