/**
 * The reference HTTP service: crmkit behind a Hono app. `createApp` takes the storage (storage/:
 * PGlite, a PostgreSQL server or memory), the loyalty programme, the access policy and a clock,
 * fits the scoring models and builds the duplicate index from what is stored, and returns the app.
 * Routes live in routes/ by resource; errors leave through one handler (problem.ts); the OpenAPI
 * document is generated from the same route table (openapi.ts).
 */
import { Hono } from 'hono';
import { CrmError } from 'crmkit';
import type { LoyaltyProgram } from 'crmkit/loyalty';
import type { AccessPolicy } from 'crmkit/privacy';
import { buildDuplicateIndex } from 'crmkit/quality';
import type { DuplicatePolicy, Services, Storage, StoredSegment } from './context';
import { openApiDocument } from './openapi';
import { onError } from './problem';
import { type AnyRoute, mount } from './route';
import { customerRoutes } from './routes/customers';
import { loyaltyRoutes } from './routes/loyalty';
import { privacyRoutes } from './routes/privacy';
import { recordRoutes } from './routes/records';
import { scoreRoutes } from './routes/scores';
import { segmentRoutes } from './routes/segments';
import { createScoring } from './scoring';

export interface AppOptions {
  readonly storage: Storage;
  readonly program: LoyaltyProgram;
  /** Who may see what (GET /customers/{id}/view). */
  readonly policy: AccessPolicy;
  /** The clock (tests pass a fixed one). Default: the system clock. */
  readonly now?: () => Date;
  /** Likely duplicates on create: 'warn' (201 with the candidates, default) or 'block' (409). */
  readonly duplicatePolicy?: DuplicatePolicy;
  /** Segments stored at start-up unless a segment with the id is stored already. */
  readonly segments?: readonly StoredSegment[];
  /** Check every response body against its schema before sending it (tests). Default false. */
  readonly checkResponses?: boolean;
}

export async function createApp(options: AppOptions): Promise<{ app: Hono; services: Services; openapi: Record<string, unknown> }> {
  const now = options.now ?? (() => new Date());
  const { storage, program } = options;
  const { repositories } = storage;
  for (const segment of options.segments ?? []) {
    if ((await storage.segments.get(segment.id)) === undefined) await storage.segments.put(segment);
  }
  const services: Services = {
    storage,
    repositories,
    program,
    now,
    duplicates: await buildDuplicateIndex(repositories.customers.stream()),
    duplicatePolicy: options.duplicatePolicy ?? 'warn',
    scoring: await createScoring(repositories, { asOf: now(), currency: program.currency }),
    outbox: storage.outbox,
    policy: options.policy,
  };
  const routes: AnyRoute[] = [
    ...customerRoutes(services),
    ...recordRoutes(services),
    ...loyaltyRoutes(services),
    ...scoreRoutes(services),
    ...segmentRoutes(services),
    ...privacyRoutes(services),
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
