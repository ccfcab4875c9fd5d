import type { SqlText } from '../core/sql/dialect';
import { type TransactionTable, transactionSource } from '../core/sql/transactionTable';
import type { SqlWriter } from '../core/sql/writer';
import type { SummaryPeriod } from './period';
import { summaryWindow } from './summary';

/**
 * Options for {@link clvSummarySql} and {@link clvSummaryCountsSql}: where the transactions are,
 * and the same `asOf`, `period` and `calibrationEnd` as {@link summarizeTransactions}.
 *
 * @example
 * ```ts
 * const o: ClvSummarySqlOptions = {
 *   table: 'transactions',
 *   columns: { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' },
 *   asOf: new Date('2026-06-30T00:00:00Z'),
 *   period: 'week',
 * };
 * ```
 */
export interface ClvSummarySqlOptions extends TransactionTable {
  /** End of observation. Required. */
  readonly asOf: Date;
  /** Period unit. Default `'day'`. */
  readonly period?: SummaryPeriod;
  /** End of the calibration period (adds the holdout columns). Default none. */
  readonly calibrationEnd?: Date;
}

function periodExpr(sql: SqlWriter, col: string, period: SummaryPeriod): string {
  if (period === 'month') {
    if (sql.dialect === 'postgres') return `((extract(year from ${col} AT TIME ZONE 'UTC')::int - 1970) * 12 + extract(month from ${col} AT TIME ZONE 'UTC')::int - 1)`;
    if (sql.dialect === 'duckdb') return `((year(make_timestamp(epoch_ms(${col}) * 1000)) - 1970) * 12 + month(make_timestamp(epoch_ms(${col}) * 1000)) - 1)`;
    return `(toInt64(toRelativeMonthNum(${col}, 'UTC')) - 23641)`; // year * 12 + month - (1970 * 12 + 1)
  }
  const day = sql.floorDiv(sql.epochMs(col), 86_400_000);
  return period === 'day' ? day : sql.floorDiv(`${day} + 3`, 7); // 1970-01-01 was a Thursday
}

interface Built {
  readonly sql: SqlWriter;
  /** Per-customer aggregates over purchase periods: cid, n, fp, lp, total, firstAmt (+ hn, htotal). */
  readonly perCustomer: string;
  readonly end: string;
  readonly holdoutDuration?: number;
}

function build(options: ClvSummarySqlOptions, withHoldout: boolean): Built {
  const src = transactionSource(options);
  const { period, calEnd, endP, asOfP } = summaryWindow(options);
  const { sql } = src;
  const purchase = sql.param('purchase', 'text');
  const last = sql.param(asOfP, 'int');
  const end = sql.param(endP, 'int');
  const p = periodExpr(sql, src.occurredAt, period);
  const periods = `SELECT ${src.customerId} AS cid, ${p} AS p, sum(${src.amount}) AS amt FROM ${src.from} WHERE ${src.type} = ${purchase} AND ${p} <= ${last} GROUP BY ${src.customerId}, ${p}`;
  const cal = `p <= ${end}`;
  const holdout = calEnd && withHoldout ? `, ${sql.countIf(`p > ${end}`)} AS hn, ${sql.sumIf('amt', `p > ${end}`)} AS htotal` : '';
  const perCustomer =
    `SELECT cid, ${sql.countIf(cal)} AS n, ${sql.minIf('p', cal)} AS fp, ${sql.maxIf('p', cal)} AS lp, ` +
    `${sql.sumIf('amt', cal)} AS total, ${sql.argMinIf('amt', 'p', cal)} AS firstamt${holdout} FROM (${periods}) AS g GROUP BY cid`;
  return { sql, perCustomer, end, ...(calEnd && { holdoutDuration: asOfP - endP }) };
}

/**
 * A query computing {@link summarizeTransactions}' per-customer summary where the transactions
 * live, with the same definitions (lifetimes' summary_data_from_transaction_data): purchases are
 * grouped into UTC periods (day, Monday week, month); `frequency` = periods with a purchase − 1,
 * `recency` = periods from the first to the last purchase, `T` = periods from the first purchase
 * to the end of observation (`calibrationEnd` when given, else `asOf`), `monetaryValueMinor` =
 * the mean per-period total of the repeat periods in minor units, rounded half to even (0 without
 * repeats). With `calibrationEnd`: `holdoutFrequency`, `holdoutMonetaryValueMinor` and
 * `holdoutDuration` as well, and customers whose first purchase is after it are left out. Like
 * `summarizeTransactions`, customers with `T = 0` (first purchase in the last period) are left
 * out, since no model can fit them. Refunds are ignored. One row per customer, in no particular
 * order, every number a float64.
 *
 * @param options - {@link ClvSummarySqlOptions}
 * @returns `{ text, values }`, columns `customerId`, `frequency`, `recency`, `T`,
 *   `monetaryValueMinor` (+ the holdout columns)
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf` / `calibrationEnd`; `INVALID_ARGUMENT` for
 *   `calibrationEnd` after `asOf`, a bad period, identifier, dialect or `paramOffset`
 *
 * @example
 * ```ts
 * import { clvSummarySql } from 'crmkit/clv';
 * const q = clvSummarySql({
 *   table: 'tx',
 *   columns: { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'at' },
 *   asOf: new Date('1970-01-31T00:00:00Z'),
 * });
 * q.values;
 * //=> ['purchase', 30, 30]
 * ```
 */
export function clvSummarySql(options: ClvSummarySqlOptions): SqlText {
  const { sql, perCustomer, end, holdoutDuration } = build(options, true);
  const q = (name: string) => sql.id(name, 'alias');
  const holdout =
    holdoutDuration === undefined
      ? ''
      : `, ${sql.float('hn')} AS ${q('holdoutFrequency')}, ${sql.float(sql.halfEvenDiv('htotal', 'hn'))} AS ${q('holdoutMonetaryValueMinor')}, ` +
        `${sql.float(sql.param(holdoutDuration, 'int'))} AS ${q('holdoutDuration')}`;
  const text =
    `SELECT cid AS ${q('customerId')}, ${sql.float('n - 1')} AS ${q('frequency')}, ${sql.float('lp - fp')} AS ${q('recency')}, ` +
    `${sql.float(`${end} - fp`)} AS ${q('T')}, ${sql.float(sql.halfEvenDiv('total - firstamt', 'n - 1'))} AS ${q('monetaryValueMinor')}${holdout} ` +
    `FROM (${perCustomer}) AS s WHERE n > 0 AND fp < ${end}`;
  return { text, values: sql.values };
}

/**
 * The aggregated form of {@link clvSummarySql}: one row per distinct (`frequency`, `recency`, `T`)
 * with `count`, the number of customers that have it — exactly the rows the purchase models fit
 * (`fitBgNbd(rows)` reads `count` as a weight), so a hundred million customers reduce to the few
 * hundred thousand rows a fit needs. Same definitions and options (calibration only; no holdout
 * columns); customers with `T = 0` are left out.
 *
 * @param options - {@link ClvSummarySqlOptions}
 * @returns `{ text, values }`, float64 columns `frequency`, `recency`, `T`, `count`
 * @throws {CrmError} as {@link clvSummarySql}
 *
 * @example
 * ```ts
 * import { clvSummaryCountsSql } from 'crmkit/clv';
 * const q = clvSummaryCountsSql({
 *   table: 'tx',
 *   columns: { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'at' },
 *   asOf: new Date('1970-01-31T00:00:00Z'),
 *   dialect: 'clickhouse',
 * });
 * q.values;
 * //=> []
 * ```
 */
export function clvSummaryCountsSql(options: ClvSummarySqlOptions): SqlText {
  const { sql, perCustomer, end } = build(options, false);
  const q = (name: string) => sql.id(name, 'alias');
  const text =
    `SELECT ${sql.float('n - 1')} AS ${q('frequency')}, ${sql.float('lp - fp')} AS ${q('recency')}, ${sql.float(`${end} - fp`)} AS ${q('T')}, ` +
    `${sql.float('count(*)')} AS ${q('count')} FROM (${perCustomer}) AS s WHERE n > 0 AND fp < ${end} GROUP BY n, lp - fp, fp`;
  return { text, values: sql.values };
}
