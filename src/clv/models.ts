import type { BgNbdModel, ModifiedBgNbdModel } from './bgnbd/model';
import type { ParetoNbdModel } from './paretonbd/model';

/**
 * A fitted continuous-time purchase model: BG/NBD, MBG/NBD or Pareto/NBD.
 *
 * @example
 * ```ts
 * const m: PurchaseModel = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } };
 * ```
 */
export type PurchaseModel = BgNbdModel | ModifiedBgNbdModel | ParetoNbdModel;
