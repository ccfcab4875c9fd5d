import { CrmError } from 'crmkit/core';
import { assertSpendable, LedgerEntrySchema, sameEntry, type LedgerEntry } from 'crmkit/loyalty';
import type { LedgerAppendOptions, LedgerAppendResult, LoyaltyLedgerRepository, Page, RecordListOptions } from 'crmkit/repository';
import type { Db, Queryable } from './db';
import { bound, checkTarget, iso, pageLimit, pageOf, sqlState, timeCursor, unstorableAsInvalid, validationFailed } from './sql';

interface LedgerRow {
  readonly id: string;
  readonly customer_id: string;
  readonly type: string;
  readonly points: string | number | bigint;
  readonly occurred_at: Date;
  readonly expires_at: Date | null;
  readonly lot_id: string | null;
  readonly reverses: string | null;
  readonly spend_amount: string | null;
  readonly spend_currency: string | null;
  readonly source_ref: string | null;
  readonly reason: string | null;
  readonly pending_until: Date | null;
  readonly qualifying_points: string | number | null;
}

const SELECT = `SELECT id, customer_id, type, points, occurred_at, expires_at, lot_id, reverses,
  spend_amount::text AS spend_amount, spend_currency, source_ref, reason, pending_until, qualifying_points FROM loyalty_ledger`;
const INSERT = `INSERT INTO loyalty_ledger (id, customer_id, type, points, occurred_at, expires_at, lot_id, reverses,
  spend_amount, spend_currency, source_ref, reason, pending_until, qualifying_points)
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::timestamptz[], $7::text[],
  $8::text[], $9::numeric[], $10::text[], $11::text[], $12::text[], $13::timestamptz[], $14::bigint[])
  ON CONFLICT (id) DO NOTHING`;
// Creates the customer's balance row when missing and, either way, locks it until the transaction
// ends (ON CONFLICT DO UPDATE takes the row lock): appends and moves of one customer take turns.
const LOCK_BALANCE = `INSERT INTO loyalty_balances (customer_id, points) VALUES ($1, 0)
  ON CONFLICT (customer_id) DO UPDATE SET points = loyalty_balances.points RETURNING points`;
// SQLSTATEs worth one more try: deadlock_detected, serialization_failure.
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 5;

/** Another transaction inserted one of our keys after we looked: start the append again. */
class KeyRace extends Error {}

function revive(row: LedgerRow): LedgerEntry {
  return LedgerEntrySchema.parse({
    id: row.id,
    customerId: row.customer_id,
    type: row.type,
    points: Number(row.points),
    occurredAt: row.occurred_at,
    ...(row.expires_at !== null && { expiresAt: row.expires_at }),
    ...(row.lot_id !== null && { lotId: row.lot_id }),
    ...(row.reverses !== null && { reverses: row.reverses }),
    ...(row.spend_amount !== null && { spend: { amount: row.spend_amount, currency: row.spend_currency } }),
    ...(row.source_ref !== null && { sourceRef: row.source_ref }),
    ...(row.reason !== null && { reason: row.reason }),
    ...(row.pending_until !== null && { pendingUntil: row.pending_until }),
    ...(row.qualifying_points !== null && { qualifyingPoints: Number(row.qualifying_points) }),
  });
}

function columnsOf(entries: readonly LedgerEntry[]): unknown[][] {
  const pick = (f: (e: LedgerEntry) => unknown) => entries.map(f);
  return [
    pick((e) => e.id),
    pick((e) => e.customerId),
    pick((e) => e.type),
    pick((e) => String(e.points)),
    pick((e) => iso(e.occurredAt)),
    pick((e) => (e.expiresAt ? iso(e.expiresAt) : null)),
    pick((e) => e.lotId ?? null),
    pick((e) => e.reverses ?? null),
    pick((e) => e.spend?.amount ?? null),
    pick((e) => e.spend?.currency ?? null),
    pick((e) => e.sourceRef ?? null),
    pick((e) => e.reason ?? null),
    pick((e) => (e.pendingUntil ? iso(e.pendingUntil) : null)),
    pick((e) => (e.qualifyingPoints === undefined ? null : String(e.qualifyingPoints))),
  ];
}

async function lockBalances(tx: Queryable, customerIds: Iterable<string>): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  // Always in the same (sorted) order, so two transactions never wait for each other in a cycle.
  for (const id of [...new Set(customerIds)].sort()) {
    const { rows } = await tx.query<{ points: string | number }>(LOCK_BALANCE, [id]);
    balances.set(id, Number(rows[0]?.points ?? 0));
  }
  return balances;
}

/** The stored entries of one customer (read inside the append, after its balance row is locked). */
async function storedEntries(tx: Queryable, customerId: string): Promise<LedgerEntry[]> {
  const { rows } = await tx.query<LedgerRow>(`${SELECT} WHERE customer_id = $1`, [customerId]);
  return rows.map(revive);
}

async function addToBalances(tx: Queryable, delta: Map<string, number>): Promise<void> {
  for (const [customerId, d] of delta) {
    if (d !== 0) await tx.query('UPDATE loyalty_balances SET points = points + $2::bigint WHERE customer_id = $1', [customerId, String(d)]);
  }
}

/**
 * {@link LoyaltyLedgerRepository} on PostgreSQL (tables from `migrations/003_loyalty_ledger.sql`).
 *
 * An append runs in one transaction: it locks the balance row of every customer in the batch
 * (sorted, so no deadlock between appends), reads the stored entries with the batch's keys, sorts
 * the batch into new entries and repeats (`sameEntry`, else `IDEMPOTENCY_CONFLICT`), checks
 * `expectedBalance` and the overdraft against the locked balance, then the spendable balance
 * (`balance` from crmkit/loyalty, over the stored entries and the batch) at the time of every
 * redemption the batch adds or may overdraw (`INSUFFICIENT_POINTS`), inserts the new entries and adds
 * them to the balance. Concurrent redemptions of one customer therefore take turns, and the second
 * sees the first's result. A key inserted by a transaction of another customer in between makes the
 * INSERT skip it (`ON CONFLICT DO NOTHING`); the append then starts again and sees it.
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await migrate(db);
 * const ledger = new PostgresLoyaltyLedgerRepository(db);
 * await ledger.append({ id: 'earn:t-1', customerId: 'c-1', type: 'earn', points: 100, occurredAt: new Date('2026-01-01') });
 * await ledger.balanceOf('c-1');
 * //=> 100
 * ```
 */
export class PostgresLoyaltyLedgerRepository implements LoyaltyLedgerRepository {
  /** @param db - the database, migrated (see {@link migrate}) */
  constructor(private readonly db: Db) {}

  async append(entries: LedgerEntry | readonly LedgerEntry[], options: LedgerAppendOptions = {}): Promise<LedgerAppendResult> {
    const batch = (Array.isArray(entries) ? entries : [entries]) as readonly LedgerEntry[];
    const parsed = batch.map((raw) => {
      const result = LedgerEntrySchema.safeParse(raw);
      if (!result.success) throw validationFailed('ledger entry', result.error.issues);
      return result.data;
    });
    if (options.expectedBalance !== undefined && !Number.isSafeInteger(options.expectedBalance)) {
      throw new CrmError('INVALID_ARGUMENT', { params: { field: 'expectedBalance', rule: 'must be a whole number of points' } });
    }
    if (parsed.length === 0) return { appended: [], repeated: [] };
    return this.#transaction((tx) => this.#appendOnce(tx, parsed, options.expectedBalance));
  }

  /** A transaction, tried again (a few times) after a deadlock or a key race. */
  async #transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(work);
      } catch (e) {
        const retry = e instanceof KeyRace || RETRYABLE.has(sqlState(e) ?? '');
        if (!retry) throw unstorableAsInvalid('ledger entry', e);
        if (attempt >= ATTEMPTS) throw new CrmError('CONCURRENCY_CONFLICT', { params: { entity: 'ledger entry' } });
      }
    }
  }

  async #appendOnce(tx: Queryable, batch: readonly LedgerEntry[], expectedBalance: number | undefined): Promise<LedgerAppendResult> {
    const balances = await lockBalances(tx, batch.map((e) => e.customerId));
    const { rows } = await tx.query<LedgerRow>(`${SELECT} WHERE id = ANY($1::text[])`, [[...new Set(batch.map((e) => e.id))]]);
    const stored = new Map(rows.map((r) => [r.id, revive(r)]));
    const fresh = new Map<string, LedgerEntry>();
    const repeated: LedgerEntry[] = [];
    for (const e of batch) {
      const prior = stored.get(e.id) ?? fresh.get(e.id);
      if (prior === undefined) {
        fresh.set(e.id, e);
        continue;
      }
      if (!sameEntry(prior, e)) throw new CrmError('IDEMPOTENCY_CONFLICT', { params: { key: e.id }, details: { key: e.id } });
      repeated.push(prior);
    }
    const delta = new Map<string, number>();
    for (const e of fresh.values()) delta.set(e.customerId, (delta.get(e.customerId) ?? 0) + e.points);
    if (expectedBalance !== undefined && delta.size > 0) {
      if (delta.size > 1) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'expectedBalance', rule: 'applies to entries of one customer' } });
      const [customerId] = delta.keys() as IterableIterator<string>;
      const actual = balances.get(customerId as string) ?? 0;
      if (actual !== expectedBalance) {
        throw new CrmError('BALANCE_MISMATCH', { params: { expected: expectedBalance, actual }, details: { customerId, expected: expectedBalance, actual } });
      }
    }
    for (const [customerId, d] of delta) {
      const current = balances.get(customerId) ?? 0;
      if (current + d < 0) throw new CrmError('INSUFFICIENT_POINTS', { params: { requested: -d, available: current }, details: { customerId } });
      const added = [...fresh.values()].filter((e) => e.customerId === customerId);
      if (added.some((e) => e.points < 0)) assertSpendable(await storedEntries(tx, customerId), added, { customerId });
    }
    const inserted = await tx.query(INSERT, columnsOf([...fresh.values()]));
    if (inserted.rowCount !== fresh.size) throw new KeyRace();
    await addToBalances(tx, delta);
    return { appended: [...fresh.values()], repeated };
  }

  async get(id: string): Promise<LedgerEntry | undefined> {
    const { rows } = await this.db.query<LedgerRow>(`${SELECT} WHERE id = $1`, [id]);
    return rows[0] && revive(rows[0]);
  }

  async listByCustomer(customerId: string, options: RecordListOptions = {}): Promise<Page<LedgerEntry>> {
    const limit = pageLimit(options.limit);
    const [at, id] = timeCursor(options.cursor);
    const { rows } = await this.db.query<LedgerRow>(
      `${SELECT}
       WHERE customer_id = $1
         AND ($2::timestamptz IS NULL OR occurred_at >= $2::timestamptz)
         AND ($3::timestamptz IS NULL OR occurred_at < $3::timestamptz)
         AND ($4::timestamptz IS NULL OR (occurred_at, id) > ($4::timestamptz, $5::text))
       ORDER BY occurred_at, id LIMIT $6`,
      [customerId, bound(options.from, 'from'), bound(options.to, 'to'), at, id, limit + 1],
    );
    return pageOf(rows, limit, revive, (r) => [iso(r.occurred_at), r.id]);
  }

  async entriesOf(customerId: string): Promise<LedgerEntry[]> {
    const { rows } = await this.db.query<LedgerRow>(`${SELECT} WHERE customer_id = $1 ORDER BY occurred_at, id`, [customerId]);
    return rows.map(revive);
  }

  async balanceOf(customerId: string): Promise<number> {
    const { rows } = await this.db.query<{ points: string | number }>('SELECT points FROM loyalty_balances WHERE customer_id = $1', [customerId]);
    return Number(rows[0]?.points ?? 0);
  }

  async reassignCustomer(fromCustomerId: string, toCustomerId: string): Promise<string[]> {
    checkTarget(toCustomerId);
    if (fromCustomerId === toCustomerId) return (await this.entriesOf(fromCustomerId)).map((e) => e.id);
    return this.#transaction(async (tx) => {
      await lockBalances(tx, [fromCustomerId, toCustomerId]);
      const { rows } = await tx.query<{ id: string; points: string | number }>(
        'UPDATE loyalty_ledger SET customer_id = $2 WHERE customer_id = $1 RETURNING id, points',
        [fromCustomerId, toCustomerId],
      );
      const moved = rows.reduce((s, r) => s + Number(r.points), 0);
      await addToBalances(tx, new Map([[fromCustomerId, -moved], [toCustomerId, moved]]));
      return rows.map((r) => r.id);
    });
  }

  async reassign(ids: readonly string[], toCustomerId: string): Promise<void> {
    checkTarget(toCustomerId);
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return;
    await this.#transaction(async (tx) => {
      const { rows } = await tx.query<{ id: string; customer_id: string; points: string | number }>(
        'SELECT id, customer_id, points FROM loyalty_ledger WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
        [wanted],
      );
      if (rows.length < wanted.length) {
        const found = new Set(rows.map((r) => r.id));
        const missing = wanted.find((id) => !found.has(id));
        throw new CrmError('NOT_FOUND', { params: { entity: 'ledger entry', id: missing }, details: { id: missing } });
      }
      const moving = rows.filter((r) => r.customer_id !== toCustomerId);
      if (moving.length === 0) return;
      await lockBalances(tx, [toCustomerId, ...moving.map((r) => r.customer_id)]);
      const delta = new Map<string, number>([[toCustomerId, 0]]);
      for (const r of moving) {
        const p = Number(r.points);
        delta.set(r.customer_id, (delta.get(r.customer_id) ?? 0) - p);
        delta.set(toCustomerId, (delta.get(toCustomerId) ?? 0) + p);
      }
      await tx.query('UPDATE loyalty_ledger SET customer_id = $2 WHERE id = ANY($1::text[])', [moving.map((r) => r.id), toCustomerId]);
      await addToBalances(tx, delta);
    });
  }
}
