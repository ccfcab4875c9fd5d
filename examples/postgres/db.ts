import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

/**
 * What one SQL statement returns: its rows (column name to value, as the driver parsed them) and
 * how many rows it inserted, updated or deleted.
 *
 * @typeParam R - the row shape
 */
export interface SqlResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

/**
 * Something that runs parameterised SQL: a connection, or a transaction on one.
 *
 * @example
 * ```ts
 * const count = async (q: Queryable) => (await q.query<{ n: number }>('SELECT count(*)::int AS n FROM customers')).rows[0]?.n;
 * ```
 */
export interface Queryable {
  /** Runs one statement with `$1, $2, ...` placeholders bound to `values` (never spliced into the text). */
  query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<SqlResult<R>>;
}

/**
 * The small database interface the PostgreSQL repositories need: run a statement, or run a function
 * inside a transaction on one connection (committed when it resolves, rolled back when it throws).
 * {@link fromPgPool} and {@link fromPGlite} adapt a `pg.Pool` and a PGlite instance to it.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db: Db = fromPGlite(new PGlite());
 * await db.transaction((tx) => tx.query('SELECT 1'));
 * ```
 */
export interface Db extends Queryable {
  /**
   * Runs `work` in a READ COMMITTED transaction on one connection. Every statement of the
   * transaction must go through `tx`; the transaction commits when `work` resolves and rolls back
   * when it throws (the error is rethrown).
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

/**
 * Adapts a node-postgres pool: statements outside a transaction take any free connection; a
 * transaction holds one connection from BEGIN to COMMIT, so several transactions run in parallel
 * (the real concurrency the contract suites' conflicting saves and redemptions exercise).
 *
 * @param pool - a `pg.Pool` (`new pg.Pool({ connectionString })`)
 * @returns the {@link Db} over it
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const db = fromPgPool(new pg.Pool({ connectionString: process.env.PG_URL }));
 * ```
 */
export function fromPgPool(pool: Pool): Db {
  const wrap = (client: Pool | PoolClient): Queryable => ({
    async query<R>(text: string, values?: readonly unknown[]): Promise<SqlResult<R>> {
      const r = await client.query(text, values as unknown[] | undefined);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
    },
  });
  const direct = wrap(pool);
  return {
    query: direct.query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          // A connection that cannot even roll back is not returned to the pool.
          broken = rollbackError;
        }
        throw e;
      } finally {
        client.release(broken instanceof Error ? broken : undefined);
      }
    },
  };
}

/**
 * Adapts PGlite (PostgreSQL compiled to WebAssembly, in-process: no server to install). PGlite has
 * one connection: its transactions run one at a time and a plain statement waits for an open
 * transaction to end, so "concurrent" calls interleave at statement boundaries instead of running
 * in parallel. The repositories' guarantees hold either way.
 *
 * @param pg - a PGlite instance (`new PGlite()` for an in-memory database)
 * @returns the {@link Db} over it
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * (await db.query<{ one: number }>('SELECT 1 AS one')).rows;
 * //=> [{ one: 1 }]
 * ```
 */
export function fromPGlite(pg: PGlite): Db {
  const wrap = (client: PGlite | PGliteTransaction): Queryable => ({
    async query<R>(text: string, values?: readonly unknown[]): Promise<SqlResult<R>> {
      const r = await client.query<R>(text, values as unknown[] | undefined);
      return { rows: r.rows, rowCount: r.affectedRows ?? 0 };
    },
  });
  const direct = wrap(pg);
  return {
    query: direct.query,
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => pg.transaction((tx) => work(wrap(tx))),
  };
}

let savepoints = 0;

/**
 * A {@link Db} whose statements run inside an open transaction `tx`: the repositories built over it
 * write in that transaction, so a change and its outbox messages commit (or roll back) together.
 * Its own `transaction` is a savepoint: when `work` throws, only what `work` did is undone and the
 * error is rethrown; the outer transaction carries on.
 *
 * @param tx - the transaction, as given to `db.transaction(work)`
 * @returns a {@link Db} over it
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await db.transaction(async (tx) => {
 *   const inner = withinTransaction(tx);
 *   await inner.transaction((t) => t.query('SELECT 1'));
 * });
 * ```
 */
export function withinTransaction(tx: Queryable): Db {
  return {
    query: (text, values) => tx.query(text, values),
    async transaction<T>(work: (inner: Queryable) => Promise<T>): Promise<T> {
      const name = `crmkit_sp_${++savepoints}`;
      await tx.query(`SAVEPOINT ${name}`);
      try {
        const result = await work(tx);
        await tx.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (e) {
        await tx.query(`ROLLBACK TO SAVEPOINT ${name}`);
        throw e;
      }
    },
  };
}
