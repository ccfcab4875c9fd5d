import { CrmError } from './errors';
import type { FrequencyRecencyData } from './data';
import type { PurchaseModel } from './models';
import { probabilityAlive } from './predict';

/**
 * One customer at risk, as {@link churnRisk} returns it.
 *
 * @example
 * ```ts
 * const r: ChurnRisk = { index: 3, id: 'c-4', probabilityAlive: 0.2, valueAtRisk: 480 };
 * ```
 */
export interface ChurnRisk {
  /** Position of the customer in the input. */
  readonly index: number;
  /** The customer's id, when `ids` were given. */
  readonly id?: string;
  readonly probabilityAlive: number;
  /** Value lost if the customer has gone: value × (1 − p). */
  readonly valueAtRisk: number;
}

/**
 * Options of {@link churnRisk}.
 *
 * @example
 * ```ts
 * const o: ChurnRiskOptions = { value: [120, 40], threshold: 0.3, limit: 100 };
 * ```
 */
export interface ChurnRiskOptions {
  /**
   * Each customer's value if still active, in input order (for example {@link predictClvValues}
   * divided by P(alive), which is the CLV conditional on being alive, or the historic yearly
   * spend). Required.
   */
  readonly value: ArrayLike<number>;
  /** Customers with P(alive) below this are at risk. Default 0.5. */
  readonly threshold?: number;
  /** Ids in input order, copied into the result. */
  readonly ids?: readonly string[];
  /** At most this many results (the riskiest). Default all. */
  readonly limit?: number;
}

/**
 * Customers whose probability of being alive is below a threshold, the highest value at risk
 * first: value at risk = (value if still active) × (1 − P(alive)), the expected loss, so a
 * valuable customer who has gone quiet ranks above a cheap one who is certainly gone.
 *
 * @param model - a fitted purchase model
 * @param customers - rows or columns (frequency, recency, T)
 * @param options - value (required), threshold (0.5), ids, limit
 * @returns customers at risk, by value at risk descending (ties by lower P(alive), then index)
 * @throws {CrmError} `INVALID_MODEL`, `INVALID_ARGUMENT` (bad rows, mismatched lengths, threshold outside 0..1)
 *
 * @example
 * ```ts
 * import { churnRisk } from 'crmkit/clv';
 * const bg = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const customers = [
 *   { frequency: 10, recency: 5, T: 40 },  // bought often, long silent
 *   { frequency: 1, recency: 2, T: 40 },   // bought twice, long silent
 *   { frequency: 6, recency: 39, T: 40 },  // active
 * ];
 * churnRisk(bg, customers, { value: [500, 50, 300], ids: ['a', 'b', 'c'] }).map((r) => r.id);
 * //=> ['a', 'b']
 * ```
 */
export function churnRisk(model: PurchaseModel, customers: FrequencyRecencyData, options: ChurnRiskOptions): ChurnRisk[] {
  const { value, threshold = 0.5, ids, limit = Infinity } = options ?? ({} as ChurnRiskOptions);
  const p = probabilityAlive(model, customers);
  const fail = (field: string, rule: string): never => {
    throw new CrmError('INVALID_ARGUMENT', { params: { field, rule } });
  };
  if (!value || value.length !== p.length) fail('value', 'needs one value per customer');
  if (ids !== undefined && ids.length !== p.length) fail('ids', 'needs one id per customer');
  if (!(threshold >= 0 && threshold <= 1)) fail('threshold', 'must be between 0 and 1');
  if (!(limit >= 0)) fail('limit', 'must be non-negative');
  const out: ChurnRisk[] = [];
  for (let i = 0; i < p.length; i++) {
    const pi = p[i] as number;
    if (!(pi < threshold)) continue;
    const v = value[i] as number;
    if (!Number.isFinite(v)) fail(`value[${i}]`, 'must be a finite number');
    const valueAtRisk = v * (1 - pi);
    out.push({ index: i, ...(ids && { id: ids[i] as string }), probabilityAlive: pi, valueAtRisk });
  }
  out.sort((a, b) => b.valueAtRisk - a.valueAtRisk || a.probabilityAlive - b.probabilityAlive || a.index - b.index);
  return Number.isFinite(limit) ? out.slice(0, limit) : out;
}
