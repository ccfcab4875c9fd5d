import { CrmError } from '../errors/CrmError';

/**
 * The SQL engines crmkit writes queries for: `postgres` (PostgreSQL 11+, PGlite), `duckdb`
 * (DuckDB 1.x) and `clickhouse` (ClickHouse 18.16+).
 *
 * @example
 * ```ts
 * const d: SqlDialect = 'duckdb';
 * ```
 */
export type SqlDialect = 'postgres' | 'duckdb' | 'clickhouse';

/**
 * Every {@link SqlDialect}.
 *
 * @example
 * ```ts
 * import { SQL_DIALECTS } from 'crmkit/core';
 * SQL_DIALECTS.includes('clickhouse');
 * //=> true
 * ```
 */
export const SQL_DIALECTS: readonly SqlDialect[] = /* @__PURE__ */ Object.freeze(['postgres', 'duckdb', 'clickhouse'] as const);

/**
 * A query ready for a driver: `text` with the dialect's placeholders (`$1`, `$2`, ... for
 * PostgreSQL and DuckDB) and their `values` in order. ClickHouse queries carry their values
 * inline (rendered by {@link clickhouseLiteral}), so `values` is empty for them.
 *
 * @example
 * ```ts
 * const q: SqlText = { text: 'SELECT "id" FROM "c" WHERE "r" >= $1::double precision', values: [4] };
 * ```
 */
export interface SqlText {
  readonly text: string;
  readonly values: unknown[];
}

/** Checks a dialect name (internal). */
export function requireDialect(dialect: unknown): SqlDialect {
  if (dialect === undefined) return 'postgres';
  if (dialect !== 'postgres' && dialect !== 'duckdb' && dialect !== 'clickhouse') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'dialect', rule: "must be 'postgres', 'duckdb' or 'clickhouse'" } });
  }
  return dialect;
}

/**
 * Quotes one identifier (a table, schema or column name) for `dialect`: `"name"` with `"`
 * doubled for PostgreSQL and DuckDB; `` `name` `` with `` ` `` and `\` backslash-escaped for
 * ClickHouse. Names come from the adopter's configuration, never from user input; the quoting
 * makes any name inert all the same.
 *
 * @param name - a non-empty name of at most 128 characters, without NUL
 * @param dialect - the engine
 * @param field - the option that held the name, for the error message
 * @returns the quoted identifier
 * @throws {CrmError} `INVALID_ARGUMENT` for an empty, long or non-string name
 *
 * @example
 * ```ts
 * import { quoteIdentifier } from 'crmkit/core';
 * [quoteIdentifier('display "name"', 'postgres', 'column'), quoteIdentifier('a`b', 'clickhouse', 'column')];
 * //=> ['"display ""name"""', '`a\\`b`']
 * ```
 */
export function quoteIdentifier(name: unknown, dialect: SqlDialect, field: string): string {
  if (typeof name !== 'string' || name === '' || name.length > 128 || name.includes('\u0000')) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field, rule: 'must be a non-empty identifier of at most 128 characters' } });
  }
  if (dialect === 'clickhouse') return `\`${name.replace(/[\\`]/g, (c) => `\\${c}`)}\``;
  return `"${name.replace(/"/g, '""')}"`;
}

/** A table name, or `[schema, name]`, quoted and joined with dots (internal). */
export function quoteTable(table: unknown, dialect: SqlDialect): string {
  const parts = typeof table === 'string' ? [table] : Array.isArray(table) && table.length > 0 ? (table as unknown[]) : [undefined];
  return parts.map((part, i) => quoteIdentifier(part, dialect, `table.${i}`)).join('.');
}
