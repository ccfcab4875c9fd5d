import { CrmError } from 'crmkit/core';
import { OpportunitySchema, type Opportunity } from 'crmkit/pipeline';
import type { ListOptions, OpportunityRepository, Page, SaveOptions, StreamOptions } from 'crmkit/repository';
import type { Db, Queryable } from './db';
import { checkExpectedVersion, inRequestedOrder, decodeCursor, iso, pageLimit, pageOf, unstorableAsInvalid, validationFailed, versionConflict } from './sql';

interface OpportunityRow {
  readonly id: string;
  readonly document: unknown;
}

/** The columns a finder may filter on (never user input: the SQL is built from these names only). */
type Finder = 'customer_id' | 'owner_id' | 'stage';

const revive = (row: OpportunityRow): Opportunity => OpportunitySchema.parse(row.document);
const after = (options: ListOptions): string | null => (options.cursor === undefined ? null : (decodeCursor(options.cursor, 1)[0] as string));

/**
 * {@link OpportunityRepository} on PostgreSQL (table from `migrations/004_opportunities.sql`).
 *
 * - The whole opportunity is a jsonb document, read back through `OpportunitySchema`; the customer,
 *   owner, stage, amount (exact NUMERIC and currency) and expected close date are columns beside it.
 * - `save` is a compare-and-set in one statement, as in {@link PostgresCustomerRepository}:
 *   `INSERT ... ON CONFLICT (id) DO NOTHING` (no row: `DUPLICATE_ID`) or
 *   `UPDATE ... WHERE id = $1 AND version = $2` (no row: `NOT_FOUND` or `CONCURRENCY_CONFLICT`,
 *   told apart by reading the stored version), so of concurrent writers of one version one wins.
 * - Lists and finders are keyset pages on `id`, served by the `(key, id)` indexes.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await migrate(db);
 * const opportunities = new PostgresOpportunityRepository(db);
 * await opportunities.count();
 * //=> 0
 * ```
 */
export class PostgresOpportunityRepository implements OpportunityRepository {
  /** @param db - the database, migrated (see {@link migrate}) */
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<Opportunity | undefined> {
    const { rows } = await this.db.query<OpportunityRow>('SELECT id, document FROM opportunities WHERE id = $1', [id]);
    return rows[0] && revive(rows[0]);
  }

  async getMany(ids: readonly string[]): Promise<Opportunity[]> {
    if (ids.length === 0) return [];
    const { rows } = await this.db.query<OpportunityRow>('SELECT id, document FROM opportunities WHERE id = ANY($1::text[])', [[...ids]]);
    return inRequestedOrder(ids, rows, revive);
  }

  async save(opportunity: Opportunity, options: SaveOptions = {}): Promise<Opportunity> {
    const parsed = OpportunitySchema.safeParse(opportunity);
    if (!parsed.success) throw validationFailed('opportunity', parsed.error.issues);
    const expected = options.expectedVersion ?? opportunity.version - 1;
    checkExpectedVersion(expected);
    const stored: Opportunity = { ...parsed.data, version: expected + 1 };
    const document = JSON.stringify(stored);
    try {
      await this.db.transaction((tx) => (expected === 0 ? insertRow(tx, stored, document) : updateRow(tx, stored, document, expected)));
    } catch (e) {
      throw unstorableAsInvalid('opportunity', e);
    }
    return OpportunitySchema.parse(JSON.parse(document));
  }

  async delete(id: string, options: SaveOptions = {}): Promise<void> {
    const expected = options.expectedVersion ?? null;
    checkExpectedVersion(expected);
    const deleted = await this.db.query('DELETE FROM opportunities WHERE id = $1 AND ($2::int IS NULL OR version = $2::int)', [id, expected]);
    if (deleted.rowCount > 0) return;
    await whyNotWritten(this.db, id, expected as number);
  }

  async list(options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#page(null, null, options);
  }

  async *stream(options: StreamOptions = {}): AsyncIterable<Opportunity> {
    const limit = Math.min(Math.max(1, Math.trunc(options.batchSize ?? 500)), 1000);
    let cursor: string | undefined;
    do {
      const page = await this.list({ limit, ...(cursor !== undefined && { cursor }) });
      yield* page.items;
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }

  async findByCustomer(customerId: string, options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#page('customer_id', customerId, options);
  }

  async findByOwner(ownerId: string, options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#page('owner_id', ownerId, options);
  }

  async findByStage(stage: string, options: ListOptions = {}): Promise<Page<Opportunity>> {
    return this.#page('stage', stage, options);
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: string | number }>('SELECT count(*) AS n FROM opportunities');
    return Number(rows[0]?.n ?? 0);
  }

  /** A keyset page in id order, of every opportunity or of those whose `column` equals `value`. */
  async #page(column: Finder | null, value: string | null, options: ListOptions): Promise<Page<Opportunity>> {
    const limit = pageLimit(options.limit);
    const where = column === null ? '$1::text IS NULL' : `${column} = $1`;
    const { rows } = await this.db.query<OpportunityRow>(
      `SELECT id, document FROM opportunities WHERE ${where} AND ($2::text IS NULL OR id > $2::text) ORDER BY id LIMIT $3`,
      [value, after(options), limit + 1],
    );
    return pageOf(rows, limit, revive, (r) => [r.id]);
  }
}

/** Columns beside the document: what the finders search and reports aggregate. */
const columns = (o: Opportunity): unknown[] => [o.customerId, o.ownerId, o.stage, o.amount.amount, o.amount.currency, iso(o.expectedCloseDate)];

async function insertRow(tx: Queryable, o: Opportunity, document: string): Promise<void> {
  const inserted = await tx.query(
    `INSERT INTO opportunities (id, version, customer_id, owner_id, stage, amount, currency, expected_close_date, document)
     VALUES ($1, 1, $2, $3, $4, $5::numeric, $6, $7::timestamptz, $8::jsonb) ON CONFLICT (id) DO NOTHING`,
    [o.id, ...columns(o), document],
  );
  if (inserted.rowCount === 0) throw new CrmError('DUPLICATE_ID', { params: { entity: 'opportunity', id: o.id }, details: { id: o.id } });
}

async function updateRow(tx: Queryable, o: Opportunity, document: string, expected: number): Promise<void> {
  const updated = await tx.query(
    `UPDATE opportunities SET version = $2::int + 1, customer_id = $3, owner_id = $4, stage = $5, amount = $6::numeric, currency = $7,
       expected_close_date = $8::timestamptz, document = $9::jsonb
     WHERE id = $1 AND version = $2::int`,
    [o.id, expected, ...columns(o), document],
  );
  if (updated.rowCount !== 1) await whyNotWritten(tx, o.id, expected);
}

/**
 * After an UPDATE or DELETE that matched no row: `NOT_FOUND` when the id is not stored, else
 * `CONCURRENCY_CONFLICT` with the stored version.
 */
async function whyNotWritten(q: Queryable, id: string, expected: number): Promise<never> {
  const { rows } = await q.query<{ version: number }>('SELECT version FROM opportunities WHERE id = $1', [id]);
  const current = rows[0];
  if (current === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'opportunity', id }, details: { id } });
  throw versionConflict('opportunity', id, expected, current.version);
}
