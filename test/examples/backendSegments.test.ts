// Segment members evaluated by PostgreSQL (examples/postgres PostgresSegmentStore: toSql over the
// customer_segment_rows view) against the in-memory evaluateSegment on the same data: random
// customers and purchases (fast-check, fixed seed) stored through the service, random rules stored
// with PUT /segments/{id} and read back page by page from GET /segments/{id}/members. The second
// implementation is crmkit's evaluateSegment over the customers as stored, with the same metrics.
import fc from 'fast-check';
import { type FieldKind, OPERATORS_BY_KIND, type RulePools, ruleArbitrary, ruleValueArbitrary } from '../segmentation/rules/ruleArbitrary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Customer, createCustomer } from 'crmkit';
import type { Transaction } from 'crmkit/customer';
import { evaluateSegment } from 'crmkit/segmentation';
import { ASOF, type Backend, STORAGE, call, startBackend } from './backendServer';

const STRINGS = ['a', 'A', 'ab', 'abc', '李雷', '李', "O'Brien", '%', '_', 'x😀', 'ß', 'customer', 'champions', 'at-risk', 'u-1'];
const TAGS = ['vip', 'new', 'b2b', 'a,b', 'q"x', 'null'];
const DATES = ['2025-06-01T00:00:00.000Z', '2025-12-31T23:59:59.999Z', '2026-03-01T00:00:00.000Z', '2026-06-01T12:00:00.000Z', '2026-06-20T00:00:00.000Z', '2026-06-29T23:00:00.000Z'];
const NUMBERS = [-1, 0, 1, 2, 3, 4, 5, 500, 2_000, 12_050, 30_000, 1e21];
const AMOUNTS = ['5.00', '20.00', '120.50', '300.00'];

const str = fc.constantFrom(...STRINGS);
const customerArb = fc.record({
  displayName: str,
  lifecycleStage: fc.constantFrom('prospect', 'customer', 'churned'),
  ownerId: fc.option(fc.constantFrom('u-1', 'u-2'), { nil: undefined }),
  teamId: fc.option(fc.constantFrom('east', 'west'), { nil: undefined }),
  source: fc.option(str, { nil: undefined }),
  acquisitionChannel: fc.option(fc.constantFrom('web', 'store', 'referral'), { nil: undefined }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
  consent: fc.record({ sms: fc.record({ granted: fc.boolean(), updatedAt: fc.constant('2026-01-01T00:00:00Z') }), email: fc.record({ granted: fc.boolean(), updatedAt: fc.constant('2026-01-01T00:00:00Z') }) }, { requiredKeys: [] }),
  createdAt: fc.constantFrom(...DATES.slice(0, 3)),
  purchases: fc.array(fc.record({ amount: fc.constantFrom(...AMOUNTS), at: fc.constantFrom(...DATES.slice(1)) }), { maxLength: 4 }),
});
const SAMPLE = fc.sample(customerArb, { seed: 20260630, numRuns: 150 });

const FIELDS: Record<string, FieldKind> = {
  id: 'string',
  kind: 'string',
  displayName: 'string',
  lifecycleStage: 'string',
  ownerId: 'string',
  teamId: 'string',
  source: 'string',
  acquisitionChannel: 'string',
  createdAt: 'date',
  updatedAt: 'date',
  tags: 'tags',
  'consent.sms': 'boolean',
  'consent.email': 'boolean',
  'consent.wechat': 'boolean',
  'rfm.r': 'number',
  'rfm.f': 'number',
  'rfm.m': 'number',
  'rfm.segment': 'string',
  lifetimeSpendMinor: 'number',
  purchaseCount: 'number',
  recencyDays: 'number',
  lastPurchaseAt: 'date',
};
const POOLS: RulePools = {
  scalar: (t) => (t === 'string' ? fc.oneof(str, fc.constantFrom('person', 'organization', 'cdnow', 'loyal', 'hibernating')) : t === 'number' ? fc.constantFrom(...NUMBERS) : t === 'date' ? fc.constantFrom(...DATES) : fc.boolean()),
  hasTag: [...TAGS, 'VIP'],
  hasAnyTag: TAGS,
  maxWithinLast: 400,
  maxChildren: 3,
};
const ruleArb = ruleArbitrary(FIELDS, POOLS);

let b: Backend;
let stored: Customer[];
beforeAll(async () => {
  b = await startBackend({ seed: false });
  const customers: Customer[] = [];
  const txs: Transaction[] = [];
  SAMPLE.forEach(({ purchases, createdAt, ...input }, i) => {
    const id = `s-${String(i).padStart(3, '0')}`;
    customers.push(createCustomer({ id, kind: 'person', ...input }, { now: new Date(createdAt) }).customer);
    purchases.forEach((p, j) =>
      txs.push({ id: `${id}-t${j}`, customerId: id, type: 'purchase', amount: { amount: p.amount, currency: 'USD' }, occurredAt: new Date(p.at) } as unknown as Transaction),
    );
  });
  await b.storage.transact(async ({ repositories }) => {
    for (const c of customers) await repositories.customers.save(c);
    await repositories.transactions.append(txs);
  });
  b.services.scoring.invalidate();
  stored = [];
  for await (const c of b.storage.repositories.customers.stream()) stored.push(c);
}, 120_000);
afterAll(() => b?.close());

/** Members by the in-memory evaluation: the second implementation. */
async function expected(rule: unknown): Promise<string[]> {
  const metrics = await b.services.scoring.metrics(ASOF);
  return evaluateSegment(rule, stored, { asOf: ASOF, metrics }).map((c) => c.id);
}

/** Members through the service: PUT the rule, then GET every page of members. */
async function viaHttp(id: string, rule: unknown): Promise<string[]> {
  const put = await call(`${b.url}/segments/${id}`, { method: 'PUT', body: { name: id, rule } });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 10; pages++) {
    const r = await call(`${b.url}/segments/${id}/members?limit=64${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(r.status).toBe(200);
    ids.push(...r.body.items.map((m: { id: string }) => m.id));
    cursor = r.body.nextCursor;
    if (cursor === undefined) break;
  }
  return ids;
}

describe(`segment members in PostgreSQL (${STORAGE}) agree with evaluateSegment`, () => {
  it('the data set has every kind of customer the rules look at (so agreement means something)', async () => {
    const metrics = await b.services.scoring.metrics(ASOF);
    expect(stored.length).toBe(150);
    expect(stored.some((c) => c.tags.length > 0) && stored.some((c) => c.tags.length === 0)).toBe(true);
    expect(stored.some((c) => c.consent.sms?.granted === true) && stored.some((c) => c.consent.sms === undefined)).toBe(true);
    expect(new Set([...metrics.values()].map((m) => m.rfmSegment)).size).toBeGreaterThan(2);
    expect([...metrics.values()].some((m) => m.purchaseCount === 0)).toBe(true);
  });

  it('every single condition the generator can produce, and its negation (storage API)', async () => {
    const metrics = await b.services.scoring.metrics(ASOF);
    for (const [field, type] of Object.entries(FIELDS)) {
      for (const op of OPERATORS_BY_KIND[type]) {
        for (const value of fc.sample(ruleValueArbitrary(POOLS, type, op), { seed: 11, numRuns: 4 })) {
          for (const rule of [value === undefined ? { field, op } : { field, op, value }, { not: value === undefined ? { field, op } : { field, op, value } }]) {
            const page = await b.storage.segments.members(rule as never, { asOf: ASOF, metrics, limit: 1000 });
            expect(page.items.map((m) => m.id), JSON.stringify(rule)).toEqual(await expected(rule));
          }
        }
      }
    }
  }, 240_000);

  it('random nested rules stored with PUT and read page by page over HTTP (property)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(ruleArb, async (rule) => {
        expect(await viaHttp(`random-${n++}`, rule), JSON.stringify(rule)).toEqual(await expected(rule));
      }),
      { numRuns: 60, seed: 20260630 },
    );
  }, 240_000);

  it('a stored rule reads back as stored; an unknown field is 422 and nothing is stored', async () => {
    const rule = { all: [{ field: 'tags', op: 'hasTag', value: 'vip' }, { field: 'rfm.r', op: 'gte', value: 4 }] };
    await viaHttp('vip-recent', rule);
    const read = await call(`${b.url}/segments/vip-recent`);
    expect([read.status, read.body.name, read.body.rule]).toEqual([200, 'vip-recent', rule]);
    const bad = await call(`${b.url}/segments/bad`, { method: 'PUT', body: { name: 'bad', rule: { field: 'nope', op: 'eq', value: 1 } } });
    expect([bad.status, bad.body.code, bad.body.detail]).toEqual([422, 'UNKNOWN_FIELD', 'segment rule at field: unknown field nope']);
    expect((await call(`${b.url}/segments/bad`)).status).toBe(404);
  });
});
