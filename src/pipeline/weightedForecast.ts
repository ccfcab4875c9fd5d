import { assert } from './errors';
import { currencyExponent } from '../core/money/currency';
import type { Money } from '../core/money/Money';
import { requireDate } from '../core/time';
import type { OpportunityBook } from './book';
import { entryAt, viewOf, windowOf } from './bookView';
import { bucketOf, monthIndex, periodLabel } from './closePeriod';
import type { Pipeline } from './definePipeline';
import { ExactSums, moneyOfScaled } from './exactSums';
import { type ForecastCategory, type ForecastCategoryRule, FORECAST_CATEGORIES, compileCategoryRules } from './forecastCategories';
import type { Opportunity } from './opportunity';

/**
 * Options of {@link weightedForecast}.
 *
 * @example
 * ```ts
 * const o: WeightedForecastOptions = {
 *   asOf: new Date('2026-07-01T00:00:00Z'),
 *   period: { start: new Date('2026-07-01T00:00:00Z'), end: new Date('2027-01-01T00:00:00Z') },
 *   by: 'quarter',
 * };
 * ```
 */
export interface WeightedForecastOptions {
  /** The moment the forecast is made: deals created later are left out; stages are read as of it. */
  readonly asOf: Date;
  /** Expected close dates counted: `[start, end)`. */
  readonly period: { readonly start: Date; readonly end: Date };
  /** Close periods: `month` (default) or `quarter`. */
  readonly by?: 'month' | 'quarter';
  /** Offset from UTC, in minutes, of the calendar the months are counted in (480 for China). Default 0. */
  readonly utcOffsetMinutes?: number;
  /** Forecast category rules, first match wins. Default {@link DEFAULT_FORECAST_CATEGORY_RULES}. */
  readonly categories?: readonly ForecastCategoryRule[];
}

/**
 * Count, open amount and weighted amount (amount × probability, exact) of a set of deals.
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const f: ForecastAmounts = { count: 1, amount: Money.of('100', 'CNY'), weighted: Money.of('50', 'CNY') };
 * ```
 */
export interface ForecastAmounts {
  readonly count: number;
  readonly amount: Money;
  readonly weighted: Money;
}

/**
 * One row of a weighted forecast: one currency's figures (omitted deals left out of the totals)
 * and their split by forecast category.
 *
 * @example
 * ```ts
 * const total = (r: ForecastRow) => r.weighted.toString();
 * ```
 */
export interface ForecastRow extends ForecastAmounts {
  readonly currency: string;
  readonly categories: Readonly<Record<ForecastCategory, ForecastAmounts>>;
}

/**
 * The result of {@link weightedForecast}: rows by close period, by owner, and totals, each per
 * currency (sorted by key, then currency).
 *
 * @example
 * ```ts
 * const periods = (f: WeightedForecast) => f.byPeriod.map((r) => r.period);
 * ```
 */
export interface WeightedForecast {
  readonly byPeriod: readonly (ForecastRow & { readonly period: string })[];
  readonly byOwner: readonly (ForecastRow & { readonly ownerId: string })[];
  readonly total: readonly ForecastRow[];
}

const CATS = FORECAST_CATEGORIES.length;

/**
 * The weighted pipeline forecast: for every deal open as of `asOf` whose expected close date falls
 * in `period`, amount × probability (the deal's override, else its stage's default), summed by
 * close period (month or quarter), by owner and in total, and split by forecast category (from
 * `categories` rules). Sums are exact: amounts are added as integer minor units and probabilities
 * as basis points, so `weighted` carries up to 4 more decimals than the currency. Deals in the
 * `omitted` category are reported in their category but left out of the row totals. Money figures
 * are per currency: a multi-currency book gives one row per currency, never a converted sum.
 *
 * @param pipeline - from `definePipeline`
 * @param deals - opportunities, or a book from `toOpportunityBook` (faster for many figures)
 * @param options - `asOf`, `period` (required), `by`, `utcOffsetMinutes`, `categories`
 * @returns rows by period, by owner, and totals
 * @throws {CrmError} `INVALID_DATE`; `INVALID_ARGUMENT` for a bad period, offset or rule (and bad
 *   deals, see `toOpportunityBook`); `UNKNOWN_STAGE` for a stage not in the pipeline
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, weightedForecast } from 'crmkit/pipeline';
 * const now = new Date('2026-07-01T00:00:00Z');
 * const deal = (id: string, amount: string, stage: string, close: string) => createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id, customerId: 'c-1', ownerId: 'u-1', name: id, amount: { amount, currency: 'CNY' }, stage, expectedCloseDate: close,
 * }, { now }).opportunity;
 * const f = weightedForecast(DEFAULT_B2B_PIPELINE, [
 *   deal('a', '1000', 'proposal', '2026-07-15'), deal('b', '333.33', 'negotiation', '2026-08-20'),
 * ], { asOf: now, period: { start: now, end: new Date('2026-10-01T00:00:00Z') } });
 * f.byPeriod.map((r) => `${r.period} ${r.weighted}`);
 * //=> ['2026-07 500.00 CNY', '2026-08 266.664 CNY']
 * ```
 */
export function weightedForecast(pipeline: Pipeline, deals: OpportunityBook | readonly Opportunity[], options: WeightedForecastOptions): WeightedForecast {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const [start, end] = windowOf(options.period);
  const by = options.by ?? 'month';
  assert(by === 'month' || by === 'quarter', 'INVALID_ARGUMENT', { params: { field: 'by', rule: 'must be month or quarter' } });
  const offsetMinutes = options.utcOffsetMinutes ?? 0;
  assert(Number.isInteger(offsetMinutes) && Math.abs(offsetMinutes) <= 18 * 60, 'INVALID_ARGUMENT', { params: { field: 'utcOffsetMinutes', rule: 'must be a whole number of minutes from -1080 to 1080' } });
  const offset = offsetMinutes * 60_000;
  const { book, index, position } = viewOf(pipeline, deals);
  const categoryOf = compileCategoryRules(options.categories, index);
  const firstBucket = bucketOf(monthIndex(start, offset), by);
  const buckets = bucketOf(monthIndex(end - 1, offset), by) - firstBucket + 1;
  const nCur = book.currencies.length;
  const periodBase = 0;
  const ownerBase = buckets * nCur * CATS;
  const totalBase = ownerBase + book.owners.length * nCur * CATS;
  const slots = totalBase + nCur * CATS;
  const amount = new ExactSums(slots);
  const weighted = new ExactSums(slots);
  const count = new Float64Array(slots);
  const { probabilityBp: stageBp, kind } = index;
  const add = (slot: number, minor: number, bp: number): void => {
    amount.add(slot, minor);
    weighted.addProduct(slot, minor, bp);
    count[slot] = (count[slot] as number) + 1;
  };
  for (let i = 0; i < book.size; i++) {
    const close = book.expectedClose[i] as number;
    if (close < start || close >= end || (book.createdAt[i] as number) > asOf) continue;
    const h = entryAt(book, i, asOf);
    if (h < 0) continue;
    const pos = position[book.historyStage[h] as number] as number;
    if (kind[pos] !== 0) continue;
    const override = book.probabilityBp[i] as number;
    // An override belongs to the current stage; read as of an earlier stage, the stage default applies.
    const bp = override >= 0 && h === (book.historyStart[i + 1] as number) - 1 ? override : (stageBp[pos] as number);
    const cat = categoryOf(pos, bp);
    const cur = book.currency[i] as number;
    const minor = book.amountMinor[i] as number;
    const p = periodBase + ((bucketOf(monthIndex(close, offset), by) - firstBucket) * nCur + cur) * CATS + cat;
    const o = ownerBase + ((book.owner[i] as number) * nCur + cur) * CATS + cat;
    const t = totalBase + cur * CATS + cat;
    add(p, minor, bp);
    add(o, minor, bp);
    add(t, minor, bp);
  }
  const row = (base: number, cur: number): ForecastRow | undefined => {
    const currency = book.currencies[cur] as string;
    const exponent = currencyExponent(currency);
    let n = 0;
    let a = 0n;
    let w = 0n;
    const categories = {} as Record<ForecastCategory, ForecastAmounts>;
    FORECAST_CATEGORIES.forEach((c, k) => {
      const slot = base + cur * CATS + k;
      const ca = amount.total(slot);
      const cw = weighted.total(slot);
      const cn = count[slot] as number;
      categories[c] = Object.freeze({ count: cn, amount: moneyOfScaled(ca, exponent, currency), weighted: moneyOfScaled(cw, exponent + 4, currency) });
      if (c !== 'omitted') {
        n += cn;
        a += ca;
        w += cw;
      }
    });
    const anyDeal = FORECAST_CATEGORIES.some((_, k) => (count[base + cur * CATS + k] as number) > 0);
    if (!anyDeal) return undefined;
    return Object.freeze({ currency, count: n, amount: moneyOfScaled(a, exponent, currency), weighted: moneyOfScaled(w, exponent + 4, currency), categories: Object.freeze(categories) });
  };
  const byPeriod: (ForecastRow & { period: string })[] = [];
  for (let b = 0; b < buckets; b++) {
    for (let c = 0; c < nCur; c++) {
      const r = row(periodBase + b * nCur * CATS, c);
      if (r) byPeriod.push(Object.freeze({ period: periodLabel(firstBucket + b, by), ...r }));
    }
  }
  const byOwner: (ForecastRow & { ownerId: string })[] = [];
  for (let w = 0; w < book.owners.length; w++) {
    for (let c = 0; c < nCur; c++) {
      const r = row(ownerBase + w * nCur * CATS, c);
      if (r) byOwner.push(Object.freeze({ ownerId: book.owners[w] as string, ...r }));
    }
  }
  const total: ForecastRow[] = [];
  for (let c = 0; c < nCur; c++) {
    const r = row(totalBase, c);
    if (r) total.push(r);
  }
  const byCurrency = (x: ForecastRow, y: ForecastRow) => (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0);
  byOwner.sort((x, y) => (x.ownerId < y.ownerId ? -1 : x.ownerId > y.ownerId ? 1 : byCurrency(x, y)));
  byPeriod.sort((x, y) => (x.period < y.period ? -1 : x.period > y.period ? 1 : byCurrency(x, y)));
  total.sort(byCurrency);
  return Object.freeze({ byPeriod: Object.freeze(byPeriod), byOwner: Object.freeze(byOwner), total: Object.freeze(total) });
}
