// Customers validated per second (issue 2 target: >= 200,000/s on one core for typical records).
// A typical record: a person with a mainland mobile, an email, an address, two tags and an owner.
import { createCustomer, validateCustomer, type CustomerInput } from '../src/index';
import { measure, report } from './harness';

const N = 200_000;
const typical = (i: number) => ({
  kind: 'person',
  displayName: `客户${i}`,
  contactPoints: [
    { type: 'phone', value: `+86138${String(10_000_000 + i).slice(-8)}` },
    { type: 'email', value: `user${i}@example.cn` },
    { type: 'address', country: 'CN', city: '北京市', line1: `示例路${i}号`, postalCode: '100080' },
  ],
  tags: ['retail', 'wechat'],
  ownerId: `owner-${i % 20}`,
});
const rows = Array.from({ length: N }, (_, i) => typical(i));
const messy = rows.map((r, i) => ({ ...r, contactPoints: [{ type: 'phone', value: `138 ${String(1000 + (i % 9000))} ${String(1000 + (i % 8999))}` }, ...r.contactPoints.slice(1)] }));
const invalid = rows.map((r) => ({ ...r, contactPoints: [{ type: 'phone', value: '12345678901' }, { type: 'email', value: 'nope' }] }));

let ok = 0;
await measure('validation', 'validateCustomer, typical valid records (E.164 phones)', () => {
  ok = 0;
  for (const r of rows) if (validateCustomer(r).ok) ok++;
}, { items: N, runs: 3, extra: { target: '>= 200000/s' } });
report({ bench: 'validation', check: 'valid records accepted', ok, of: N });
await measure('validation', 'validateCustomer, records with formatted local phones', () => {
  for (const r of messy) validateCustomer(r);
}, { items: N, runs: 3 });
await measure('validation', 'validateCustomer, invalid records (issues reported)', () => {
  for (const r of invalid) validateCustomer(r);
}, { items: N, runs: 3 });
const now = new Date('2026-01-01T00:00:00Z');
await measure('validation', 'createCustomer (validate + stamp + event)', () => {
  for (let i = 0; i < 50_000; i++) createCustomer(rows[i] as CustomerInput, { now, newId: () => `c-${i}` });
}, { items: 50_000, runs: 3 });
