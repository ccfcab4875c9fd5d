// PostgreSQL for the consent SQL test: PGlite by default, a server when PG_URL is set.
// The database the differential suite runs against: PGlite (in-process PostgreSQL) by default, or a
// real PostgreSQL server when PG_URL is set (PG_URL=postgres://user:pass@host:5432/db npx vitest run test/segmentation).
export interface SqlDatabase {
  query(text: string, values?: unknown[]): Promise<Record<string, unknown>[]>;
  exec(text: string): Promise<void>;
  close(): Promise<void>;
  readonly name: string;
}

export async function openDatabase(): Promise<SqlDatabase> {
  const url = process.env.PG_URL;
  if (url) {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return {
      name: 'PostgreSQL server (PG_URL)',
      query: async (text, values) => (await client.query(text, values)).rows,
      exec: async (text) => {
        await client.query(text);
      },
      close: () => client.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite();
  return {
    name: 'PGlite',
    query: async (text, values) => (await db.query<Record<string, unknown>>(text, values)).rows,
    exec: async (text) => {
      await db.exec(text);
    },
    close: () => db.close(),
  };
}
