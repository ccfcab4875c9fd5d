import { clickhouseLiteral } from './clickhouseLiteral';
import { type SqlDialect, quoteIdentifier } from './dialect';

type ParamType = 'text' | 'int' | 'float' | 'timestamp';

const TYPES: Record<Exclude<SqlDialect, 'clickhouse'>, Record<ParamType, string>> = {
  postgres: { text: 'text', int: 'bigint', float: 'double precision', timestamp: 'timestamptz' },
  duckdb: { text: 'VARCHAR', int: 'BIGINT', float: 'DOUBLE', timestamp: 'TIMESTAMPTZ' },
};

/**
 * Writes the dialect-specific pieces of the summary queries (internal): placeholders or
 * ClickHouse literals, epoch milliseconds, exact integer division, filtered aggregates. Every
 * value goes through {@link SqlWriter.param}; identifiers through {@link SqlWriter.id}.
 */
export class SqlWriter {
  readonly values: unknown[] = [];
  constructor(
    readonly dialect: SqlDialect,
    private readonly offset = 0,
  ) {}

  private get ch(): boolean {
    return this.dialect === 'clickhouse';
  }

  /** A value: `$n::type`, or for ClickHouse a literal (timestamps as epoch-millisecond integers). */
  param(value: string | number | Date, type: ParamType): string {
    if (this.dialect === 'clickhouse') {
      if (value instanceof Date) return clickhouseLiteral(BigInt(value.getTime()));
      return type === 'int' ? clickhouseLiteral(BigInt(value as number)) : clickhouseLiteral(value);
    }
    this.values.push(value instanceof Date ? value.toISOString() : value);
    return `$${this.offset + this.values.length}::${TYPES[this.dialect][type]}`;
  }

  id(name: unknown, field: string): string {
    return quoteIdentifier(name, this.dialect, field);
  }

  /** Integer milliseconds since 1970-01-01T00:00:00Z of a timestamp column (ClickHouse: DateTime, whole seconds). */
  epochMs(col: string): string {
    if (this.dialect === 'postgres') return `floor(extract(epoch from ${col}) * 1000)`;
    if (this.dialect === 'duckdb') return `epoch_ms(${col})`;
    return `(toInt64(toUInt32(${col})) * 1000)`;
  }

  /** `col` at or before the instant `at` (index-friendly where the engine allows). */
  notAfter(col: string, at: Date): string {
    return this.ch ? `${this.epochMs(col)} <= ${this.param(at, 'timestamp')}` : `${col} <= ${this.param(at, 'timestamp')}`;
  }

  /** floor(a / b) for integers of any sign and a positive integer b, exact. */
  floorDiv(a: string, b: number): string {
    if (this.dialect === 'postgres') return `floor((${a})::numeric / ${b})`;
    if (this.dialect === 'duckdb') return `CAST(floor((${a}) / ${b}) AS BIGINT)`;
    return `toInt64(floor((${a}) / ${b}))`;
  }

  /** Truncating integer division of non-negative integers, exact at any size. */
  intDiv(a: string, b: string): string {
    if (this.dialect === 'postgres') return `div((${a})::numeric, (${b})::numeric)`;
    if (this.dialect === 'duckdb') return `((${a}) // (${b}))`;
    return `intDiv(${a}, ${b})`;
  }

  /** A float64 result column (every driver returns it as a JS number, exact below 2^53). */
  float(expr: string): string {
    if (this.dialect === 'postgres') return `(${expr})::double precision`;
    if (this.dialect === 'duckdb') return `CAST(${expr} AS DOUBLE)`;
    return `toFloat64(${expr})`;
  }

  /** count of rows where `cond` holds. */
  countIf(cond: string): string {
    return this.ch ? `countIf(${cond})` : `count(*) FILTER (WHERE ${cond})`;
  }

  /** sum of `x` where `cond` holds; 0 when none. */
  sumIf(x: string, cond: string): string {
    return this.ch ? `sumIf(${x}, ${cond})` : `COALESCE(sum(${x}) FILTER (WHERE ${cond}), 0)`;
  }

  /** min / max of `x` where `cond` holds (only meaningful when some row does). */
  minIf(x: string, cond: string): string {
    return this.ch ? `minIf(${x}, ${cond})` : `min(${x}) FILTER (WHERE ${cond})`;
  }

  maxIf(x: string, cond: string): string {
    return this.ch ? `maxIf(${x}, ${cond})` : `max(${x}) FILTER (WHERE ${cond})`;
  }

  /** `x` of the row with the smallest `key` where `cond` holds (keys are distinct). */
  argMinIf(x: string, key: string, cond: string): string {
    if (this.dialect === 'postgres') return `(array_agg(${x} ORDER BY ${key}) FILTER (WHERE ${cond}))[1]`;
    if (this.dialect === 'duckdb') return `arg_min(${x}, ${key}) FILTER (WHERE ${cond})`;
    return `argMinIf(${x}, ${key}, ${cond})`;
  }

  /** `expr` when `cond` holds, else NULL. */
  nullUnless(cond: string, expr: string): string {
    return this.ch ? `if(${cond}, ${expr}, NULL)` : `CASE WHEN ${cond} THEN ${expr} END`;
  }

  /**
   * total / n rounded half to even, for a non-negative integer total and integer n >= 0 (0 when
   * n = 0): the rounding `Money.dividedBy(n, 'half-even')` applies to minor units.
   */
  halfEvenDiv(total: string, n: string): string {
    // ClickHouse evaluates every CASE branch, so the quotient must not divide by zero even when n = 0.
    const q = this.intDiv(total, this.ch ? `greatest(${n}, 1)` : n);
    const r2 = `2 * ((${total}) - ${q} * (${n}))`;
    const mod2 = this.ch ? `(${q} % 2)` : `mod(${q}, 2)`;
    return `CASE WHEN (${n}) = 0 THEN 0 WHEN ${r2} > (${n}) THEN ${q} + 1 WHEN ${r2} = (${n}) THEN ${q} + ${mod2} ELSE ${q} END`;
  }
}
