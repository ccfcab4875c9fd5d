import { requireFiniteInRange } from '../../core/guards';
import { requireNumericPredictions } from '../finite';
import { checkModel } from '../serialize';
import { bgbbRows } from './fit';
import type { BgBbModel, BgBbRow } from './model';
import { bgbbAlive, bgbbConditionalExpected } from './predict';

/** The most future periods a BG/BB prediction looks ahead (like the periods of a row, see `bgbbRows`). */
const MAX_FUTURE_PERIODS = 10_000;

function requirePeriods(m: number): void {
  requireFiniteInRange(m, 'futurePeriods', 0, MAX_FUTURE_PERIODS, true);
}

/**
 * BG/BB: the probability that each customer is still alive `futurePeriods` opportunities after
 * the last observed one (Fader, Hardie & Shang 2010, eq. 11; lifetimes'
 * BetaGeoBetaBinomFitter.conditional_probability_alive).
 *
 * @param model - a fitted BG/BB model
 * @param rows - histories (frequency, recency, periods of 1 to 10,000)
 * @param futurePeriods - opportunities ahead, an integer from 0 to 10,000; default 0 (alive now)
 * @returns one probability per row, in input order
 * @throws {CrmError} `INVALID_MODEL` (also for parameters too extreme to evaluate), `INVALID_ARGUMENT`
 *   for malformed rows, periods above 10,000 or `futurePeriods` outside 0..10,000
 *
 * @example
 * ```ts
 * import { bgbbProbabilityAlive } from 'crmkit/clv';
 * const m = { model: 'bgbb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;
 * bgbbProbabilityAlive(m, [{ frequency: 6, recency: 6, periods: 6 }])[0] > 0.999;
 * //=> true
 * ```
 */
export function bgbbProbabilityAlive(model: BgBbModel, rows: readonly BgBbRow[], futurePeriods = 0): Float64Array {
  checkModel(model);
  requirePeriods(futurePeriods);
  return requireNumericPredictions(Float64Array.from(bgbbRows(rows), (r) => bgbbAlive(model.params, futurePeriods, r.frequency, r.recency, r.periods)), 'bgbb');
}

/**
 * BG/BB: expected transactions of each customer in the next `futurePeriods` opportunities
 * (Fader, Hardie & Shang 2010, eq. 13; lifetimes'
 * conditional_expected_number_of_purchases_up_to_time).
 *
 * @param model - a fitted BG/BB model
 * @param rows - histories (frequency, recency, periods of 1 to 10,000)
 * @param futurePeriods - opportunities ahead, an integer from 0 to 10,000
 * @returns expected transactions per row, in input order
 * @throws {CrmError} `INVALID_MODEL` (also for parameters too extreme to evaluate), `INVALID_ARGUMENT`
 *   for malformed rows, periods above 10,000 or `futurePeriods` outside 0..10,000
 *
 * @example
 * ```ts
 * import { bgbbExpectedPurchases } from 'crmkit/clv';
 * const m = { model: 'bgbb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } } as const;
 * const [never, always] = bgbbExpectedPurchases(m, [{ frequency: 0, recency: 0, periods: 6 }, { frequency: 6, recency: 6, periods: 6 }], 5);
 * never < always;
 * //=> true
 * ```
 */
export function bgbbExpectedPurchases(model: BgBbModel, rows: readonly BgBbRow[], futurePeriods: number): Float64Array {
  checkModel(model);
  requirePeriods(futurePeriods);
  return requireNumericPredictions(Float64Array.from(bgbbRows(rows), (r) => bgbbConditionalExpected(model.params, futurePeriods, r.frequency, r.recency, r.periods)), 'bgbb');
}
