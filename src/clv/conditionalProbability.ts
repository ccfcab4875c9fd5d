import { CrmError } from './errors';
import { bgConditionalPmf } from './bgnbd/conditionalPmf';
import { toColumns, type FrequencyRecencyData } from './data';
import type { PurchaseModel } from './models';
import { checkModel } from './serialize';

/** The largest `n` accepted: the tail sum costs n terms per customer. */
const MAX_N = 10_000;

/**
 * The probability that each customer makes exactly `n` purchases in the next `t` time units,
 * given their history (frequency, recency, T): P(X(T, T+t) = n | x, tₓ, T). BG/NBD and MBG/NBD,
 * derived as in Fader, Hardie & Lee's note "Deriving the Conditional PMF of the BG/NBD Model"
 * (http://www.brucehardie.com/notes/039/): the posterior over the customer's purchase rate and
 * drop-out probability, times the chance of `n` purchases in `t` if still active, plus, at
 * `n = 0`, the chance the customer has already gone. Over n = 0, 1, … it sums to 1 and its mean
 * is {@link expectedPurchases}. lifetimes calls it
 * `conditional_probability_of_n_purchases_up_to_time`.
 *
 * @param model - a fitted BG/NBD or MBG/NBD model
 * @param data - customers as rows or columns (`count` is ignored)
 * @param n - the number of purchases, an integer from 0 to 10,000
 * @param t - the horizon, in the model's time unit
 * @returns one probability per customer, in input order
 * @throws {CrmError} `INVALID_MODEL`; `INVALID_ARGUMENT` for malformed rows, a bad `n` or `t`,
 *   or a Pareto/NBD model
 *
 * @example
 * ```ts
 * import { conditionalProbabilityOfPurchases } from 'crmkit/clv';
 * // The CDNOW customer of Fader, Hardie & Lee (2005), p. 280: no purchase in the next 39 weeks.
 * const bg = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * Math.round(conditionalProbabilityOfPurchases(bg, [{ frequency: 2, recency: 30.43, T: 38.86 }], 0, 39)[0] * 1e4) / 1e4;
 * //=> 0.4454
 * ```
 */
export function conditionalProbabilityOfPurchases(model: PurchaseModel, data: FrequencyRecencyData, n: number, t: number): Float64Array {
  checkModel(model);
  if (!Number.isInteger(n) || n < 0 || n > MAX_N) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'n', rule: 'must be an integer from 0 to 10000' } });
  }
  if (!(t >= 0) || !Number.isFinite(t)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 't', rule: 'must be a non-negative finite number' } });
  if (model.model === 'paretonbd') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'model', rule: 'conditionalProbabilityOfPurchases supports bgnbd and mbgnbd' } });
  }
  const { x, tx, T } = toColumns(data);
  const shift = model.model === 'mbgnbd' ? 1 : 0;
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = bgConditionalPmf(model.params, shift, n, t, x[i] as number, tx[i] as number, T[i] as number);
  return out;
}
