import { requireDate } from '../../core/time/index';
import type { SqlText } from '../../core/sql/dialect';
import { type TransactionTable, transactionSource } from '../../core/sql/transactionTable';

/**
 * Options for {@link rfmSummarySql}: where the transactions are, and `asOf`.
 *
 * @example
 * ```ts
 * const o: RfmSummarySqlOptions = {
 *   table: 'transactions',
 *   columns: { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'occurred_at' },
 *   asOf: new Date('2026-03-01T00:00:00Z'),
 * };
 * ```
 */
export interface RfmSummarySqlOptions extends TransactionTable {
  /** The analysis instant: later transactions are ignored. Required. */
  readonly asOf: Date;
}

/**
 * A query computing {@link summarizeRfm}'s per-customer summary where the transactions live, with
 * the same definitions: `recencyDays` = whole 24-hour periods from the last purchase to `asOf`
 * (null without a purchase), `frequency` = number of purchases, `monetaryMinor` = purchases minus
 * refunds in minor units, `lastPurchaseAtMs` = the last purchase as epoch milliseconds (null
 * without one); transactions after `asOf` and rows whose type is neither `purchase` nor `refund`
 * are left out. One row per customer with a transaction, in no particular order; every number
 * column is float64 (exact below 2^53), so each driver returns JS numbers. Customers without
 * transactions are not in it (join your customer table for them).
 *
 * PostgreSQL and DuckDB get `$n` placeholders; ClickHouse gets values inline through
 * {@link clickhouseLiteral}. Differential tests check it against `summarizeRfm` on PGlite, DuckDB,
 * PostgreSQL and a ClickHouse cluster, to the cent.
 *
 * @param options - {@link RfmSummarySqlOptions}: `table`, `columns`, `asOf`, `dialect`, `paramOffset`
 * @returns `{ text, values }`, columns `customerId`, `recencyDays`, `frequency`, `monetaryMinor`, `lastPurchaseAtMs`
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf`; `INVALID_ARGUMENT` for a missing or bad
 *   identifier, dialect or `paramOffset`
 *
 * @example
 * ```ts
 * import { rfmSummarySql } from 'crmkit/segmentation';
 * const q = rfmSummarySql({
 *   table: 'tx',
 *   columns: { customerId: 'customer_id', type: 'type', amountMinor: 'amount_minor', occurredAt: 'at' },
 *   asOf: new Date('2026-03-01T00:00:00Z'),
 *   dialect: 'duckdb',
 * });
 * q.values;
 * //=> ['purchase', 'refund', 1772323200000, '2026-03-01T00:00:00.000Z']
 * ```
 */
export function rfmSummarySql(options: RfmSummarySqlOptions): SqlText {
  const src = transactionSource(options);
  const asOf = requireDate(options.asOf, 'asOf');
  const { sql } = src;
  const purchase = sql.param('purchase', 'text');
  const refund = sql.param('refund', 'text');
  const asOfMs = sql.param(asOf.getTime(), 'int');
  const isPurchase = `${src.type} = ${purchase}`;
  const bought = `${sql.countIf(isPurchase)} > 0`;
  const last = sql.maxIf(sql.epochMs(src.occurredAt), isPurchase);
  const q = (name: string) => sql.id(name, 'alias');
  const text =
    `SELECT ${src.customerId} AS ${q('customerId')}, ` +
    `${sql.float(sql.nullUnless(bought, sql.floorDiv(`${asOfMs} - ${last}`, 86_400_000)))} AS ${q('recencyDays')}, ` +
    `${sql.float(sql.countIf(isPurchase))} AS ${q('frequency')}, ` +
    `${sql.float(`sum(CASE WHEN ${isPurchase} THEN ${src.amount} ELSE -${src.amount} END)`)} AS ${q('monetaryMinor')}, ` +
    `${sql.float(sql.nullUnless(bought, last))} AS ${q('lastPurchaseAtMs')} ` +
    `FROM ${src.from} WHERE ${src.type} IN (${purchase}, ${refund}) AND ${sql.notAfter(src.occurredAt, asOf)} ` +
    `GROUP BY ${src.customerId}`;
  return { text, values: sql.values };
}
