import type { FitInfo } from '../fit';

/**
 * BG/NBD parameters: purchase rates are Gamma(r, α) across customers; the drop-out probability
 * after each purchase is Beta(a, b) (Fader, Hardie & Lee 2005).
 *
 * @example
 * ```ts
 * const p: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * ```
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * A fitted BG/NBD model: plain JSON-safe data (`JSON.stringify` it, restore with
 * {@link modelFromJSON}).
 *
 * @example
 * ```ts
 * const m: BgNbdModel = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * ```
 */
export interface BgNbdModel {
  readonly model: 'bgnbd';
  readonly params: BgNbdParams;
  /** How it was fitted; absent for models built from known parameters. */
  readonly fit?: FitInfo;
}

/**
 * A fitted MBG/NBD model (Batislam, Denizel & Filiztekin 2007): as BG/NBD, but a customer may also
 * drop out right after the first purchase. Same parameters as {@link BgNbdParams}.
 *
 * @example
 * ```ts
 * const m: ModifiedBgNbdModel = { model: 'mbgnbd', params: { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 } };
 * ```
 */
export interface ModifiedBgNbdModel {
  readonly model: 'mbgnbd';
  readonly params: BgNbdParams;
  readonly fit?: FitInfo;
}
