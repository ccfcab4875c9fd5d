import type { MemoryRepositories } from 'crmkit/memory';
import type { Db } from './db';
import { PostgresCustomerRecordRepository } from './PostgresCustomerRecordRepository';
import { PostgresCustomerRepository } from './PostgresCustomerRepository';
import { PostgresLoyaltyLedgerRepository } from './PostgresLoyaltyLedgerRepository';
import { PostgresOpportunityRepository } from './PostgresOpportunityRepository';
import { INTERACTIONS, TRANSACTIONS } from './recordTables';

/**
 * The repositories crmkit works with, on PostgreSQL: the same shape as `createMemoryRepositories()`
 * from `crmkit/memory`, so a backend swaps one for the other.
 */
export type PostgresRepositories = MemoryRepositories;

/**
 * Creates the PostgreSQL repositories over one database. The schema must exist: run
 * {@link migrate} first (once per database, not per call).
 *
 * @param db - a `pg.Pool` through {@link fromPgPool}, or PGlite through {@link fromPGlite}
 * @returns customers, transactions, interactions, loyalty ledger and opportunities repositories
 *
 * @example
 * ```ts
 * import { PGlite } from '@electric-sql/pglite';
 * const db = fromPGlite(new PGlite());
 * await migrate(db);
 * const { customers, loyaltyLedger } = createPostgresRepositories(db);
 * await customers.count();
 * //=> 0
 * ```
 */
export function createPostgresRepositories(db: Db): PostgresRepositories {
  return {
    customers: new PostgresCustomerRepository(db),
    transactions: new PostgresCustomerRecordRepository(db, TRANSACTIONS),
    interactions: new PostgresCustomerRecordRepository(db, INTERACTIONS),
    loyaltyLedger: new PostgresLoyaltyLedgerRepository(db),
    opportunities: new PostgresOpportunityRepository(db),
  };
}
