import { CrmError } from 'crmkit/core';
import type { CustomerRecord, CustomerRecordRepository, Page, RecordListOptions, RecordStreamOptions } from 'crmkit/repository';
import type { Db } from './db';
import type { RecordTable } from './recordTables';
import { bound, checkTarget, iso, pageLimit, pageOf, sqlState, timeCursor, unstorableAsInvalid, validationFailed } from './sql';

type Row = Record<string, unknown> & { id: string; customer_id: string; occurred_at: Date; details: Record<string, unknown> };

/**
 * {@link CustomerRecordRepository} on PostgreSQL for one record table (`TRANSACTIONS` or
 * `INTERACTIONS` from `recordTables.ts`, tables from `migrations/002_customer_records.sql`).
 *
 * - `append` is one `INSERT ... SELECT FROM unnest(...)` statement, so a batch is atomic without an
 *   explicit transaction; the primary key refuses an existing id (`DUPLICATE_ID`), also when two
 *   calls race: the second INSERT waits for the first to commit and then fails.
 * - Pages and streams are keyset queries on `(occurred_at, id)`: rows sharing a timestamp are
 *   ordered by id, and the cursor carries both, so none is lost or repeated.
 * - `reassign*` is an `UPDATE ... SET customer_id`: records are re-pointed, never copied.
 *
 * @typeParam T - the record type
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await migrate(db);
 * const transactions = new PostgresCustomerRecordRepository(db, TRANSACTIONS);
 * (await transactions.listByCustomer('c-1')).items;
 * //=> []
 * ```
 */
export class PostgresCustomerRecordRepository<T extends CustomerRecord> implements CustomerRecordRepository<T> {
  readonly #select: string;

  /**
   * @param db - the database, migrated (see {@link migrate})
   * @param table - how the record type maps to its table
   */
  constructor(
    private readonly db: Db,
    private readonly table: RecordTable<T>,
  ) {
    this.#select = `SELECT id, customer_id, occurred_at, details, ${table.columns.map((c) => c.select).join(', ')} FROM ${table.table}`;
  }

  async append(records: T | readonly T[]): Promise<void> {
    const batch = (Array.isArray(records) ? records : [records]) as readonly T[];
    const { table, entity, schema, columns } = this.table;
    const seen = new Set<string>();
    const arrays: unknown[][] = [[], [], [], ...columns.map(() => []), []];
    for (const raw of batch) {
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw validationFailed(entity, parsed.error.issues);
      const r = parsed.data;
      if (seen.has(r.id)) throw duplicate(entity, r.id);
      seen.add(r.id);
      const { values, details } = this.table.toRow(r);
      const row = [r.id, r.customerId, iso(r.occurredAt), ...values, JSON.stringify(details)];
      row.forEach((v, i) => (arrays[i] as unknown[]).push(v));
    }
    if (batch.length === 0) return;
    const types = ['text', 'text', 'timestamptz', ...columns.map((c) => c.type), 'jsonb'];
    const names = ['id', 'customer_id', 'occurred_at', ...columns.map((c) => c.name), 'details'];
    try {
      await this.db.query(
        `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})`,
        arrays,
      );
    } catch (e) {
      if (sqlState(e) !== '23505') throw unstorableAsInvalid(entity, e);
      const { rows } = await this.db.query<{ id: string }>(`SELECT id FROM ${table} WHERE id = ANY($1::text[]) ORDER BY id LIMIT 1`, [[...seen]]);
      throw duplicate(entity, rows[0]?.id);
    }
  }

  async get(id: string): Promise<T | undefined> {
    const { rows } = await this.db.query<Row>(`${this.#select} WHERE id = $1`, [id]);
    return rows[0] && this.#revive(rows[0]);
  }

  async listByCustomer(customerId: string, options: RecordListOptions = {}): Promise<Page<T>> {
    return this.#page(customerId, options);
  }

  async *streamByTimeRange(options: RecordStreamOptions = {}): AsyncIterable<T> {
    const limit = Math.min(Math.max(1, Math.trunc(options.batchSize ?? 500)), 1000);
    let cursor: string | undefined;
    do {
      const page = await this.#page(null, { limit, ...(options.from && { from: options.from }), ...(options.to && { to: options.to }), ...(cursor !== undefined && { cursor }) });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async reassignCustomer(fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    checkTarget(toCustomerId);
    const { rows } = await this.db.query<{ id: string }>(`UPDATE ${this.table.table} SET customer_id = $2 WHERE customer_id = $1 RETURNING id`, [fromCustomerId, toCustomerId]);
    return rows.map((r) => r.id);
  }

  async reassign(ids: readonly string[], toCustomerId: string): Promise<void> {
    checkTarget(toCustomerId);
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return;
    await this.db.transaction(async (tx) => {
      // Lock the rows first: every id must exist or nothing moves.
      const { rows } = await tx.query<{ id: string }>(`SELECT id FROM ${this.table.table} WHERE id = ANY($1::text[]) FOR UPDATE`, [wanted]);
      if (rows.length < wanted.length) {
        const found = new Set(rows.map((r) => r.id));
        const missing = wanted.find((id) => !found.has(id));
        throw new CrmError('NOT_FOUND', { params: { entity: this.table.entity, id: missing }, details: { id: missing } });
      }
      await tx.query(`UPDATE ${this.table.table} SET customer_id = $2 WHERE id = ANY($1::text[])`, [wanted, toCustomerId]);
    });
  }

  async #page(customerId: string | null, options: RecordListOptions): Promise<Page<T>> {
    const limit = pageLimit(options.limit);
    const [at, id] = timeCursor(options.cursor);
    const { rows } = await this.db.query<Row>(
      `${this.#select}
       WHERE ($1::text IS NULL OR customer_id = $1::text)
         AND ($2::timestamptz IS NULL OR occurred_at >= $2::timestamptz)
         AND ($3::timestamptz IS NULL OR occurred_at < $3::timestamptz)
         AND ($4::timestamptz IS NULL OR (occurred_at, id) > ($4::timestamptz, $5::text))
       ORDER BY occurred_at, id LIMIT $6`,
      [customerId, bound(options.from, 'from'), bound(options.to, 'to'), at, id, limit + 1],
    );
    return pageOf(rows, limit, (r) => this.#revive(r), (r) => [iso(r.occurred_at), r.id]);
  }

  #revive(row: Row): T {
    return this.table.schema.parse({ ...row.details, ...this.table.fromRow(row), id: row.id, customerId: row.customer_id, occurredAt: row.occurred_at });
  }
}

function duplicate(entity: string, id: string | undefined): CrmError {
  return new CrmError('DUPLICATE_ID', { params: { entity, id }, details: { id } });
}
