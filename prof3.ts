import { validateCustomer, checkCustomerFields, normalizeCustomer } from './src/validation';
import { CustomerInputSchema } from './src/customer/customer';
const N = 100_000;
const rows = Array.from({ length: N }, (_, i) => ({
  kind: 'person', displayName: `客户${i}`,
  contactPoints: [
    { type: 'phone', value: `+86138${String(10_000_000 + i).slice(-8)}` },
    { type: 'email', value: `user${i}@example.cn` },
    { type: 'address', country: 'CN', city: '北京市', line1: `示例路${i}号`, postalCode: '100080' },
  ], tags: ['retail', 'wechat'], ownerId: `owner-${i % 20}` }));
function t(name: string, f: () => void) { f(); const s = performance.now(); f(); console.log(name, Math.round(N / ((performance.now() - s) / 1000)), '/s'); }
t('validate', () => { for (const r of rows) validateCustomer(r); });
t('zod', () => { for (const r of rows) CustomerInputSchema.safeParse(r); });
t('fields', () => { for (const r of rows) checkCustomerFields(r); });
const parsed = rows.map((r) => CustomerInputSchema.parse(r));
t('normalize', () => { for (const r of parsed) normalizeCustomer(r as never); });
