/**
 * `npm run demo:postgres`: the quickstart (examples/quickstart.ts) on PostgreSQL. With no
 * configuration it runs on PGlite, PostgreSQL compiled to WebAssembly, in this process: nothing to
 * install. With `PG_URL=postgres://user:password@host:5432/db` the same code runs on that server,
 * in a schema of its own that is dropped at the end (nothing is left behind).
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { quickstart } from '../quickstart';
import { createPostgresRepositories, fromPGlite, fromPgPool, migrate, type Db } from './index';

const url = process.env.PG_URL;
let db: Db;
let storage: string;
let close: () => Promise<void>;
if (url) {
  const schema = `crmkit_demo_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const version = (await admin.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pool = new pg.Pool({ connectionString: url, max: 4, options: `-c search_path=${schema}` });
  db = fromPgPool(pool);
  storage = `PostgreSQL server ${version}, schema ${schema}`;
  close = async () => {
    await pool.end();
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  };
} else {
  const lite = new PGlite();
  db = fromPGlite(lite);
  storage = 'PostgreSQL on PGlite, in process';
  close = () => lite.close();
}

try {
  const applied = await migrate(db);
  console.log(`migrations applied: ${applied.join(', ')}\n`);
  const repositories = createPostgresRepositories(db);
  await quickstart(repositories, storage);
  console.log(`\nStored in PostgreSQL: ${await repositories.customers.count()} customers; read back through the same repository interfaces as the in-memory demo.`);
} finally {
  await close();
}
