import { CrmError } from './errors';
import { Money, type RoundingMode } from '../core';

/**
 * Inputs of {@link historicClv}.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const input: HistoricClvInput = { averageOrderValue: Money.of('200', 'CNY'), purchasesPerYear: 4, grossMargin: 0.3, lifespanYears: 3 };
 * ```
 */
export interface HistoricClvInput {
  /** Average order value (revenue per purchase). */
  readonly averageOrderValue: Money;
  /** Purchases per customer per year. */
  readonly purchasesPerYear: number;
  /** Gross margin, 0..1. */
  readonly grossMargin: number;
  /** Expected customer lifespan in years (may be fractional). */
  readonly lifespanYears: number;
  /** Yearly discount rate; 0 (default) gives the undiscounted product. */
  readonly discountRate?: number;
}

/**
 * The simple accounting CLV for businesses without enough data for a model: average order value ×
 * purchases per year × gross margin × lifespan. With a discount rate, each year's margin is
 * discounted at the end of that year, Σ_{k=1}^{L} m/(1+d)^k, a final partial year counting
 * pro rata at year ⌈L⌉ (Gupta & Lehmann 2003, "Customers as Assets", J. Interactive Marketing
 * 17(1), eq. 1 without retention decay). Computed as one ratio applied to the Money once.
 *
 * @param input - averageOrderValue, purchasesPerYear, grossMargin, lifespanYears, discountRate (0)
 * @param options - rounding to the currency's minor unit, default 'half-even'
 * @returns the lifetime value in the order value's currency
 * @throws {CrmError} `INVALID_ARGUMENT` for negative or non-finite inputs, a margin outside 0..1,
 *   a `lifespanYears` above 200
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * import { historicClv } from 'crmkit/clv';
 * const aov = Money.of('200', 'CNY');
 * historicClv({ averageOrderValue: aov, purchasesPerYear: 4, grossMargin: 0.3, lifespanYears: 3 }).toString();
 * //=> '720.00 CNY'
 * const discounted = 0.1;
 * // 240 a year at 10%: 240/1.1 + 240/1.21 + 240/1.331 = 596.84
 * historicClv({ averageOrderValue: aov, purchasesPerYear: 4, grossMargin: 0.3, lifespanYears: 3, discountRate: discounted }).toString();
 * //=> '596.84 CNY'
 * ```
 */
export function historicClv(input: HistoricClvInput, options: { readonly rounding?: RoundingMode } = {}): Money {
  const { averageOrderValue, purchasesPerYear, grossMargin, lifespanYears, discountRate = 0 } = input ?? ({} as HistoricClvInput);
  const fail = (field: string, rule: string): never => {
    throw new CrmError('INVALID_ARGUMENT', { params: { field, rule } });
  };
  if (!Money.isMoney(averageOrderValue)) fail('averageOrderValue', 'must be Money');
  if (!(purchasesPerYear >= 0) || !Number.isFinite(purchasesPerYear)) fail('purchasesPerYear', 'must be a non-negative number');
  if (!(grossMargin >= 0 && grossMargin <= 1)) fail('grossMargin', 'must be between 0 and 1');
  // At most 200 years: the discounted sum has one term per year.
  if (!(lifespanYears >= 0 && lifespanYears <= 200)) fail('lifespanYears', 'must be a number from 0 to 200');
  if (!(discountRate > -1) || !Number.isFinite(discountRate)) fail('discountRate', 'must be greater than -1');
  let years = lifespanYears;
  if (discountRate !== 0) {
    years = 0;
    const whole = Math.floor(lifespanYears);
    for (let k = 1; k <= whole; k++) years += Math.pow(1 + discountRate, -k);
    const part = lifespanYears - whole;
    if (part > 0) years += part * Math.pow(1 + discountRate, -(whole + 1));
  }
  return averageOrderValue.timesRatio(purchasesPerYear * grossMargin * years, options.rounding ?? 'half-even');
}
