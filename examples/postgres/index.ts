/**
 * crmkit's repositories on PostgreSQL with `pg` (or PGlite): a reference implementation to copy
 * into your project and adapt. crmkit itself stays storage-agnostic; this folder passes every
 * contract suite in `crmkit/testing` (test/examples/postgres.test.ts).
 *
 * @module examples/postgres
 */
export { createPostgresRepositories, type PostgresRepositories } from './createPostgresRepositories';
export { fromPGlite, fromPgPool, withinTransaction, type Db, type Queryable, type SqlResult } from './db';
export { bundledMigrations, migrate, splitStatements, type Migration } from './migrate';
export { openDatabase, type OpenDatabase } from './open';
export { PostgresCustomerRepository } from './PostgresCustomerRepository';
export { PostgresCustomerRecordRepository } from './PostgresCustomerRecordRepository';
export { PostgresLoyaltyLedgerRepository } from './PostgresLoyaltyLedgerRepository';
export { PostgresOpportunityRepository } from './PostgresOpportunityRepository';
export { PostgresOutboxStore } from './PostgresOutboxStore';
export { PostgresSegmentStore, SEGMENT_COLUMNS, type SegmentMembersPage, type StoredSegment } from './PostgresSegmentStore';
export { INTERACTIONS, TRANSACTIONS, type RecordColumn, type RecordTable } from './recordTables';
