import { CrmError, Money, MS_PER_DAY, requireDate } from '../core';
import type { Transaction } from '../customer/transaction';
import { requireDenseArray } from '../core/guards';

/**
 * The period transactions are counted in: calendar days, weeks starting Monday, or calendar
 * months, all in UTC.
 *
 * @example
 * ```ts
 * const p: SummaryPeriod = 'week';
 * ```
 */
export type SummaryPeriod = 'day' | 'week' | 'month';

/**
 * Options of {@link summarizeTransactions}.
 *
 * @example
 * ```ts
 * const o: SummarizeOptions = { asOf: new Date('2026-06-30T00:00:00Z'), period: 'week' };
 * ```
 */
export interface SummarizeOptions {
  /** End of observation: later transactions are ignored. Required. */
  readonly asOf: Date;
  /** Period unit of frequency, recency and T. Default 'day'. */
  readonly period?: SummaryPeriod;
  /**
   * End of the calibration period. When given, frequency, recency, T and monetary value describe
   * the calibration period only, the holdout fields describe (calibrationEnd, asOf], and customers
   * whose first purchase is after calibrationEnd are left out (as lifetimes'
   * calibration_and_holdout_data).
   */
  readonly calibrationEnd?: Date;
}

/**
 * One customer's summary (lifetimes' summary_data_from_transaction_data definitions). Purchases
 * are first grouped into periods; then `frequency` = number of periods with a purchase − 1 (the
 * repeat purchases), `recency` = periods from the first to the last purchase (0 without repeats),
 * `T` = periods from the first purchase to the end of observation, `monetaryValue` = the mean of
 * the per-period totals excluding the first period (zero without repeats).
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * const s: CustomerSummary = { customerId: 'c-1', frequency: 2, recency: 30, T: 38, monetaryValue: Money.of('22.35', 'USD') };
 * ```
 */
export interface CustomerSummary {
  readonly customerId: string;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetaryValue: Money;
  /** Periods with a purchase in the holdout (when calibrationEnd was given). */
  readonly holdoutFrequency?: number;
  /** Mean per-period total in the holdout, zero without holdout purchases. */
  readonly holdoutMonetaryValue?: Money;
  /** Length of the holdout in periods. */
  readonly holdoutDuration?: number;
}

const DAY_OFFSET_TO_MONDAY = 3; // 1970-01-01 was a Thursday

function periodIndex(d: Date, period: SummaryPeriod): number {
  const ms = d.getTime();
  if (period === 'month') return (d.getUTCFullYear() - 1970) * 12 + d.getUTCMonth();
  const day = Math.floor(ms / MS_PER_DAY);
  return period === 'day' ? day : Math.floor((day + DAY_OFFSET_TO_MONDAY) / 7);
}

interface Acc {
  cal: Map<number, bigint>;
  hold: Map<number, bigint>;
}

/**
 * Summarises purchase transactions per customer into the frequency / recency / T / monetary value
 * the models take, with the same definitions as lifetimes' summary_data_from_transaction_data
 * (see {@link CustomerSummary}); refunds are ignored (the models describe purchase counts).
 * Amounts are summed exactly in minor units; means are rounded half-even to the minor unit.
 *
 * @param transactions - purchases (and refunds, skipped), any order, one currency
 * @param options - asOf (required), period ('day'), calibrationEnd (none); purchases are
 *   compared by period, so one made later on the day (week, month) of asOf still counts
 * @returns one summary per customer, ordered by customer id
 * @throws {CrmError} `INVALID_DATE` for a bad asOf / calibrationEnd / occurredAt,
 *   `INVALID_ARGUMENT` when calibrationEnd is after asOf, `CURRENCY_MISMATCH` for mixed currencies
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * import { summarizeTransactions } from 'crmkit/clv';
 * const t = (id: string, day: string, amount: string) =>
 *   ({ id, customerId: 'c-1', type: 'purchase', amount: Money.of(amount, 'USD'), occurredAt: new Date(`2026-01-${day}T10:00:00Z`) }) as const;
 * const [s] = summarizeTransactions([t('1', '01', '10'), t('2', '05', '20'), t('3', '05', '5'), t('4', '11', '30')], { asOf: new Date('2026-01-31T00:00:00Z') });
 * [s.frequency, s.recency, s.T, s.monetaryValue.toString()];
 * //=> [2, 10, 30, '27.50 USD']
 * ```
 */
export function summarizeTransactions(transactions: Iterable<Transaction>, options: SummarizeOptions): CustomerSummary[] {
  const asOf = requireDate(options?.asOf, 'asOf');
  const period = options.period ?? 'day';
  if (period !== 'day' && period !== 'week' && period !== 'month') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'period', rule: "must be 'day', 'week' or 'month'" } });
  }
  const calEnd = options.calibrationEnd === undefined ? undefined : requireDate(options.calibrationEnd, 'calibrationEnd');
  if (calEnd && calEnd.getTime() > asOf.getTime()) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'calibrationEnd', rule: 'must not be after asOf' } });
  }
  // As lifetimes, dates are compared by period: a purchase in the period of asOf (or of
  // calibrationEnd) belongs to it.
  const endP = periodIndex(calEnd ?? asOf, period);
  const asOfP = periodIndex(asOf, period);
  let currency: string | undefined;
  const byCustomer = new Map<string, Acc>();
  for (const tx of transactions) {
    if (tx.type !== 'purchase') continue;
    const p = periodIndex(requireDate(tx.occurredAt, 'occurredAt'), period);
    if (p > asOfP) continue;
    if (currency === undefined) currency = tx.amount.currency;
    else if (tx.amount.currency !== currency) {
      throw new CrmError('CURRENCY_MISMATCH', { params: { left: currency, right: tx.amount.currency } });
    }
    let acc = byCustomer.get(tx.customerId);
    if (!acc) {
      acc = { cal: new Map(), hold: new Map() };
      byCustomer.set(tx.customerId, acc);
    }
    const bucket = p > endP ? acc.hold : acc.cal;
    bucket.set(p, (bucket.get(p) ?? 0n) + tx.amount.toMinor());
  }
  const out: CustomerSummary[] = [];
  const ids = [...byCustomer.keys()].sort();
  for (const id of ids) {
    const acc = byCustomer.get(id) as Acc;
    if (acc.cal.size === 0) continue;
    const periods = [...acc.cal.keys()].sort((a, b) => a - b);
    const first = periods[0] as number;
    const last = periods[periods.length - 1] as number;
    let repeat = 0n;
    for (let i = 1; i < periods.length; i++) repeat += acc.cal.get(periods[i] as number) as bigint;
    const frequency = periods.length - 1;
    const cur = currency as string;
    const mean = (total: bigint, count: number): Money =>
      count === 0 ? Money.zero(cur).round() : Money.ofMinor(total, cur).dividedBy(count, 'half-even');
    const row: CustomerSummary = {
      customerId: id,
      frequency,
      recency: last - first,
      T: endP - first,
      monetaryValue: mean(repeat, frequency),
    };
    if (calEnd) {
      let hold = 0n;
      for (const v of acc.hold.values()) hold += v;
      out.push({ ...row, holdoutFrequency: acc.hold.size, holdoutMonetaryValue: mean(hold, acc.hold.size), holdoutDuration: asOfP - endP });
    } else out.push(row);
  }
  return out;
}

/**
 * Summaries as the columns the models take: frequency, recency, T and monetaryValue (float major
 * units, for the Gamma-Gamma model), plus the ids in the same order.
 *
 * @param summaries - the output of {@link summarizeTransactions}
 * @returns parallel Float64Array columns and ids
 *
 * @example
 * ```ts
 * import { Money } from 'crmkit';
 * import { summaryColumns } from 'crmkit/clv';
 * const cols = summaryColumns([{ customerId: 'c-1', frequency: 2, recency: 30, T: 38, monetaryValue: Money.of('22.35', 'USD') }]);
 * [cols.ids, Array.from(cols.monetaryValue)];
 * //=> [['c-1'], [22.35]]
 * ```
 */
export function summaryColumns(summaries: readonly CustomerSummary[]): {
  ids: string[];
  frequency: Float64Array;
  recency: Float64Array;
  T: Float64Array;
  monetaryValue: Float64Array;
} {
  requireDenseArray(summaries, 'summaries');
  const n = summaries.length;
  const out = { ids: new Array<string>(n), frequency: new Float64Array(n), recency: new Float64Array(n), T: new Float64Array(n), monetaryValue: new Float64Array(n) };
  summaries.forEach((s, i) => {
    out.ids[i] = s.customerId;
    out.frequency[i] = s.frequency;
    out.recency[i] = s.recency;
    out.T[i] = s.T;
    out.monetaryValue[i] = s.monetaryValue.toNumber();
  });
  return out;
}
