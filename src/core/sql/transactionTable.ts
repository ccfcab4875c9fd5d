import { CrmError } from '../errors/CrmError';
import { type SqlDialect, quoteTable, requireDialect } from './dialect';
import { SqlWriter } from './writer';

/**
 * Where the adopter's transactions live, for the summary query builders (`rfmSummarySql`,
 * `clvSummarySql`, `clvSummaryCountsSql`). One row per transaction.
 *
 * @example
 * ```ts
 * const source: TransactionTable = {
 *   table: ['sales', 'transactions'],
 *   columns: { customerId: 'customer_id', type: 'kind', amountMinor: 'amount_fen', occurredAt: 'occurred_at' },
 *   dialect: 'duckdb',
 * };
 * ```
 */
export interface TransactionTable {
  /** The table or view: a name, or `[schema, name]`. Quoted as identifiers. */
  readonly table: string | readonly string[];
  /**
   * The columns, by crmkit field: `customerId` (text), `type` (text: `'purchase'` or `'refund'`;
   * other values are skipped), `amountMinor` (a non-negative integer amount in minor units, all in
   * one currency) and `occurredAt` (PostgreSQL `timestamptz`, DuckDB `TIMESTAMPTZ`, ClickHouse
   * `DateTime`, whole seconds).
   */
  readonly columns: {
    readonly customerId: string;
    readonly type: string;
    readonly amountMinor: string;
    readonly occurredAt: string;
  };
  /** The engine. Default `'postgres'`. */
  readonly dialect?: SqlDialect;
  /** Bind parameters already used before this query (`$1` becomes `$(offset + 1)`). Default 0. */
  readonly paramOffset?: number;
}

/** The checked pieces of a {@link TransactionTable} (internal). */
export interface TransactionSource {
  readonly sql: SqlWriter;
  readonly from: string;
  readonly customerId: string;
  readonly type: string;
  readonly amount: string;
  readonly occurredAt: string;
}

/** Checks a {@link TransactionTable} and quotes its names (internal). */
export function transactionSource(options: TransactionTable): TransactionSource {
  if (options === null || typeof options !== 'object' || options.columns === null || typeof options.columns !== 'object') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'options', rule: 'table and columns are required' } });
  }
  const dialect = requireDialect(options.dialect);
  const offset = options.paramOffset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'paramOffset', rule: 'must be a non-negative integer' } });
  }
  const sql = new SqlWriter(dialect, offset);
  const c = options.columns;
  return {
    sql,
    from: quoteTable(options.table, dialect),
    customerId: sql.id(c.customerId, 'columns.customerId'),
    type: sql.id(c.type, 'columns.type'),
    amount: sql.id(c.amountMinor, 'columns.amountMinor'),
    occurredAt: sql.id(c.occurredAt, 'columns.occurredAt'),
  };
}
