import { CrmError } from '../errors';
import { clickhouseLiteral } from '../../core/sql/clickhouseLiteral';
import { type SqlDialect, quoteIdentifier, quoteTable, requireDialect } from '../../core/sql/dialect';
import { type SqlConsentOptions, consentColumnSql } from './consentFields';
import type { SegmentFieldType } from './fields';
import { type ParseSegmentRuleOptions, type RuleNode, type Scalar, resolveRule } from './parse';
import { withinLastWindow } from './window';

/**
 * Options for {@link toSql}.
 *
 * @example
 * ```ts
 * const options: ToSqlOptions = {
 *   table: ['crm', 'customer_segments'],
 *   columns: { tags: 'tags', 'rfm.r': 'rfm_r', lastPurchaseAt: 'last_purchase_at' },
 *   asOf: new Date('2026-03-01T00:00:00Z'),
 * };
 * ```
 */
export interface ToSqlOptions extends ParseSegmentRuleOptions {
  /** The table (or view) to select from: a name, or `[schema, name]`. Quoted as an identifier. */
  readonly table: string | readonly string[];
  /**
   * The column holding each rule field, by field name (`'rfm.r': 'rfm_r'`,
   * `'attributes.vipLevel': 'vip_level'`). Only fields the rule uses need a column. Column types:
   * text for string fields, a numeric type for numbers, timestamptz for dates, boolean, and text[]
   * for tags.
   */
  readonly columns: Readonly<Record<string, string>>;
  /** The instant `withinLast` counts back from; required only when the rule uses `withinLast`. */
  readonly asOf?: Date;
  /** Columns to select (quoted identifiers). Default: `*`. */
  readonly select?: readonly string[];
  /** Number of bind parameters already used before this clause (`$1` becomes `$(offset + 1)`). Default 0. */
  readonly paramOffset?: number;
  /**
   * The engine to write SQL for. Default `'postgres'`. `'duckdb'`: the same `$n` placeholders
   * with DuckDB types (tags a `VARCHAR[]` column). `'clickhouse'`: values inline through
   * {@link clickhouseLiteral} (ClickHouse 18.16 has no server-side parameters), `values` empty;
   * column types `Nullable(String)`, `Nullable(Float64)`, `Nullable(DateTime)` (whole seconds,
   * compared as epoch milliseconds), `Nullable(UInt8)` for booleans and `Array(String)` for tags.
   */
  readonly dialect?: SqlDialect;
  /**
   * The consent table: when given, `consent.<channel>` fields read the latest consent row the way
   * `consentStatus` does (see {@link SqlConsentOptions}). Default: the mapped flag columns.
   */
  readonly consent?: SqlConsentOptions;
}

/**
 * A parameterised query: `text` with `$1..$n` placeholders and their `values`, ready for `pg`'s
 * `client.query(text, values)` or DuckDB's `connection.run(text, values)` (for ClickHouse the
 * values are inline and `values` is empty); `where` is the condition alone, for composing your own
 * query with the same values.
 *
 * @example
 * ```ts
 * const q: SqlQuery = { text: 'SELECT * FROM "c" WHERE ("kind" IS NOT NULL AND "kind" = $1::text)', values: ['person'], where: '("kind" IS NOT NULL AND "kind" = $1::text)' };
 * ```
 */
export interface SqlQuery {
  readonly text: string;
  readonly values: unknown[];
  readonly where: string;
}

const CAST: Record<SqlDialect, Record<Exclude<SegmentFieldType, 'tags'>, string>> = {
  postgres: { string: 'text', number: 'double precision', date: 'timestamptz', boolean: 'boolean' },
  duckdb: { string: 'VARCHAR', number: 'DOUBLE', date: 'TIMESTAMPTZ', boolean: 'BOOLEAN' },
  clickhouse: { string: 'String', number: 'Float64', date: 'DateTime', boolean: 'UInt8' },
};

type ScalarType = Exclude<SegmentFieldType, 'tags'>;

class Builder {
  readonly values: unknown[] = [];
  constructor(
    private readonly options: ToSqlOptions,
    private readonly dialect: SqlDialect,
    private readonly offset: number,
    private readonly table: string,
  ) {}

  private get ch(): boolean {
    return this.dialect === 'clickhouse';
  }

  /** One value: a typed placeholder, or (ClickHouse only) a literal from the one escaper. */
  param(value: unknown, type: ScalarType): string {
    if (this.ch) return type === 'date' ? clickhouseLiteral(BigInt(value as number)) : clickhouseLiteral(value as string | number | boolean);
    this.values.push(type === 'date' ? new Date(value as number).toISOString() : value);
    return `$${this.offset + this.values.length}::${CAST[this.dialect][type]}`;
  }

  /** A list of values as an SQL list `(a, b)` (DuckDB, ClickHouse) or one array parameter (PostgreSQL). */
  list(vs: readonly Scalar[], type: ScalarType): string {
    if (this.dialect === 'postgres') {
      this.values.push([...vs]);
      return `$${this.offset + this.values.length}::${CAST.postgres[type]}[]`;
    }
    return vs.map((v) => this.param(v, type)).join(', ');
  }

  private get yes(): string {
    return this.ch ? '1' : 'TRUE';
  }

  private get no(): string {
    return this.ch ? '0' : 'FALSE';
  }

  column(name: string): string {
    const cols = this.options.columns;
    if (this.options.consent !== undefined && name.startsWith('consent.')) {
      if (this.dialect !== 'postgres') {
        throw new CrmError('INVALID_ARGUMENT', { params: { field: 'consent', rule: 'a consent table is read in the postgres dialect only' } });
      }
      const identifier = (n: unknown, field: string) => quoteIdentifier(n, 'postgres', field);
      const mapped = cols !== null && typeof cols === 'object' && Object.hasOwn(cols, name) ? identifier(cols[name], `columns.${name}`) : undefined;
      const param = (value: unknown, cast: string) => {
        this.values.push(value);
        return `$${this.offset + this.values.length}::${cast}`;
      };
      return consentColumnSql({ consent: this.options.consent, asOf: this.options.asOf, field: name, mainTable: this.table, fallback: mapped, identifier, param });
    }
    if (cols === null || typeof cols !== 'object' || !Object.hasOwn(cols, name)) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `columns.${name}`, rule: 'no column is mapped for this rule field' } });
    }
    return quoteIdentifier(cols[name], this.dialect, `columns.${name}`);
  }

  node(node: RuleNode): string {
    switch (node.kind) {
      case 'all':
        return node.children.length === 0 ? this.yes : `(${node.children.map((n) => this.node(n)).join(' AND ')})`;
      case 'any':
        return node.children.length === 0 ? this.no : `(${node.children.map((n) => this.node(n)).join(' OR ')})`;
      case 'not':
        return `(NOT ${this.node(node.child)})`;
      default:
        return this.condition(node);
    }
  }

  /** Every condition is `(col IS NOT NULL AND test)`: never NULL, so NOT and OR keep two-valued logic like the in-memory predicate. */
  condition(node: Extract<RuleNode, { kind: 'cond' }>): string {
    const col = this.column(node.field.name);
    const type = node.field.type;
    const value = node.value;
    const scalar: ScalarType = type === 'tags' ? 'string' : type;
    // ClickHouse 18 DateTime has whole seconds: dates compare as epoch milliseconds.
    const x = this.ch && type === 'date' ? `(toInt64(toUInt32(${col})) * 1000)` : col;
    const one = (v: unknown) => this.param(v, scalar);
    let test: string;
    switch (node.op) {
      case 'exists':
        if (type !== 'tags') return `(${col} IS NOT NULL)`;
        return this.dialect === 'postgres' ? `(${col} IS NOT NULL AND cardinality(${col}) > 0)` : this.ch ? `(notEmpty(${col}))` : `(${col} IS NOT NULL AND len(${col}) > 0)`;
      case 'eq':
        test = `${x} = ${one(value)}`;
        break;
      case 'neq':
        test = `${x} <> ${one(value)}`;
        break;
      case 'gt':
      case 'after':
        test = `${x} > ${one(value)}`;
        break;
      case 'gte':
        test = `${x} >= ${one(value)}`;
        break;
      case 'lt':
      case 'before':
        test = `${x} < ${one(value)}`;
        break;
      case 'lte':
        test = `${x} <= ${one(value)}`;
        break;
      case 'between':
      case 'withinLast': {
        const [lo, hi] = node.op === 'between' ? (value as [number, number]) : withinLastWindow(value, this.options.asOf);
        test = this.ch ? `${x} >= ${one(lo)} AND ${x} <= ${one(hi)}` : `${x} BETWEEN ${one(lo)} AND ${one(hi)}`;
        break;
      }
      case 'in':
      case 'notIn': {
        const vs = value as Scalar[];
        const member = this.dialect === 'postgres' ? `${col} = ANY(${this.list(vs, scalar)})` : vs.length === 0 ? this.no : `${col} IN (${this.list(vs, scalar)})`;
        test = node.op === 'in' ? member : `NOT (${member})`;
        break;
      }
      case 'contains':
        test = this.ch ? `position(${col}, ${one(value)}) > 0` : `strpos(${col}, ${one(value)}) > 0`;
        break;
      case 'startsWith':
        test = this.ch ? `startsWith(${col}, ${one(value)})` : `starts_with(${col}, ${one(value)})`;
        break;
      case 'hasTag':
        test = this.dialect === 'postgres' ? `COALESCE(${one(value)} = ANY(${col}), FALSE)` : this.ch ? `has(${col}, ${one(value)})` : `COALESCE(list_contains(${col}, ${one(value)}), FALSE)`;
        break;
      case 'hasAnyTag': {
        const vs = value as Scalar[];
        if (this.dialect === 'postgres') test = `${col} && ${this.list(vs, 'string')}`;
        else if (vs.length === 0) test = this.no;
        else test = this.ch ? `hasAny(${col}, [${this.list(vs, 'string')}])` : `list_has_any(${col}, [${this.list(vs, 'string')}])`;
        break;
      }
    }
    // ClickHouse 18 evaluates `0 AND NULL` to NULL, so its tests are made two-valued with ifNull.
    return this.ch ? `(${col} IS NOT NULL AND ifNull(${test}, 0))` : `(${col} IS NOT NULL AND ${test})`;
  }
}

/**
 * Compiles a segment rule to a parameterised PostgreSQL query, so adopters can run segmentation in
 * their own database. Every rule value travels as a bind parameter (`$1`, `$2`, ... with an
 * explicit cast); no value ever appears in the SQL text. Table and column names come only from
 * `options` (never from the rule) and are always quoted identifiers.
 *
 * The SQL agrees exactly with {@link compileSegment} (a differential test runs random rules against
 * PostgreSQL): a condition on a NULL column is false and `not` of it is true (each condition is
 * `(col IS NOT NULL AND test)`); `contains` is `strpos`, `startsWith` is `starts_with` (both
 * case-sensitive, no LIKE patterns); ordering operators apply only to numbers and dates, so
 * collation never matters; `withinLast` becomes a fixed window computed from `asOf` in JavaScript.
 * Requires PostgreSQL 11 or later (`starts_with`) and a UTF-8 database. With `dialect: 'duckdb'`
 * or `'clickhouse'` the same semantics hold on those engines (the same differential tests run on
 * DuckDB and on a ClickHouse cluster); in ClickHouse SQL every value is a literal written by
 * {@link clickhouseLiteral}, the one audited escaper.
 *
 * @param rule - a segment rule
 * @param options - {@link ToSqlOptions}: `table`, `columns`, `asOf`, `attributes`, `select`, `paramOffset`, `dialect`
 * @returns `{ text, values, where }`
 * @throws {CrmError} as {@link parseSegmentRule}; `INVALID_ARGUMENT` for a field without a mapped
 *   column or a bad identifier; `INVALID_DATE` when `withinLast` is used without a valid `asOf`
 *
 * @example
 * ```ts
 * import { toSql } from 'crmkit/segmentation';
 * const q = toSql(
 *   { all: [{ field: 'rfm.r', op: 'gte', value: 4 }, { field: 'displayName', op: 'contains', value: "'; DROP TABLE c; --" }] },
 *   { table: 'customers', columns: { 'rfm.r': 'rfm_r', displayName: 'display_name' } },
 * );
 * q.text;
 * //=> 'SELECT * FROM "customers" WHERE (("rfm_r" IS NOT NULL AND "rfm_r" >= $1::double precision) AND ("display_name" IS NOT NULL AND strpos("display_name", $2::text) > 0))'
 * q.values;
 * //=> [4, "'; DROP TABLE c; --"]
 * toSql({ field: 'rfm.r', op: 'in', value: [4, 5] }, { table: 'customers', columns: { 'rfm.r': 'rfm_r' }, dialect: 'clickhouse' }).where;
 * //=> "(`rfm_r` IS NOT NULL AND ifNull(`rfm_r` IN (toFloat64('4'), toFloat64('5')), 0))"
 * ```
 */
export function toSql(rule: unknown, options: ToSqlOptions): SqlQuery {
  if (options === null || typeof options !== 'object') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'options', rule: 'table and columns are required' } });
  }
  const dialect = requireDialect(options.dialect);
  const offset = options.paramOffset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'paramOffset', rule: 'must be a non-negative integer' } });
  }
  const tree = resolveRule(rule, options);
  const table = quoteTable(options.table, dialect);
  const select = options.select === undefined ? '*' : options.select.map((c, i) => quoteIdentifier(c, dialect, `select.${i}`)).join(', ');
  if (select === '') throw new CrmError('INVALID_ARGUMENT', { params: { field: 'select', rule: 'must name at least one column' } });
  const builder = new Builder(options, dialect, offset, table);
  const where = builder.node(tree);
  return { text: `SELECT ${select} FROM ${table} WHERE ${where}`, values: builder.values, where };
}
