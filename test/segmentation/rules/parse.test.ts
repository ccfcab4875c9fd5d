import { describe, expect, it } from 'vitest';
import { CrmError, type ErrorCode } from 'crmkit';
import { MAX_RULE_DEPTH, SegmentRuleSchema, compileSegment, parseSegmentRule, toSql } from 'crmkit/segmentation';

function caught(fn: () => unknown): CrmError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CrmError) return e;
    throw e;
  }
  throw new Error('expected a CrmError');
}
const expectCode = (fn: () => unknown, code: ErrorCode, path?: string) => {
  const e = caught(fn);
  expect(e.code).toBe(code);
  if (path !== undefined) expect(e.params.path).toBe(path);
  return e;
};
function nested(depth: number, leaf: unknown = { field: 'kind', op: 'eq', value: 'person' }): unknown {
  let rule = leaf;
  for (let i = 0; i < depth; i++) rule = i % 2 === 0 ? { not: rule } : { all: [rule] };
  return rule;
}

describe('parseSegmentRule', () => {
  it('normalises tags and dates and keeps the structure', () => {
    expect(parseSegmentRule({ not: { any: [{ field: 'tags', op: 'hasAnyTag', value: ['High Value', 'VIP'] }, { field: 'createdAt', op: 'between', value: ['2026-01-01', '2026-02-01T08:00:00+08:00'] }] } })).toEqual({
      not: { any: [{ field: 'tags', op: 'hasAnyTag', value: ['high-value', 'vip'] }, { field: 'createdAt', op: 'between', value: ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'] }] },
    });
  });

  it('is idempotent: parsing the output again gives the same rule', () => {
    const once = parseSegmentRule({ all: [{ field: 'lastPurchaseAt', op: 'withinLast', value: { amount: 3, unit: 'months' } }, { field: 'tags', op: 'exists' }] });
    expect(parseSegmentRule(once)).toEqual(once);
  });

  it('rejects unknown fields and operators at parse time, naming the path (not the value)', () => {
    const e = expectCode(() => parseSegmentRule({ all: [{ field: 'kind', op: 'eq', value: 'x' }, { field: 'phone', op: 'eq', value: '13812345678' }] }), 'UNKNOWN_FIELD', 'all.1.field');
    expect(e.message).toBe('segment rule at all.1.field: unknown field phone');
    expect(e.message).not.toContain('13812345678');
    expectCode(() => parseSegmentRule({ any: [{ field: 'kind', op: 'like', value: 'x' }] }), 'UNKNOWN_OPERATOR', 'any.0.op');
    expectCode(() => parseSegmentRule({ field: 'kind', op: '__proto__', value: 'x' }), 'UNKNOWN_OPERATOR', 'op');
    expectCode(() => parseSegmentRule({ field: 'attributes.vipLevel', op: 'eq', value: 1 }), 'UNKNOWN_FIELD');
    expect(parseSegmentRule({ field: 'attributes.vipLevel', op: 'eq', value: 1 }, { attributes: { vipLevel: 'number' } })).toEqual({ field: 'attributes.vipLevel', op: 'eq', value: 1 });
    expectCode(() => parseSegmentRule({ field: 'attributes.toString', op: 'exists' }, { attributes: { vipLevel: 'number' } }), 'UNKNOWN_FIELD');
  });

  it('rejects operators that do not suit the field type and malformed values', () => {
    const cases: [unknown, string][] = [
      [{ field: 'displayName', op: 'gt', value: 'a' }, 'op'], // ordering is for numbers and dates only
      [{ field: 'tags', op: 'eq', value: 'vip' }, 'op'],
      [{ field: 'rfm.r', op: 'eq', value: '4' }, 'value'],
      [{ field: 'rfm.r', op: 'eq', value: Number.NaN }, 'value'],
      [{ field: 'rfm.r', op: 'gte', value: Infinity }, 'value'],
      [{ field: 'rfm.r', op: 'between', value: [5, 1] }, 'value'],
      [{ field: 'rfm.r', op: 'between', value: [1] }, 'value'],
      [{ field: 'createdAt', op: 'after', value: 'yesterday' }, 'value'],
      [{ field: 'createdAt', op: 'after', value: '2026-01-01T10:00' }, 'value'], // no offset: ambiguous
      [{ field: 'createdAt', op: 'withinLast', value: { amount: 0, unit: 'days' } }, 'value'],
      [{ field: 'createdAt', op: 'withinLast', value: { amount: 3, unit: 'fortnights' } }, 'value'],
      [{ field: 'tags', op: 'hasTag', value: '   ' }, 'value'],
      [{ field: 'kind', op: 'exists', value: true }, 'value'],
      [{ field: 'kind', op: 'in', value: 'person' }, 'value'],
      [{ field: 'kind', op: 'eq', value: 'a\u0000b' }, 'value'],
      [{ field: 'kind', op: 'eq', value: '\uD800' }, 'value'],
    ];
    for (const [rule, path] of cases) expectCode(() => parseSegmentRule(rule), 'INVALID_RULE', path);
  });

  it('rejects malformed structure', () => {
    for (const bad of [null, 42, 'rule', [], { all: 'x' }, { all: [], any: [] }, { not: {}, extra: 1 }, { field: 'kind', op: 'eq', value: 'x', sql: 'x' }, { op: 'eq' }]) {
      expectCode(() => parseSegmentRule(bad), 'INVALID_RULE');
    }
  });

  it(`accepts nesting up to MAX_RULE_DEPTH (${MAX_RULE_DEPTH}) and refuses deeper with RULE_TOO_DEEP`, () => {
    expect(() => parseSegmentRule(nested(MAX_RULE_DEPTH))).not.toThrow();
    expectCode(() => parseSegmentRule(nested(MAX_RULE_DEPTH + 1)), 'RULE_TOO_DEEP');
  });

  it('rules nested 1,000 and 100,000 deep get RULE_TOO_DEEP, never a stack overflow', () => {
    for (const depth of [1_000, 100_000]) {
      const rule = nested(depth);
      expectCode(() => parseSegmentRule(rule), 'RULE_TOO_DEEP');
      expectCode(() => compileSegment(rule), 'RULE_TOO_DEEP');
      expectCode(() => toSql(rule, { table: 't', columns: { kind: 'kind' } }), 'RULE_TOO_DEEP');
    }
  });

  it('a cyclic rule is refused, not looped over', () => {
    const cyclic: { not?: unknown } = {};
    cyclic.not = cyclic;
    expectCode(() => parseSegmentRule(cyclic), 'RULE_TOO_DEEP');
  });

  it('a very wide rule is refused with INVALID_RULE', () => {
    expectCode(() => parseSegmentRule({ any: Array.from({ length: 20_000 }, () => ({ field: 'kind', op: 'exists' })) }), 'INVALID_RULE');
  });

  it('SegmentRuleSchema accepts the structure parseSegmentRule returns', () => {
    const rule = parseSegmentRule({ all: [{ field: 'rfm.r', op: 'in', value: [4, 5] }, { not: { field: 'tags', op: 'hasTag', value: 'x' } }] });
    expect(SegmentRuleSchema.safeParse(rule).success).toBe(true);
    expect(SegmentRuleSchema.safeParse({ field: 'kind', op: 'like', value: 'x' }).success).toBe(false);
  });
});
