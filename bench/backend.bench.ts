/**
 * The reference service (examples/backend) over loopback HTTP, on the memory repositories seeded
 * with the CDNOW sample: requests per second and p50 / p99 latency for reading a customer and for
 * scoring one, with a fixed number of requests at a fixed concurrency (it stops by itself). The
 * baseline, measured in the same process, is a bare Hono route answering `{}`: the ratios say what
 * crmkit's work costs on top of HTTP and the framework.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { createMemoryRepositories } from 'crmkit/memory';
import { createApp } from '../examples/backend/app';
import { program, segments } from '../examples/backend/program';
import { seedCdnow } from '../examples/backend/seed';
import { report } from './harness';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const asOf = new Date('2026-06-30T00:00:00Z');

async function listen(fetchHandler: (req: Request) => Response | Promise<Response>) {
  const server = serve({ fetch: fetchHandler, hostname: '127.0.0.1', port: 0 });
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** `REQUESTS` GETs of `urls` (round robin), `CONCURRENCY` at a time; latency quantiles in ms. */
async function load(name: string, urls: readonly string[], baselinePerSecond?: number): Promise<number> {
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

const repositories = createMemoryRepositories();
await seedCdnow(repositories, asOf);
const { app } = await createApp({ repositories, program, segments, now: () => new Date(asOf) });
const service = await listen(app.fetch);
const ids: string[] = [];
for await (const c of repositories.customers.stream()) if (ids.length < 500) ids.push(c.id);

await load('warm-up', [`${baseline.url}/`, `${service.url}/customers/${ids[0]}`, `${service.url}/customers/${ids[0]}/scores`]);
const base = await load('baseline: bare Hono GET {}', [`${baseline.url}/`]);
await load('GET /customers/{id}', ids.map((id) => `${service.url}/customers/${id}`), base);
await load('GET /customers/{id}/scores', ids.map((id) => `${service.url}/customers/${id}/scores`), base);

baseline.server.close();
service.server.close();
process.exit(0);
