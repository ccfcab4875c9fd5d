// Privacy: a masked view of 100,000 distinct customers, and encrypting and decrypting 100,000
// phone numbers. Baselines measured in the same run: the same views with full read access (no
// masking), and Web Crypto's raw AES-256-GCM on the same payloads (sequential awaits, as the cipher).
import type { Customer } from '../src/customer/customer';
import { createFieldCipher, defineAccessPolicy, viewCustomer } from '../src/privacy/index';
import { measure, memoryMiB, report, seededRandom } from './harness';

const N = 100_000;
const random = seededRandom(13);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗欧阳';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚';
const pick = (s: string) => s[Math.floor(random() * s.length)] as string;
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');

const at = new Date('2026-01-01T00:00:00Z');
const phones: string[] = [];
const customers: Customer[] = [];
for (let i = 0; i < N; i++) {
  const phone = `+861${3 + Math.floor(random() * 7)}${digits(9)}`;
  phones.push(phone);
  const name = pick(SURNAMES) + pick(GIVEN) + (random() < 0.7 ? pick(GIVEN) : '');
  customers.push({
    id: `c-${i}`, kind: 'person', displayName: name, ownerId: `u-${i % 50}`, teamId: `t-${i % 5}`,
    person: { familyName: name.slice(0, 1), givenName: name.slice(1), residentId: `110105${1950 + (i % 60)}0101${digits(3)}X` },
    contactPoints: [
      { type: 'phone', value: phone, primary: true },
      { type: 'email', value: `user${i}@example.cn` },
      { type: 'address', country: 'CN', city: '北京市', district: '海淀区', line1: `北京市海淀区中关村大街${i % 300}号`, postalCode: '100080' },
    ],
    tags: ['vip'], attributes: { creditLimit: i * 10, region: '华北' }, externalIds: {}, lifecycleStage: 'customer', consent: {},
    createdAt: at, updatedAt: at, version: 1,
  });
}
const policy = defineAccessPolicy({
  moneyAttributes: ['creditLimit'],
  roles: { agent: { scope: 'all', default: 'masked', fields: { money: 'none' } }, auditor: { scope: 'all', default: 'read' } },
});
const now = new Date('2026-03-01T00:00:00Z');
const agent = { id: 'u-1', role: 'agent' };
const auditor = { id: 'u-2', role: 'auditor' };

const full = await measure('privacy', 'view 100k customers, full read (baseline)', () => {
  for (const c of customers) viewCustomer(policy, auditor, c, { now });
}, { items: N, runs: 3 });
const masked = await measure('privacy', 'view 100k customers, masked', () => {
  for (const c of customers) viewCustomer(policy, agent, c, { now });
}, { items: N, runs: 3 });
report({ bench: 'privacy', name: 'masked view vs full-read view', ratio: Math.round((masked.medianMs / full.medianMs) * 100) / 100 });

const keyBytes = crypto.getRandomValues(new Uint8Array(32));
const cipher = createFieldCipher({ currentKeyId: 'k1', keys: { k1: keyBytes }, blindIndexKey: crypto.getRandomValues(new Uint8Array(32)) });
const rawKey = await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
const enc = new TextEncoder();
const aad = enc.encode('crmkit.field.v1\u0000k1\u0000phone');

const rawSealed: { iv: Uint8Array; ct: ArrayBuffer }[] = new Array(N);
const rawEncrypt = await measure('privacy', 'raw Web Crypto AES-256-GCM encrypt 100k phones (baseline)', async () => {
  for (let i = 0; i < N; i++) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    rawSealed[i] = { iv, ct: await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, rawKey, enc.encode(phones[i] as string)) };
  }
}, { items: N, runs: 3 });
const rawDecrypt = await measure('privacy', 'raw Web Crypto AES-256-GCM decrypt 100k phones (baseline)', async () => {
  for (let i = 0; i < N; i++) {
    const s = rawSealed[i] as { iv: Uint8Array; ct: ArrayBuffer };
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv, additionalData: aad }, rawKey, s.ct);
  }
}, { items: N, runs: 3 });

const sealed: string[] = new Array(N);
const fieldEncrypt = await measure('privacy', 'createFieldCipher encrypt 100k phones', async () => {
  for (let i = 0; i < N; i++) sealed[i] = await cipher.encrypt(phones[i] as string, { context: 'phone' });
}, { items: N, runs: 3 });
const fieldDecrypt = await measure('privacy', 'createFieldCipher decrypt 100k phones', async () => {
  for (let i = 0; i < N; i++) await cipher.decrypt(sealed[i] as string, { context: 'phone' });
}, { items: N, runs: 3 });
const blind = await measure('privacy', 'blindIndex 100k phones', async () => {
  for (let i = 0; i < N; i++) await cipher.blindIndex(phones[i] as string, 'phone');
}, { items: N, runs: 3 });
report({
  bench: 'privacy',
  name: 'field cipher vs raw Web Crypto',
  encryptRatio: Math.round((fieldEncrypt.medianMs / rawEncrypt.medianMs) * 100) / 100,
  decryptRatio: Math.round((fieldDecrypt.medianMs / rawDecrypt.medianMs) * 100) / 100,
  blindIndexVsRawEncrypt: Math.round((blind.medianMs / rawEncrypt.medianMs) * 100) / 100,
  ...memoryMiB(),
});
