// The database the PostgreSQL repository tests run on: PGlite (in-process, one connection) by
// default, or a real server when PG_URL is set, through a pool of several connections so that
// concurrent calls really run in parallel. On a server the tables live in a schema of their own,
// dropped at the end, so runs never meet each other or other tables.
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPGlite, fromPgPool, migrate, type Db } from '../../examples/postgres';

export interface TestDatabase {
  readonly db: Db;
  readonly name: string;
  /** Empties every table (between tests: each contract test wants fresh, empty repositories). */
  reset(): Promise<void>;
  close(): Promise<void>;
}

const TABLES = 'customers, customer_tags, customer_external_ids, transactions, interactions, loyalty_ledger, loyalty_balances, opportunities, customer_metrics, outbox, segments';

export async function openTestDatabase(): Promise<TestDatabase> {
  const url = process.env.PG_URL;
  let db: Db;
  let name: string;
  let close: () => Promise<void>;
  if (url) {
    const schema = `crmkit_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const pool = new pg.Pool({ connectionString: url, max: 8, options: `-c search_path=${schema}` });
    db = fromPgPool(pool);
    name = 'PostgreSQL server (PG_URL), pool of 8';
    close = async () => {
      await pool.end();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    };
  } else {
    const lite = new PGlite();
    db = fromPGlite(lite);
    name = 'PGlite';
    close = () => lite.close();
  }
  await migrate(db);
  return { db, name, reset: async () => void (await db.query(`TRUNCATE ${TABLES}`)), close };
}
