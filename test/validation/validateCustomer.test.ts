import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CustomerRule, normalizeCustomer, validateCustomer } from 'crmkit/customer';

const PHONE = '13912345678';
const RESIDENT = '110105194912310021';

describe('validateCustomer', () => {
  it('returns every issue at once, with paths and stable codes', () => {
    const r = validateCustomer({
      kind: 'person',
      displayName: '',
      contactPoints: [
        { type: 'phone', value: '12345678901' },
        { type: 'email', value: 'nope' },
        { type: 'address', country: 'CN', line1: '中关村大街1号', postalCode: '1000' },
      ],
      person: { residentId: RESIDENT },
    });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['displayName', 'invalid_format'],
      ['contactPoints.0.value', 'cn_mobile'],
      ['contactPoints.1.value', 'email'],
      ['contactPoints.2.postalCode', 'postal_code'],
      ['person.residentId', 'resident_id'],
    ]);
  });

  it('writes messages in zh-CN, using zod\'s own locale for schema issues', () => {
    const r = validateCustomer({ kind: 'person', displayName: 3, contactPoints: [{ type: 'phone', value: '12345678901' }] }, { locale: 'zh-CN' });
    expect(r.issues[0]?.message).toBe('无效输入：期望 string，实际接收 数字');
    expect(r.issues[1]?.message).toBe('contactPoints.0.value：不是有效的中国大陆手机号码');
  });

  it('never echoes the personal value that failed', () => {
    const bad = { kind: 'person', displayName: 'x', contactPoints: [{ type: 'phone', value: '1391234567' }, { type: 'email', value: 'secret.person@' }], person: { residentId: RESIDENT } };
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = JSON.stringify(validateCustomer(bad, { locale }).issues);
      expect(text).not.toContain('1391234567');
      expect(text).not.toContain('secret.person');
      expect(text).not.toContain(RESIDENT);
    }
  });

  it('returns the normalised customer when valid', () => {
    const r = validateCustomer({
      kind: 'organization',
      displayName: ' ＡＢＣ 科技 ',
      organization: { legalName: 'ABC科技有限公司', type: 'enterprise', uscc: '91350100m000100y43' },
      contactPoints: [{ type: 'phone', value: PHONE }, { type: 'email', value: 'Sales@ABC.CN' }],
      tags: ['Key Account', 'key account'],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.displayName).toBe('ABC 科技');
    expect(r.value.organization?.uscc).toBe('91350100M000100Y43');
    expect(r.value.contactPoints.map((p) => p.type === 'address' ? '' : p.value)).toEqual(['+8613912345678', 'Sales@abc.cn']);
    expect(r.value.tags).toEqual(['key-account']);
  });

  it('reports unknown fields, reserved keys and duplicate contact points instead of dropping them silently', () => {
    const r = validateCustomer({
      kind: 'person',
      displayName: 'Ann',
      phone: PHONE,
      attributes: JSON.parse('{"__proto__": {"admin": true}}'),
      contactPoints: [{ type: 'phone', value: PHONE }, { type: 'phone', value: '+86 139 1234 5678' }],
    });
    expect(r.issues.map((i) => i.code)).toEqual(['unrecognized_keys', 'duplicate_contact', 'reserved_key']);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('requires organisation details for an organisation', () => {
    const r = validateCustomer({ kind: 'organization', displayName: 'Gov' });
    expect(r.issues.map((i) => i.path.join('.'))).toEqual(['organization']);
  });

  it('runs adopter rules after the built-in ones', () => {
    const needsOwner: CustomerRule = (c) => (c.ownerId ? [] : [{ path: ['ownerId'], code: 'owner_required', message: 'ownerId: required' }]);
    expect(validateCustomer({ kind: 'person', displayName: 'A' }, { rules: [needsOwner] }).issues.map((i) => i.code)).toEqual(['owner_required']);
    expect(validateCustomer({ kind: 'person', displayName: 'A', ownerId: 'u1' }, { rules: [needsOwner] }).ok).toBe(true);
  });

  it('handles huge strings with a length issue, not a crash', () => {
    const r = validateCustomer({ kind: 'person', displayName: 'x'.repeat(1_000_000), contactPoints: [{ type: 'email', value: `${'a'.repeat(100_000)}@x.cn` }] });
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.code)).toContain('too_big');
  });

  it('never throws, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true, withMap: true, withDate: true }), (input) => {
        const r = validateCustomer(input);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(
        fc.record({
          kind: fc.constantFrom('person', 'organization', 'robot'),
          displayName: fc.string(),
          contactPoints: fc.array(fc.record({ type: fc.constantFrom('phone', 'email', 'address', 'social'), value: fc.string(), country: fc.string() }), { maxLength: 4 }),
          tags: fc.array(fc.string(), { maxLength: 4 }),
        }),
        (input) => {
          expect(() => validateCustomer(input)).not.toThrow();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('normalises idempotently (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 5 }), fc.string(), (name, tags, phone) => {
        const c = { kind: 'person' as const, displayName: name, tags, contactPoints: [{ type: 'phone' as const, value: phone }] };
        const once = normalizeCustomer(c);
        expect(normalizeCustomer(once)).toEqual(once);
      }),
      { numRuns: 500 },
    );
  });
});
