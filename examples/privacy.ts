/**
 * crmkit privacy: consent by purpose and its withdrawal stopping outreach, a masked view for an
 * agent with its audit event, an encrypted phone with a blind index, and an erasure that keeps the
 * revenue figures. Run after `npm run build` with `npx tsx --tsconfig tsconfig.examples.json examples/privacy.ts`.
 */
import { Money, sequentialIds } from 'crmkit';
import type { Customer } from 'crmkit/customer';
import { DEFAULT_FOLLOW_UP_RULES, followUpsDue } from 'crmkit/lifecycle';
import { createMemoryRepositories } from 'crmkit/memory';
import {
  consentReasonText,
  consentStatus,
  createFieldCipher,
  defineAccessPolicy,
  eraseCustomer,
  exportSubjectData,
  grantConsent,
  viewCustomer,
  withdrawConsent,
} from 'crmkit/privacy';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const customer: Customer = {
  id: 'c-1', kind: 'person', displayName: '欧阳娜娜', ownerId: 'u-7', teamId: 'east',
  person: { givenName: '娜娜', familyName: '欧阳', residentId: '11010519491231002X' },
  contactPoints: [{ type: 'phone', value: '+8613812345678', primary: true }, { type: 'email', value: 'ouyang@example.cn' }],
  tags: ['vip'], attributes: { creditLimit: 50000 }, externalIds: {}, lifecycleStage: 'loyal',
  consent: {}, createdAt: d('2024-01-01'), updatedAt: d('2025-01-01'), version: 1,
};

// 1. Consent by purpose; one withdrawal stops the follow-up.
const newId = sequentialIds('k');
let history = grantConsent([], { customerId: 'c-1', channel: 'phone', purpose: 'marketing', lawfulBasis: 'consent', method: 'checkbox', policyVersion: '2026-01' },
  { now: d('2026-01-05'), newId }).records;
const consent = () => ({ records: new Map([['c-1', history]]) });
const followUp = () => followUpsDue([customer], DEFAULT_FOLLOW_UP_RULES, { asOf: d('2026-03-01'), consent: consent() });
console.log('follow-ups before withdrawal:', followUp().due.map((f) => `${f.customerId} via ${f.channel}`));
history = withdrawConsent(history, { customerId: 'c-1', channel: 'all', purpose: 'all', method: 'in-app' }, { now: d('2026-02-01'), newId }).records;
console.log('follow-ups after withdrawal:', followUp().due.length, followUp().skipped);
const status = consentStatus(history, { channel: 'phone', purpose: 'marketing', asOf: d('2026-03-01') });
console.log('consent:', status.allowed, consentReasonText(status.reason), '/', consentReasonText(status.reason, 'zh-CN'));

// 2. What an agent sees.
const policy = defineAccessPolicy({
  moneyAttributes: ['creditLimit'],
  roles: { agent: { scope: 'own', default: 'masked', fields: { profile: 'write', residentId: 'none', money: 'none' } }, manager: { scope: 'team', default: 'read' } },
});
const { view, audit } = viewCustomer(policy, { id: 'u-7', role: 'agent' }, customer, { now: d('2026-03-01') });
console.log('agent view:', view.displayName, view.contactPoints, view.person, view.attributes);
console.log('audit:', audit.type, 'revealed', audit.revealed, 'masked', audit.masked);

// 3. Encrypt the phone; find it by its blind index.
const cipher = createFieldCipher({ currentKeyId: 'k2026', keys: { k2026: crypto.getRandomValues(new Uint8Array(32)) }, blindIndexKey: crypto.getRandomValues(new Uint8Array(32)) });
const sealed = await cipher.encrypt('+8613812345678', { context: 'phone' });
const index = await cipher.blindIndex('138 1234 5678', 'phone');
console.log('stored:', sealed.length, 'chars, key', cipher.keyIdOf(sealed), '; decrypts to', await cipher.decrypt(sealed, { context: 'phone' }));
console.log('lookup by typed number matches:', index === (await cipher.blindIndex('+86 138-1234-5678', 'phone')));

// 4. Erase, keeping the books.
const repos = createMemoryRepositories();
await repos.customers.save(customer, { expectedVersion: 0 });
await repos.transactions.append([
  { id: 't1', customerId: 'c-1', type: 'purchase', amount: Money.of('199.90', 'CNY'), occurredAt: d('2025-02-01') },
  { id: 't2', customerId: 'c-1', type: 'purchase', amount: Money.of('50.10', 'CNY'), occurredAt: d('2025-06-01') },
]);
const total = async () => {
  const amounts: Money[] = [];
  for await (const t of repos.transactions.streamByTimeRange()) amounts.push(t.amount);
  return Money.sum(amounts, 'CNY').toString();
};
console.log('export sections:', (await exportSubjectData('c-1', repos, { asOf: d('2026-03-01') })).manifest.sections);
const before = await total();
const { record } = await eraseCustomer('c-1', repos, { now: d('2026-03-01'), pseudonym: `anon-${crypto.randomUUID().slice(0, 8)}` });
const after = await exportSubjectData(record?.pseudonym ?? '', repos, { asOf: d('2026-03-01') });
console.log('revenue before/after erasure:', before, '/', await total());
console.log('personal data left:', ['欧阳', '13812345678', 'ouyang@'].filter((v) => JSON.stringify(after).includes(v)));
