/**
 * The reference service (examples/backend) over loopback HTTP on each storage it runs on: PGlite
 * (always) and the PostgreSQL server at PG_URL (when set), seeded with the CDNOW sample. Requests
 * per second and p50 / p99 latency for reading a customer and for scoring one, with a fixed number
 * of requests at a fixed concurrency (it stops by itself). The baseline, measured in the same
 * process, is a bare Hono route answering `{}`: the ratios say what crmkit and the storage cost on
 * top of HTTP and the framework.
 *   npm run bench -- backend                          PGlite
 *   PG_URL=postgres://... npm run bench -- backend    PGlite and the server
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../examples/backend/app';
import { policy, program, segments } from '../examples/backend/program';
import { seedCdnow } from '../examples/backend/seed';
import { openStorage } from '../examples/backend/storage';
import { report } from './harness';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const asOf = new Date('2026-06-30T00:00:00Z');

async function listen(fetchHandler: (req: Request) => Response | Promise<Response>) {
  const server = createAdaptorServer({ fetch: fetchHandler });
  server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** `REQUESTS` GETs of `urls` (round robin), `CONCURRENCY` at a time; latency quantiles in ms. */
async function load(name: string, storage: string, urls: readonly string[], baselinePerSecond?: number): Promise<number> {
  const latencies = new Float64Array(REQUESTS);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < REQUESTS; i = next++) {
      const t0 = performance.now();
      const res = await fetch(urls[i % urls.length] as string);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${name}: status ${res.status}`);
      latencies[i] = performance.now() - t0;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort();
  const q = (p: number) => Math.round((latencies[Math.min(REQUESTS - 1, Math.floor(p * REQUESTS))] as number) * 100) / 100;
  const perSecond = Math.round(REQUESTS / seconds);
  report({
    bench: 'backend',
    name,
    storage,
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    perSecond,
    p50Ms: q(0.5),
    p99Ms: q(0.99),
    ...(baselinePerSecond !== undefined && { throughputVsBaseline: Math.round((perSecond / baselinePerSecond) * 1000) / 1000 }),
  });
  return perSecond;
}

const bare = new Hono().get('/', (c) => c.json({}));
const baseline = await listen(bare.fetch);
await load('warm-up', 'none', [`${baseline.url}/`]);

for (const url of [undefined, process.env.PG_URL].filter((u, i) => i === 0 || u)) {
  const storage = await openStorage({ url });
  await seedCdnow(storage, asOf);
  const { app } = await createApp({ storage, program, policy, segments, now: () => new Date(asOf) });
  const service = await listen(app.fetch);
  const ids: string[] = [];
  for await (const c of storage.repositories.customers.stream()) if (ids.length < 500 && c.id.startsWith('cdnow-')) ids.push(c.id);
  const kind = url ? 'PostgreSQL server' : 'PGlite';
  await load('warm-up', kind, [`${service.url}/customers/${ids[0]}`, `${service.url}/customers/${ids[0]}/scores`]);
  // The baseline again right before each pair, so the ratios compare like with like on a busy machine.
  const base = await load('baseline: bare Hono GET {}', kind, [`${baseline.url}/`]);
  await load('GET /customers/{id}', kind, ids.map((id) => `${service.url}/customers/${id}`), base);
  await load('GET /customers/{id}/scores', kind, ids.map((id) => `${service.url}/customers/${id}/scores`), base);
  service.server.close();
  await storage.close();
}

baseline.server.close();
process.exit(0);
