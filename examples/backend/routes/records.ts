/**
 * Transactions and interactions appended to a customer. A purchase earns loyalty points in the
 * same request (a refund takes them back). Both steps are idempotent by the transaction id, so a
 * payment provider retrying its webhook records the payment once and posts its points once.
 */
import { CrmError, type Money, isCrmError } from 'crmkit';
import type { Transaction } from 'crmkit/customer';
import { earnPoints, evaluateTier, reverse } from 'crmkit/loyalty';
import { postLedgerEntry } from 'crmkit/service';
import type { Services } from '../context';
import { route } from '../route';
import { InteractionSchema } from 'crmkit/customer';
import { InteractionBodySchema, PaymentWebhookSchema, RecordedTransactionSchema, TransactionBodySchema } from '../schemas';

/** Same transaction? (a retry carries the same content; another body under the same id is a conflict) */
function sameTransaction(a: Transaction, b: Transaction): boolean {
  const plain = (t: Transaction) => {
    const flat: Record<string, unknown> = { ...t, amount: t.amount.toJSON(), occurredAt: t.occurredAt.getTime() };
    return JSON.stringify(Object.keys(flat).sort().map((k) => [k, flat[k]]));
  };
  return plain(a) === plain(b);
}

export function recordRoutes(s: Services) {
  const { customers, transactions, interactions } = s.repositories;
  const requireCustomer = async (id: string) => {
    if ((await customers.get(id)) === undefined) throw new CrmError('NOT_FOUND', { params: { entity: 'customer', id }, details: { id } });
  };

  /** Appends the transaction (once) and posts its points (once). */
  async function recordTransaction(tx: Transaction) {
    await requireCustomer(tx.customerId);
    let repeated = false;
    try {
      await transactions.append(tx);
    } catch (e) {
      if (!isCrmError(e, 'DUPLICATE_ID')) throw e;
      const stored = await transactions.get(tx.id);
      if (stored === undefined || !sameTransaction(stored, tx)) throw e;
      repeated = true;
    }
    s.scoring.invalidate();
    // In a transaction holding the customer's lock: their postings take turns instead of retrying.
    const posted = await s.storage.transact(({ repositories }) => postLedgerEntry(repositories.loyaltyLedger, tx.customerId, (entries) => {
      if (tx.type === 'refund') {
        const earned = tx.refundOf === undefined ? undefined : entries.find((e) => e.id === `earn:${tx.refundOf}`);
        return earned === undefined ? undefined : reverse(entries, earned.id, { asOf: tx.occurredAt, id: `reverse:${tx.id}` }).entry;
      }
      if (tx.amount.currency !== s.program.currency) return undefined;
      const tier = evaluateTier(entries, s.program, { asOf: tx.occurredAt }).tier;
      const firstPurchase = !entries.some((e) => e.type === 'earn');
      return earnPoints({ ...tx, type: 'purchase' }, s.program, { tier, firstPurchase, entries }).entry;
    }), { customerId: tx.customerId });
    const points = { ...(posted.entry ? { entryId: posted.entry.id } : {}), points: posted.entry?.points ?? 0, repeated: posted.repeated, balance: posted.balance };
    return { status: repeated ? 200 : 201, body: { transaction: tx, repeated, points } };
  }

  return [
    route({
      method: 'post',
      path: '/customers/:id/transactions',
      tag: 'records',
      summary: 'Append a purchase or refund; a purchase earns points in the same request (idempotent by transaction id)',
      body: TransactionBodySchema,
      responses: { 201: RecordedTransactionSchema, 200: RecordedTransactionSchema },
      handle: (c, { body }) => recordTransaction({ ...body, customerId: c.req.param('id') as string }),
    }),
    route({
      method: 'post',
      path: '/webhooks/payments',
      tag: 'records',
      summary: 'A payment provider confirms a payment (retried until acknowledged): recorded and rewarded once',
      body: PaymentWebhookSchema,
      responses: { 201: RecordedTransactionSchema, 200: RecordedTransactionSchema },
      handle: (_c, { body }) =>
        recordTransaction({
          id: `pay:${body.paymentId}`,
          customerId: body.customerId,
          type: 'purchase',
          amount: body.amount as Money,
          occurredAt: new Date(body.paidAt),
          channel: 'web',
        }),
    }),
    route({
      method: 'post',
      path: '/customers/:id/interactions',
      tag: 'records',
      summary: 'Append an interaction (call, visit, complaint, ...)',
      body: InteractionBodySchema,
      responses: { 201: InteractionSchema },
      async handle(c, { body }) {
        const customerId = c.req.param('id') as string;
        await requireCustomer(customerId);
        await interactions.append({ ...body, customerId });
        s.scoring.invalidate();
        return { status: 201, body: { ...body, customerId } };
      },
    }),
  ];
}
