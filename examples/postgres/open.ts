import { PGlite } from '@electric-sql/pglite';
import type { Db } from './db';
import { fromPGlite, fromPgPool } from './db';
import { migrate } from './migrate';

/**
 * An open, migrated database: the {@link Db}, a line saying what it is, and `close`.
 *
 * @example
 * ```ts
 * const describe = (d: OpenDatabase) => d.name;
 * ```
 */
export interface OpenDatabase {
  readonly db: Db;
  /** 'PGlite (in process)' or 'PostgreSQL 15.x, schema ...'. */
  readonly name: string;
  /** Closes the connections (on a server: drops the schema first when it was made for this run). */
  close(): Promise<void>;
}

/**
 * Opens the database the examples run on and applies the migrations: PGlite in this process when
 * `url` is undefined (nothing to install; an in-memory database), otherwise the PostgreSQL server at
 * `url` through a `pg` pool, in a schema of its own (`<schemaPrefix>_<pid>_<random>`) that `close`
 * drops, so runs never meet each other or your tables. `pg` is loaded only then.
 *
 * @param options - `url` (default: none, PGlite), `schemaPrefix` (default `crmkit`), `poolSize`
 *   (connections on a server, default 8)
 * @returns the migrated database
 *
 * @example
 * ```ts
 * const { db, name, close } = await openDatabase();
 * name;
 * //=> 'PGlite (in process)'
 * await close();
 * ```
 */
export async function openDatabase(options: { readonly url?: string | undefined; readonly schemaPrefix?: string; readonly poolSize?: number } = {}): Promise<OpenDatabase> {
  const { url, schemaPrefix = 'crmkit', poolSize = 8 } = options;
  if (!url) {
    const lite = new PGlite();
    const db = fromPGlite(lite);
    await migrate(db);
    return { db, name: 'PGlite (in process)', close: () => lite.close() };
  }
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schemaPrefix)) throw new Error('schemaPrefix: lower-case letters, digits and _ only');
  const { default: pg } = await import('pg');
  const schema = `${schemaPrefix}_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c search_path=${schema}` });
  const db = fromPgPool(pool);
  await migrate(db);
  return {
    db,
    name: `PostgreSQL ${version}, schema ${schema}`,
    close: async () => {
      await pool.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
