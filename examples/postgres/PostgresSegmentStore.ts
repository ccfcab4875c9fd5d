import { CrmError } from 'crmkit/core';
import { type CustomerMetrics, type SegmentRule, parseSegmentRule, toSql } from 'crmkit/segmentation';
import type { Db } from './db';
import { iso, pageLimit } from './sql';

/**
 * A segment rule stored under an id, with a name for people.
 *
 * @example
 * ```ts
 * const s: StoredSegment = { id: 'champions', name: 'Champions', rule: { field: 'rfm.segment', op: 'eq', value: 'champions' } };
 * ```
 */
export interface StoredSegment {
  readonly id: string;
  readonly name: string;
  readonly rule: SegmentRule;
}

/**
 * One page of the customers a rule selects, in id order: pass `nextCursor` back as `after`.
 *
 * @example
 * ```ts
 * const page: SegmentMembersPage = { items: [{ id: 'c-1', displayName: 'Ann' }], nextCursor: 'c-1' };
 * ```
 */
export interface SegmentMembersPage {
  readonly items: { readonly id: string; readonly displayName: string }[];
  readonly nextCursor?: string;
}

/**
 * The column of the `customer_segment_rows` view (`migrations/007_segments.sql`) holding each
 * built-in rule field, as `toSql`'s `columns` option wants it. Custom attributes have no column:
 * give the ones your rules use typed columns of their own and add them here.
 *
 * @example
 * ```ts
 * SEGMENT_COLUMNS['rfm.segment'];
 * //=> 'rfm_segment'
 * ```
 */
export const SEGMENT_COLUMNS: Readonly<Record<string, string>> = Object.freeze({
  id: 'id',
  kind: 'kind',
  displayName: 'display_name',
  lifecycleStage: 'lifecycle_stage',
  ownerId: 'owner_id',
  teamId: 'team_id',
  source: 'source',
  acquisitionChannel: 'acquisition_channel',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  tags: 'tags',
  'consent.phone': 'consent_phone',
  'consent.sms': 'consent_sms',
  'consent.email': 'consent_email',
  'consent.wechat': 'consent_wechat',
  'consent.post': 'consent_post',
  'consent.push': 'consent_push',
  'consent.social': 'consent_social',
  'rfm.r': 'rfm_r',
  'rfm.f': 'rfm_f',
  'rfm.m': 'rfm_m',
  'rfm.segment': 'rfm_segment',
  lifetimeSpendMinor: 'lifetime_spend_minor',
  purchaseCount: 'purchase_count',
  recencyDays: 'recency_days',
  lastPurchaseAt: 'last_purchase_at',
});

const finite = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/**
 * Stored segment rules on PostgreSQL, and their members computed by PostgreSQL: `members` turns the
 * rule into a `WHERE` clause with crmkit's `toSql` (every value a bind parameter) and runs it over
 * the `customer_segment_rows` view, a keyset page at a time. Rules on metrics (`rfm.segment`,
 * `lifetimeSpendMinor`, ...) read the `customer_metrics` table, which {@link writeMetrics} fills
 * from crmkit's `rfmMetrics` (a scoring job; the reference service does it when metrics change).
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await migrate(db);
 * const segments = new PostgresSegmentStore(db);
 * await segments.put({ id: 'vip', name: 'VIP', rule: { field: 'tags', op: 'hasTag', value: 'vip' } });
 * (await segments.members((await segments.get('vip'))!.rule, { asOf: new Date('2026-01-01') })).items;
 * //=> []
 * ```
 */
export class PostgresSegmentStore {
  /** @param db - the database, migrated (see {@link migrate}) */
  constructor(private readonly db: Db) {}

  /**
   * Stores (or replaces) a segment; the rule is checked with `parseSegmentRule` first.
   * @throws {CrmError} as `parseSegmentRule`; `INVALID_ARGUMENT` for an empty id or name
   */
  async put(segment: { readonly id: string; readonly name: string; readonly rule: unknown }): Promise<StoredSegment> {
    for (const field of ['id', 'name'] as const) {
      const v = segment?.[field];
      if (typeof v !== 'string' || v === '' || v.length > 200) throw new CrmError('INVALID_ARGUMENT', { params: { field, rule: 'must be a non-empty string of at most 200 characters' } });
    }
    const rule = parseSegmentRule(segment.rule);
    await this.db.query('INSERT INTO segments (id, name, rule) VALUES ($1, $2, $3::jsonb) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, rule = EXCLUDED.rule', [
      segment.id,
      segment.name,
      JSON.stringify(rule),
    ]);
    return { id: segment.id, name: segment.name, rule };
  }

  async get(id: string): Promise<StoredSegment | undefined> {
    const { rows } = await this.db.query<{ id: string; name: string; rule: unknown }>('SELECT id, name, rule FROM segments WHERE id = $1', [id]);
    const row = rows[0];
    return row && { id: row.id, name: row.name, rule: parseSegmentRule(row.rule) };
  }

  /** Every stored segment, in id order (at most 1,000). */
  async list(): Promise<StoredSegment[]> {
    const { rows } = await this.db.query<{ id: string; name: string; rule: unknown }>('SELECT id, name, rule FROM segments ORDER BY id LIMIT 1000');
    return rows.map((r) => ({ id: r.id, name: r.name, rule: parseSegmentRule(r.rule) }));
  }

  /**
   * Replaces the stored metrics with `metrics` (by customer id), in one transaction; metrics of
   * customers not stored are skipped.
   */
  async writeMetrics(metrics: ReadonlyMap<string, CustomerMetrics>): Promise<void> {
    const cols: unknown[][] = [[], [], [], [], [], [], [], [], []];
    for (const [id, m] of metrics) {
      const last = m.lastPurchaseAt instanceof Date && !Number.isNaN(m.lastPurchaseAt.getTime()) ? iso(m.lastPurchaseAt) : null;
      const row = [id, finite(m.rfm?.r), finite(m.rfm?.f), finite(m.rfm?.m), m.rfmSegment ?? null, finite(m.lifetimeSpendMinor), finite(m.purchaseCount), finite(m.recencyDays), last];
      row.forEach((v, i) => (cols[i] as unknown[]).push(v));
    }
    await this.db.transaction(async (tx) => {
      await tx.query('DELETE FROM customer_metrics');
      await tx.query(
        `INSERT INTO customer_metrics
         SELECT m.* FROM unnest($1::text[], $2::float8[], $3::float8[], $4::float8[], $5::text[], $6::float8[], $7::float8[], $8::float8[], $9::timestamptz[])
           AS m (customer_id, rfm_r, rfm_f, rfm_m, rfm_segment, lifetime_spend_minor, purchase_count, recency_days, last_purchase_at)
         WHERE EXISTS (SELECT 1 FROM customers c WHERE c.id = m.customer_id)`,
        cols,
      );
    });
  }

  /**
   * The customers `rule` selects, in id order after `after`, `limit` at a time (default 100, at
   * most 1,000), evaluated by PostgreSQL.
   * @throws {CrmError} as `toSql` (`INVALID_ARGUMENT` for a field with no column, such as an attribute)
   */
  async members(rule: SegmentRule, options: { readonly asOf: Date; readonly after?: string; readonly limit?: number }): Promise<SegmentMembersPage> {
    const limit = pageLimit(options.limit);
    const q = toSql(rule, { table: 'customer_segment_rows', columns: SEGMENT_COLUMNS, asOf: options.asOf, dialect: 'postgres' });
    const n = q.values.length;
    const { rows } = await this.db.query<{ id: string; display_name: string }>(
      `SELECT id, display_name FROM customer_segment_rows WHERE ${q.where} AND ($${n + 1}::text IS NULL OR id > $${n + 1}::text) ORDER BY id LIMIT $${n + 2}`,
      [...q.values, options.after ?? null, limit + 1],
    );
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((r) => ({ id: r.id, displayName: r.display_name }));
    const last = items[items.length - 1];
    return more && last ? { items, nextCursor: last.id } : { items };
  }
}
