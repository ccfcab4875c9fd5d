/**
 * The service's storage on PostgreSQL (examples/postgres): PGlite or a server. `transact` opens a
 * transaction and builds the repositories and the outbox over it, so a change and its domain
 * events commit together (the transactional outbox). Segment members are computed by PostgreSQL
 * through crmkit's `toSql`, after the current metrics are written beside the customers.
 */
import type { DomainEvent } from 'crmkit';
import type { CustomerMetrics } from 'crmkit/segmentation';
import { createOutbox } from 'crmkit/service';
import { type Db, type OpenDatabase, PostgresOutboxStore, PostgresSegmentStore, createPostgresRepositories, withinTransaction } from '../../postgres';
import type { Scope, SegmentStore, Storage } from '../context';

/** Events come back from the outbox table as JSON: their time becomes a Date again. */
const reviveEvent = (json: unknown): DomainEvent<string> => {
  const e = json as DomainEvent<string> & { occurredAt: string };
  return { ...e, occurredAt: new Date(e.occurredAt) };
};

const scopeOf = (db: Db): Scope => ({
  repositories: createPostgresRepositories(db),
  outbox: createOutbox(new PostgresOutboxStore(db, reviveEvent)),
});

export function postgresStorage(database: OpenDatabase): Storage {
  const { db } = database;
  const store = new PostgresSegmentStore(db);
  // The metrics last written to customer_metrics; rewritten when the scoring gives a new map.
  let written: ReadonlyMap<string, CustomerMetrics> | undefined;
  let writing: Promise<void> | undefined;
  const sync = async (metrics: ReadonlyMap<string, CustomerMetrics>): Promise<void> => {
    while (written !== metrics) {
      if (writing === undefined) {
        writing = store.writeMetrics(metrics).then(
          () => {
            written = metrics;
            writing = undefined;
          },
          (e: unknown) => {
            writing = undefined;
            throw e;
          },
        );
      }
      await writing;
    }
  };
  const segments: SegmentStore = {
    put: (segment) => store.put(segment),
    get: (id) => store.get(id),
    list: () => store.list(),
    async members(rule, { asOf, metrics, after, limit }) {
      await sync(metrics);
      return store.members(rule, { asOf, limit, ...(after !== undefined && { after }) });
    },
  };
  return {
    name: database.name,
    ...scopeOf(db),
    segments,
    transact: (work, options) =>
      db.transaction(async (tx) => {
        // A lock on the customer's id until commit: their postings queue here instead of racing.
        if (options?.customerId !== undefined) await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [options.customerId]);
        return work(scopeOf(withinTransaction(tx)));
      }),
    close: () => database.close(),
  };
}
