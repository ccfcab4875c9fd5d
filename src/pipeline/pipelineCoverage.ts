import { assert, CrmError } from './errors';
import { Money } from '../core/money/Money';
import { requireDate } from '../core/time';
import type { OpportunityBook } from './book';
import { entryAt, viewOf, windowOf } from './bookView';
import type { Pipeline } from './definePipeline';
import { ExactSums, moneyOfScaled } from './exactSums';
import type { Opportunity } from './opportunity';

/**
 * One owner's quota for the period.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const q: OwnerQuota = { ownerId: 'u-1', quota: Money.of('1000000', 'CNY') };
 * ```
 */
export interface OwnerQuota {
  readonly ownerId: string;
  readonly quota: Money;
}

/**
 * Pipeline coverage of one owner.
 *
 * @example
 * ```ts
 * const ratio = (c: PipelineCoverage) => c.coverage.toFixed(1) + 'x';
 * ```
 */
export interface PipelineCoverage {
  readonly ownerId: string;
  readonly quota: Money;
  /** Deals won in the period, as of `asOf`. */
  readonly won: Money;
  /** Open deals (as of `asOf`) expected to close in the period. */
  readonly open: Money;
  /** quota − won, at least zero. */
  readonly remaining: Money;
  /** open ÷ quota (Infinity for a zero quota with open deals, 0 with none). */
  readonly coverage: number;
  /** open ÷ remaining; undefined when the quota is already met. */
  readonly coverageOfRemaining: number | undefined;
}

/**
 * Pipeline coverage against quota, per owner: the open pipeline expected to close in `period`
 * (unweighted, as of `asOf`) divided by the quota, and by what remains of it after the deals won
 * in the period so far. Owners not in `quotas` are left out. A quota and the deals it covers must
 * share a currency: a deal of that owner in another currency that counts (open in the period or won
 * in it) raises `CURRENCY_MISMATCH` rather than being converted or dropped.
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook`
 * @param quotas - one per owner (an owner listed twice is refused)
 * @param options - `asOf` and the `period` `[start, end)` (it may end after `asOf`)
 * @returns one row per quota, in the order given
 * @throws {CrmError} `CURRENCY_MISMATCH`; `INVALID_ARGUMENT` for a duplicate owner, a negative
 *   quota or a bad period; `INVALID_DATE`; `UNKNOWN_STAGE`
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, pipelineCoverage } from 'crmkit/pipeline';
 * const now = new Date('2026-07-01T00:00:00Z');
 * const deal = createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP', amount: { amount: '300000', currency: 'CNY' }, stage: 'proposal', expectedCloseDate: '2026-08-15',
 * }, { now }).opportunity;
 * const [c] = pipelineCoverage(DEFAULT_B2B_PIPELINE, [deal], [{ ownerId: 'u-1', quota: Money.of('100000', 'CNY') }], {
 *   asOf: now, period: { start: now, end: new Date('2026-10-01T00:00:00Z') },
 * });
 * c.coverage;
 * //=> 3
 * ```
 */
export function pipelineCoverage(
  pipeline: Pipeline,
  deals: OpportunityBook | readonly Opportunity[],
  quotas: readonly OwnerQuota[],
  options: { readonly asOf: Date; readonly period: { readonly start: Date; readonly end: Date } },
): readonly PipelineCoverage[] {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const [start, end] = windowOf(options.period);
  assert(Array.isArray(quotas) && quotas.length <= 1_000_000, 'INVALID_ARGUMENT', { params: { field: 'quotas', rule: 'must be a list' } });
  const { book, index, position } = viewOf(pipeline, deals);
  // Per book owner: the quota row it belongs to, or -1.
  const row = new Int32Array(book.owners.length).fill(-1);
  const ownerAt = new Map(book.owners.map((o, k) => [o, k]));
  const seen = new Set<string>();
  quotas.forEach((q, k) => {
    assert(q !== null && typeof q === 'object' && typeof q.ownerId === 'string' && !seen.has(q.ownerId), 'INVALID_ARGUMENT', { params: { field: `quotas.${k}.ownerId`, rule: 'must be a string, once per owner' } });
    assert(Money.isMoney(q.quota) && !q.quota.isNegative(), 'INVALID_ARGUMENT', { params: { field: `quotas.${k}.quota`, rule: 'must be Money, zero or more' } });
    seen.add(q.ownerId);
    const w = ownerAt.get(q.ownerId);
    if (w !== undefined) row[w] = k;
  });
  const open = new ExactSums(quotas.length);
  const won = new ExactSums(quotas.length);
  for (let i = 0; i < book.size; i++) {
    const k = row[book.owner[i] as number] as number;
    if (k < 0) continue;
    const h = entryAt(book, i, asOf);
    if (h < 0) continue;
    const kind = index.kind[position[book.historyStage[h] as number] as number];
    const close = kind === 0 ? (book.expectedClose[i] as number) : (book.historyAt[h] as number);
    if ((kind !== 0 && kind !== 1) || close < start || close >= end) continue;
    const quota = (quotas[k] as OwnerQuota).quota;
    if (book.currencies[book.currency[i] as number] !== quota.currency) {
      throw new CrmError('CURRENCY_MISMATCH', { params: { left: quota.currency, right: book.currencies[book.currency[i] as number] }, details: { ownerId: book.owners[book.owner[i] as number] } });
    }
    (kind === 0 ? open : won).add(k, book.amountMinor[i] as number);
  }
  return Object.freeze(quotas.map((q, k): PipelineCoverage => {
    const e = q.quota.exponent;
    const openMoney = moneyOfScaled(open.total(k), e, q.quota.currency);
    const wonMoney = moneyOfScaled(won.total(k), e, q.quota.currency);
    const left = q.quota.minus(wonMoney);
    const remaining = left.isNegative() ? Money.zero(q.quota.currency) : left;
    const openN = openMoney.toNumber();
    return Object.freeze({
      ownerId: q.ownerId,
      quota: q.quota,
      won: wonMoney,
      open: openMoney,
      remaining,
      coverage: q.quota.isZero() ? (openN > 0 ? Infinity : 0) : openN / q.quota.toNumber(),
      coverageOfRemaining: remaining.isZero() ? undefined : openN / remaining.toNumber(),
    });
  }));
}
