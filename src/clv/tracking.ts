import { assert } from './errors';
import { requireDate } from '../core/time';
import type { PurchaseModel } from './models';
import { expectedPurchasesNewCustomer } from './predict';
import { checkModel } from './serialize';

/**
 * One period of {@link purchaseTracking}: cumulative repeat purchases up to the end of period
 * `period`, actual and as the model expects them.
 *
 * @example
 * ```ts
 * const p: TrackingPoint = { period: 10, actual: 812, predicted: 798.4 };
 * ```
 */
export interface TrackingPoint {
  /** Periods since `origin` (1 = the end of the first period). */
  readonly period: number;
  readonly actual: number;
  readonly predicted: number;
}

/**
 * Options for {@link purchaseTracking}.
 *
 * @example
 * ```ts
 * const options: TrackingOptions = { origin: new Date('1997-01-01'), calibrationEnd: new Date('1997-10-01'), periods: 78, periodDays: 7 };
 * ```
 */
export interface TrackingOptions {
  /** Start of period 1 (UTC midnight of the first purchase when absent). */
  readonly origin?: Date;
  /** End of calibration: the model's customers are those whose first purchase came before it. */
  readonly calibrationEnd: Date;
  /** Periods to track, 1 to 10,000. */
  readonly periods: number;
  /** Days per period: the time unit the model was fitted in (7 for weeks, the default; 1 for days). */
  readonly periodDays?: number;
}

const DAY = 86_400_000;

/**
 * Tracks a purchase model against what happened, the check lifetimes
 * (`plot_cumulative_transactions`) and CLVTools (`plot`) draw: for the customers whose first purchase
 * came before `calibrationEnd`, the cumulative count of repeat purchase days (purchases on a later
 * day than the customer's first, one per day, as {@link summarizeTransactions} counts frequency)
 * against the model's expectation `Σ_customers E[X(t − birth)]` with E[X(t)] from
 * {@link expectedPurchasesNewCustomer}. Customers are grouped by birth day, so the work is
 * (distinct birth days) × periods model evaluations, whatever the number of customers.
 *
 * @param transactions - purchases with `customerId` and `occurredAt`, any order
 * @param model - a fitted BG/NBD, MBG/NBD or Pareto/NBD model, in the unit of `periodDays`
 * @param options - `calibrationEnd`, `periods` (required), `origin`, `periodDays` (7)
 * @returns one point per period; the calibration/holdout split is `calibrationEnd`
 * @throws {CrmError} `INVALID_DATE` for invalid dates; `INVALID_ARGUMENT` for periods or period
 * length out of range, or more than 10,000,000 evaluations; `INVALID_MODEL` for a model that is not one
 *
 * @example
 * ```ts
 * import { purchaseTracking } from 'crmkit/clv';
 * const model = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
 * const day = (d: number) => new Date(Date.UTC(2026, 0, 1 + d));
 * const tx = [{ customerId: 'a', occurredAt: day(0) }, { customerId: 'a', occurredAt: day(10) }, { customerId: 'b', occurredAt: day(3) }];
 * const points = purchaseTracking(tx, model, { calibrationEnd: day(14), periods: 3 });
 * points.map((p) => p.actual);
 * //=> [0, 1, 1]
 * ```
 */
export function purchaseTracking(
  transactions: Iterable<{ readonly customerId: string; readonly occurredAt: Date }>,
  model: PurchaseModel,
  options: TrackingOptions,
): TrackingPoint[] {
  checkModel(model);
  const calibrationEnd = requireDate(options?.calibrationEnd, 'calibrationEnd').getTime();
  const periods = options.periods;
  assert(Number.isInteger(periods) && periods >= 1 && periods <= 10_000, 'INVALID_ARGUMENT', { params: { field: 'periods', rule: 'must be an integer from 1 to 10000' } });
  const periodDays = options.periodDays ?? 7;
  assert(Number.isFinite(periodDays) && periodDays > 0 && periodDays <= 366, 'INVALID_ARGUMENT', { params: { field: 'periodDays', rule: 'must be above 0 and at most 366' } });
  assert(transactions !== null && typeof (transactions as Iterable<unknown>)?.[Symbol.iterator] === 'function', 'INVALID_ARGUMENT', {
    params: { field: 'transactions', rule: 'must be an iterable of purchases' },
  });
  // Each customer's distinct purchase days (UTC), first one first.
  const days = new Map<string, number[]>();
  let first = Infinity;
  for (const t of transactions) {
    assert(t !== null && typeof t === 'object' && typeof t.customerId === 'string', 'INVALID_ARGUMENT', { params: { field: 'transactions', rule: 'must have a customerId' } });
    const d = Math.floor(requireDate(t.occurredAt, 'transactions.occurredAt').getTime() / DAY);
    let list = days.get(t.customerId);
    if (list === undefined) days.set(t.customerId, (list = []));
    list.push(d);
    if (d < first) first = d;
  }
  const origin = options.origin === undefined ? first * DAY : requireDate(options.origin, 'origin').getTime();
  const unit = periodDays * DAY;
  const actualByPeriod = new Float64Array(periods + 1);
  const births = new Map<number, number>();
  for (const list of days.values()) {
    list.sort((x, y) => x - y);
    const birth = list[0] as number;
    if (birth * DAY >= calibrationEnd) continue;
    births.set(birth, (births.get(birth) ?? 0) + 1);
    let previous = birth;
    for (const d of list) {
      if (d === previous) continue;
      previous = d;
      const k = Math.ceil((d * DAY + DAY - origin) / unit);
      if (k >= 1 && k <= periods) actualByPeriod[k] = (actualByPeriod[k] as number) + 1;
    }
  }
  assert(births.size * periods <= 10_000_000, 'INVALID_ARGUMENT', { params: { field: 'periods', rule: 'times distinct birth days must be at most 10000000' } });
  const out: TrackingPoint[] = [];
  let actual = 0;
  for (let k = 1; k <= periods; k++) {
    actual += actualByPeriod[k] as number;
    const end = origin + k * unit;
    let predicted = 0;
    for (const [birth, count] of births) {
      // Purchases count from the day after the first purchase day.
      const t = (end - (birth + 1) * DAY) / unit;
      if (t > 0) predicted += count * expectedPurchasesNewCustomer(model, t);
    }
    out.push(Object.freeze({ period: k, actual, predicted }));
  }
  return out;
}
