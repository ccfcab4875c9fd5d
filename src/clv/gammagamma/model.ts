import type { FitInfo } from '../fit';

/**
 * A fitted Gamma-Gamma spend model: a customer's transaction values are Gamma(p, ν) with ν itself
 * Gamma(q, γ) across customers (`v` is γ). Plain JSON-safe data.
 *
 * @example
 * ```ts
 * const m: GammaGammaModel = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } };
 * ```
 */
export interface GammaGammaModel {
  readonly model: 'gammagamma';
  readonly params: { readonly p: number; readonly q: number; readonly v: number };
  /**
   * The ISO 4217 currency of the spend it was fitted on (`fitGammaGamma`'s `currency` option);
   * {@link predictClv} refuses another with `CURRENCY_MISMATCH`. Absent when not given.
   */
  readonly currency?: string;
  readonly fit?: FitInfo;
}

/**
 * Spend input: per customer the number of repeat purchases and the average value of those repeat
 * purchases (major currency units, float). Rows with frequency 0 are ignored by the fit.
 *
 * @example
 * ```ts
 * const s: SpendColumns = { frequency: [2, 1], monetaryValue: [22.35, 11.77] };
 * ```
 */
export interface SpendColumns {
  readonly frequency: ArrayLike<number>;
  readonly monetaryValue: ArrayLike<number>;
  /** Customers per row; default 1. */
  readonly count?: ArrayLike<number>;
}

/**
 * Spend input as rows; see {@link SpendColumns}.
 *
 * @example
 * ```ts
 * const s: SpendRow = { frequency: 2, monetaryValue: 22.35 };
 * ```
 */
export interface SpendRow {
  readonly frequency: number;
  readonly monetaryValue: number;
  readonly count?: number;
}
