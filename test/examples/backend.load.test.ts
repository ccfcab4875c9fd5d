// A bounded load test on loopback: many concurrent requests against the reference service, each
// scenario a fixed number of requests that stops by itself. Expected values by hand:
// - 3,000 points (a 3,000.00 USD purchase at 1 point per dollar), 1,000 redemptions of 7 points:
//   ⌊3000 / 7⌋ = 428 succeed, 572 are refused, 4 points remain; no prefix of the ledger is negative;
// - 200 PATCHes carrying the same If-Match "1": one wins (version 2), 199 get 412;
// - 500 deliveries of one payment webhook of 42.00 USD: one transaction, one earn entry of 42 points.
// On PGlite by default, on the PostgreSQL server at PG_URL when set (.ci/run does both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, call, startBackend } from './backendServer';

let b: Backend;
beforeAll(async () => {
  b = await startBackend({ seed: false });
}, 60_000);
afterAll(() => b?.close());

// Generous limits: the figures are counts, never timings, and a loaded CI machine is slow.
const LIMIT = 600_000;

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

describe('under concurrent load', () => {
  it('1,000 concurrent redemptions against one balance: exactly those that fit succeed, never negative', async () => {
    await call(`${b.url}/customers`, { method: 'POST', body: { id: 'c-load', kind: 'person', displayName: 'Load Test' } });
    const earned = await call(`${b.url}/customers/c-load/transactions`, {
      method: 'POST',
      body: { id: 't-big', type: 'purchase', amount: { amount: '3000.00', currency: 'USD' }, occurredAt: '2026-06-01T00:00:00Z' },
    });
    expect(earned.body.points.points).toBe(3000);
    const results = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        call(`${b.url}/customers/c-load/loyalty/redemptions`, { method: 'POST', body: { points: 7 }, headers: { 'idempotency-key': `load-${i}` } }),
      ),
    );
    expect(tally(results.map((r) => r.status))).toEqual({ 201: 428, 409: 572 });
    for (const r of results) if (r.status === 409) expect(r.body.code).toBe('INSUFFICIENT_POINTS');
    expect((await call(`${b.url}/customers/c-load/loyalty`)).body.balance).toBe(4);
    let running = 0;
    for (const e of await b.services.repositories.loyaltyLedger.entriesOf('c-load')) {
      running += e.points;
      expect(running).toBeGreaterThanOrEqual(0);
    }
  }, LIMIT);

  it('200 concurrent updates with the same If-Match: exactly one wins', async () => {
    await call(`${b.url}/customers`, { method: 'POST', body: { id: 'c-race', kind: 'person', displayName: 'Race Test' } });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => call(`${b.url}/customers/c-race`, { method: 'PATCH', body: { ownerId: `u-${i}` }, headers: { 'if-match': '"1"' } })),
    );
    expect(tally(results.map((r) => r.status))).toEqual({ 200: 1, 412: 199 });
    const winner = results.find((r) => r.status === 200);
    const stored = await call(`${b.url}/customers/c-race`);
    expect([stored.body.version, stored.body.ownerId]).toEqual([2, winner?.body.ownerId]);
  }, LIMIT);

  it('500 deliveries of one payment webhook: recorded once, points posted once', async () => {
    await call(`${b.url}/customers`, { method: 'POST', body: { id: 'c-pay', kind: 'person', displayName: 'Webhook Test' } });
    const body = { paymentId: 'p-1', customerId: 'c-pay', amount: { amount: '42.00', currency: 'USD' }, paidAt: '2026-06-10T08:00:00Z' };
    const results = await Promise.all(Array.from({ length: 500 }, () => call(`${b.url}/webhooks/payments`, { method: 'POST', body })));
    expect(tally(results.map((r) => r.status))).toEqual({ 201: 1, 200: 499 });
    const { transactions, loyaltyLedger } = b.services.repositories;
    expect((await transactions.listByCustomer('c-pay')).items.map((t) => t.id)).toEqual(['pay:p-1']);
    expect((await loyaltyLedger.entriesOf('c-pay')).map((e) => [e.id, e.points])).toEqual([['earn:pay:p-1', 42]]);
    expect((await call(`${b.url}/customers/c-pay/loyalty`)).body.balance).toBe(42);
  }, LIMIT);
});
