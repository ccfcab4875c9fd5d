// The SQL engines the pushdown differential tests run on, behind one small interface:
// - PostgreSQL: PGlite (in-process) always; a real server too when PG_URL is set (CI);
// - DuckDB (@duckdb/node-api, in-process) always;
// - ClickHouse when CLICKHOUSE_URL is set (CI: .ci/clickhouse-start starts a two-shard cluster and
//   sets CLICKHOUSE_SHARDS and CLICKHOUSE_CLUSTER; tables are then Distributed over every shard).
import type { SqlDialect } from 'crmkit/core';

export type ColumnType = 'string' | 'number' | 'date' | 'boolean' | 'tags' | 'int';
export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  /** NOT NULL (ClickHouse: not Nullable, so it can shard on it). Default false. */
  readonly required?: boolean;
}
/** A cell: string, number, boolean, Date, string[] (tags) or null. */
export type Cell = string | number | boolean | Date | readonly string[] | null;

export interface Engine {
  readonly name: string;
  readonly dialect: SqlDialect;
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Creates `table` (replacing it) and loads `rows`. */
  load(table: string, columns: readonly ColumnSpec[], rows: Iterable<readonly Cell[]>): Promise<void>;
  close(): Promise<void>;
}

const dq = (x: string) => `"${x.replace(/"/g, '""')}"`;
const bq = (x: string) => `\`${x.replace(/[\\`]/g, (c) => `\\${c}`)}\``;

const PG_TYPES: Record<ColumnType, string> = { string: 'text', number: 'double precision', date: 'timestamptz', boolean: 'boolean', tags: 'text[]', int: 'bigint' };
const DUCK_TYPES: Record<ColumnType, string> = { string: 'VARCHAR', number: 'DOUBLE', date: 'TIMESTAMPTZ', boolean: 'BOOLEAN', tags: 'VARCHAR[]', int: 'BIGINT' };
const CH_TYPES: Record<ColumnType, string> = { string: 'String', number: 'Float64', date: 'DateTime', boolean: 'UInt8', tags: 'Array(String)', int: 'Int64' };

const pgCell = (v: Cell): unknown => (v instanceof Date ? v.toISOString() : v);

function* batches<T>(rows: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const r of rows) {
    batch.push(r);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

interface PgLike {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}
function postgresEngine(name: string, client: PgLike, close: () => Promise<void>): Engine {
  return {
    name,
    dialect: 'postgres',
    query: async (text, values) => (await client.query(text, values)).rows,
    async load(table, columns, rows) {
      await client.query(`DROP TABLE IF EXISTS ${dq(table)}`);
      await client.query(`CREATE TABLE ${dq(table)} (${columns.map((c) => `${dq(c.name)} ${PG_TYPES[c.type]}${c.required ? ' NOT NULL' : ''}`).join(', ')})`);
      const per = Math.max(1, Math.floor(30_000 / columns.length));
      for (const batch of batches(rows, per)) {
        const values: unknown[] = [];
        const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(pgCell(v))}`).join(', ')})`);
        await client.query(`INSERT INTO ${dq(table)} VALUES ${tuples.join(', ')}`, values);
      }
    },
    close,
  };
}

export async function openPglite(): Promise<Engine> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  return postgresEngine('PGlite', db, () => db.close());
}

export async function openPostgresServer(url: string): Promise<Engine> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return postgresEngine('PostgreSQL server (PG_URL)', client, () => client.end());
}

export async function openDuckdb(): Promise<Engine> {
  const duck = await import('@duckdb/node-api');
  const instance = await duck.DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  return {
    name: 'DuckDB',
    dialect: 'duckdb',
    async query(text, values) {
      // JS numbers bind as DOUBLE (the driver would infer BIGINT for integral ones, and fail on 1e21).
      const types = values?.map((v) => (typeof v === 'number' ? duck.DOUBLE : undefined));
      const reader = await conn.runAndReadAll(text, values as never, types as never);
      return reader.getRowObjectsJS() as Record<string, unknown>[];
    },
    async load(table, columns, rows) {
      await conn.run(`CREATE OR REPLACE TABLE ${dq(table)} (${columns.map((c) => `${dq(c.name)} ${DUCK_TYPES[c.type]}${c.required ? ' NOT NULL' : ''}`).join(', ')})`);
      const appender = await conn.createAppender(table);
      for (const row of rows) {
        row.forEach((v, i) => {
          const type = (columns[i] as ColumnSpec).type;
          if (v === null) appender.appendNull();
          else if (type === 'date') appender.appendTimestampTZ(duck.timestampTZValue(BigInt((v as Date).getTime()) * 1000n));
          else if (type === 'tags') appender.appendList(duck.listValue(v as string[]), duck.LIST(duck.VARCHAR));
          else if (type === 'int') appender.appendBigInt(BigInt(v as number));
          else if (type === 'number') appender.appendDouble(v as number);
          else if (type === 'boolean') appender.appendBoolean(v as boolean);
          else appender.appendVarchar(v as string);
        });
        appender.endRow();
      }
      appender.closeSync();
    },
    async close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** ClickHouse over HTTP (JSON formats). With several shards, `load` creates a local table on each and a Distributed table over them. */
export function openClickhouse(url: string, shards: readonly string[] = [url], cluster?: string): Engine {
  async function post(base: string, body: string, settings = ''): Promise<string> {
    const res = await fetch(`${base.replace(/\/$/, '')}/?${settings}`, { method: 'POST', body });
    const text = await res.text();
    if (!res.ok) throw new Error(`ClickHouse: ${text.slice(0, 500)}`);
    return text;
  }
  const chCell = (v: Cell, type: ColumnType): unknown => {
    // ClickHouse arrays cannot be NULL: a missing tag list is the empty one (the same rule outcomes).
    if (v === null) return type === 'tags' ? [] : null;
    if (type === 'date') return Math.floor((v as Date).getTime() / 1000);
    if (type === 'boolean') return v ? 1 : 0;
    // JSON has no infinities; ClickHouse reads them from the strings "inf" and "-inf".
    if (typeof v === 'number' && !Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
    return v;
  };
  return {
    name: cluster && shards.length > 1 ? `ClickHouse cluster (${shards.length} shards)` : 'ClickHouse',
    dialect: 'clickhouse',
    async query(text, values) {
      if (values !== undefined && values.length > 0) throw new Error('ClickHouse queries carry no parameters');
      const out = JSON.parse(await post(url, `${text} FORMAT JSON`, 'output_format_json_quote_64bit_integers=0')) as { data: Record<string, unknown>[] };
      return out.data;
    },
    async load(table, columns, rows) {
      const distributed = cluster !== undefined && shards.length > 1;
      const local = distributed ? `${table}_local` : table;
      const cols = columns.map((c) => `${bq(c.name)} ${c.required || c.type === 'tags' ? CH_TYPES[c.type] : `Nullable(${CH_TYPES[c.type]})`}`).join(', ');
      for (const shard of distributed ? shards : [url]) {
        await post(shard, `DROP TABLE IF EXISTS ${bq(local)}`);
        await post(shard, `CREATE TABLE ${bq(local)} (${cols}) ENGINE = MergeTree() ORDER BY tuple()`);
      }
      if (distributed) {
        await post(url, `DROP TABLE IF EXISTS ${bq(table)}`);
        const key = columns.find((c) => c.required && c.type === 'string');
        await post(url, `CREATE TABLE ${bq(table)} AS ${bq(local)} ENGINE = Distributed(${bq(cluster)}, currentDatabase(), ${bq(local)}, ${key ? `cityHash64(${bq(key.name)})` : 'rand()'})`);
      }
      for (const batch of batches(rows, 50_000)) {
        const body = batch.map((row) => JSON.stringify(Object.fromEntries(row.map((v, i) => [(columns[i] as ColumnSpec).name, chCell(v, (columns[i] as ColumnSpec).type)])))).join('\n');
        await post(url, `INSERT INTO ${bq(table)} FORMAT JSONEachRow\n${body}`, 'insert_distributed_sync=1');
      }
    },
    async close() {},
  };
}

/** Every engine available here: PGlite and DuckDB always, plus PG_URL and CLICKHOUSE_URL when set. */
export async function openEngines(): Promise<Engine[]> {
  const engines = [await openPglite(), await openDuckdb()];
  if (process.env.PG_URL) engines.push(await openPostgresServer(process.env.PG_URL));
  const ch = process.env.CLICKHOUSE_URL;
  if (ch) engines.push(openClickhouse(ch, (process.env.CLICKHOUSE_SHARDS ?? ch).split(','), process.env.CLICKHOUSE_CLUSTER));
  return engines;
}
