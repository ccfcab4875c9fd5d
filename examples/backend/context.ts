/** What the routes share: the repositories, the loyalty programme, the clock and the helpers. */
import type { DomainEvent } from 'crmkit';
import type { LoyaltyProgram } from 'crmkit/loyalty';
import type { MemoryRepositories } from 'crmkit/memory';
import type { DuplicateIndex } from 'crmkit/quality';
import type { SegmentRule } from 'crmkit/segmentation';
import type { Outbox } from 'crmkit/service';
import type { Scoring } from './scoring';

/**
 * The repositories the service runs on: the shape of `createMemoryRepositories()`, which the
 * PostgreSQL repositories (examples/postgres) share, so server.ts swaps one for the other.
 */
export type Repositories = MemoryRepositories;

/** What to do when a new customer looks like one we have: create it and say so, or refuse it. */
export type DuplicatePolicy = 'warn' | 'block';

export interface StoredSegment {
  readonly id: string;
  readonly name: string;
  readonly rule: SegmentRule;
}

export interface Services {
  readonly repositories: Repositories;
  readonly program: LoyaltyProgram;
  readonly now: () => Date;
  readonly duplicates: DuplicateIndex;
  readonly duplicatePolicy: DuplicatePolicy;
  readonly scoring: Scoring;
  readonly segments: ReadonlyMap<string, StoredSegment>;
  readonly outbox: Outbox<DomainEvent<string>>;
}

/** Page size from `?limit=`: 1 to 1000, default 50. */
export function limitOf(raw: string | undefined): number {
  const n = raw === undefined ? 50 : Number(raw);
  return Number.isSafeInteger(n) && n >= 1 && n <= 1000 ? n : 50;
}
