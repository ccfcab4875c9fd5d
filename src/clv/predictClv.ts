import { CrmError } from './errors';
import { type Money, type RoundingMode } from '../core';
import { requireNumericPredictions } from './finite';
import { bgWeightedExpected } from './bgnbd/batch';
import { groupWithIndex, toColumns, type FrequencyRecencyColumns, type FrequencyRecencyRow } from './data';
import { expectedAverageSpend } from './gammagamma/predict';
import type { GammaGammaModel } from './gammagamma/model';
import type { PurchaseModel } from './models';
import { floatToMoney } from './money';
import { paretoConditionalExpected } from './paretonbd/predict';
import { checkModel } from './serialize';

/**
 * Customers to value: purchase history plus average repeat-purchase value (major units; ignored
 * when frequency is 0), as columns.
 *
 * @example
 * ```ts
 * const c: ClvColumns = { frequency: [2], recency: [30.43], T: [38.86], monetaryValue: [22.35] };
 * ```
 */
export interface ClvColumns extends FrequencyRecencyColumns {
  readonly monetaryValue: ArrayLike<number>;
}

/**
 * One customer to value; see {@link ClvColumns}.
 *
 * @example
 * ```ts
 * const c: ClvRow = { frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 };
 * ```
 */
export interface ClvRow extends FrequencyRecencyRow {
  readonly monetaryValue: number;
}

/**
 * Options of {@link predictClv}.
 *
 * @example
 * ```ts
 * // 12 months ahead with a weekly model, 1% a month, 30% margin
 * const o: PredictClvOptions = { horizon: 12, period: 4.345, discountRate: 0.01, margin: 0.3, currency: 'USD' };
 * ```
 */
export interface PredictClvOptions {
  /** Number of discounting steps ahead (for example 12 months), an integer from 0 to 1,200. */
  readonly horizon: number;
  /** Model time units per step (4.345 for months with a weekly model, as lifetimes). Default 1. */
  readonly period?: number;
  /** Discount rate per step. Default 0.01 (lifetimes' default, monthly). */
  readonly discountRate?: number;
  /** Gross margin applied to spend, 0..1. Default 1 (revenue). */
  readonly margin?: number;
  /**
   * Currency of the spend values and of the result (required by predictClv). When the
   * Gamma-Gamma model carries a currency, this must be the same (`CURRENCY_MISMATCH`).
   */
  readonly currency?: string;
  /** Rounding to the currency's minor unit (predictClv only). Default 'half-even'. */
  readonly rounding?: RoundingMode;
}

function bad(field: string, rule: string): never {
  throw new CrmError('INVALID_ARGUMENT', { params: { field, rule } });
}

/**
 * Predicted customer lifetime value as float64 major units, the fast path behind
 * {@link predictClv}: expected purchases in each step from the purchase model, times expected
 * spend per purchase from the Gamma-Gamma model, times margin, discounted per step:
 * CLV = Σ_{i=1}^{H} margin · E[M] · (E[X(i·period)] − E[X((i−1)·period)]) / (1 + d)^i — the same
 * sum as lifetimes' customer_lifetime_value (Fader, Hardie & Lee 2005, "RFM and CLV", discounted
 * in discrete steps). For BG/NBD and MBG/NBD the hypergeometric series are summed once per
 * distinct (frequency, T), so a million customers summarised from dates cost little more than
 * their distinct histories.
 *
 * @param purchaseModel - fitted BG/NBD, MBG/NBD or Pareto/NBD model
 * @param spendModel - fitted Gamma-Gamma model
 * @param customers - columns or rows with frequency, recency, T and monetaryValue
 * @param options - horizon (required), period (1), discountRate (0.01), margin (1)
 * @returns one value per customer, in input order
 * @throws {CrmError} `INVALID_MODEL` (also for parameters too extreme to evaluate), `INVALID_ARGUMENT`
 *   (also for a `horizon` outside 0..1,200), `CURRENCY_MISMATCH` when `currency` is given and
 *   differs from the Gamma-Gamma model's
 *
 * @example
 * ```ts
 * import { predictClvValues } from 'crmkit/clv';
 * const bg = { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } } as const;
 * const gg = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
 * // no discounting, one 39-week step: 1.226 expected purchases × 24.6637 expected spend
 * Math.round(predictClvValues(bg, gg, [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }], { horizon: 1, period: 39, discountRate: 0 })[0] * 100) / 100;
 * //=> 30.24
 * ```
 */
export function predictClvValues(
  purchaseModel: PurchaseModel,
  spendModel: GammaGammaModel,
  customers: ClvColumns | readonly ClvRow[],
  options: PredictClvOptions,
): Float64Array {
  checkModel(purchaseModel);
  checkModel(spendModel);
  const { horizon, period = 1, discountRate = 0.01, margin = 1, currency } = options ?? ({} as PredictClvOptions);
  if (currency !== undefined && spendModel.currency !== undefined && currency !== spendModel.currency) {
    throw new CrmError('CURRENCY_MISMATCH', { params: { left: spendModel.currency, right: currency } });
  }
  // At most 1,200 steps (a century of months): the sum has one term per step and customer.
  if (!Number.isInteger(horizon) || horizon < 0 || horizon > 1200) bad('horizon', 'must be an integer from 0 to 1200');
  if (!(period > 0) || !Number.isFinite(period)) bad('period', 'must be a positive number');
  if (!(discountRate > -1) || !Number.isFinite(discountRate)) bad('discountRate', 'must be greater than -1');
  if (!(margin >= 0) || !Number.isFinite(margin)) bad('margin', 'must be a non-negative number');
  const cols = toColumns(customers);
  const spend = expectedAverageSpend(spendModel, customers);
  // Σᵢ (E(tᵢ) − E(tᵢ₋₁))·Dᵢ = Σᵢ E(tᵢ)·(Dᵢ − Dᵢ₊₁), with Dᵢ = (1+d)^−i and D_{H+1} = 0.
  const times: number[] = [];
  const weights: number[] = [];
  for (let i = 1; i <= horizon; i++) {
    times.push(i * period);
    weights.push(Math.pow(1 + discountRate, -i) - (i === horizon ? 0 : Math.pow(1 + discountRate, -(i + 1))));
  }
  let det: Float64Array;
  if (purchaseModel.model !== 'paretonbd') {
    det = bgWeightedExpected(purchaseModel.params, purchaseModel.model === 'mbgnbd' ? 1 : 0, cols.x, cols.tx, cols.T, times, weights);
  } else {
    const { grouped, index } = groupWithIndex(cols);
    const perRow = new Float64Array(grouped.x.length);
    for (let c = 0; c < perRow.length; c++) {
      let sum = 0;
      for (let i = 0; i < times.length; i++) {
        sum += (weights[i] as number) * paretoConditionalExpected(purchaseModel.params, times[i] as number, grouped.x[c] as number, grouped.tx[c] as number, grouped.T[c] as number);
      }
      perRow[c] = sum;
    }
    det = Float64Array.from(index, (g) => perRow[g] as number);
  }
  const out = new Float64Array(det.length);
  for (let i = 0; i < det.length; i++) out[i] = (det[i] as number) * (spend[i] as number) * margin;
  return requireNumericPredictions(out, purchaseModel.model);
}

/**
 * Predicted customer lifetime value per customer as Money: {@link predictClvValues} converted at
 * the edge, each value rounded once to the currency's minor unit with `rounding`.
 *
 * @param purchaseModel - fitted BG/NBD, MBG/NBD or Pareto/NBD model
 * @param spendModel - fitted Gamma-Gamma model (spend in `currency`)
 * @param customers - columns or rows with frequency, recency, T and monetaryValue
 * @param options - horizon (required), currency (required), period (1), discountRate (0.01),
 *   margin (1), rounding ('half-even')
 * @returns one Money per customer, in input order
 * @throws {CrmError} `INVALID_MODEL`, `INVALID_ARGUMENT`, `INVALID_CURRENCY`, `CURRENCY_MISMATCH`
 *   when the Gamma-Gamma model was fitted on spend in another currency
 *
 * @example
 * ```ts
 * import { predictClv } from 'crmkit/clv';
 * const bg = { model: 'bgnbd', params: { r: 0.2426, alpha: 4.4135, a: 0.7929, b: 2.4258 } } as const;
 * const gg = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
 * predictClv(bg, gg, [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }], { horizon: 1, period: 39, discountRate: 0, currency: 'USD' })[0].toString();
 * //=> '30.24 USD'
 * ```
 */
export function predictClv(
  purchaseModel: PurchaseModel,
  spendModel: GammaGammaModel,
  customers: ClvColumns | readonly ClvRow[],
  options: PredictClvOptions,
): Money[] {
  const currency = options?.currency;
  if (typeof currency !== 'string') bad('currency', 'is required');
  const values = predictClvValues(purchaseModel, spendModel, customers, options);
  const rounding = options.rounding ?? 'half-even';
  return Array.from(values, (v) => floatToMoney(v, currency, rounding));
}
