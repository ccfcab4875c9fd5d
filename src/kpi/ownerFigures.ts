import { assert } from './errors';
import { isValidDate } from '../core/time';
import type { Customer } from '../customer/customer';
import { checkPeriod } from './period';
import { type KpiTransaction, anyIn, purchasesByCustomer } from './purchases';
import { type RetentionFigures, type RetentionOptions, retentionCounts } from './retention';

/**
 * A satisfaction score of one customer at a time (any scale: CSAT 1–5, NPS 0–10, ...; use one
 * scale per call).
 *
 * @example
 * ```ts
 * const s: SatisfactionScore = { customerId: 'c-1', score: 9, at: new Date('2026-03-10T00:00:00Z') };
 * ```
 */
export interface SatisfactionScore {
  readonly customerId: string;
  readonly score: number;
  readonly at: Date;
}

/**
 * Figures of one owner (account manager) for a period.
 *
 * @example
 * ```ts
 * const f: OwnerFigures = { ownerId: 'u-1', customers: 3, activeCustomers: 2, retention: { base: 2, retained: 1, rate: 0.5 }, satisfaction: null };
 * ```
 */
export interface OwnerFigures {
  /** The owner, or null for customers without one. */
  readonly ownerId: string | null;
  /** Customers owned and created by the end of the period. */
  readonly customers: number;
  /** Of those, customers with a purchase in the period. */
  readonly activeCustomers: number;
  /** {@link retentionRate} restricted to the owner's customers. */
  readonly retention: RetentionFigures;
  /** Mean of the owner's customers' scores dated in the period, or null when there are none. */
  readonly satisfaction: { readonly responses: number; readonly mean: number } | null;
}

/**
 * Options of {@link ownerFigures}: those of {@link retentionRate} plus optional `satisfaction` scores.
 *
 * @example
 * ```ts
 * const o: OwnerFiguresOptions = { period: { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') }, asOf: new Date('2026-04-01T00:00:00Z'), satisfaction: [] };
 * ```
 */
export interface OwnerFiguresOptions extends RetentionOptions {
  readonly satisfaction?: Iterable<SatisfactionScore>;
}

/**
 * Per-owner figures for a period: customers owned (current `ownerId`, created before the period's
 * end), active customers (a purchase in the period), retention as {@link retentionRate} over the
 * owner's customers only, and mean satisfaction of the owner's customers' scores dated in the
 * period. Customers are attributed to their current owner (ownership history is not modelled).
 *
 * @param customers - customers with `id`, `ownerId` and `createdAt`
 * @param transactions - purchases (refunds ignored; duplicate ids count once)
 * @param options - `period`, `asOf`, `basePeriod` (as {@link retentionRate}), `satisfaction` scores
 * @returns one row per owner, ordered by owner id (customers without an owner last, as `ownerId: null`)
 * @throws {CrmError} `INVALID_DATE`, `INVALID_ARGUMENT` for a bad period or a non-finite score
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * const c = (id: string, ownerId: string) => ({ id, ownerId, createdAt: d('2026-01-01') });
 * const t = (id: string, cid: string, day: string) => ({ id, customerId: cid, type: 'purchase' as const, occurredAt: d(day) });
 * ownerFigures([c('a', 'u-1'), c('b', 'u-1'), c('x', 'u-2')],
 *   [t('1', 'a', '2026-02-10'), t('2', 'b', '2026-02-11'), t('3', 'a', '2026-03-05'), t('4', 'x', '2026-03-06')],
 *   { period: { start: d('2026-03-01'), end: d('2026-04-01') }, basePeriod: { start: d('2026-02-01'), end: d('2026-03-01') }, asOf: d('2026-04-01'),
 *     satisfaction: [{ customerId: 'a', score: 9, at: d('2026-03-07') }, { customerId: 'b', score: 6, at: d('2026-03-09') }] });
 * //=> [
 * //   { ownerId: 'u-1', customers: 2, activeCustomers: 1, retention: { base: 2, retained: 1, rate: 0.5 }, satisfaction: { responses: 2, mean: 7.5 } },
 * //   { ownerId: 'u-2', customers: 1, activeCustomers: 1, retention: { base: 0, retained: 0, rate: null }, satisfaction: null },
 * // ]
 * ```
 */
export function ownerFigures(
  customers: Iterable<Pick<Customer, 'id' | 'ownerId' | 'createdAt'>>,
  transactions: Iterable<KpiTransaction>,
  options: OwnerFiguresOptions,
): OwnerFigures[] {
  const [start, end, asOf] = checkPeriod(options);
  const byCustomer = purchasesByCustomer(transactions, asOf);
  const ownerOf = new Map<string, string | null>();
  const owners = new Map<string | null, string[]>();
  for (const c of customers) {
    assert(isValidDate(c.createdAt), 'INVALID_DATE', { params: { field: 'customer.createdAt' } });
    if (c.createdAt.getTime() >= end) continue;
    const owner = c.ownerId ?? null;
    ownerOf.set(c.id, owner);
    const list = owners.get(owner);
    if (list === undefined) owners.set(owner, [c.id]);
    else list.push(c.id);
  }
  const scores = new Map<string | null, { n: number; sum: number }>();
  for (const s of options.satisfaction ?? []) {
    assert(isValidDate(s.at), 'INVALID_DATE', { params: { field: 'satisfaction.at' } });
    assert(Number.isFinite(s.score), 'INVALID_ARGUMENT', { params: { field: 'satisfaction.score', rule: 'must be a finite number' } });
    const at = s.at.getTime();
    if (at < start || at >= end || !ownerOf.has(s.customerId)) continue;
    const owner = ownerOf.get(s.customerId) as string | null;
    const acc = scores.get(owner) ?? { n: 0, sum: 0 };
    acc.n++;
    acc.sum += s.score;
    scores.set(owner, acc);
  }
  const keys = [...owners.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((owner) => {
    const ids = owners.get(owner) as string[];
    let active = 0;
    for (const id of ids) {
      const times = byCustomer.get(id);
      if (times !== undefined && anyIn(times, start, end)) active++;
    }
    const score = scores.get(owner);
    return {
      ownerId: owner,
      customers: ids.length,
      activeCustomers: active,
      retention: retentionCounts(byCustomer, options, (id) => ownerOf.get(id) === owner && ownerOf.has(id)),
      satisfaction: score === undefined ? null : { responses: score.n, mean: score.sum / score.n },
    };
  });
}
