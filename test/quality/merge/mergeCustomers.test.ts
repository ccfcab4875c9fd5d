import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { mergeCustomers, unmergeCustomers } from 'crmkit/quality';
import { normalizeEmail, normalizePhone } from 'crmkit/validation';
import { expectThrowsCode, organization, person } from '../helpers';
import { personGroup } from './arbitraries';

const now = new Date('2026-06-01T00:00:00Z');
const d = (s: string) => new Date(`${s}T00:00:00Z`);

describe('mergeCustomers survivorship (expected values reasoned by hand from the rule definitions)', () => {
  const a = person('a', '王芳', { createdAt: d('2024-01-01'), updatedAt: d('2024-02-01'), source: 'import', ownerId: 'u-a', person: { gender: 'female' } });
  const b = person('b', '王芳芳', { createdAt: d('2024-03-01'), updatedAt: d('2025-05-01'), source: 'erp', ownerId: 'u-b', person: { birthDate: d('1990-01-01') } });
  const c = person('c', '王 芳', { createdAt: d('2024-02-01'), updatedAt: d('2024-12-01'), source: 'shop', person: { gender: 'female', birthDate: d('1990-01-01'), givenName: '芳' } });

  it('applies each rule', () => {
    const pick = (rule: 'mostRecent' | 'oldest' | 'mostComplete' | 'sourcePriority' | 'longest') =>
      mergeCustomers([a, b, c], { now, survivorship: { displayName: rule, ownerId: rule }, sourcePriority: ['shop', 'erp'] }).customer;
    expect(pick('mostRecent').displayName).toBe('王芳芳'); // b updated last (2025-05-01)
    expect(pick('oldest').displayName).toBe('王芳'); // a created first (2024-01-01)
    expect(pick('longest').displayName).toBe('王芳芳'); // 3 characters vs 2 and 3 ('王 芳' trims to 3 too): tie b/c -> most recent b
    expect(pick('sourcePriority').displayName).toBe('王 芳'); // shop before erp
    expect(pick('sourcePriority').ownerId).toBe('u-b'); // c has no owner; erp is next
    expect(pick('mostComplete').displayName).toBe('王 芳'); // c has the most filled fields (3 person fields)
  });

  it('fills person gaps, keeps the oldest id and creation time, and bumps the survivor version', () => {
    const g = mergeCustomers([b, a, c], { now }).customer;
    expect(g.id).toBe('a');
    expect(g.createdAt).toEqual(d('2024-01-01'));
    expect(g.updatedAt).toEqual(now);
    expect(g.version).toBe(2);
    expect(g.person).toEqual({ gender: 'female', birthDate: d('1990-01-01'), givenName: '芳' });
    expect(g.source).toBe('import'); // oldest
  });

  it('takes the latest consent per channel, a withdrawal winning a tie', () => {
    const x = person('x', 'A', { consent: { sms: { granted: true, updatedAt: d('2025-01-01') }, email: { granted: true, updatedAt: d('2025-01-01') } } });
    const y = person('y', 'A', { consent: { sms: { granted: false, updatedAt: d('2024-01-01') }, email: { granted: false, updatedAt: d('2025-01-01') } } });
    const g = mergeCustomers([x, y], { now }).customer;
    expect(g.consent.sms?.granted).toBe(true);
    expect(g.consent.email?.granted).toBe(false);
  });

  it('unions organisation contacts and departments by id', () => {
    const o1 = organization('o1', '星河科技有限公司');
    const o2 = organization('o2', '星河科技有限公司');
    const withContacts = (o: Customer, id: string): Customer => ({
      ...o,
      organization: { ...o.organization!, contacts: [{ id, name: '联系人', role: 'purchaser', contactPoints: [] }], departments: [{ id: `d-${id}`, name: '采购部' }] },
    });
    const g = mergeCustomers([withContacts(o1, 'p1'), withContacts(o2, 'p2')], { now }).customer;
    expect(g.organization?.contacts.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
    expect(g.organization?.departments.map((p) => p.id).sort()).toEqual(['d-p1', 'd-p2']);
  });

  it('refuses invalid merges', () => {
    expectThrowsCode(() => mergeCustomers([a], { now }), 'INVALID_MERGE');
    expectThrowsCode(() => mergeCustomers([a, a], { now }), 'INVALID_MERGE');
    expectThrowsCode(() => mergeCustomers([a, organization('o', 'X')], { now }), 'INVALID_MERGE');
    expectThrowsCode(() => mergeCustomers([a, b], { now, survivorId: 'zz' }), 'INVALID_MERGE');
    expectThrowsCode(() => mergeCustomers([a, b], { now: new Date('nope') }), 'INVALID_DATE');
    expectThrowsCode(() => mergeCustomers([a, b], { now, survivorship: { displayName: 'newest' as 'oldest' } }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => mergeCustomers([a, b], { now, survivorship: { tags: 'oldest' } as never }), 'INVALID_ARGUMENT');
  });

  it('does not mutate its inputs', () => {
    const before = structuredClone([a, b, c]);
    mergeCustomers([a, b, c], { now });
    expect([a, b, c]).toEqual(before);
  });
});

describe('merge properties', () => {
  it('unmerge(merge(x)) deep-equals x', () => {
    fc.assert(
      fc.property(personGroup, (x) => {
        const { mergeRecord } = mergeCustomers(x, { now });
        expect(unmergeCustomers(mergeRecord, { now }).customers).toEqual(x);
        // and through JSON-like storage of the merge record (structured clone)
        expect(unmergeCustomers(structuredClone(mergeRecord), { now }).customers).toEqual(x);
      }),
    );
  });

  it('is independent of the input order', () => {
    fc.assert(
      fc.property(personGroup, fc.func(fc.integer()), (x, key) => {
        const shuffled = [...x].sort((p, q) => key(p.id) - key(q.id) || (p.id < q.id ? -1 : 1));
        const survivorship = { displayName: 'longest', ownerId: 'sourcePriority', person: 'mostComplete' } as const;
        const one = mergeCustomers(x, { now, survivorship, sourcePriority: ['erp', 'shop'] });
        const two = mergeCustomers(shuffled, { now, survivorship, sourcePriority: ['erp', 'shop'] });
        expect(two.customer).toEqual(one.customer);
        expect(two.mergeRecord.mergedIds).toEqual(one.mergeRecord.mergedIds);
      }),
    );
  });

  it('never drops a contact point (checked with the validation normalisers; emails differing only in local-part case are two points)', () => {
    const keyOf = (p: Customer['contactPoints'][number]) =>
      p.type === 'phone' ? `p:${normalizePhone(p.value)}` : p.type === 'email' ? `e:${normalizeEmail(p.value)}` : p.type === 'social' ? `s:${p.value}` : `a:${p.postalCode}`;
    fc.assert(
      fc.property(personGroup, (x) => {
        const golden = new Set(mergeCustomers(x, { now }).customer.contactPoints.map(keyOf));
        for (const c of x) for (const p of c.contactPoints) expect(golden.has(keyOf(p))).toBe(true);
        // and nothing appears twice
        expect(golden.size).toBe(mergeCustomers(x, { now }).customer.contactPoints.length);
      }),
    );
  });

  it('keeps Wang@qq.com and wang@qq.com, which normalizeEmail keeps distinct, and folds WANG@QQ.COM into neither', () => {
    const email = (value: string) => ({ type: 'email' as const, value });
    const g = mergeCustomers([person('x', 'A', { contactPoints: [email('Wang@qq.com')] }), person('y', 'A', { contactPoints: [email('wang@QQ.com'), email('Wang@QQ.COM')] })], { now }).customer;
    // normalizeEmail lower-cases the domain only: Wang@qq.com, wang@qq.com, Wang@qq.com -> two distinct points
    expect(g.contactPoints.map((p) => ('value' in p ? p.value : '')).sort()).toEqual(['Wang@qq.com', 'wang@QQ.com']);
  });

  it('keeps every tag, attribute key and at most one primary point per type', () => {
    fc.assert(
      fc.property(personGroup, (x) => {
        const g = mergeCustomers(x, { now }).customer;
        for (const c of x) {
          for (const t of c.tags) expect(g.tags).toContain(t);
          for (const k of Object.keys(c.attributes)) expect(Object.keys(g.attributes)).toContain(k);
        }
        for (const type of ['phone', 'email', 'address', 'social']) {
          expect(g.contactPoints.filter((p) => p.type === type && p.primary).length).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});
