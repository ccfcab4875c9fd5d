// examples/postgres against every contract suite in crmkit/testing, unchanged: on PGlite in the unit
// run, on a real PostgreSQL server when PG_URL is set (.ci/run does that). The expected behaviour is
// the contracts' own; nothing here restates it.
import { afterAll } from 'vitest';
import {
  customerRepositoryContract,
  interactionRepositoryContract,
  loyaltyLedgerRepositoryContract,
  opportunityRepositoryContract,
  transactionRepositoryContract,
} from 'crmkit/testing';
import { createPostgresRepositories } from '../../examples/postgres';
import { openTestDatabase } from './postgresDb';

const database = await openTestDatabase();
afterAll(() => database.close());

const fresh = async () => {
  await database.reset();
  return createPostgresRepositories(database.db);
};

customerRepositoryContract(async () => (await fresh()).customers);
transactionRepositoryContract(async () => (await fresh()).transactions);
interactionRepositoryContract(async () => (await fresh()).interactions);
loyaltyLedgerRepositoryContract(async () => (await fresh()).loyaltyLedger);
opportunityRepositoryContract(async () => (await fresh()).opportunities);
