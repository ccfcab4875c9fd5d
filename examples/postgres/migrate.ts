import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';

/** One schema migration: a name (applied in name order, once) and its SQL. */
export interface Migration {
  readonly name: string;
  readonly sql: string;
}

/**
 * The migrations shipped beside this file (`migrations/NNN_name.sql`), in name order.
 *
 * @returns every migration with its SQL text
 *
 * @example
 * ```ts
 * bundledMigrations().map((m) => m.name);
 * //=> ['001_customers.sql', '002_customer_records.sql', '003_loyalty_ledger.sql', '004_opportunities.sql', '005_ledger_pending.sql', '006_outbox.sql', '007_segments.sql']
 * ```
 */
export function bundledMigrations(): Migration[] {
  const dir = fileURLToPath(new URL('./migrations/', import.meta.url));
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(`${dir}${name}`, 'utf8') }));
}

/**
 * Splits a migration into statements at top-level semicolons, skipping `--` comments and keeping
 * quoted strings and dollar-quoted bodies whole (extended-protocol drivers run one statement a call).
 *
 * @param sql - the text of a migration
 * @returns its statements, without the trailing semicolons
 *
 * @example
 * ```ts
 * splitStatements("CREATE TABLE a (x text DEFAULT ';'); -- done;\nSELECT 1;");
 * //=> ["CREATE TABLE a (x text DEFAULT ';')", 'SELECT 1']
 * ```
 */
export function splitStatements(sql: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i] as string;
    if (ch === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end < 0 ? sql.length : end - 1;
      continue;
    }
    if (ch === "'" || ch === '"') {
      const end = sql.indexOf(ch, i + 1);
      const stop = end < 0 ? sql.length : end + 1;
      current += sql.slice(i, stop);
      i = stop - 1;
      continue;
    }
    const tag = ch === '$' ? /^\$[A-Za-z_]*\$/.exec(sql.slice(i))?.[0] : undefined;
    if (tag !== undefined) {
      const end = sql.indexOf(tag, i + tag.length);
      const stop = end < 0 ? sql.length : end + tag.length;
      current += sql.slice(i, stop);
      i = stop - 1;
      continue;
    }
    if (ch === ';') {
      if (current.trim()) out.push(current.trim());
      current = '';
      continue;
    }
    current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/**
 * Applies the migrations not yet applied, each in its own transaction, recording them in
 * `schema_migrations`. Safe to run from several processes at once: an advisory lock makes them
 * take turns, and a migration already recorded is skipped.
 *
 * @param db - the database (see {@link fromPgPool}, {@link fromPGlite})
 * @param migrations - what to apply; default {@link bundledMigrations}
 * @returns the names applied by this call
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * (await migrate(db)).length;
 * //=> 7
 * (await migrate(db)).length;
 * //=> 0
 * ```
 */
export async function migrate(db: Db, migrations: readonly Migration[] = bundledMigrations()): Promise<string[]> {
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      // 0x63726d6b = 'crmk': one lock key for crmkit's migrations in this database.
      await tx.query('SELECT pg_advisory_xact_lock(1668443499)');
      await tx.query('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [m.name]);
      if (seen.rows.length > 0) return false;
      for (const statement of splitStatements(m.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [m.name]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}
