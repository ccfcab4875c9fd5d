import { CrmError, requireDate } from 'crmkit/core';
import type { OutboxMessage, OutboxStore } from 'crmkit/service';
import type { Db } from './db';
import { iso } from './sql';

interface OutboxRow {
  readonly id: string;
  readonly event: unknown;
  readonly enqueued_at: Date;
}

/**
 * {@link OutboxStore} on PostgreSQL (the table from `migrations/006_outbox.sql`). Build it over the
 * transaction of the change (`withinTransaction(tx)`) and the events commit with the change or not
 * at all: the transactional outbox. Events are stored as JSON, so `pending` returns their JSON form
 * (Dates as ISO strings) unless `revive` turns it back into `E`; a relay that publishes JSON needs
 * nothing more.
 *
 * - `add` is one `INSERT ... ON CONFLICT (id) DO NOTHING`: a message stored already is skipped, also
 *   when two requests race.
 * - `pending` reads the unpublished messages in the order added (`seq`), through a partial index.
 * - `markPublished` sets `published_at` once; messages stay, so a late repeat is still recognised.
 *
 * @typeParam E - the event type
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await migrate(db);
 * const store = new PostgresOutboxStore<{ type: string }>(db);
 * await store.add([{ id: 'k#0', event: { type: 'X' }, enqueuedAt: new Date('2026-01-01') }]);
 * (await store.pending(10)).map((m) => m.event);
 * //=> [{ type: 'X' }]
 * ```
 */
export class PostgresOutboxStore<E> implements OutboxStore<E> {
  /**
   * @param db - the database, migrated (see {@link migrate}), or `withinTransaction(tx)`
   * @param revive - turns a stored event (its JSON form) back into `E`; default: the JSON form as is
   */
  constructor(
    private readonly db: Db,
    private readonly revive: (json: unknown) => E = (json) => json as E,
  ) {}

  async add(messages: readonly OutboxMessage<E>[]): Promise<void> {
    if (!Array.isArray(messages)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'messages', rule: 'must be an array' } });
    const ids: string[] = [];
    const events: string[] = [];
    const times: string[] = [];
    for (const m of messages as readonly OutboxMessage<E>[]) {
      if (m === null || typeof m !== 'object' || typeof m.id !== 'string' || m.id === '') {
        throw new CrmError('INVALID_ARGUMENT', { params: { field: 'messages.id', rule: 'must be a non-empty string' } });
      }
      ids.push(m.id);
      events.push(JSON.stringify(m.event));
      times.push(iso(requireDate(m.enqueuedAt, 'enqueuedAt')));
    }
    if (ids.length === 0) return;
    // WITH ORDINALITY keeps the batch's order in seq.
    await this.db.query(
      `INSERT INTO outbox (id, event, enqueued_at)
       SELECT id, event, enqueued_at FROM unnest($1::text[], $2::jsonb[], $3::timestamptz[]) WITH ORDINALITY AS m(id, event, enqueued_at, n)
       ORDER BY n ON CONFLICT (id) DO NOTHING`,
      [ids, events, times],
    );
  }

  async pending(limit: number): Promise<OutboxMessage<E>[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'limit', rule: 'must be a whole number, at least 1' } });
    const { rows } = await this.db.query<OutboxRow>('SELECT id, event, enqueued_at FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1', [limit]);
    return rows.map((r) => Object.freeze({ id: r.id, event: this.revive(r.event), enqueuedAt: new Date(r.enqueued_at) }));
  }

  async markPublished(ids: readonly string[], at: Date): Promise<void> {
    requireDate(at, 'at');
    if (!Array.isArray(ids)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'ids', rule: 'must be an array' } });
    if (ids.length === 0) return;
    await this.db.query('UPDATE outbox SET published_at = $2 WHERE id = ANY($1::text[]) AND published_at IS NULL', [[...ids], iso(at)]);
  }
}
