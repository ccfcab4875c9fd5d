// examples/postgres beyond the contract suites: the migration runner, what PostgreSQL cannot store,
// argument checks, a differential run against crmkit/memory (the second implementation gives every
// expected value), and concurrent load with invariants checked by arithmetic written out below.
import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { isCrmError, Money } from 'crmkit/core';
import { createMemoryRepositories } from 'crmkit/memory';
import type { LedgerEntry } from 'crmkit/loyalty';
import { sampleCustomer, sampleTransaction } from 'crmkit/testing';
import { bundledMigrations, createPostgresRepositories, migrate, splitStatements } from '../../examples/postgres';
import { openTestDatabase } from './postgresDb';

const database = await openTestDatabase();
afterAll(() => database.close());
beforeEach(() => database.reset());
const repos = () => createPostgresRepositories(database.db);
const codeOf = async (p: Promise<unknown>): Promise<string> => p.then(() => 'ok', (e: unknown) => (isCrmError(e) ? e.code : `not a CrmError: ${String(e)}`));

describe('migrations', () => {
  it('splits statements at top-level semicolons only (hand-written cases)', () => {
    expect(splitStatements("CREATE TABLE a (x text DEFAULT 'a;b'); -- note; here\nSELECT 1;")).toEqual(["CREATE TABLE a (x text DEFAULT 'a;b')", 'SELECT 1']);
    expect(splitStatements('CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql;SELECT "a;b"')).toEqual([
      'CREATE FUNCTION f() RETURNS int AS $body$ SELECT 1; $body$ LANGUAGE sql',
      'SELECT "a;b"',
    ]);
    expect(splitStatements('-- only a comment\n')).toEqual([]);
  });

  it('applies each bundled migration once, in name order', async () => {
    const names = bundledMigrations().map((m) => m.name);
    expect(names).toEqual([...names].sort());
    // the database was migrated when it was opened: nothing is left to apply
    expect(await migrate(database.db)).toEqual([]);
    const { rows } = await database.db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    expect(rows.map((r) => r.name)).toEqual(names);
  });
});

describe('boundaries', () => {
  it('text PostgreSQL cannot store (NUL) is VALIDATION_FAILED and stores nothing', async () => {
    const { customers, transactions } = repos();
    expect(await codeOf(customers.save({ ...sampleCustomer(1), attributes: { note: 'a\u0000b' } }, { expectedVersion: 0 }))).toBe('VALIDATION_FAILED');
    expect(await customers.count()).toBe(0);
    expect(await codeOf(transactions.append({ ...sampleTransaction(1, 'c-1'), orderRef: 'o\u0000' }))).toBe('VALIDATION_FAILED');
    expect(await transactions.get(sampleTransaction(1, 'c-1').id)).toBeUndefined();
  });

  it('refuses foreign cursors, page sizes outside 1..1000 and invalid dates with INVALID_ARGUMENT', async () => {
    const { customers, transactions, loyaltyLedger } = repos();
    expect(await codeOf(customers.list({ cursor: 'not-a-cursor' }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.list({ limit: 0 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.findByTag('vip', { limit: 1001 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(transactions.listByCustomer('c-1', { cursor: Buffer.from('["x"]').toString('base64url') }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(transactions.listByCustomer('c-1', { from: new Date(Number.NaN) }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(loyaltyLedger.listByCustomer('c-1', { limit: 2.5 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(transactions.reassign(['t'], ''))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.delete('c-1', { expectedVersion: 1.5 }))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(customers.save({ ...sampleCustomer(1) }, { expectedVersion: -1 }))).toBe('INVALID_ARGUMENT');
  });

  it('keeps amounts exact: NUMERIC, never a float (0.1 + 0.2 stays 0.30)', async () => {
    const { transactions } = repos();
    await transactions.append([
      { ...sampleTransaction(1, 'c-1'), amount: Money.of('0.1', 'CNY') },
      { ...sampleTransaction(2, 'c-1'), amount: Money.of('0.2', 'CNY') },
      { ...sampleTransaction(3, 'c-1'), amount: Money.of('12345678901234567.89', 'CNY') },
    ]);
    const items = (await transactions.listByCustomer('c-1')).items;
    // 0.1 + 0.2 = 0.3 exactly in decimal arithmetic (0.30000000000000004 in float64)
    expect(Money.sum(items.slice(0, 2).map((t) => t.amount), 'CNY').amount).toBe('0.30');
    expect(items.find((t) => t.id === sampleTransaction(3, 'c-1').id)?.amount.amount).toBe('12345678901234567.89');
  });
});

// A random session of ledger calls run against crmkit/memory and the PostgreSQL ledger: every call
// must end the same way (posted, repeated, or the same error code) and leave the same balances.
type Op =
  | { kind: 'earn'; key: number; customer: number; points: number }
  | { kind: 'redeem'; key: number; customer: number; points: number; expected: boolean }
  | { kind: 'move'; from: number; to: number };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('earn' as const), key: fc.integer({ min: 0, max: 8 }), customer: fc.integer({ min: 0, max: 2 }), points: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ kind: fc.constant('redeem' as const), key: fc.integer({ min: 0, max: 8 }), customer: fc.integer({ min: 0, max: 2 }), points: fc.integer({ min: 1, max: 60 }), expected: fc.boolean() }),
  fc.record({ kind: fc.constant('move' as const), from: fc.integer({ min: 0, max: 2 }), to: fc.integer({ min: 0, max: 2 }) }),
);
const at = new Date(Date.UTC(2026, 0, 1));

async function apply(ledger: ReturnType<typeof repos>['loyaltyLedger'], o: Op): Promise<string> {
  if (o.kind === 'move') return codeOf(ledger.reassignCustomer(`c-${o.from}`, `c-${o.to}`).then((ids) => ids.length));
  const entry: LedgerEntry =
    o.kind === 'earn'
      ? { id: `k-${o.key}`, customerId: `c-${o.customer}`, type: 'earn', points: o.points, occurredAt: at }
      : { id: `k-${o.key}`, customerId: `c-${o.customer}`, type: 'redeem', points: -o.points, occurredAt: at };
  const options = o.kind === 'redeem' && o.expected ? { expectedBalance: await ledger.balanceOf(entry.customerId) } : {};
  return ledger.append(entry, options).then(
    (r) => `appended ${r.appended.length} repeated ${r.repeated.length}`,
    (e: unknown) => (isCrmError(e) ? e.code : `not a CrmError: ${String(e)}`),
  );
}

describe('differential: the PostgreSQL ledger against crmkit/memory', () => {
  it('ends every call of a random session the same way, with the same balances and entries', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
        await database.reset();
        const pg = repos().loyaltyLedger;
        const memory = createMemoryRepositories().loyaltyLedger;
        for (const o of ops) expect(await apply(pg, o)).toBe(await apply(memory, o));
        for (const c of ['c-0', 'c-1', 'c-2']) {
          expect(await pg.balanceOf(c)).toBe(await memory.balanceOf(c));
          expect((await pg.entriesOf(c)).map((e) => e.id)).toEqual((await memory.entriesOf(c)).map((e) => e.id));
        }
      }),
      { numRuns: 25, seed: 20260101 },
    );
  });
});

describe('concurrent load (a real pool when PG_URL is set; interleaved on PGlite)', () => {
  it('60 concurrent spends of 1..20 points from 500: the balance is 500 minus exactly the ones that posted, never below 0', async () => {
    const { loyaltyLedger } = repos();
    await loyaltyLedger.append({ id: 'earn:seed', customerId: 'c-1', type: 'earn', points: 500, occurredAt: at });
    const sizes = Array.from({ length: 60 }, (_, i) => (i * 7) % 20 + 1); // 1..20, 630 points asked in all
    const results = await Promise.allSettled(
      sizes.map((points, i) => loyaltyLedger.append({ id: `redeem:${i}`, customerId: 'c-1', type: 'redeem', points: -points, occurredAt: at })),
    );
    let posted = 0;
    const refused: number[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') posted += sizes[i] as number;
      else {
        expect(isCrmError(r.reason, 'INSUFFICIENT_POINTS')).toBe(true);
        refused.push(sizes[i] as number);
      }
    });
    // 630 asked > 500 held: some must fail, and what posted can never exceed 500. A spend of s was
    // refused only when fewer than s points were left, and the balance only falls afterwards: what
    // is left at the end is below the smallest refused spend.
    expect(posted).toBeLessThanOrEqual(500);
    expect(refused.length).toBeGreaterThan(0);
    expect(500 - posted).toBeLessThan(Math.min(...refused));
    expect(await loyaltyLedger.balanceOf('c-1')).toBe(500 - posted);
    expect((await loyaltyLedger.entriesOf('c-1')).reduce((s, e) => s + e.points, 0)).toBe(500 - posted);
  });

  it('10 rounds of 8 concurrent saves of one customer: each round exactly one wins, the version counts the wins', async () => {
    const { customers } = repos();
    let current = await customers.save(sampleCustomer(1), { expectedVersion: 0 });
    for (let round = 0; round < 10; round++) {
      const base = current;
      const results = await Promise.allSettled(Array.from({ length: 8 }, (_, w) => customers.save({ ...base, displayName: `round ${round} writer ${w}` }, { expectedVersion: base.version })));
      const won = results.filter((r): r is PromiseFulfilledResult<Awaited<ReturnType<typeof customers.save>>> => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      current = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof customers.save>>>).value;
    }
    // version 1 at insert, one win per round
    expect((await customers.get(current.id))?.version).toBe(11);
  });
});
