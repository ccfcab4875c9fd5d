import type { FitInfo } from '../fit';

/**
 * A fitted Pareto/NBD model (Schmittlein, Morrison & Colombo 1987): purchase rates Gamma(r, α),
 * drop-out rates Gamma(s, β). Plain JSON-safe data.
 *
 * @example
 * ```ts
 * const m: ParetoNbdModel = { model: 'paretonbd', params: { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 } };
 * ```
 */
export interface ParetoNbdModel {
  readonly model: 'paretonbd';
  readonly params: { readonly r: number; readonly alpha: number; readonly s: number; readonly beta: number };
  readonly fit?: FitInfo;
}
