import fc from 'fast-check';
import type { ContactPoint, Customer } from 'crmkit';

const day = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000);

const phoneWritings = (digits: string) => [`+86${digits}`, digits, `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`, `+86-${digits}`];

export const contactPoint: fc.Arbitrary<ContactPoint> = fc.oneof(
  fc.tuple(fc.constantFrom('13812345678', '13900001111', '15011112222'), fc.nat(3), fc.boolean(), fc.boolean()).map(
    ([d, w, verified, primary]) => ({ type: 'phone', value: phoneWritings(d)[w] as string, verified, primary }) as ContactPoint,
  ),
  fc.tuple(fc.constantFrom('li', 'wang', 'Wang', 'Zhang'), fc.constantFrom('example.cn', 'QQ.com', 'qq.com'), fc.boolean()).map(
    ([l, d, primary]) => ({ type: 'email', value: `${l}@${d}`, primary }) as ContactPoint,
  ),
  fc.constantFrom('wx_li', 'wx_wang').map((value) => ({ type: 'social', network: 'wechat', value }) as ContactPoint),
  fc.constantFrom('100080', '200000').map((postalCode) => ({ type: 'address', country: 'CN', line1: '中关村大街1号', postalCode }) as ContactPoint),
);

/** A list of 2-4 persons with distinct ids and varied fields, for merge properties. */
export const personGroup: fc.Arbitrary<Customer[]> = fc
  .array(
    fc.record({
      name: fc.constantFrom('李雷', '李 雷', '李雷雷', 'Li Lei'),
      created: fc.nat(300),
      updatedAfter: fc.nat(300),
      points: fc.array(contactPoint, { maxLength: 4 }),
      tags: fc.subarray(['vip', 'wechat', 'b2c', 'new']),
      attrs: fc.dictionary(fc.constantFrom('tier', 'city', 'score'), fc.oneof(fc.string({ maxLength: 3 }), fc.integer())),
      source: fc.option(fc.constantFrom('erp', 'shop', 'import'), { nil: undefined }),
      owner: fc.option(fc.constantFrom('u-1', 'u-2'), { nil: undefined }),
      birth: fc.option(fc.nat(20000), { nil: undefined }),
      gender: fc.option(fc.constantFrom('female', 'male') as fc.Arbitrary<'female' | 'male'>, { nil: undefined }),
      sms: fc.option(fc.tuple(fc.boolean(), fc.nat(600)), { nil: undefined }),
      version: fc.integer({ min: 1, max: 9 }),
    }),
    { minLength: 2, maxLength: 4 },
  )
  .map((rows) =>
    rows.map((r, i): Customer => ({
      id: `c-${i + 1}`,
      kind: 'person',
      displayName: r.name,
      person: { ...(r.birth !== undefined && { birthDate: day(-r.birth) }), ...(r.gender && { gender: r.gender }) },
      contactPoints: r.points,
      tags: r.tags,
      attributes: r.attrs,
      externalIds: { erp: `E${i}` },
      ...(r.source && { source: r.source }),
      ...(r.owner && { ownerId: r.owner }),
      lifecycleStage: 'customer',
      consent: r.sms ? { sms: { granted: r.sms[0], updatedAt: day(r.sms[1]) } } : {},
      createdAt: day(r.created),
      updatedAt: day(r.created + r.updatedAfter),
      version: r.version,
    })),
  );
