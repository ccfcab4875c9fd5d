import { CrmError } from './errors';
import { requireDenseArray } from '../core/guards';

/**
 * Options for {@link valueTiers}.
 *
 * @example
 * ```ts
 * const options: ValueTierOptions = { shares: [0.8], names: ['key', 'other'] };
 * ```
 */
export interface ValueTierOptions {
  /**
   * Cumulative revenue shares that close each tier but the last, strictly ascending in (0, 1].
   * Default `[0.8, 0.95]`: the customers making the first 80% of revenue, the next 15%, the rest.
   */
  readonly shares?: readonly number[];
  /** Tier names, one more than `shares`. Default `['high', 'medium', 'low']`. */
  readonly names?: readonly string[];
}

/**
 * A customer's value tier.
 *
 * @example
 * ```ts
 * const t: ValueTier = { customerId: 'c-1', tier: 'high' };
 * ```
 */
export interface ValueTier {
  readonly customerId: string;
  readonly tier: string;
}

/**
 * Customer value tiers by share of revenue (the Pareto or ABC analysis: the few customers who make
 * most of the revenue; Juran's "vital few", the 80/20 rule). Customers are ranked by value,
 * highest first; a customer belongs to the first tier whose share the revenue of all
 * higher-ranked customers has not yet reached. Equal values share a tier (the share before the
 * first of them decides), and customers with zero or negative value are always in the last tier.
 *
 * @param values - per-customer value in integer minor units (for example `monetaryMinor` from
 *   {@link summarizeRfm})
 * @param options - {@link ValueTierOptions}; default shares `[0.8, 0.95]`, names high/medium/low
 * @returns one tier per customer, in input order
 * @throws {CrmError} `INVALID_ARGUMENT` for non-finite values or bad shares or names
 *
 * @example
 * ```ts
 * import { valueTiers } from 'crmkit/segmentation';
 * const v = (customerId: string, monetaryMinor: number) => ({ customerId, monetaryMinor });
 * // total 1000: a+b = 800 (80%) are high; c and d bring it to 960; e is the rest
 * valueTiers([v('a', 500), v('b', 300), v('c', 100), v('d', 60), v('e', 40)]).map((t) => t.tier);
 * //=> ['high', 'high', 'medium', 'medium', 'low']
 * ```
 */
export function valueTiers(
  values: readonly { readonly customerId: string; readonly monetaryMinor: number }[],
  options: ValueTierOptions = {},
): ValueTier[] {
  requireDenseArray(values, 'values');
  const shares = options.shares ?? [0.8, 0.95];
  const names = options.names ?? ['high', 'medium', 'low'];
  const sharesOk =
    Array.isArray(shares) && shares.length >= 1 && shares.every((s, i) => typeof s === 'number' && s > 0 && s <= 1 && (i === 0 || s > (shares[i - 1] as number)));
  if (!sharesOk) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'shares', rule: 'must be strictly ascending numbers in (0, 1]' } });
  if (!Array.isArray(names) || names.length !== shares.length + 1 || !names.every((n) => typeof n === 'string' && n !== '')) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'names', rule: 'must be one more non-empty name than shares' } });
  }
  const n = values.length;
  const v = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]?.monetaryMinor;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `values.${i}.monetaryMinor`, rule: 'must be a finite number' } });
    }
    v[i] = x;
    if (x > 0) total += x;
  }
  const last = names.length - 1;
  const tierOf = new Uint8Array(n).fill(last);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (v[b] as number) - (v[a] as number));
  let cumulative = 0;
  let tier = 0;
  for (let i = 0; i < n; ) {
    const value = v[order[i] as number] as number;
    if (value <= 0) break;
    while (tier < last && cumulative / total >= (shares[tier] as number)) tier++;
    let j = i;
    for (; j < n && v[order[j] as number] === value; j++) tierOf[order[j] as number] = tier;
    cumulative += value * (j - i);
    i = j;
  }
  return values.map((x, i) => ({ customerId: x.customerId, tier: names[tierOf[i] as number] as string }));
}
