// Access policies. Expected views are written by hand from the policy in each case and the masking
// rule table; the property test states the invariant independently of the code: for a random policy
// and customer, no personal value of a field the role may not read appears anywhere in the view
// (searched in its JSON), and masked fields hold exactly maskValue of the original.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit/customer';
import { type FieldAccess, authorizeUpdate, defineAccessPolicy, maskValue, viewCustomer } from 'crmkit/privacy';
import { expectThrowsCode } from '../errors';

const now = new Date('2026-03-01T00:00:00Z');
const at = new Date('2026-01-01T00:00:00Z');
const customer = (over: Partial<Customer> = {}): Customer => ({
  id: 'c-1', kind: 'person', displayName: '张三丰', ownerId: 'u-7', teamId: 'east',
  person: { givenName: '三丰', familyName: '张', residentId: '11010519491231002X', birthDate: new Date('1949-12-31T00:00:00Z'), gender: 'male' },
  contactPoints: [
    { type: 'phone', value: '13812345678', primary: true },
    { type: 'email', value: 'zhangsanfeng@example.cn' },
    { type: 'address', country: 'CN', region: '北京市', city: '北京市', district: '海淀区', line1: '中关村大街1号', postalCode: '100080' },
  ],
  tags: ['vip'], attributes: { creditLimit: 50000, region: '华北', note: 'likes tea' }, externalIds: {}, lifecycleStage: 'loyal',
  consent: {}, createdAt: at, updatedAt: at, version: 1, ...over,
});

const policy = defineAccessPolicy({
  moneyAttributes: ['creditLimit'],
  roles: {
    agent: { scope: 'own', default: 'masked', fields: { profile: 'write', phone: 'write', residentId: 'none', money: 'none', 'attributes.region': 'read' } },
    manager: { scope: 'team', default: 'read', fields: { residentId: 'masked' } },
    dpo: { scope: 'all', default: 'write' },
  },
});

describe('viewCustomer (views written by hand from the policy)', () => {
  it('an agent sees its own customer masked, without the ID number or money', () => {
    const { view, audit } = viewCustomer(policy, { id: 'u-7', role: 'agent' }, customer(), { now });
    expect(view.displayName).toBe('张**');
    expect(view.person).toEqual({ givenName: '三*', familyName: '*', gender: 'male' });
    expect(view.contactPoints).toEqual([
      { type: 'phone', value: '13812345678', primary: true },
      { type: 'email', value: 'z***@example.cn' },
      { type: 'address', country: 'CN', region: '北京市', city: '北京市', district: '海淀区', line1: '****' },
    ]);
    expect(view.attributes).toEqual({ region: '华北', note: '***' });
    expect(audit).toMatchObject({ type: 'PersonalDataViewed', customerId: 'c-1', principalId: 'u-7', role: 'agent', occurredAt: now });
    expect([...audit.revealed].sort()).toEqual(['attributes.region', 'phone']);
    expect([...audit.masked].sort()).toEqual(['address', 'attributes.note', 'birthDate', 'email', 'name']);
  });

  it('a manager sees the team in full except a masked ID number; other teams are FORBIDDEN', () => {
    const { view, audit } = viewCustomer(policy, { id: 'u-1', role: 'manager', teamIds: ['east'] }, customer(), { now });
    expect(view.person?.residentId).toBe('110***********002X');
    expect(view.contactPoints).toEqual(customer().contactPoints);
    expect(audit.revealed).toContain('attributes.creditLimit');
    const e = expectThrowsCode(() => viewCustomer(policy, { id: 'u-1', role: 'manager', teamIds: ['west'] }, customer(), { now }), 'FORBIDDEN');
    expect(e.localizedMessage('zh-CN')).toBe('manager无权读取客户');
    expectThrowsCode(() => viewCustomer(policy, { id: 'u-9', role: 'agent' }, customer(), { now }), 'FORBIDDEN');
  });

  it('unknown roles and fields are refused without naming them', () => {
    const e = expectThrowsCode(() => viewCustomer(policy, { id: 'u-7', role: 'root' }, customer(), { now }), 'INVALID_ARGUMENT');
    expect(e.message).not.toContain('root');
    const f = expectThrowsCode(() => defineAccessPolicy({ roles: { x: { scope: 'all', fields: { salary: 'read' } as never } } }), 'INVALID_ARGUMENT');
    expect(f.message).not.toContain('salary');
    expectThrowsCode(() => defineAccessPolicy({ roles: { x: { scope: 'mine' as 'own' } } }), 'INVALID_ARGUMENT');
  });
});

describe('authorizeUpdate', () => {
  const agent = { id: 'u-7', role: 'agent' };
  it('allows writable fields and names what changes', () => {
    expect(authorizeUpdate(policy, agent, customer(), { tags: ['vip', 'b2b'], displayName: '张三丰' })).toEqual(['profile']);
    const points = [...customer().contactPoints];
    points[0] = { type: 'phone', value: '13900000000' };
    expect(authorizeUpdate(policy, agent, customer(), { contactPoints: points })).toEqual(['phone']);
  });
  it('refuses unwritable fields (FORBIDDEN_FIELD) and customers out of scope (FORBIDDEN)', () => {
    const e = expectThrowsCode(() => authorizeUpdate(policy, agent, customer(), { attributes: { ...customer().attributes, creditLimit: 90000 } }), 'FORBIDDEN_FIELD');
    expect(e.params.field).toBe('attributes.creditLimit');
    expect(e.message).not.toContain('90000');
    expectThrowsCode(() => authorizeUpdate(policy, agent, customer(), { person: { ...customer().person, residentId: '110105194912310000' } }), 'FORBIDDEN_FIELD');
    expectThrowsCode(() => authorizeUpdate(policy, agent, customer({ ownerId: 'u-8' }), { tags: [] }), 'FORBIDDEN');
    // dpo may write everything, including handing the customer to someone else.
    expect(authorizeUpdate(policy, { id: 'u-0', role: 'dpo' }, customer(), { ownerId: 'u-8' })).toEqual(['assignment']);
    // a manager moving a customer out of its teams loses it: refused.
    const m = defineAccessPolicy({ roles: { m: { scope: 'team', default: 'write' } } });
    expectThrowsCode(() => authorizeUpdate(m, { id: 'u-1', role: 'm', teamIds: ['east'] }, customer(), { teamId: 'west', ownerId: 'u-2' }), 'FORBIDDEN');
  });
});

describe('the view never contains a field the role may not read (property)', () => {
  const access = fc.constantFrom<FieldAccess>('none', 'masked', 'read', 'write');
  const fields = fc.record({ name: access, phone: access, email: access, address: access, residentId: access, birthDate: access, money: access, attributes: access });
  // Values long enough that masking always hides part of them.
  const personal = {
    displayName: '欧阳娜娜', givenName: '娜娜', familyName: '欧阳', residentId: '11010519491231002X', phone: '13812345678',
    email: 'ouyangnana@example.cn', line1: '中关村大街27号', postalCode: '100080', creditLimit: 98765, note: 'secret-note',
  };
  it('for random policies', () => {
    fc.assert(
      fc.property(fields, (f) => {
        const p = defineAccessPolicy({ moneyAttributes: ['creditLimit'], roles: { r: { scope: 'all', default: 'none', fields: f } } });
        const c = customer({
          displayName: personal.displayName,
          person: { givenName: personal.givenName, familyName: personal.familyName, residentId: personal.residentId, birthDate: new Date('1987-06-05T00:00:00Z') },
          contactPoints: [{ type: 'phone', value: personal.phone }, { type: 'email', value: personal.email }, { type: 'address', country: 'CN', district: '海淀区', line1: personal.line1, postalCode: personal.postalCode }],
          attributes: { creditLimit: personal.creditLimit, note: personal.note },
        });
        const { view, audit } = viewCustomer(p, { id: 'x', role: 'r' }, c, { now });
        const json = JSON.stringify(view);
        const readable = (a: FieldAccess) => a === 'read' || a === 'write';
        const check = (a: FieldAccess, value: string | number, mask: string | undefined) => {
          if (!readable(a)) expect(json).not.toContain(String(value));
          if (a === 'masked' && mask !== undefined) expect(json).toContain(mask);
        };
        check(f.name, personal.givenName, maskValue(personal.displayName, 'name'));
        check(f.name, personal.displayName, undefined);
        check(f.residentId, personal.residentId, maskValue(personal.residentId, 'residentId'));
        check(f.phone, personal.phone, maskValue(personal.phone, 'phone'));
        check(f.email, personal.email, maskValue(personal.email, 'email'));
        check(f.address, personal.line1, undefined);
        check(f.address, personal.postalCode, undefined);
        check(f.money, personal.creditLimit, undefined);
        check(f.attributes, personal.note, undefined);
        check(f.birthDate, '1987-06-05', undefined);
        // The audit names exactly the readable personal fields.
        const expected = (['name', 'phone', 'email', 'address', 'residentId', 'birthDate'] as const).filter((k) => readable(f[k]));
        const attrs = [...(readable(f.money) ? ['attributes.creditLimit'] : []), ...(readable(f.attributes) ? ['attributes.note'] : [])];
        expect([...audit.revealed].sort()).toEqual([...expected, ...attrs].sort());
      }),
      { numRuns: 300 },
    );
  });
});
