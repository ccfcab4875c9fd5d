import type { FitInfo } from '../fit';

/**
 * A fitted BG/BB model (Fader, Hardie & Shang 2010) for discrete purchase opportunities: the
 * per-opportunity purchase probability is Beta(α, β) and the per-opportunity drop-out probability
 * Beta(γ, δ). Plain JSON-safe data.
 *
 * @example
 * ```ts
 * const m: BgBbModel = { model: 'bgbb', params: { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 } };
 * ```
 */
export interface BgBbModel {
  readonly model: 'bgbb';
  readonly params: { readonly alpha: number; readonly beta: number; readonly gamma: number; readonly delta: number };
  readonly fit?: FitInfo;
}

/**
 * One row of discrete-time data: `frequency` = transactions in `periods` opportunities after the
 * first, `recency` = the opportunity (1..periods) of the last transaction (0 when none), `count` =
 * customers with exactly this history (default 1).
 *
 * @example
 * ```ts
 * const row: BgBbRow = { frequency: 3, recency: 5, periods: 6, count: 214 };
 * ```
 */
export interface BgBbRow {
  readonly frequency: number;
  readonly recency: number;
  readonly periods: number;
  readonly count?: number;
}
