import { CrmError } from 'crmkit/core';
import { CustomerSchema, type Customer } from 'crmkit/customer';
import type { CustomerRepository, ListOptions, Page, SaveOptions, StreamOptions } from 'crmkit/repository';
import { normalizeTag } from 'crmkit/validation';
import type { Db, Queryable } from './db';
import { checkExpectedVersion, inRequestedOrder, decodeCursor, pageLimit, pageOf, unstorableAsInvalid, validationFailed, versionConflict } from './sql';

interface CustomerRow {
  readonly id: string;
  readonly document: unknown;
}

const COLUMNS = 'c.id, c.document';
const revive = (row: CustomerRow): Customer => CustomerSchema.parse(row.document);
const after = (options: ListOptions): string | null => (options.cursor === undefined ? null : (decodeCursor(options.cursor, 1)[0] as string));

/**
 * {@link CustomerRepository} on PostgreSQL (tables from `migrations/001_customers.sql`).
 *
 * - `save` is a compare-and-set in one statement: `UPDATE ... WHERE id = $1 AND version = $2`. Of
 *   several writers holding the same version, the first UPDATE takes the row lock; the others wait
 *   for its commit, re-check `version` against the new row and update nothing, so exactly one wins.
 *   An insert is `INSERT ... ON CONFLICT (id) DO NOTHING`: no row inserted means `DUPLICATE_ID`.
 * - The tag and external-id tables are rewritten in the same transaction as the row, so finders
 *   never see old values; a delete cascades to them.
 * - Pages are keyset pages on `id` (`WHERE id > $cursor ORDER BY id LIMIT n + 1`).
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await migrate(db);
 * const customers = new PostgresCustomerRepository(db);
 * await customers.count();
 * //=> 0
 * ```
 */
export class PostgresCustomerRepository implements CustomerRepository {
  /** @param db - the database, migrated (see {@link migrate}) */
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<Customer | undefined> {
    const { rows } = await this.db.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers c WHERE c.id = $1`, [id]);
    return rows[0] && revive(rows[0]);
  }

  async getMany(ids: readonly string[]): Promise<Customer[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.db.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers c WHERE c.id = ANY($1::text[])`, [[...ids]]);
    return inRequestedOrder(ids, rows, revive);
  }

  async save(customer: Customer, options: SaveOptions = {}): Promise<Customer> {
    const parsed = CustomerSchema.safeParse(customer);
    if (!parsed.success) throw validationFailed('customer', parsed.error.issues);
    const expected = options.expectedVersion ?? customer.version - 1;
    checkExpectedVersion(expected);
    const stored: Customer = { ...parsed.data, version: expected + 1 };
    const document = JSON.stringify(stored);
    try {
      await this.db.transaction(async (tx) => {
        if (expected === 0) await insertRow(tx, stored, document);
        else await updateRow(tx, stored, document, expected);
        await writeIndexes(tx, stored);
      });
    } catch (e) {
      throw unstorableAsInvalid('customer', e);
    }
    return CustomerSchema.parse(JSON.parse(document));
  }

  async delete(id: string, options: SaveOptions = {}): Promise<void> {
    const expected = options.expectedVersion ?? null;
    checkExpectedVersion(expected);
    const deleted = await this.db.query('DELETE FROM customers WHERE id = $1 AND ($2::int IS NULL OR version = $2::int)', [id, expected]);
    if (deleted.rowCount > 0) return;
    const { rows } = await this.db.query<{ version: number }>('SELECT version FROM customers WHERE id = $1', [id]);
    const current = rows[0];
    if (current === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id }, details: { id } });
    throw conflict(id, expected as number, current.version);
  }

  async list(options: ListOptions = {}): Promise<Page<Customer>> {
    const limit = pageLimit(options.limit);
    const { rows } = await this.db.query<CustomerRow>(
      `SELECT ${COLUMNS} FROM customers c WHERE ($1::text IS NULL OR c.id > $1::text) ORDER BY c.id LIMIT $2`,
      [after(options), limit + 1],
    );
    return pageOf(rows, limit, revive, (r) => [r.id]);
  }

  async *stream(options: StreamOptions = {}): AsyncIterable<Customer> {
    const limit = Math.min(Math.max(1, Math.trunc(options.batchSize ?? 500)), 1000);
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit, ...(cursor !== undefined && { cursor }) });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async findByTag(tag: string, options: ListOptions = {}): Promise<Page<Customer>> {
    const limit = pageLimit(options.limit);
    const { rows } = await this.db.query<CustomerRow>(
      `SELECT ${COLUMNS} FROM customer_tags t JOIN customers c ON c.id = t.customer_id
       WHERE t.tag = $1 AND ($2::text IS NULL OR t.customer_id > $2::text) ORDER BY t.customer_id LIMIT $3`,
      [normalizeTag(tag), after(options), limit + 1],
    );
    return pageOf(rows, limit, revive, (r) => [r.id]);
  }

  async findByOwner(ownerId: string, options: ListOptions = {}): Promise<Page<Customer>> {
    const limit = pageLimit(options.limit);
    const { rows } = await this.db.query<CustomerRow>(
      `SELECT ${COLUMNS} FROM customers c WHERE c.owner_id = $1 AND ($2::text IS NULL OR c.id > $2::text) ORDER BY c.id LIMIT $3`,
      [ownerId, after(options), limit + 1],
    );
    return pageOf(rows, limit, revive, (r) => [r.id]);
  }

  async findByExternalId(system: string, externalId: string): Promise<Customer | undefined> {
    const { rows } = await this.db.query<CustomerRow>(
      `SELECT ${COLUMNS} FROM customer_external_ids e JOIN customers c ON c.id = e.customer_id
       WHERE e.system = $1 AND e.external_id = $2 ORDER BY e.customer_id LIMIT 1`,
      [system, externalId],
    );
    return rows[0] && revive(rows[0]);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM customers');
    return Number(rows[0]?.n ?? 0);
  }
}

const conflict = (id: string, expected: number, actual: number): CrmError => versionConflict('customer', id, expected, actual);

async function insertRow(tx: Queryable, c: Customer, document: string): Promise<void> {
  const inserted = await tx.query('INSERT INTO customers (id, version, owner_id, document) VALUES ($1, 1, $2, $3::jsonb) ON CONFLICT (id) DO NOTHING', [
    c.id,
    c.ownerId ?? null,
    document,
  ]);
  if (inserted.rowCount === 0) throw new CrmError('DUPLICATE_ID', { params: { entity: 'customer', id: c.id }, details: { id: c.id } });
}

async function updateRow(tx: Queryable, c: Customer, document: string, expected: number): Promise<void> {
  const updated = await tx.query('UPDATE customers SET version = $2::int + 1, owner_id = $3, document = $4::jsonb WHERE id = $1 AND version = $2::int', [
    c.id,
    expected,
    c.ownerId ?? null,
    document,
  ]);
  if (updated.rowCount === 1) {
    await tx.query('DELETE FROM customer_tags WHERE customer_id = $1', [c.id]);
    await tx.query('DELETE FROM customer_external_ids WHERE customer_id = $1', [c.id]);
    return;
  }
  const { rows } = await tx.query<{ version: number }>('SELECT version FROM customers WHERE id = $1', [c.id]);
  const current = rows[0];
  if (current === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id: c.id }, details: { id: c.id } });
  throw conflict(c.id, expected, current.version);
}

async function writeIndexes(tx: Queryable, c: Customer): Promise<void> {
  if (c.tags.length > 0) {
    await tx.query('INSERT INTO customer_tags (tag, customer_id) SELECT DISTINCT unnest($1::text[]), $2 ON CONFLICT DO NOTHING', [c.tags, c.id]);
  }
  const external = Object.entries(c.externalIds);
  if (external.length > 0) {
    await tx.query('INSERT INTO customer_external_ids (customer_id, system, external_id) SELECT $1, s, v FROM unnest($2::text[], $3::text[]) AS x (s, v)', [
      c.id,
      external.map(([s]) => s),
      external.map(([, v]) => v),
    ]);
  }
}
