/** What the routes share: the storage, the loyalty programme, the clock and the helpers. */
import type { DomainEvent } from 'crmkit';
import type { LoyaltyProgram } from 'crmkit/loyalty';
import type { MemoryRepositories } from 'crmkit/memory';
import type { AccessPolicy } from 'crmkit/privacy';
import type { DuplicateIndex } from 'crmkit/quality';
import type { CustomerMetrics, SegmentRule } from 'crmkit/segmentation';
import type { Outbox } from 'crmkit/service';
import type { SegmentMembersPage, StoredSegment } from '../postgres';
import type { Scoring } from './scoring';

export type { SegmentMembersPage, StoredSegment };

/**
 * The repositories the service runs on: the shape of `createMemoryRepositories()`, which the
 * PostgreSQL repositories (examples/postgres) share.
 */
export type Repositories = MemoryRepositories;

/** Repositories and an outbox that write together (in one transaction, on a database). */
export interface Scope {
  readonly repositories: Repositories;
  readonly outbox: Outbox<DomainEvent<string>>;
}

/** Stored segment rules, and the customers a rule selects. */
export interface SegmentStore {
  put(segment: { readonly id: string; readonly name: string; readonly rule: unknown }): Promise<StoredSegment>;
  get(id: string): Promise<StoredSegment | undefined>;
  list(): Promise<StoredSegment[]>;
  /** Members in id order after `after`; `metrics` are the current RFM metrics of every customer. */
  members(
    rule: SegmentRule,
    options: { readonly asOf: Date; readonly metrics: ReadonlyMap<string, CustomerMetrics>; readonly after?: string; readonly limit: number },
  ): Promise<SegmentMembersPage>;
}

/**
 * Where the service keeps its data (storage/): PGlite by default, a PostgreSQL server with PG_URL,
 * or memory. `transact` runs `work` with repositories and an outbox that commit together.
 */
export interface Storage extends Scope {
  /** What it runs on, for people ('PGlite (in process)', 'PostgreSQL 15.x, schema ...', 'memory'). */
  readonly name: string;
  readonly segments: SegmentStore;
  /**
   * Runs `work` in one transaction. With `customerId`, transactions of that customer take turns
   * (postings then never race: no compare-and-set retries on a busy balance).
   */
  transact<T>(work: (scope: Scope) => Promise<T>, options?: { readonly customerId?: string }): Promise<T>;
  close(): Promise<void>;
}

/** What to do when a new customer looks like one we have: create it and say so, or refuse it. */
export type DuplicatePolicy = 'warn' | 'block';

export interface Services {
  readonly storage: Storage;
  readonly repositories: Repositories;
  readonly program: LoyaltyProgram;
  readonly now: () => Date;
  readonly duplicates: DuplicateIndex;
  readonly duplicatePolicy: DuplicatePolicy;
  readonly scoring: Scoring;
  readonly outbox: Outbox<DomainEvent<string>>;
  readonly policy: AccessPolicy;
}

/** Page size from `?limit=`: 1 to 1000, default 50. */
export function limitOf(raw: string | undefined): number {
  const n = raw === undefined ? 50 : Number(raw);
  return Number.isSafeInteger(n) && n >= 1 && n <= 1000 ? n : 50;
}
