/**
 * Demo data: the CDNOW sample (2,357 customers, 6,919 purchases, 1997-1998; Fader, Hardie & Lee
 * 2005; examples/data/README.md) moved forward in time so that its 78 weeks end at `asOf`.
 */
import { readFileSync } from 'node:fs';
import { Money, createCustomer } from 'crmkit';
import type { Transaction } from 'crmkit/customer';
import type { Repositories } from './context';

const CDNOW_END = Date.UTC(1998, 5, 30);

export async function seedCdnow(repositories: Repositories, asOf: Date): Promise<{ customers: number; transactions: number }> {
  const shift = asOf.getTime() - CDNOW_END;
  const lines = readFileSync(new URL('../data/CDNOW_sample.txt', import.meta.url), 'utf8').trim().split('\n');
  const txs: Transaction[] = lines.map((line, i) => {
    const [id, , date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
    return { id: `cdnow-t${i}`, customerId: `cdnow-${id}`, type: 'purchase', amount: Money.of(dollars, 'USD'), occurredAt: new Date(at + shift) };
  });
  const first = new Map<string, Date>();
  for (const t of txs) if (!first.has(t.customerId) || t.occurredAt < (first.get(t.customerId) as Date)) first.set(t.customerId, t.occurredAt);
  for (const [id, since] of first) {
    await repositories.customers.save(createCustomer({ id, kind: 'person', displayName: `CDNOW customer ${Number(id.slice(6))}`, tags: ['cdnow'] }, { now: since }).customer);
  }
  await repositories.transactions.append(txs);
  return { customers: first.size, transactions: txs.length };
}
