import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { type SegmentCustomer, compileSegment, evaluateSegment } from 'crmkit/segmentation';

const asOf = new Date('2026-03-01T00:00:00Z');
const ann: SegmentCustomer = {
  id: 'ann',
  kind: 'person',
  displayName: 'Ann Lee',
  lifecycleStage: 'customer',
  tags: ['vip', 'b2c'],
  attributes: { vipLevel: 3, region: '华东', wholesale: false },
  createdAt: new Date('2025-06-01T00:00:00Z'),
  consent: { sms: { granted: true, updatedAt: new Date('2025-06-01T00:00:00Z') } },
};
const attributes = { vipLevel: 'number', region: 'string', wholesale: 'boolean' } as const;
const test = (rule: unknown, c: SegmentCustomer = ann, m?: object) => compileSegment(rule, { asOf, attributes })(c, m);

describe('compileSegment', () => {
  // Each expectation is read off the customer above by hand.
  it('evaluates every operator as documented', () => {
    const t: [unknown, boolean][] = [
      [{ field: 'kind', op: 'eq', value: 'person' }, true],
      [{ field: 'kind', op: 'eq', value: 'Person' }, false], // case-sensitive
      [{ field: 'kind', op: 'neq', value: 'organization' }, true],
      [{ field: 'attributes.vipLevel', op: 'gt', value: 2 }, true],
      [{ field: 'attributes.vipLevel', op: 'gte', value: 3 }, true],
      [{ field: 'attributes.vipLevel', op: 'lt', value: 3 }, false],
      [{ field: 'attributes.vipLevel', op: 'lte', value: 3 }, true],
      [{ field: 'attributes.vipLevel', op: 'between', value: [3, 3] }, true], // inclusive
      [{ field: 'attributes.region', op: 'in', value: ['华北', '华东'] }, true],
      [{ field: 'attributes.region', op: 'notIn', value: ['华东'] }, false],
      [{ field: 'displayName', op: 'contains', value: 'n L' }, true],
      [{ field: 'displayName', op: 'startsWith', value: 'ann' }, false],
      [{ field: 'ownerId', op: 'exists' }, false],
      [{ field: 'tags', op: 'hasTag', value: ' VIP ' }, true], // rule tag normalised
      [{ field: 'tags', op: 'hasAnyTag', value: ['b2b', 'B2C'] }, true],
      [{ field: 'createdAt', op: 'before', value: '2025-06-01T00:00:00Z' }, false], // strict
      [{ field: 'createdAt', op: 'after', value: '2025-05-31T23:59:59Z' }, true],
      [{ field: 'createdAt', op: 'withinLast', value: { amount: 273, unit: 'days' } }, true], // 2025-06-01 is 273 days before 2026-03-01
      [{ field: 'createdAt', op: 'withinLast', value: { amount: 272, unit: 'days' } }, false],
      [{ field: 'createdAt', op: 'withinLast', value: { amount: 1, unit: 'years' } }, true],
      [{ field: 'consent.sms', op: 'eq', value: true }, true],
      [{ field: 'attributes.wholesale', op: 'eq', value: false }, true],
      [{ all: [] }, true],
      [{ any: [] }, false],
    ];
    for (const [rule, expected] of t) expect(test(rule), JSON.stringify(rule)).toBe(expected);
  });

  it('a condition on a missing field is false and its negation is true (neq and notIn included)', () => {
    const bare: SegmentCustomer = { id: 'x' };
    for (const rule of [
      { field: 'kind', op: 'neq', value: 'person' },
      { field: 'kind', op: 'notIn', value: [] },
      { field: 'rfm.r', op: 'lt', value: 10 },
      { field: 'tags', op: 'hasTag', value: 'vip' },
      { field: 'lastPurchaseAt', op: 'before', value: '2030-01-01' },
    ]) {
      expect(test(rule, bare), JSON.stringify(rule)).toBe(false);
      expect(test({ not: rule }, bare)).toBe(true);
    }
  });

  it('values of the wrong type, NaN and invalid dates count as missing', () => {
    const odd: SegmentCustomer = { id: 'o', attributes: { vipLevel: '3' }, createdAt: new Date(Number.NaN) };
    expect(test({ field: 'attributes.vipLevel', op: 'eq', value: 3 }, odd)).toBe(false);
    expect(test({ field: 'attributes.vipLevel', op: 'exists' }, odd)).toBe(false);
    expect(test({ field: 'createdAt', op: 'exists' }, odd)).toBe(false);
    expect(test({ field: 'lifetimeSpendMinor', op: 'lte', value: 0 }, odd, { lifetimeSpendMinor: Number.NaN })).toBe(false);
  });

  it('reads computed metrics', () => {
    const m = { rfm: { r: 5, f: 2, m: 4 }, rfmSegment: 'champions', lifetimeSpendMinor: 120_000, lastPurchaseAt: new Date('2026-02-27T00:00:00Z') };
    expect(test({ all: [{ field: 'rfm.r', op: 'eq', value: 5 }, { field: 'rfm.segment', op: 'eq', value: 'champions' }, { field: 'lifetimeSpendMinor', op: 'gte', value: 100_000 }, { field: 'lastPurchaseAt', op: 'withinLast', value: { amount: 1, unit: 'weeks' } }] }, ann, m)).toBe(true);
  });

  it('withinLast without asOf is INVALID_DATE; a rule without it needs no asOf', () => {
    try {
      compileSegment({ field: 'createdAt', op: 'withinLast', value: { amount: 1, unit: 'days' } });
      expect.unreachable();
    } catch (e) {
      expect(isCrmError(e, 'INVALID_DATE')).toBe(true);
    }
    expect(compileSegment({ field: 'kind', op: 'exists' })(ann)).toBe(true);
  });

  it('De Morgan and double negation hold (property)', () => {
    const leaf = fc.constantFrom<unknown>(
      { field: 'kind', op: 'eq', value: 'person' },
      { field: 'ownerId', op: 'exists' },
      { field: 'tags', op: 'hasTag', value: 'vip' },
      { field: 'attributes.vipLevel', op: 'gt', value: 5 },
    );
    const customer = fc.record({ kind: fc.constantFrom('person', 'organization'), ownerId: fc.option(fc.constant('u1'), { nil: undefined }), tags: fc.subarray(['vip', 'x']), attributes: fc.record({ vipLevel: fc.integer({ min: 0, max: 9 }) }) });
    fc.assert(
      fc.property(leaf, leaf, customer, (a, b, c) => {
        expect(test({ not: { all: [a, b] } }, c)).toBe(test({ any: [{ not: a }, { not: b }] }, c));
        expect(test({ not: { not: a } }, c)).toBe(test(a, c));
      }),
    );
  });

  it('does not mutate the rule or the customer', () => {
    const rule = { all: [{ field: 'tags', op: 'hasTag', value: ' VIP ' }] };
    const before = JSON.stringify([rule, ann]);
    test(rule);
    expect(JSON.stringify([rule, ann])).toBe(before);
  });
});

describe('evaluateSegment', () => {
  it('returns members in input order, with metrics from a Map or a record', () => {
    const cs = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const rule = { field: 'rfm.r', op: 'gte', value: 4 };
    expect(evaluateSegment(rule, cs, { metrics: new Map([['c', { rfm: { r: 5, f: 1, m: 1 } }], ['a', { rfm: { r: 4, f: 1, m: 1 } }]]) }).map((c) => c.id)).toEqual(['a', 'c']);
    expect(evaluateSegment(rule, cs, { metrics: { b: { rfm: { r: 4, f: 1, m: 1 } } } }).map((c) => c.id)).toEqual(['b']);
    expect(evaluateSegment(rule, [{ id: '__proto__' }], { metrics: {} })).toEqual([]);
    expect(evaluateSegment(rule, [])).toEqual([]);
  });
});
