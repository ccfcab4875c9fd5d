// End to end: the reference service (examples/backend) on 127.0.0.1, driven over HTTP with fetch,
// on PGlite (or the PostgreSQL server at PG_URL: see backendServer.ts).
// Expected values: CDNOW counts from examples/data/README.md (2,357 customers); points from the demo
// programme worked by hand (1 point per whole dollar, floor); P(alive) from a second implementation
// of the BG/NBD closed form (Fader, Hardie & Lee 2005, eq. 13) with the fitted parameters; lifecycle
// stages from the default policy's thresholds (at risk after 90 days, churned after 180); messages
// from crmkit's message catalogue (src/core/locales) filled in by hand.
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ASOF, type Backend, call, startBackend } from './backendServer';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
}, 120_000);
afterAll(() => b?.close());

const lilei = { kind: 'person', displayName: '李雷', contactPoints: [{ type: 'phone', value: '138 1234 5678' }] };

describe('customers', () => {
  it('create: 201 with ETag "1" and Location; a likely duplicate comes back with the second create', async () => {
    const first = await call(`${b.url}/customers`, { method: 'POST', body: { ...lilei, id: 'c-lilei' } });
    expect(first.status).toBe(201);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.headers.get('location')).toBe('/customers/c-lilei');
    expect(first.body.customer.contactPoints[0].value).toBe('+8613812345678');
    expect(first.body.likelyDuplicates).toEqual([]);
    // The same phone and the traditional-script name: the duplicate index's 'match' (see createDuplicateIndex).
    const second = await call(`${b.url}/customers`, { method: 'POST', body: { id: 'c-lilei-2', kind: 'person', displayName: '李雷', contactPoints: [{ type: 'phone', value: '+86 138-1234-5678' }] } });
    expect(second.status).toBe(201);
    expect(second.body.likelyDuplicates.map((d: { customerId: string; status: string }) => [d.customerId, d.status])).toEqual([['c-lilei', 'match']]);
  });

  it('create under the block policy: 409 LIKELY_DUPLICATE naming the candidate ids, nothing stored', async () => {
    const blocking = await startBackend({ seed: false, duplicatePolicy: 'block' });
    try {
      expect((await call(`${blocking.url}/customers`, { method: 'POST', body: { ...lilei, id: 'a' } })).status).toBe(201);
      const r = await call(`${blocking.url}/customers`, { method: 'POST', body: { ...lilei, id: 'b' }, headers: { 'accept-language': 'zh-CN' } });
      expect(r.status).toBe(409);
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      expect([r.body.code, r.body.candidates, r.body.detail]).toEqual(['LIKELY_DUPLICATE', ['a'], '客户疑似与 1 条现有记录重复']);
      expect((await call(`${blocking.url}/customers/b`)).status).toBe(404);
    } finally {
      await blocking.close();
    }
  });

  it('validation: 422 problem+json with each issue and its path, localised, never echoing the value', async () => {
    const bad = { kind: 'person', displayName: '韩梅梅', contactPoints: [{ type: 'phone', value: '139 0000' }] };
    const en = await call(`${b.url}/customers`, { method: 'POST', body: bad });
    const zh = await call(`${b.url}/customers`, { method: 'POST', body: bad, headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' } });
    for (const r of [en, zh]) {
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('VALIDATION_FAILED');
      expect(r.body.issues.map((i: { path: string[] }) => i.path)).toEqual([['contactPoints', '0', 'value']]);
      const text = JSON.stringify(r.body);
      for (const personal of ['139 0000', '1390000', '韩梅梅']) expect(text).not.toContain(personal);
    }
    expect(en.headers.get('content-language')).toBe('en');
    expect(zh.headers.get('content-language')).toBe('zh-CN');
    expect(zh.body.detail).toMatch(/\p{Script=Han}/u);
    expect(en.body.detail).not.toMatch(/\p{Script=Han}/u);
  });

  it('read: 404 problem in the asked language (catalogue: "未找到 {entity} {id}")', async () => {
    const r = await call(`${b.url}/customers/nobody`, { headers: { 'accept-language': 'zh-CN' } });
    expect([r.status, r.body.code, r.body.detail, r.body.type]).toEqual([404, 'NOT_FOUND', '未找到 客户 nobody', 'https://crmkit.dev/errors#NOT_FOUND']);
    const en = await call(`${b.url}/customers/nobody`);
    expect(en.body.detail).toBe('customer nobody was not found');
    // Accept-Language by q-value; a language crmkit has no catalogue for falls back to en.
    const byQ = async (header: string) => (await call(`${b.url}/customers/nobody`, { headers: { 'accept-language': header } })).headers.get('content-language');
    expect(await byQ('en;q=0.4, zh-CN;q=0.8')).toBe('zh-CN');
    expect(await byQ('zh-CN;q=0.3, en-GB;q=0.9')).toBe('en');
    expect(await byQ('fr-FR, de;q=0.5')).toBe('en');
    expect(await byQ('zh-Hans-CN')).toBe('zh-CN');
  });

  it('update: If-Match carries the version; 200 with the next ETag, 412 when stale, 428 when missing', async () => {
    await call(`${b.url}/customers`, { method: 'POST', body: { id: 'c-edit', kind: 'person', displayName: 'Ann Lee' } });
    const read = await call(`${b.url}/customers/c-edit`);
    expect(read.headers.get('etag')).toBe('"1"');
    const ok = await call(`${b.url}/customers/c-edit`, { method: 'PATCH', body: { tags: ['vip'] }, headers: { 'if-match': '"1"' } });
    expect([ok.status, ok.headers.get('etag'), ok.body.tags, ok.body.version]).toEqual([200, '"2"', ['vip'], 2]);
    const stale = await call(`${b.url}/customers/c-edit`, { method: 'PATCH', body: { ownerId: 'u-1' }, headers: { 'if-match': '"1"' } });
    expect([stale.status, stale.body.code, stale.body.expectedVersion, stale.body.actualVersion]).toEqual([412, 'CONCURRENCY_CONFLICT', 1, 2]);
    const missing = await call(`${b.url}/customers/c-edit`, { method: 'PATCH', body: { ownerId: 'u-1' } });
    expect([missing.status, missing.body.code]).toEqual([428, 'INVALID_ARGUMENT']);
    const immutable = await call(`${b.url}/customers/c-edit`, { method: 'PATCH', body: { kind: 'organization' }, headers: { 'if-match': '"2"' } });
    expect([immutable.status, immutable.body.issues?.[0]?.code]).toEqual([422, 'unrecognized_keys']);
  });

  it('domain events of creates and updates wait in the outbox, keyed by customer and version', async () => {
    await call(`${b.url}/customers`, { method: 'POST', body: { id: 'c-events', kind: 'person', displayName: 'Event Source' } });
    await call(`${b.url}/customers/c-events`, { method: 'PATCH', body: { tags: ['a'] }, headers: { 'if-match': '"1"' } });
    await call(`${b.url}/customers/c-events`, { method: 'PATCH', body: { tags: ['b'] }, headers: { 'if-match': '"1"' } }); // 412: no event
    const seen: string[] = [];
    await b.services.outbox.relay(async (batch) => void seen.push(...batch.map((m) => `${m.id} ${m.event.type}`)), { now: ASOF, maxBatches: 1000 });
    expect(seen.filter((line) => line.startsWith('customer:c-events:'))).toEqual(['customer:c-events:v1#0 CustomerRegistered', 'customer:c-events:v2#0 CustomerUpdated']);
  });

  it('list: cursor pages in id order cover every customer once (2,357 CDNOW customers + those created here)', async () => {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 100; pages++) {
      const r = await call(`${b.url}/customers?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(r.status).toBe(200);
      ids.push(...r.body.items.map((c: { id: string }) => c.id));
      cursor = r.body.nextCursor;
      if (cursor === undefined) break;
    }
    expect(ids.filter((id) => id.startsWith('cdnow-')).length).toBe(2357);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });
});

describe('records and loyalty', () => {
  const id = 'c-points';
  beforeAll(async () => {
    await call(`${b.url}/customers`, { method: 'POST', body: { id, kind: 'person', displayName: 'Point Collector' } });
  });

  it('a purchase earns points in the same request: 120.50 USD -> floor(120.50 x 1) = 120 points; a retry posts nothing', async () => {
    const body = { id: 't-100', type: 'purchase', amount: { amount: '120.50', currency: 'USD' }, occurredAt: '2026-06-01T10:00:00Z' };
    const first = await call(`${b.url}/customers/${id}/transactions`, { method: 'POST', body });
    expect([first.status, first.body.points]).toEqual([201, { entryId: 'earn:t-100', points: 120, repeated: false, balance: 120 }]);
    const retry = await call(`${b.url}/customers/${id}/transactions`, { method: 'POST', body });
    expect([retry.status, retry.body.repeated, retry.body.points.repeated, retry.body.points.balance]).toEqual([200, true, true, 120]);
    const other = await call(`${b.url}/customers/${id}/transactions`, { method: 'POST', body: { ...body, amount: { amount: '1.00', currency: 'USD' } } });
    expect([other.status, other.body.code]).toEqual([409, 'DUPLICATE_ID']);
  });

  it('balance, expiring soon (earned 2026-06-01, expires 12 months later), and a refund takes the points back', async () => {
    const bal = await call(`${b.url}/customers/${id}/loyalty`);
    expect([bal.body.balance, bal.body.tier]).toEqual([120, 'member']);
    const none = await call(`${b.url}/customers/${id}/loyalty/expiring?days=30`);
    expect(none.body).toEqual({ points: 0, lots: [] });
    const soon = await call(`${b.url}/customers/${id}/loyalty/expiring?days=400`);
    expect(soon.body.points).toBe(120);
    expect(soon.body.lots[0].expiresAt.slice(0, 10)).toBe('2027-06-01');
    const bad = await call(`${b.url}/customers/${id}/loyalty/expiring?days=0`);
    expect([bad.status, bad.body.code]).toEqual([400, 'INVALID_ARGUMENT']);
    await call(`${b.url}/customers/${id}/transactions`, { method: 'POST', body: { id: 't-101', type: 'purchase', amount: { amount: '10.00', currency: 'USD' }, occurredAt: '2026-06-02T10:00:00Z' } });
    const refund = await call(`${b.url}/customers/${id}/transactions`, {
      method: 'POST',
      body: { id: 'r-101', type: 'refund', refundOf: 't-101', amount: { amount: '10.00', currency: 'USD' }, occurredAt: '2026-06-03T10:00:00Z' },
    });
    expect([refund.status, refund.body.points.points, refund.body.points.balance]).toEqual([201, -10, 120]);
  });

  it('an interaction is appended; an unknown customer is 404', async () => {
    const body = { id: 'i-1', channel: 'phone', type: 'inquiry', direction: 'inbound', occurredAt: '2026-06-05T09:00:00Z' };
    expect((await call(`${b.url}/customers/${id}/interactions`, { method: 'POST', body })).status).toBe(201);
    expect((await call(`${b.url}/customers/nobody/interactions`, { method: 'POST', body: { ...body, id: 'i-2' } })).status).toBe(404);
  });

  it('redeem with Idempotency-Key: a retry returns the first answer; the key with another body is 422; too much is 409', async () => {
    const url = `${b.url}/customers/${id}/loyalty/redemptions`;
    const first = await call(url, { method: 'POST', body: { points: 20, orderRef: 'o-1' }, headers: { 'idempotency-key': 'k-1' } });
    expect([first.status, first.body.entry.points, first.body.entry.id]).toEqual([201, -20, 'redeem:k-1']);
    const retry = await call(url, { method: 'POST', body: { points: 20, orderRef: 'o-1' }, headers: { 'idempotency-key': 'k-1' } });
    expect([retry.status, retry.body, retry.headers.get('idempotent-replayed')]).toEqual([201, first.body, 'true']);
    const reused = await call(url, { method: 'POST', body: { points: 21, orderRef: 'o-1' }, headers: { 'idempotency-key': 'k-1' } });
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_CONFLICT']);
    const missing = await call(url, { method: 'POST', body: { points: 1 } });
    expect([missing.status, missing.body.code]).toEqual([400, 'INVALID_ARGUMENT']);
    const tooMuch = await call(url, { method: 'POST', body: { points: 101 }, headers: { 'idempotency-key': 'k-2', 'accept-language': 'zh-CN' } });
    // 120 earned − 20 redeemed = 100 available
    expect([tooMuch.status, tooMuch.body.code, tooMuch.body.detail]).toEqual([409, 'INSUFFICIENT_POINTS', '积分不足：申请 101，可用 100']);
    expect((await call(`${b.url}/customers/${id}/loyalty`)).body.balance).toBe(100);
  });

  it('a malformed body is 400; a body of the wrong shape is 422 with paths', async () => {
    const url = `${b.url}/customers/${id}/loyalty/redemptions`;
    const broken = await call(url, { method: 'POST', body: '{"points":', headers: { 'idempotency-key': 'k-3' } });
    expect([broken.status, broken.body.code]).toEqual([400, 'INVALID_ARGUMENT']);
    const wrong = await call(url, { method: 'POST', body: { points: -5, extra: 1 }, headers: { 'idempotency-key': 'k-3' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.issues.map((i: { path: string[] }) => i.path.join('.')).sort()).toEqual(['', 'points']);
  });
});

describe('scores', () => {
  it('cdnow-00004 (bought 1997-01-01, 01-18, 08-02, 12-12; observed to 1998-06-30): P(alive) as the BG/NBD closed form', async () => {
    const r = await call(`${b.url}/customers/cdnow-00004/scores`);
    expect(r.status).toBe(200);
    const models = b.services.scoring.models;
    if (models === undefined) throw new Error('models were not fitted');
    const { r: rr, alpha, a, b: bb } = models.purchases.params;
    // x = 3 repeat days, t_x = 345 days, T = 545 days, in weeks.
    const x = 3;
    const tx = 345 / 7;
    const T = 545 / 7;
    const expected = 1 / (1 + (a / (bb + x - 1)) * ((alpha + T) / (alpha + tx)) ** (rr + x));
    expect(r.body.probabilityAlive).toBeCloseTo(expected, 10);
    // Last purchase 200 days before asOf: past the default policy's 180 days, so churned.
    expect(r.body.lifecycle.stage).toBe('churned');
    expect(r.body.clv.value.currency).toBe('USD');
    expect(Number(r.body.clv.value.amount)).toBeGreaterThan(0);
    expect(r.body.expectedPurchases.days).toBe(90);
    expect(r.body.asOf).toBe(ASOF.toISOString());
  });

  it('segment members agree with each member\'s own RFM segment, page by page', async () => {
    const first = await call(`${b.url}/segments/champions/members?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.items.length).toBe(3);
    const next = await call(`${b.url}/segments/champions/members?limit=3&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...next.body.items].map((m: { id: string }) => m.id);
    expect([...ids].sort()).toEqual(ids);
    for (const memberId of ids) expect((await call(`${b.url}/customers/${memberId}/scores`)).body.rfm.segment).toBe('champions');
    expect((await call(`${b.url}/segments/nope/members`)).status).toBe(404);
    // Stored at start-up (examples/backend/program.ts), listed in id order.
    expect((await call(`${b.url}/segments`)).body.items.map((s: { id: string }) => s.id)).toEqual(['at-risk-spenders', 'champions']);
  });
});

describe('privacy: the view a role may see (policy in examples/backend/program.ts)', () => {
  // demo-wangfang (examples/backend/seed.ts): 王芳, owner u-7, team east, phone +86 139 8765 4321,
  // wangfang@example.com, resident id 11010519491231002X, creditLimit 5000 (a money attribute).
  const url = () => `${b.url}/customers/demo-wangfang/view`;
  const personal = ['王芳', '13987654321', '8765', 'wangfang@', '11010519491231002X', '5000'];

  it('agent (own, masked by default, no identity numbers, no money): masks worked by maskValue\'s rules', async () => {
    const r = await call(url(), { headers: { 'x-role': 'agent', 'x-principal-id': 'u-7' } });
    expect(r.status).toBe(200);
    const v = r.body.view;
    // name: Chinese names keep the first character; phone +8613987654321: the 4 digits before the
    // last 4 masked; email: first letter of the local part and three *; residentId and money left out.
    expect([v.displayName, v.person, v.contactPoints.map((p: { value: string }) => p.value), v.attributes]).toEqual([
      '王*',
      { givenName: '*', familyName: '*' },
      ['+86139****4321', 'w***@example.com'],
      {},
    ]);
    expect([r.body.revealed, r.body.masked]).toEqual([[], ['name', 'phone', 'email']]);
  });

  it('manager (team scope, reads all but identity numbers masked); analyst (all customers, no personal field)', async () => {
    const m = await call(url(), { headers: { 'x-role': 'manager', 'x-principal-id': 'u-1', 'x-team-ids': 'west, east' } });
    expect([m.status, m.body.view.displayName, m.body.view.attributes, m.body.revealed, m.body.masked]).toEqual([
      200,
      '王芳',
      { creditLimit: 5000 },
      ['name', 'phone', 'email', 'attributes.creditLimit'],
      ['residentId'],
    ]);
    expect(m.body.view.person.residentId).not.toBe('11010519491231002X');
    expect(m.body.view.person.residentId).toContain('*');
    const a = await call(url(), { headers: { 'x-role': 'analyst', 'x-principal-id': 'u-9' } });
    expect([a.status, a.body.view.displayName, a.body.view.contactPoints, a.body.view.ownerId, a.body.view.tags]).toEqual([200, undefined, [], 'u-7', []]);
  });

  it('out of scope, unknown role, no identity: 403 / 403 / 401, and no error echoes personal data', async () => {
    const outside = await call(url(), { headers: { 'x-role': 'agent', 'x-principal-id': 'u-8', 'accept-language': 'zh-CN' } });
    const unknown = await call(url(), { headers: { 'x-role': 'wangfang@example.com', 'x-principal-id': 'u-7' } });
    const anonymous = await call(url());
    expect([outside.status, outside.body.code, unknown.status, unknown.body.code, anonymous.status]).toEqual([403, 'FORBIDDEN', 403, 'FORBIDDEN', 401]);
    for (const r of [outside, unknown, anonymous]) {
      expect(r.headers.get('content-type')).toBe('application/problem+json');
      for (const p of personal) expect(JSON.stringify(r.body)).not.toContain(p);
    }
  });

  it('each view leaves an access record (PersonalDataViewed) in the outbox', async () => {
    await call(url(), { headers: { 'x-role': 'agent', 'x-principal-id': 'u-7' } });
    const seen: { type: string; principalId?: string; masked?: string[] }[] = [];
    await b.services.outbox.relay(async (batch) => void seen.push(...batch.map((m) => m.event as never)), { now: ASOF, maxBatches: 1000 });
    const views = seen.filter((e) => e.type === 'PersonalDataViewed');
    expect(views.length).toBeGreaterThanOrEqual(1);
    expect(views.at(-1)).toMatchObject({ principalId: 'u-7', masked: ['name', 'phone', 'email'] });
  });
});

describe('OpenAPI', () => {
  it('is a valid OpenAPI 3.1 document (@seriousme/openapi-schema-validator) with every route', async () => {
    const r = await call(`${b.url}/openapi.json`);
    const result = await new Validator().validate(r.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths).sort()).toEqual([
      '/customers',
      '/customers/{id}',
      '/customers/{id}/interactions',
      '/customers/{id}/loyalty',
      '/customers/{id}/loyalty/expiring',
      '/customers/{id}/loyalty/redemptions',
      '/customers/{id}/scores',
      '/customers/{id}/transactions',
      '/customers/{id}/view',
      '/segments',
      '/segments/{id}',
      '/segments/{id}/members',
      '/webhooks/payments',
    ]);
    const text = JSON.stringify(r.body);
    expect(text).not.toContain('__shared');
    for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) expect(r.body.components.schemas).toHaveProperty([m[1] as string]);
  });

  it('real responses satisfy the published JSON Schemas too (ajv, a second validator beside zod)', async () => {
    const doc = (await call(`${b.url}/openapi.json`)).body;
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    ajv.addSchema({ $id: 'https://example.test/openapi.json', components: doc.components });
    const check = (name: string, value: unknown) => {
      const validate = ajv.getSchema(`https://example.test/openapi.json#/components/schemas/${name}`);
      if (validate === undefined) throw new Error(`no schema ${name}`);
      expect(validate(value) ? [] : validate.errors, name).toEqual([]);
    };
    check('Customer', (await call(`${b.url}/customers/cdnow-00004`)).body);
    check('CustomerPage', (await call(`${b.url}/customers?limit=3`)).body);
    check('Scores', (await call(`${b.url}/customers/cdnow-00004/scores`)).body);
    check('Problem', (await call(`${b.url}/customers/nobody`)).body);
    check('CustomerViewResponse', (await call(`${b.url}/customers/demo-wangfang/view`, { headers: { 'x-role': 'agent', 'x-principal-id': 'u-7' } })).body);
    check('SegmentMembers', (await call(`${b.url}/segments/champions/members?limit=2`)).body);
    const created = await call(`${b.url}/customers`, { method: 'POST', body: { kind: 'person', displayName: 'Schema Check', contactPoints: [{ type: 'email', value: 'a@example.com' }] } });
    expect(created.status).toBe(201);
    check('CreatedCustomer', created.body);
  });
});
