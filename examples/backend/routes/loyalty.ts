/**
 * Loyalty: balance, points expiring soon, and redemption. A redemption carries an
 * `Idempotency-Key`: the ledger entry's id is derived from it, so a retried request finds the
 * entry it posted the first time and returns the same answer, and a key reused with another body
 * is refused (422). Concurrent redemptions never overdraw: postLedgerEntry posts with a
 * compare-and-set on the balance and recomputes after a lost race.
 */
import { CrmError, isCrmError } from 'crmkit';
import { type LedgerEntry, evaluateTier, expiringSoon, ledgerStatus, redeem } from 'crmkit/loyalty';
import { postLedgerEntry } from 'crmkit/service';
import type { Services } from '../context';
import { type Reply, route } from '../route';
import { ExpiringPointsSchema, LoyaltyBalanceSchema, RedemptionSchema, RedemptionRequestSchema } from '../schemas';

const KEY = /^[\x21-\x7e]{1,128}$/;

export function loyaltyRoutes(s: Services) {
  const { customers, loyaltyLedger } = s.repositories;
  const requireCustomer = async (id: string) => {
    if ((await customers.get(id)) === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id }, details: { id } });
  };

  /** The first answer again when the stored entry is what this request asks for; 422 otherwise. */
  function replay(stored: LedgerEntry, customerId: string, points: number, orderRef: string | undefined, key: string): Reply {
    if (stored.customerId !== customerId || stored.points !== -points || stored.sourceRef !== orderRef) {
      throw new CrmError('IDEMPOTENCY_CONFLICT', { params: { key: 'Idempotency-Key' }, details: { entryId: stored.id } });
    }
    return { status: 201, body: { entry: stored }, headers: { 'idempotent-replayed': 'true', 'idempotency-key': key } };
  }

  return [
    route({
      method: 'get',
      path: '/customers/:id/loyalty',
      tag: 'loyalty',
      summary: 'Points balance and tier now',
      responses: { 200: LoyaltyBalanceSchema },
      async handle(c) {
        const customerId = c.req.param('id') as string;
        await requireCustomer(customerId);
        const asOf = s.now();
        const entries = await loyaltyLedger.entriesOf(customerId);
        const { balance, posted, pendingExpiry } = ledgerStatus(entries, { asOf });
        const { tier } = evaluateTier(entries, s.program, { asOf });
        return { status: 200, body: { customerId, balance, posted, pendingExpiry, tier, asOf: asOf.toISOString() } };
      },
    }),
    route({
      method: 'get',
      path: '/customers/:id/loyalty/expiring',
      tag: 'loyalty',
      summary: 'Points expiring within `days` (default 30)',
      query: [{ name: 'days', description: 'horizon in days, 1 to 3660 (default 30)', integer: true }],
      responses: { 200: ExpiringPointsSchema },
      async handle(c) {
        const customerId = c.req.param('id') as string;
        await requireCustomer(customerId);
        const raw = c.req.query('days');
        const days = raw === undefined ? 30 : Number(raw);
        if (!Number.isSafeInteger(days) || days < 1 || days > 3660) {
          throw new CrmError('INVALID_ARGUMENT', { params: { field: 'days', rule: 'must be a whole number from 1 to 3660' } });
        }
        const soon = expiringSoon(await loyaltyLedger.entriesOf(customerId), { asOf: s.now(), within: { days } });
        return { status: 200, body: soon };
      },
    }),
    route({
      method: 'post',
      path: '/customers/:id/loyalty/redemptions',
      tag: 'loyalty',
      summary: 'Redeem points; Idempotency-Key required (a retry returns the first answer, another body under the key is 422)',
      headers: [{ name: 'Idempotency-Key', required: true, description: 'unique per redemption, 1 to 128 visible ASCII characters' }],
      body: RedemptionRequestSchema,
      responses: { 201: RedemptionSchema },
      async handle(c, { body }) {
        const customerId = c.req.param('id') as string;
        const key = c.req.header('idempotency-key');
        if (key === undefined) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'Idempotency-Key', rule: 'is required' } });
        if (!KEY.test(key)) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'Idempotency-Key', rule: 'must be a non-empty identifier of at most 128 characters' } });
        const id = `redeem:${key}`;
        const { points, orderRef } = body;
        const earlier = await loyaltyLedger.get(id);
        if (earlier !== undefined) return replay(earlier, customerId, points, orderRef, key);
        await requireCustomer(customerId);
        try {
          const asOf = s.now();
          const r = await s.storage.transact(({ repositories }) =>
            postLedgerEntry(repositories.loyaltyLedger, customerId, (entries) => redeem(entries, points, { asOf, id, customerId, ...(orderRef ? { sourceRef: orderRef } : {}) }), {
              maxAttempts: 10_000,
            }),
            { customerId },
          );
          return { status: 201, body: { entry: r.entry }, headers: { 'idempotency-key': key } };
        } catch (e) {
          // Two deliveries of one request raced: the other one posted first.
          const stored = isCrmError(e, 'IDEMPOTENCY_CONFLICT') ? await loyaltyLedger.get(id) : undefined;
          if (stored !== undefined) return replay(stored, customerId, points, orderRef, key);
          throw e;
        }
      },
    }),
  ];
}
