/**
 * Demo data: the CDNOW sample (2,357 customers, 6,919 purchases, 1997-1998; Fader, Hardie & Lee
 * 2005; examples/data/README.md) moved forward in time so that its 78 weeks end at `asOf`, and one
 * customer with personal data (owned by agent u-7 of team east) for the masked views. Written in
 * one transaction.
 */
import { createCustomer } from 'crmkit';
import { CDNOW_END, loadCdnow } from '../data/cdnow';
import type { Storage } from './context';

export async function seedCdnow(storage: Storage, asOf: Date): Promise<{ customers: number; transactions: number }> {
  const txs = loadCdnow({ customerId: (n) => `cdnow-${String(n).padStart(5, '0')}`, idPrefix: 'cdnow-t', shiftMs: asOf.getTime() - CDNOW_END.getTime() });
  const first = new Map<string, Date>();
  for (const t of txs) if (!first.has(t.customerId) || t.occurredAt < (first.get(t.customerId) as Date)) first.set(t.customerId, t.occurredAt);
  const wangfang = createCustomer(
    {
      id: 'demo-wangfang',
      kind: 'person',
      displayName: '王芳',
      ownerId: 'u-7',
      teamId: 'east',
      person: { givenName: '芳', familyName: '王', residentId: '11010519491231002X' },
      contactPoints: [
        { type: 'phone', value: '139 8765 4321' },
        { type: 'email', value: 'wangfang@example.com' },
      ],
      attributes: { creditLimit: 5000 },
    },
    { now: asOf },
  ).customer;
  await storage.transact(async ({ repositories }) => {
    for (const [id, since] of first) {
      await repositories.customers.save(createCustomer({ id, kind: 'person', displayName: `CDNOW customer ${Number(id.slice(6))}`, tags: ['cdnow'] }, { now: since }).customer);
    }
    await repositories.customers.save(wangfang);
    await repositories.transactions.append(txs);
  });
  return { customers: first.size + 1, transactions: txs.length };
}
