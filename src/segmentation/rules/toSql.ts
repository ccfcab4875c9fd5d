import { CrmError } from '../../core/errors/CrmError';
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
   * The consent table: when given, `consent.<channel>` fields read the latest consent row the way
   * `consentStatus` does (see {@link SqlConsentOptions}). Default: the mapped flag columns.
   */
  readonly consent?: SqlConsentOptions;
}

/**
 * A parameterised PostgreSQL query: `text` with `$1..$n` placeholders and their `values`, ready
 * for `pg`'s `client.query(text, values)`; `where` is the condition alone, for composing your own
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

const CAST: Record<Exclude<SegmentFieldType, 'tags'>, string> = {
  string: 'text',
  number: 'double precision',
  date: 'timestamptz',
  boolean: 'boolean',
};

function identifier(name: unknown, field: string): string {
  if (typeof name !== 'string' || name === '' || name.length > 128 || name.includes('\u0000')) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field, rule: 'must be a non-empty identifier of at most 128 characters' } });
  }
  return `"${name.replace(/"/g, '""')}"`;
}

class Builder {
  readonly values: unknown[] = [];
  constructor(
    private readonly options: ToSqlOptions,
    private readonly offset: number,
    private readonly table: string,
  ) {}

  param(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.offset + this.values.length}::${cast}`;
  }

  column(name: string): string {
    const cols = this.options.columns;
    if (this.options.consent !== undefined && name.startsWith('consent.')) {
      const mapped = cols !== null && typeof cols === 'object' && Object.hasOwn(cols, name) ? identifier(cols[name], `columns.${name}`) : undefined;
      return consentColumnSql({ consent: this.options.consent, asOf: this.options.asOf, field: name, mainTable: this.table, fallback: mapped, identifier, param: (v, c) => this.param(v, c) });
    }
    if (cols === null || typeof cols !== 'object' || !Object.hasOwn(cols, name)) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: `columns.${name}`, rule: 'no column is mapped for this rule field' } });
    }
    return identifier(cols[name], `columns.${name}`);
  }

  node(node: RuleNode): string {
    switch (node.kind) {
      case 'all':
        return node.children.length === 0 ? 'TRUE' : `(${node.children.map((n) => this.node(n)).join(' AND ')})`;
      case 'any':
        return node.children.length === 0 ? 'FALSE' : `(${node.children.map((n) => this.node(n)).join(' OR ')})`;
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
    const cast = type === 'tags' ? 'text' : CAST[type];
    const one = (v: unknown) => this.param(type === 'date' ? new Date(v as number).toISOString() : v, cast);
    const list = (vs: readonly Scalar[]) => this.param([...vs], `${cast}[]`);
    let test: string;
    switch (node.op) {
      case 'exists':
        return type === 'tags' ? `(${col} IS NOT NULL AND cardinality(${col}) > 0)` : `(${col} IS NOT NULL)`;
      case 'eq':
        test = `${col} = ${one(value)}`;
        break;
      case 'neq':
        test = `${col} <> ${one(value)}`;
        break;
      case 'gt':
      case 'after':
        test = `${col} > ${one(value)}`;
        break;
      case 'gte':
        test = `${col} >= ${one(value)}`;
        break;
      case 'lt':
      case 'before':
        test = `${col} < ${one(value)}`;
        break;
      case 'lte':
        test = `${col} <= ${one(value)}`;
        break;
      case 'between': {
        const [lo, hi] = value as [number, number];
        test = `${col} BETWEEN ${one(lo)} AND ${one(hi)}`;
        break;
      }
      case 'withinLast': {
        const [lo, hi] = withinLastWindow(value, this.options.asOf);
        test = `${col} BETWEEN ${one(lo)} AND ${one(hi)}`;
        break;
      }
      case 'in':
        test = `${col} = ANY(${list(value as Scalar[])})`;
        break;
      case 'notIn':
        test = `NOT (${col} = ANY(${list(value as Scalar[])}))`;
        break;
      case 'contains':
        test = `strpos(${col}, ${one(value)}) > 0`;
        break;
      case 'startsWith':
        test = `starts_with(${col}, ${one(value)})`;
        break;
      case 'hasTag':
        test = `COALESCE(${one(value)} = ANY(${col}), FALSE)`;
        break;
      case 'hasAnyTag':
        test = `${col} && ${list(value as Scalar[])}`;
        break;
    }
    return `(${col} IS NOT NULL AND ${test})`;
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
 * Requires PostgreSQL 11 or later (`starts_with`) and a UTF-8 database.
 *
 * @param rule - a segment rule
 * @param options - {@link ToSqlOptions}: `table`, `columns`, `asOf`, `attributes`, `select`, `paramOffset`
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
 * ```
 */
export function toSql(rule: unknown, options: ToSqlOptions): SqlQuery {
  if (options === null || typeof options !== 'object') {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'options', rule: 'table and columns are required' } });
  }
  const offset = options.paramOffset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'paramOffset', rule: 'must be a non-negative integer' } });
  }
  const tree = resolveRule(rule, options);
  const table = (typeof options.table === 'string' ? [options.table] : Array.isArray(options.table) ? options.table : [undefined])
    .map((part, i) => identifier(part, `table.${i}`))
    .join('.');
  const select = options.select === undefined ? '*' : options.select.map((c, i) => identifier(c, `select.${i}`)).join(', ');
  if (select === '') throw new CrmError('INVALID_ARGUMENT', { params: { field: 'select', rule: 'must name at least one column' } });
  const builder = new Builder(options, offset, table);
  const where = builder.node(tree);
  return { text: `SELECT ${select} FROM ${table} WHERE ${where}`, values: builder.values, where };
}
