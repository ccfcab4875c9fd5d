/**
 * Demo data: the CDNOW sample (2,357 customers, 6,919 purchases, 1997-1998; Fader, Hardie & Lee
 * 2005; examples/data/README.md) moved forward in time so that its 78 weeks end at `asOf`.
 */
import { createCustomer } from 'crmkit';
import { CDNOW_END, loadCdnow } from '../data/cdnow';
import type { Repositories } from './context';

export async function seedCdnow(repositories: Repositories, asOf: Date): Promise<{ customers: number; transactions: number }> {
  const txs = loadCdnow({ customerId: (n) => `cdnow-${String(n).padStart(5, '0')}`, idPrefix: 'cdnow-t', shiftMs: asOf.getTime() - CDNOW_END.getTime() });
  const first = new Map<string, Date>();
  for (const t of txs) if (!first.has(t.customerId) || t.occurredAt < (first.get(t.customerId) as Date)) first.set(t.customerId, t.occurredAt);
  for (const [id, since] of first) {
    await repositories.customers.save(createCustomer({ id, kind: 'person', displayName: `CDNOW customer ${Number(id.slice(6))}`, tags: ['cdnow'] }, { now: since }).customer);
  }
  await repositories.transactions.append(txs);
  return { customers: first.size, transactions: txs.length };
}
