// The loyalty-ledger contract against planted bugs in the PostgreSQL ledger (examples/postgres):
// scripts/mutate-contracts.mjs writes one mutated copy of PostgresLoyaltyLedgerRepository.ts per
// bug and lists them in CRMKIT_LEDGER_MUTANTS; each runs the unchanged contract in a describe block
// named after it, on PGlite (or the PG_URL server). Skipped in the unit run, where
// test/examples/postgres.test.ts runs the contract against the real ledger.
import { afterAll, describe, it } from 'vitest';
import { loyaltyLedgerRepositoryContract } from 'crmkit/testing';
import type { Db } from '../../examples/postgres';
import type { LoyaltyLedgerRepository } from 'crmkit/repository';
import { openTestDatabase } from './postgresDb';

const mutants = JSON.parse(process.env.CRMKIT_LEDGER_MUTANTS ?? '[]') as { name: string; file: string }[];

if (mutants.length === 0) {
  describe.skip('ledger mutants (planted by scripts/mutate-contracts.mjs)', () => {
    it('runs only with CRMKIT_LEDGER_MUTANTS', () => {});
  });
} else {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  for (const { name, file } of mutants) {
    const mod = (await import(/* @vite-ignore */ file)) as { PostgresLoyaltyLedgerRepository: new (db: Db) => LoyaltyLedgerRepository };
    describe(name, () => {
      loyaltyLedgerRepositoryContract(async () => {
        await database.reset();
        return new mod.PostgresLoyaltyLedgerRepository(database.db);
      });
    });
  }
}
