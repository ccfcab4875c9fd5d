/**
 * `npm run demo:postgres`: the quickstart (examples/quickstart.ts) on PostgreSQL. With no
 * configuration it runs on PGlite, PostgreSQL compiled to WebAssembly, in this process: nothing to
 * install. With `PG_URL=postgres://user:password@host:5432/db` the same code runs on that server,
 * in a schema of its own that is dropped at the end (nothing is left behind).
 */
import { quickstart } from '../quickstart';
import { bundledMigrations, createPostgresRepositories, openDatabase } from './index';

const { db, name, close } = await openDatabase({ url: process.env.PG_URL, schemaPrefix: 'crmkit_demo', poolSize: 4 });
try {
  console.log(`migrations applied: ${bundledMigrations().map((m) => m.name).join(', ')}\n`);
  const repositories = createPostgresRepositories(db);
  await quickstart(repositories, name);
  console.log(`\nStored in PostgreSQL: ${await repositories.customers.count()} customers; read back through the same repository interfaces as the in-memory demo.`);
} finally {
  await close();
}
