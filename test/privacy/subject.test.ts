// Subject requests on the memory repositories. Erase-then-export: the expected "no personal value"
// is checked by searching the exported JSON for every personal value put in (listed by hand below),
// and the revenue total is recomputed from all stored transactions before and after (it must not
// change). Retention dates are worked by hand (day counts written out in each case).
import { describe, expect, it } from 'vitest';
import { Money } from 'crmkit';
import type { Customer } from 'crmkit/customer';
import { createMemoryRepositories } from 'crmkit/memory';
import { type ConsentRecord, eraseCustomer, exportSubjectData, retentionDue, withdrawConsent } from 'crmkit/privacy';
import { expectThrowsCode } from '../errors';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const asOf = d('2026-03-01');
const PERSONAL = ['欧阳娜娜', '娜娜', '13812345678', 'ouyang@example.cn', '11010519491231002X', '中关村大街27号', 'wx_ouyang', 'CRM-7788'];

function customer(): Customer {
  return {
    id: 'c-1', kind: 'person', displayName: '欧阳娜娜', ownerId: 'u-7', teamId: 'east', source: 'store',
    person: { givenName: '娜娜', familyName: '欧阳', residentId: '11010519491231002X', birthDate: d('1990-01-02') },
    contactPoints: [
      { type: 'phone', value: '13812345678' }, { type: 'email', value: 'ouyang@example.cn' },
      { type: 'address', country: 'CN', city: '北京市', district: '海淀区', line1: '中关村大街27号' }, { type: 'social', network: 'wechat', value: 'wx_ouyang' },
    ],
    tags: ['vip'], attributes: { memberNo: 'CRM-7788' }, externalIds: { erp: 'CRM-7788' }, lifecycleStage: 'loyal',
    consent: { sms: { granted: true, updatedAt: d('2025-01-01') } }, createdAt: d('2024-01-01'), updatedAt: d('2025-01-01'), version: 1,
  };
}

async function seeded() {
  const repos = createMemoryRepositories();
  await repos.customers.save(customer(), { expectedVersion: 0 });
  await repos.customers.save({ ...customer(), id: 'c-2', displayName: 'Other', person: {}, contactPoints: [], externalIds: {}, attributes: {} }, { expectedVersion: 0 });
  await repos.transactions.append([
    { id: 't1', customerId: 'c-1', type: 'purchase', amount: Money.of('199.90', 'CNY'), occurredAt: d('2025-02-01') },
    { id: 't2', customerId: 'c-1', type: 'purchase', amount: Money.of('50.10', 'CNY'), occurredAt: d('2025-06-01') },
    { id: 't3', customerId: 'c-2', type: 'purchase', amount: Money.of('10.00', 'CNY'), occurredAt: d('2025-06-02') },
    { id: 't4', customerId: 'c-1', type: 'purchase', amount: Money.of('1.00', 'CNY'), occurredAt: d('2026-04-01') }, // after asOf
  ]);
  await repos.interactions.append([{ id: 'i1', customerId: 'c-1', channel: 'phone', type: 'follow_up', direction: 'outbound', occurredAt: d('2025-06-05') }]);
  await repos.loyaltyLedger.append([{ id: 'e1', customerId: 'c-1', type: 'earn', points: 250, occurredAt: d('2025-06-01') }]);
  const history = withdrawConsent([], { customerId: 'c-1', channel: 'all', purpose: 'marketing', method: 'in-app' }, { now: d('2025-12-01'), newId: () => 'w1' }).records;
  const consent = { historyOf: async (id: string) => (id === 'c-1' ? history : []) };
  return { ...repos, consent };
}

async function revenue(repos: Awaited<ReturnType<typeof seeded>>): Promise<string> {
  const all: Money[] = [];
  for await (const t of repos.transactions.streamByTimeRange()) all.push(t.amount);
  return Money.sum(all, 'CNY').toJSON().amount;
}

describe('exportSubjectData', () => {
  it('holds every section with a manifest, up to asOf', async () => {
    const repos = await seeded();
    const doc = await exportSubjectData('c-1', repos, { asOf });
    expect(doc.manifest).toEqual({
      format: 'crmkit.subject-data/1', customerId: 'c-1', asOf: '2026-03-01T00:00:00.000Z', found: true,
      sections: { profile: 1, contactPoints: 4, consentHistory: 1, transactions: 2, interactions: 1, loyaltyLedger: 1 },
    });
    const json = JSON.stringify(doc);
    for (const v of PERSONAL) expect(json, v).toContain(v);
    expect(doc.transactions.map((t) => t.id)).toEqual(['t1', 't2']);
    // Sections without a repository are null in the manifest, not 0.
    const partial = await exportSubjectData('c-1', { customers: repos.customers }, { asOf });
    expect(partial.manifest.sections.transactions).toBeNull();
  });
});

describe('eraseCustomer keeps the books', () => {
  it('erase then export shows no personal value; revenue totals are unchanged', async () => {
    const repos = await seeded();
    const before = await revenue(repos);
    expect(before).toBe('261.00'); // 199.90 + 50.10 + 10.00 + 1.00
    const r = await eraseCustomer('c-1', repos, { now: asOf, pseudonym: 'anon-1' });
    expect(r.erased).toBe(true);
    expect(r.record).toMatchObject({ customerId: 'c-1', pseudonym: 'anon-1', kept: { transactions: 3, interactions: 1, loyaltyLedger: 1 }, interactionsToReview: ['i1'] });
    expect(r.events.map((e) => e.type)).toEqual(['CustomerErased']);
    expect(await revenue(repos)).toBe(before);
    for (const id of ['c-1', 'anon-1']) {
      const json = JSON.stringify({ ...(await exportSubjectData(id, { ...repos, consent: undefined }, { asOf: d('2026-12-31') })) });
      for (const v of PERSONAL) expect(json, `${id}: ${v}`).not.toContain(v);
    }
    const pseud = await exportSubjectData('anon-1', repos, { asOf: d('2026-12-31') });
    expect(Money.sum(pseud.transactions.map((t) => t.amount), 'CNY').toJSON().amount).toBe('251.00'); // 199.90 + 50.10 + 1.00
    expect(pseud.profile).toMatchObject({ id: 'anon-1', kind: 'person', lifecycleStage: 'loyal', ownerId: 'u-7', teamId: 'east', source: 'store' });
    expect(await repos.loyaltyLedger.balanceOf('anon-1')).toBe(250);
    // The other customer is untouched.
    expect((await repos.customers.get('c-2'))?.displayName).toBe('Other');
  });

  it('is idempotent and finishes a retried erasure', async () => {
    const repos = await seeded();
    await eraseCustomer('c-1', repos, { now: asOf, pseudonym: 'anon-1' });
    const again = await eraseCustomer('c-1', repos, { now: asOf, pseudonym: 'anon-1' });
    expect(again).toEqual({ erased: false, record: null, events: [] });
    expect(await repos.customers.count()).toBe(2);
    // A retry after the stand-in was saved but before the rest: it finishes.
    const repos2 = await seeded();
    await repos2.customers.save({ ...customer(), id: 'anon-2', displayName: 'anon-2', person: {}, contactPoints: [], attributes: {}, externalIds: {} }, { expectedVersion: 0 });
    const r = await eraseCustomer('c-1', repos2, { now: asOf, pseudonym: 'anon-2' });
    expect(r.erased).toBe(true);
    expect(await repos2.customers.get('c-1')).toBeUndefined();
  });

  it('refuses bad arguments', async () => {
    const repos = await seeded();
    await expect(eraseCustomer('c-1', repos, { now: asOf, pseudonym: 'c-1' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(eraseCustomer('c-1', repos, { now: d('x'), pseudonym: 'a' })).rejects.toMatchObject({ code: 'INVALID_DATE' });
  });
});

describe('retentionDue (dates worked by hand)', () => {
  const grant = (purpose: 'marketing' | 'profiling', givenAt: string, expiresAt?: string): ConsentRecord => ({
    id: `g-${purpose}-${givenAt}`, customerId: 'x', channel: 'sms', purpose, action: 'grant', lawfulBasis: 'consent', givenAt: d(givenAt),
    method: 'checkbox', policyVersion: 'p', ...(expiresAt !== undefined && { expiresAt: d(expiresAt) }),
  });
  const withdrawal = (purpose: 'marketing' | 'all', at: string): ConsentRecord => ({ id: `w-${at}`, customerId: 'x', channel: 'all', purpose, action: 'withdraw', withdrawnAt: d(at), method: 'in-app' });

  it('inactivity and ended purposes', () => {
    const due = retentionDue(
      [
        { id: 'a', createdAt: d('2020-01-01'), lastActivityAt: d('2023-01-01') }, // + 730 days = 2024-12-31 (2024 is leap)
        { id: 'b', createdAt: d('2025-01-01'), consent: [grant('marketing', '2025-01-01'), withdrawal('marketing', '2026-01-01')] }, // + 30 = 2026-01-31
        { id: 'c', createdAt: d('2025-01-01'), consent: [grant('marketing', '2025-01-01'), withdrawal('marketing', '2026-02-15')] }, // + 30 = 2026-03-17: not yet
        { id: 'd', createdAt: d('2025-01-01'), consent: [grant('profiling', '2025-01-01', '2025-12-01')] }, // expired; + 60 = 2026-01-30
        { id: 'e', createdAt: d('2025-01-01'), consent: [grant('marketing', '2025-01-01'), withdrawal('all', '2025-06-01'), grant('marketing', '2025-07-01')] }, // re-granted: kept
        { id: 'f', createdAt: d('2020-01-01'), lastActivityAt: d('2021-01-01'), legalHold: true },
      ],
      { inactiveDays: 730, purposes: { marketing: 30, profiling: 60 } },
      { asOf },
    );
    expect(due.map((x) => `${x.customerId} ${x.purpose} ${x.dueAt.toISOString().slice(0, 10)}`)).toEqual([
      'a account 2024-12-31',
      'd profiling 2026-01-30',
      'b marketing 2026-01-31',
    ]);
  });

  it('refuses bad policies', () => {
    expectThrowsCode(() => retentionDue([], { inactiveDays: -1 }, { asOf }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => retentionDue([], { inactiveDays: 1, purposes: { spam: 3 } as never }, { asOf }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => retentionDue([], { inactiveDays: 1 }, { asOf: d('x') }), 'INVALID_DATE');
  });
});
