/**
 * The reference HTTP service: crmkit behind a Hono app. `createApp` takes the repositories (any
 * implementation of crmkit's repository interfaces), the loyalty programme and a clock, fits the
 * scoring models and builds the duplicate index from what is stored, and returns the app. Routes
 * live in routes/ by resource; errors leave through one handler (problem.ts); the OpenAPI document
 * is generated from the same route table (openapi.ts).
 */
import { Hono } from 'hono';
import { CrmError, type DomainEvent } from 'crmkit';
import type { LoyaltyProgram } from 'crmkit/loyalty';
import { MemoryOutboxStore } from 'crmkit/memory';
import { buildDuplicateIndex } from 'crmkit/quality';
import { type Outbox, createOutbox } from 'crmkit/service';
import type { DuplicatePolicy, Repositories, Services, StoredSegment } from './context';
import { openApiDocument } from './openapi';
import { onError } from './problem';
import { type AnyRoute, mount } from './route';
import { customerRoutes } from './routes/customers';
import { loyaltyRoutes } from './routes/loyalty';
import { recordRoutes } from './routes/records';
import { scoreRoutes } from './routes/scores';
import { createScoring } from './scoring';

export interface AppOptions {
  readonly repositories: Repositories;
  readonly program: LoyaltyProgram;
  /** The clock (tests pass a fixed one). Default: the system clock. */
  readonly now?: () => Date;
  /** Likely duplicates on create: 'warn' (201 with the candidates, default) or 'block' (409). */
  readonly duplicatePolicy?: DuplicatePolicy;
  readonly segments?: ReadonlyMap<string, StoredSegment>;
  /** Where domain events go; default an in-memory outbox (a table beside the others on a database). */
  readonly outbox?: Outbox<DomainEvent<string>>;
  /** Check every response body against its schema before sending it (tests). Default false. */
  readonly checkResponses?: boolean;
}

export async function createApp(options: AppOptions): Promise<{ app: Hono; services: Services; openapi: Record<string, unknown> }> {
  const now = options.now ?? (() => new Date());
  const { repositories, program } = options;
  const services: Services = {
    repositories,
    program,
    now,
    duplicates: await buildDuplicateIndex(repositories.customers.stream()),
    duplicatePolicy: options.duplicatePolicy ?? 'warn',
    scoring: await createScoring(repositories, { asOf: now(), currency: program.currency }),
    segments: options.segments ?? new Map(),
    outbox: options.outbox ?? createOutbox(new MemoryOutboxStore<DomainEvent<string>>()),
  };
  const routes: AnyRoute[] = [
    ...customerRoutes(services),
    ...recordRoutes(services),
    ...loyaltyRoutes(services),
    ...scoreRoutes(services),
  ];
  const openapi = openApiDocument(routes, { title: 'crmkit reference service', version: '0.1.0' });
  const app = new Hono();
  app.onError(onError);
  app.notFound(() => {
    throw new CrmError('NOT_FOUND');
  });
  app.get('/openapi.json', (c) => c.json(openapi));
  mount(app, routes, { checkResponses: options.checkResponses ?? false });
  return { app, services, openapi };
}
