// A lazily built schema must be indistinguishable from the same schema built eagerly, once it is used.
// The second implementation is zod itself: every expected value below is what the eagerly built twin
// (the same builder called directly) gives for the same call.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from '../../src/core/zod/lazySchema';

const buildContact = () =>
  z.strictObject({
    name: z.string().min(1).max(8),
    age: z.number().int().min(0).optional(),
    tags: z.array(z.enum(['a', 'b'])).default([]),
    since: z.iso.date().transform((s) => new Date(`${s}T00:00:00Z`)).optional(),
  });

describe('lazySchema', () => {
  it('builds nothing until first used, then builds exactly once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return buildContact();
    });
    expect(builds).toBe(0);
    schema.parse({ name: 'li' });
    schema.parse({ name: 'wang' });
    expect(schema.shape.name).toBeInstanceOf(z.ZodString);
    expect(builds).toBe(1);
  });

  it('is a real zod schema of the built kind after first use', () => {
    const eager = buildContact();
    const lazy = lazySchema(buildContact);
    expect(lazy).toBeInstanceOf(z.ZodObject);
    expect(Object.getPrototypeOf(lazy)).toBe(Object.getPrototypeOf(eager));
    expect(Object.keys(lazy.shape)).toEqual(Object.keys(eager.shape));
    expect(Object.keys(lazy).sort()).toEqual(Object.keys(eager).sort());
    expect(lazy.def.type).toBe(eager.def.type);
  });

  it('parses every input exactly as the eager twin does (values and issues)', () => {
    const eager = buildContact();
    const lazy = lazySchema(buildContact);
    const input = fc.record(
      {
        name: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
        age: fc.oneof(fc.integer({ min: -2, max: 99 }), fc.double(), fc.constant('7')),
        tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
        since: fc.constantFrom('2026-02-28', '2026-02-30', 'x'),
        extra: fc.constant(1),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(input, (value) => {
        const a = lazy.safeParse(value);
        const b = eager.safeParse(value);
        expect(a.success).toBe(b.success);
        if (a.success && b.success) expect(a.data).toEqual(b.data);
        else expect(a.error?.issues).toEqual(b.error?.issues);
      }),
    );
  });

  it('derives schemas (optional, extend, pick, JSON Schema) as the eager twin does', () => {
    const eager = buildContact();
    const lazy = lazySchema(buildContact);
    expect(lazy.optional().parse(undefined)).toBe(eager.optional().parse(undefined));
    expect(lazy.extend({ x: z.number() }).parse({ name: 'a', x: 1 })).toEqual(eager.extend({ x: z.number() }).parse({ name: 'a', x: 1 }));
    expect(lazy.pick({ name: true }).safeParse({ name: 'a', age: 1 }).success).toBe(eager.pick({ name: true }).safeParse({ name: 'a', age: 1 }).success);
    expect(z.toJSONSchema(lazy, { io: 'input' })).toEqual(z.toJSONSchema(eager, { io: 'input' }));
  });

  it('keeps .meta({ id }) on the exported object, so JSON Schema references it by id like the eager twin', () => {
    const eager = buildContact().meta({ id: 'EagerContact', description: 'a contact' });
    const lazy = lazySchema(() => buildContact().meta({ id: 'LazyContact', description: 'a contact' }));
    const expected = JSON.parse(JSON.stringify(z.toJSONSchema(z.object({ a: eager, b: eager.optional() }), { io: 'input' })).replaceAll('EagerContact', 'LazyContact'));
    expect(z.toJSONSchema(z.object({ a: lazy, b: lazy.optional() }), { io: 'input' })).toEqual(expected);
    expect(z.globalRegistry.get(lazy)).toEqual({ id: 'LazyContact', description: 'a contact' });
  });

  it('works as an option of another schema built before it is used', () => {
    const a = lazySchema(() => z.strictObject({ k: z.literal('a') }));
    const b = lazySchema(() => z.strictObject({ k: z.literal('b'), n: z.number() }));
    const union = z.discriminatedUnion('k', [a, b]);
    expect(union.parse({ k: 'b', n: 2 })).toEqual({ k: 'b', n: 2 });
    expect(union.safeParse({ k: 'c' }).success).toBe(false);
  });

  it('says so when a builder reads its own schema, and retries a builder that threw', () => {
    const self: z.ZodString = lazySchema((): z.ZodString => self.min(1));
    expect(() => self.parse('x')).toThrow(/read while it was being built/);
    let fail = true;
    const flaky = lazySchema(() => {
      if (fail) throw new Error('not yet');
      return z.string();
    });
    expect(() => flaky.parse('x')).toThrow('not yet');
    fail = false;
    expect(flaky.parse('x')).toBe('x');
  });
});
