// The zod fast path must never disagree with zod: whenever it answers, zod accepts the same input
// and outputs a deep-strict-equal value (same keys present, same Date instances, same defaults).
// The second implementation here is zod itself (`safeParse`).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFastParse } from '../../src/core/zod/fastParse';
import { CustomerInputSchema, CustomerSchema } from '../../src/customer/customer';

const fastInput = compileFastParse(CustomerInputSchema);
const fastStored = compileFastParse(CustomerSchema);
// The loop form, used where code generation is forbidden.
const loopInput = compileFastParse(CustomerInputSchema, { codegen: false });

/** Mostly valid values, now and then an invalid or unusual one. */
const mostly = <T, U>(valid: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) => fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: odd, weight: 1 });
const text = mostly(fc.string({ minLength: 1, maxLength: 8 }).map((s) => `x${s}`), fc.constantFrom('', ' ', '\u3000', '张伟', 'a'.repeat(300)));
const date = mostly(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.constantFrom(new Date(Number.NaN), '2026-03-01', '2026-03-01T08:00:00+08:00', 'yesterday'),
);
const oneOf = <T>(valid: readonly T[], odd: T) => mostly(fc.constantFrom(...valid), fc.constant(odd));
const contactPoint = fc.oneof(
  fc.record({ type: fc.constant('phone'), value: text, verified: fc.boolean(), label: text }, { requiredKeys: ['type', 'value'] }),
  fc.record({ type: fc.constant('email'), value: text, primary: fc.boolean() }, { requiredKeys: ['type', 'value'] }),
  fc.record(
    { type: fc.constant('address'), country: oneOf(['CN', 'us'], 'CHN'), line1: text, postalCode: text, city: text },
    { requiredKeys: ['type', 'country', 'line1'] },
  ),
  fc.record({ type: oneOf(['social'], 'fax'), network: oneOf(['wechat', 'qq'], 'myspace'), value: text }, { requiredKeys: ['type', 'network', 'value'] }),
);
const customer = fc.record(
  {
    id: text,
    kind: oneOf(['person', 'organization'], 'robot'),
    displayName: text,
    person: fc.record({ givenName: text, birthDate: date, gender: oneOf(['female', 'male'], 'x') }, { requiredKeys: [] }),
    organization: fc.record(
      {
        legalName: text,
        type: oneOf(['government', 'enterprise'], 'club'),
        contacts: fc.array(fc.record({ id: text, name: text, role: oneOf(['purchaser', 'user'], 'boss'), contactPoints: fc.array(contactPoint, { maxLength: 2 }) }, { requiredKeys: ['id', 'name', 'role'] }), { maxLength: 2 }),
      },
      { requiredKeys: ['legalName', 'type'] },
    ),
    contactPoints: fc.array(contactPoint, { maxLength: 4 }),
    tags: fc.array(text, { maxLength: 3 }),
    attributes: fc.dictionary(oneOf(['tier', 'score', '7'], '__proto__'), mostly(fc.oneof(text, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)), fc.constantFrom([], Number.NaN, undefined)), { maxKeys: 3 }),
    externalIds: fc.dictionary(oneOf(['erp', 'crm'], ''), text, { maxKeys: 2 }),
    consent: fc.dictionary(oneOf(['email', 'sms'], 'fax'), fc.record({ granted: fc.boolean(), updatedAt: date }), { maxKeys: 2 }),
    ownerId: text,
    lifecycleStage: text,
    createdAt: date,
    updatedAt: date,
    version: mostly(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 1.5)),
  },
  { requiredKeys: ['kind', 'displayName', 'id', 'createdAt', 'updatedAt', 'version'] },
);
/** The input form has no id requirement and no stored fields. */
const asInput = ({ createdAt: _c, updatedAt: _u, version: _v, ...rest }: Record<string, unknown>) => rest;
/** Valid-looking customers with one arbitrary change somewhere (or none). */
const mutated = (base: fc.Arbitrary<Record<string, unknown>>) => fc.tuple(base, fc.constantFrom('none', 'drop', 'set', 'extra'), fc.constantFrom('kind', 'displayName', 'tags', 'contactPoints', 'attributes', 'version'), fc.anything({ withNullPrototype: true, withBoxedValues: true, withDate: true, withSparseArray: true, withObjectString: true }))
  .map(([c, how, key, value]) => {
    const copy: Record<string, unknown> = { ...c };
    if (how === 'drop') delete copy[key];
    if (how === 'set') copy[key] = value;
    if (how === 'extra') copy.unexpected = value;
    return copy;
  });

describe('compileFastParse agrees with zod safeParse', () => {
  for (const [name, schema, fast, inputs] of [
    ['CustomerInputSchema', CustomerInputSchema, fastInput, mutated(customer.map(asInput))],
    ['CustomerSchema', CustomerSchema, fastStored, mutated(customer)],
    ['CustomerInputSchema (no codegen)', CustomerInputSchema, loopInput, mutated(customer.map(asInput))],
  ] as const) {
    it(`${name}: whenever the fast path answers, zod accepts with an identical output (property)`, () => {
      let answered = 0;
      fc.assert(
        fc.property(inputs, (input) => {
          const quick = fast(input);
          if (quick === undefined) return;
          answered++;
          const slow = schema.safeParse(input);
          expect(slow.success).toBe(true);
          expect(isDeepStrictEqual(quick.value, slow.data)).toBe(true);
        }),
        { numRuns: 3000 },
      );
      // Not a check that cannot fail: with no answers the property above would hold vacuously.
      expect(answered).toBeGreaterThan(100);
    });
  }

  it('answers for typical valid records, including defaults and Date values', () => {
    const typical = {
      kind: 'person',
      displayName: '客户1',
      contactPoints: [{ type: 'phone', value: '+8613812345678' }, { type: 'address', country: 'CN', line1: '示例路1号', postalCode: '100080' }],
      tags: ['retail'],
      attributes: { tier: 'gold', score: 3, active: true, note: null },
      consent: { email: { granted: true, updatedAt: new Date('2026-01-01T00:00:00Z') } },
    };
    const quick = fastInput(typical);
    expect(quick).toBeDefined();
    expect(quick?.value).toEqual(CustomerInputSchema.parse(typical));
    // Defaults zod applies (hand-read from src/customer/customer.ts): lifecycleStage 'prospect', {} and [].
    expect(quick?.value).toMatchObject({ lifecycleStage: 'prospect', externalIds: {} });
  });

  it('leaves unusual input to zod: ISO strings for dates, __proto__ keys, class instances', () => {
    const base = { kind: 'person', displayName: 'A' };
    expect(fastInput({ ...base, consent: { email: { granted: true, updatedAt: '2026-01-01' } } })).toBeUndefined();
    expect(fastInput(JSON.parse('{"kind":"person","displayName":"A","attributes":{"__proto__":1}}'))).toBeUndefined();
    expect(fastInput(Object.assign(new (class Row {})(), base))).toBeUndefined();
  });
});
