// PostgresOutboxStore (examples/postgres) against crmkit's MemoryOutboxStore: the same random
// sequences of add / pending / markPublished (fast-check) must give the same answers (the memory
// store is the second implementation). Then what only a database gives: messages written in the
// transaction of a change roll back with it. On PGlite, or on the server at PG_URL.
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from 'crmkit';
import { MemoryOutboxStore } from 'crmkit/memory';
import { type OutboxMessage, createOutbox } from 'crmkit/service';
import { PostgresOutboxStore, createPostgresRepositories, withinTransaction } from '../../examples/postgres';
import { type TestDatabase, openTestDatabase } from './postgresDb';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database?.close());
beforeEach(() => database.reset());

type Op = { kind: 'add'; ids: string[]; at: number } | { kind: 'pending'; limit: number } | { kind: 'mark'; ids: string[] };
const id = fc.constantFrom('a#0', 'a#1', 'b#0', 'c#0', 'c#1', 'd#0');
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), ids: fc.array(id, { maxLength: 3 }), at: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('pending' as const), limit: fc.integer({ min: 1, max: 7 }) }),
  fc.record({ kind: fc.constant('mark' as const), ids: fc.array(id, { maxLength: 3 }) }),
);
const plain = (ms: OutboxMessage<{ type: string; n: string }>[]) => ms.map((m) => [m.id, m.event, m.enqueuedAt.toISOString()]);

describe(`PostgresOutboxStore (${process.env.PG_URL ? 'PostgreSQL server' : 'PGlite'})`, () => {
  it('answers every sequence of calls as MemoryOutboxStore does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        await database.reset();
        const pg = new PostgresOutboxStore<{ type: string; n: string }>(database.db);
        const memory = new MemoryOutboxStore<{ type: string; n: string }>();
        for (const op of ops) {
          if (op.kind === 'add') {
            // A message's content is its id plus the batch time: a repeat under the same id is skipped by both.
            const batch = op.ids.map((i) => ({ id: i, event: { type: 'E', n: `${i}@${op.at}` }, enqueuedAt: new Date(Date.UTC(2026, 0, 1 + op.at)) }));
            await Promise.all([pg.add(batch), memory.add(batch)]);
          } else if (op.kind === 'pending') {
            expect(plain(await pg.pending(op.limit))).toEqual(plain(await memory.pending(op.limit)));
          } else {
            await Promise.all([pg.markPublished(op.ids, new Date('2026-02-01')), memory.markPublished(op.ids, new Date('2026-02-01'))]);
          }
        }
        expect(plain(await pg.pending(100))).toEqual(plain(await memory.pending(100)));
      }),
      { numRuns: 60, seed: 16 },
    );
  }, 120_000);

  it('a relay publishes in the order added, at least once: a failed batch is published again', async () => {
    const outbox = createOutbox(new PostgresOutboxStore<{ type: string }>(database.db));
    const now = new Date('2026-06-30T00:00:00Z');
    await outbox.enqueue('k1', [{ type: 'A' }, { type: 'B' }], { now });
    await outbox.enqueue('k2', [{ type: 'C' }], { now });
    await expect(outbox.relay(async () => Promise.reject(new Error('queue down')), { now })).rejects.toThrow('queue down');
    const seen: string[] = [];
    expect(await outbox.relay(async (batch) => void seen.push(...batch.map((m) => m.id)), { now, batchSize: 2 })).toBe(3);
    expect(seen).toEqual(['k1#0', 'k1#1', 'k2#0']);
    expect(await outbox.relay(async () => {}, { now })).toBe(0);
  });

  it('messages written in the transaction of a change commit and roll back with it', async () => {
    const now = new Date('2026-06-30T00:00:00Z');
    const { customer, events } = createCustomer({ id: 'c-1', kind: 'person', displayName: 'Ann' }, { now });
    const inTransaction = (fail: boolean) =>
      database.db.transaction(async (tx) => {
        const db = withinTransaction(tx);
        await createPostgresRepositories(db).customers.save(customer);
        await createOutbox(new PostgresOutboxStore(db)).enqueue('customer:c-1:v1', events, { now });
        if (fail) throw new Error('publishing the response failed');
      });
    await expect(inTransaction(true)).rejects.toThrow('publishing the response failed');
    const repos = createPostgresRepositories(database.db);
    const store = new PostgresOutboxStore<{ type: string }>(database.db);
    expect([await repos.customers.get('c-1'), await store.pending(10)]).toEqual([undefined, []]);
    await inTransaction(false);
    expect([(await repos.customers.get('c-1'))?.version, (await store.pending(10)).map((m) => [m.id, m.event.type])]).toEqual([1, [['customer:c-1:v1#0', 'CustomerRegistered']]]);
  });

  it('withinTransaction: a failing inner transaction is a savepoint, the outer one carries on', async () => {
    const store = new PostgresOutboxStore<{ type: string }>(database.db);
    const at = new Date('2026-01-01T00:00:00Z');
    await database.db.transaction(async (tx) => {
      const db = withinTransaction(tx);
      await new PostgresOutboxStore(db).add([{ id: 'kept#0', event: { type: 'K' }, enqueuedAt: at }]);
      await expect(db.transaction(async (inner) => {
        await inner.query("INSERT INTO outbox (id, event, enqueued_at) VALUES ('undone#0', '{}', now())");
        await inner.query('SELECT 1/0');
      })).rejects.toThrow();
    });
    expect((await store.pending(10)).map((m) => m.id)).toEqual(['kept#0']);
  });
});
