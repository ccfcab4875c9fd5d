// Starts the reference service (examples/backend) on 127.0.0.1 with a random port, on a fresh
// PGlite database (or, with PG_URL set, a schema of its own on that PostgreSQL server, dropped on
// close) seeded with the CDNOW sample moved to end at ASOF, with a fixed clock and every response
// checked against its schema. Shared by the backend*.test.ts files.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { type AppOptions, createApp } from '../../examples/backend/app';
import type { Storage } from '../../examples/backend/context';
import { policy, program, segments } from '../../examples/backend/program';
import { seedCdnow } from '../../examples/backend/seed';
import { openStorage } from '../../examples/backend/storage';

export const ASOF = new Date('2026-06-30T00:00:00Z');

export interface Backend {
  readonly url: string;
  readonly services: Awaited<ReturnType<typeof createApp>>['services'];
  readonly openapi: Record<string, unknown>;
  readonly storage: Storage;
  close(): Promise<void>;
}

/** Where the tests run: PGlite, or the server at PG_URL (set by .ci/run). */
export const STORAGE = process.env.PG_URL ? 'PostgreSQL server (PG_URL)' : 'PGlite';

export async function startBackend(options: Partial<AppOptions> & { readonly seed?: boolean; readonly memory?: boolean } = {}): Promise<Backend> {
  const { seed = true, memory = false, ...appOptions } = options;
  const storage = await openStorage({ url: process.env.PG_URL, memory });
  if (seed) await seedCdnow(storage, ASOF);
  const { app, services, openapi } = await createApp({ storage, program, policy, segments, now: () => new Date(ASOF), checkResponses: true, ...appOptions });
  // A deep accept queue: PGlite runs in this thread, so while it works, 1,000 clients connecting at
  // once wait in the kernel's queue (Node's default of 511 overflows and the kernel resets some).
  // Idle keep-alive sockets are never closed by the server (close() ends them): on a loaded machine
  // the client's timer for its side fires late, reuses a socket the server just closed, and the
  // request fails with ECONNRESET.
  const server = createAdaptorServer({ fetch: app.fetch });
  (server as import('node:http').Server).keepAliveTimeout = 0;
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    services,
    openapi,
    storage,
    close: async () => {
      await new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      });
      await storage.close();
    },
  };
}

/** A parsed JSON body: the tests read it as the documented shapes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** fetch with a JSON body; returns status, headers and the parsed body. */
export async function call(url: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(url, {
    method: init.method ?? 'GET',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text === '' ? undefined : JSON.parse(text)) as Json };
}
