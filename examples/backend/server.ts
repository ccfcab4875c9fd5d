/**
 * The reference HTTP service on Node: `npm run demo:backend`. Listens on 127.0.0.1 (PORT, default
 * 3000; 0 picks a free port) and prints a few curl lines to try. With `--smoke` (used by
 * scripts/run-examples.mjs) it calls itself once and exits; otherwise it runs until Ctrl-C.
 */
import { serve } from '@hono/node-server';
import { createMemoryRepositories } from 'crmkit/memory';
import { createApp } from './app';
import type { Repositories } from './context';
import { program, segments } from './program';
import { seedCdnow } from './seed';

/**
 * The storage the service runs on: the one place to change. Memory here; PGlite or a PostgreSQL
 * server (PG_URL) through examples/postgres have the same shape.
 */
async function openRepositories(): Promise<{ repositories: Repositories; close: () => Promise<void> }> {
  return { repositories: createMemoryRepositories(), close: async () => {} };
}

const smoke = process.argv.includes('--smoke');
const { repositories, close } = await openRepositories();
const started = new Date();
if ((await repositories.customers.count()) === 0) {
  const seeded = await seedCdnow(repositories, started);
  console.log(`Seeded the CDNOW sample: ${seeded.customers} customers, ${seeded.transactions} purchases (moved to end today).`);
}
const { app, services } = await createApp({ repositories, program, segments });
const fitted = services.scoring.models;
console.log(fitted ? `Fitted BG/NBD and Gamma-Gamma to ${fitted.customers} customers.` : 'Too little history to fit the CLV models: scores come without them.');

// The outbox relay: domain events (CustomerRegistered, CustomerUpdated) leave here; a real service
// publishes them to its queue. A batch that fails to publish stays for the next round.
const relay = setInterval(() => {
  services.outbox
    .relay(async (batch) => batch.forEach((m) => console.log(`event ${m.id}: ${m.event.type}`)), { now: new Date() })
    .catch((e: unknown) => console.error('outbox relay failed', e));
}, 1000);
relay.unref();

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: smoke ? 0 : Number(process.env.PORT ?? 3000) }, (info) => {
  const url = `http://127.0.0.1:${info.port}`;
  console.log(`\ncrmkit reference service on ${url}\n`);
  console.log(`  curl ${url}/openapi.json`);
  console.log(`  curl ${url}/customers?limit=2`);
  console.log(`  curl -i ${url}/customers/cdnow-00004`);
  console.log(`  curl ${url}/customers/cdnow-00004/scores`);
  console.log(`  curl -X POST ${url}/customers -H 'content-type: application/json' -d '{"kind":"person","displayName":"李雷","contactPoints":[{"type":"phone","value":"138 1234 5678"}]}'`);
  console.log(`  curl -X PATCH ${url}/customers/cdnow-00004 -H 'if-match: "1"' -H 'content-type: application/json' -d '{"tags":["vip"]}'`);
  console.log(`  curl -X POST ${url}/customers/cdnow-00004/transactions -H 'content-type: application/json' -d '{"id":"t-1","type":"purchase","amount":{"amount":"120.00","currency":"USD"},"occurredAt":"${started.toISOString()}"}'`);
  console.log(`  curl -X POST ${url}/customers/cdnow-00004/loyalty/redemptions -H 'idempotency-key: order-1' -H 'content-type: application/json' -d '{"points":50}'`);
  console.log(`  curl -H 'accept-language: zh-CN' ${url}/customers/nobody`);
  console.log(`  curl ${url}/segments/champions/members?limit=5`);
  if (smoke) void selfCheck(url);
  else console.log('\nCtrl-C to stop.');
});

async function selfCheck(url: string): Promise<void> {
  const stop = setTimeout(() => {
    console.error('smoke check timed out');
    process.exit(1);
  }, 30_000);
  try {
    for (const path of ['/openapi.json', '/customers/cdnow-00004', '/customers/cdnow-00004/scores']) {
      const res = await fetch(`${url}${path}`);
      console.log(`smoke: GET ${path} -> ${res.status}`);
      if (res.status !== 200) process.exitCode = 1;
      await res.arrayBuffer();
    }
  } finally {
    clearTimeout(stop);
    clearInterval(relay);
    server.close();
    await close();
  }
}

process.once('SIGINT', () => {
  clearInterval(relay);
  server.close();
  void close().then(() => process.exit(0));
});
