/**
 * The reference HTTP service on Node: `npm run demo:backend`. Runs on PostgreSQL: PGlite in this
 * process by default (nothing to install), or the server at PG_URL (in a schema of its own, dropped
 * when it stops). Listens on 127.0.0.1 (PORT, default 3000; 0 picks a free port) and prints a few
 * curl lines to try. With `--smoke` (used by scripts/run-examples.mjs) it calls itself and exits;
 * otherwise it runs until Ctrl-C.
 */
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { policy, program, segments } from './program';
import { seedCdnow } from './seed';
import { openStorage } from './storage';

const smoke = process.argv.includes('--smoke');
const storage = await openStorage({ url: process.env.PG_URL });
console.log(`Storage: ${storage.name}`);
const started = new Date();
if ((await storage.repositories.customers.count()) === 0) {
  const seeded = await seedCdnow(storage, started);
  console.log(`Seeded the CDNOW sample: ${seeded.customers} customers, ${seeded.transactions} purchases (moved to end today).`);
}
const close = () => storage.close();
const { app, services } = await createApp({ storage, program, policy, segments });
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

/** The requests to try: printed as curl lines, and sent in this order by --smoke (expecting `status`). */
const tries: { method?: string; path: string; headers?: Record<string, string>; body?: unknown; status: number }[] = [
  { path: '/openapi.json', status: 200 },
  { path: '/customers?limit=2', status: 200 },
  { path: '/customers/cdnow-00004', status: 200 },
  { path: '/customers/cdnow-00004/scores', status: 200 },
  { method: 'POST', path: '/customers', body: { kind: 'person', displayName: '李雷', contactPoints: [{ type: 'phone', value: '138 1234 5678' }] }, status: 201 },
  { method: 'PATCH', path: '/customers/cdnow-00004', headers: { 'if-match': '"1"' }, body: { tags: ['vip'] }, status: 200 },
  {
    method: 'POST',
    path: '/customers/cdnow-00004/transactions',
    body: { id: 't-1', type: 'purchase', amount: { amount: '120.00', currency: 'USD' }, occurredAt: started.toISOString() },
    status: 201,
  },
  { method: 'POST', path: '/customers/cdnow-00004/loyalty/redemptions', headers: { 'idempotency-key': 'order-1' }, body: { points: 50 }, status: 201 },
  { path: '/customers/nobody', headers: { 'accept-language': 'zh-CN' }, status: 404 },
  { path: '/segments/champions/members?limit=5', status: 200 },
  { method: 'PUT', path: '/segments/vip', body: { name: 'VIP', rule: { field: 'tags', op: 'hasTag', value: 'vip' } }, status: 200 },
  { path: '/segments/vip/members', status: 200 },
  { path: '/customers/demo-wangfang/view', headers: { 'x-role': 'agent', 'x-principal-id': 'u-7' }, status: 200 },
  { path: '/customers/demo-wangfang/view', headers: { 'x-role': 'manager', 'x-principal-id': 'u-1', 'x-team-ids': 'east' }, status: 200 },
  { path: '/customers/demo-wangfang/view', headers: { 'x-role': 'agent', 'x-principal-id': 'u-8' }, status: 403 },
];

const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
function curl(url: string, t: (typeof tries)[number]): string {
  const parts = ['curl'];
  if (t.method) parts.push('-X', t.method);
  for (const [k, v] of Object.entries(t.headers ?? {})) parts.push('-H', quote(`${k}: ${v}`));
  if (t.body !== undefined) parts.push('-H', quote('content-type: application/json'), '-d', quote(JSON.stringify(t.body)));
  parts.push(quote(`${url}${t.path}`));
  return parts.join(' ');
}

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: smoke ? 0 : Number(process.env.PORT ?? 3000) }, (info) => {
  const url = `http://127.0.0.1:${info.port}`;
  console.log(`\ncrmkit reference service on ${url} (${storage.name})\n`);
  for (const t of tries) console.log(`  ${curl(url, t)}`);
  if (smoke) void selfCheck(url);
  else console.log('\nCtrl-C to stop.');
});

async function selfCheck(url: string): Promise<void> {
  const stop = setTimeout(() => {
    console.error('smoke check timed out');
    process.exit(1);
  }, 60_000);
  try {
    for (const t of tries) {
      const res = await fetch(`${url}${t.path}`, {
        method: t.method ?? 'GET',
        headers: { ...t.headers, ...(t.body !== undefined && { 'content-type': 'application/json' }) },
        ...(t.body !== undefined && { body: JSON.stringify(t.body) }),
      });
      await res.arrayBuffer();
      console.log(`smoke: ${t.method ?? 'GET'} ${t.path} -> ${res.status}`);
      if (res.status !== t.status) process.exitCode = 1;
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
