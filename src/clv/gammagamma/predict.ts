import { CrmError } from '../errors';
import { checkModel } from '../serialize';
import { requireNumericPredictions } from '../finite';
import { spendColumnsAll } from './columns';
import type { GammaGammaModel, SpendColumns, SpendRow } from './model';

/**
 * Each customer's expected average spend per transaction, E[M | x, m̄] = (1 − w)·γp/(q−1) + w·m̄
 * with w = px / (px + q − 1) (Fader, Hardie & Lee 2005, "RFM and CLV", eq. 5; lifetimes'
 * conditional_expected_average_profit). Customers without repeat purchases get the population
 * mean γp/(q−1). Requires q > 1 (otherwise the population mean is infinite).
 *
 * @param model - a fitted Gamma-Gamma model
 * @param data - frequency and average repeat value per customer (rows or columns)
 * @returns expected spend per transaction, in input order (major currency units)
 * @throws {CrmError} `INVALID_MODEL` (also when q ≤ 1, or for parameters too extreme to evaluate),
 *   `INVALID_ARGUMENT` for malformed rows
 *
 * @example
 * ```ts
 * import { expectedAverageSpend } from 'crmkit/clv';
 * const gg = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
 * // x = 2, m̄ = 22.35: w = 12.5/15.24 = 0.8202, mean 15.44·6.25/2.74 = 35.219; 0.1798·35.219 + 0.8202·22.35
 * Math.round(expectedAverageSpend(gg, [{ frequency: 2, monetaryValue: 22.35 }])[0] * 1e4) / 1e4;
 * //=> 24.6637
 * ```
 */
export function expectedAverageSpend(model: GammaGammaModel, data: SpendColumns | readonly SpendRow[]): Float64Array {
  checkModel(model);
  const { p, q, v } = model.params;
  if (!(q > 1)) throw new CrmError('INVALID_MODEL', { params: { model: 'Gamma-Gamma', rule: 'q must exceed 1 for a finite mean spend' } });
  const { x, m } = spendColumnsAll(data);
  const pop = (v * p) / (q - 1);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const px = p * (x[i] as number);
    const w = px / (px + q - 1);
    out[i] = (1 - w) * pop + w * (m[i] as number);
  }
  return requireNumericPredictions(out, 'gammagamma');
}
