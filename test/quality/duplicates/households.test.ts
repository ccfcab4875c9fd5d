import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { findDuplicates } from 'crmkit/quality';
import { person } from '../helpers';

// Expected scores are worked by hand from DEFAULT_MATCH_PARAMETERS, weight = log2(m / u):
//   name exact log2(0.68/0.003) = 7.824, high log2(0.2/0.004) = 5.644, medium log2(0.09/0.03) = 1.585,
//   disagree log2(0.03/0.963) = -5.005; phone agree log2(0.7/0.0001) = 12.773;
//   postal code agree log2(0.9/0.01) = 6.492; city agree log2(0.9/0.3) = 1.585;
//   street exact log2(0.7/0.002) = 8.451; birth date disagree log2(0.04/0.9965) = -4.639.
// Postal code + city + street = 16.528 is capped at 12 (ADDRESS_CAP).
// Every pair is forced into comparison and reported whatever its score, so the evidence is the
// comparison's own.
const compare = (a: Customer, b: Customer) =>
  findDuplicates([a, b], { keys: [], customKeys: [() => 'all'], reviewThreshold: -100, threshold: 8, nameFrequency: false }).pairs[0];

const home = { type: 'address', country: 'CN', city: '杭州市', line1: '解放路12号', postalCode: '310002' } as const;
const landline = { type: 'phone', value: '0571-8800 1234' } as const;
const mobile = { type: 'phone', value: '138 1234 5678' } as const;
const at = (id: string, name: string, points: Customer['contactPoints'], birth?: string) =>
  person(id, name, { contactPoints: points, ...(birth && { person: { birthDate: new Date(`${birth}T00:00:00Z`) } }) });
const levels = (pair: ReturnType<typeof compare>) => pair?.evidence.map((e) => `${e.field}:${e.level}`);

describe('households and colleagues', () => {
  it('relatives sharing a landline, an address and a surname are not matched (given names differ)', () => {
    const pair = compare(at('a', '王建国', [landline, home]), at('b', '王建军', [landline, home]));
    // 建国 / 建军 differ: name disagree, the shared phone and address weigh 0
    expect(levels(pair)).toEqual(['name:disagree', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(-5.005, 3);
  });

  it('a lead typed as 王先生 sharing only the landline and address stays apart (it may be any of the household)', () => {
    const pair = compare(at('a', '王先生', [landline, home]), at('b', '王建国', [landline, home]));
    expect(levels(pair)).toEqual(['name:medium', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(1.585, 3);
  });

  it('王先生 sharing a mainland mobile (one person’s) and the address is matched', () => {
    const pair = compare(at('a', '王先生', [mobile, home]), at('b', '王建国', [mobile, landline, home]));
    // 1.585 + 12.773 + min(12, 6.492 + 1.585 + 8.451) = 26.358
    expect(pair?.score).toBeCloseTo(26.358, 3);
    expect(pair?.status).toBe('match');
  });

  it('a dropped given-name character is one person unless the birth dates disagree', () => {
    // 马云 / 马云飞: one person with a character dropped (a parent's character is not reused for a
    // child), unless the birth dates say father and son
    const same = compare(at('a', '马云', [landline, home]), at('b', '马云飞', [landline, home]));
    // medium 1.585 + landline 12.773 + address 12 = 26.358
    expect(same?.score).toBeCloseTo(26.358, 3);
    const father = compare(at('a', '马云', [landline, home], '1964-09-10'), at('b', '马云飞', [landline, home], '1989-09-10'));
    // medium 1.585 + birth date disagree -4.639, the shared contact points weigh 0
    expect(father?.score).toBeCloseTo(1.585 - 4.639, 3);
  });

  it('birth dates under three months apart (not a typo) neither agree nor disagree: siblings are born further apart', () => {
    const home = { type: 'address', country: 'GB', city: 'Bolton', line1: '-' } as const;
    // Splink fake_1000's Noah Watson, his date moved by two months: name exact 7.824 + city agree
    // log2(0.9/0.3) = 1.585 + birth date 0 = 9.409, a match (with the date disagreeing: 4.770)
    const near = compare(at('a', 'Noah Watson', [home], '2008-03-23'), at('b', 'Noah Watson', [home], '2008-01-19'));
    expect(near?.evidence.find((e) => e.field === 'birthDate')).toMatchObject({ level: 'medium', weight: 0 });
    expect(near?.score).toBeCloseTo(9.409, 2);
    // 92 days is the last day that counts: 2008-01-19 + 93 days = 2008-04-21
    const far = compare(at('a', 'Noah Watson', [home], '2008-04-21'), at('b', 'Noah Watson', [home], '2008-01-19'));
    expect(far?.evidence.find((e) => e.field === 'birthDate')?.level).toBe('disagree');
    expect(far?.score).toBeCloseTo(4.770, 2);
    const edge = compare(at('a', 'Noah Watson', [home], '2008-04-20'), at('b', 'Noah Watson', [home], '2008-01-19'));
    expect(edge?.evidence.find((e) => e.field === 'birthDate')?.level).toBe('medium');
  });

  it('twins (孙丽 / 孙美: one surname, given names that disagree, one birth date) sharing a landline and an address are a household', () => {
    const pair = compare(at('a', '孙丽', [landline, home], '1995-07-07'), at('b', '孙美', [landline, home], '1995-07-07'));
    // name disagree -5.005 + birth date agree log2(0.9/0.0005) = 10.814; the landline and the
    // address are the household's and weigh 0: 5.809, review, not a match (before: the birth date
    // made the pair personal, so + 12.773 + 12 = 30.582 and a match)
    expect(pair?.score).toBeCloseTo(5.809, 3);
    expect(pair?.status).toBe('review');
    expect(levels(pair)).toEqual(['name:disagree', 'birthDate:agree', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
  });

  it('twins with each their own mobile and one address stay apart; a mobile they share is one person\'s', () => {
    const own = { type: 'phone', value: '133 1234 5678' } as const;
    const other = { type: 'phone', value: '133 1234 9999' } as const;
    const apart = compare(at('a', '孙丽', [own, home], '1995-07-07'), at('b', '孙美', [other, home], '1995-07-07'));
    expect(apart?.status).not.toBe('match');
    expect(levels(apart)).toContain('street:shared');
    // a shared mainland mobile keeps the birth date personal: -5.005 + 10.814 + 12.773 + 12 = 30.582
    const one = compare(at('a', '孙丽', [mobile, home], '1995-07-07'), at('b', '孙美', [mobile, home], '1995-07-07'));
    expect(one?.score).toBeCloseTo(30.582, 3);
    expect(one?.status).toBe('match');
  });

  it('keeps the birth date personal for names in Latin letters, which damage can take beyond recognition (FEBRL)', () => {
    const pair = compare(at('a', 'Sandra Walker', [landline, home], '1980-04-12'), at('b', 'Michael Walker', [landline, home], '1980-04-12'));
    expect(levels(pair)).toContain('phone:agree');
  });

  it('homophone given names (王燕 / 王岩) at one address with different birth dates are a household', () => {
    const pair = compare(at('a', '王燕', [landline, home], '1971-07-15'), at('b', '王岩', [landline, home], '1975-02-01'));
    // family equal, given similar by sound: high 5.644; birth date disagree -4.639; shared 0
    expect(levels(pair)).toEqual(['name:high', 'birthDate:disagree', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(5.644 - 4.639, 3);
  });

  it('homophone given names (丁诺子 / 丁诺梓) each with their own, different mobile are a household', () => {
    const own = { type: 'phone', value: '135 8823 8915' } as const;
    const other = { type: 'phone', value: '156 4028 0445' } as const;
    const pair = compare(at('a', '丁诺子', [own, landline, home]), at('b', '丁诺梓', [other, landline, home]));
    // 诺子 / 诺梓 read nuozi both: high 5.644; the landline is shared, but each has a mainland mobile
    // the other lacks, so the landline and address are a household's and weigh 0 (before: 5.644 +
    // 12.773 + 12 = 30.417, a match)
    expect(levels(pair)).toEqual(['name:high', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(5.644, 3);
    expect(pair?.status).toBe('review');
    // the same names with one mobile between them: one person (5.644 + 12.773 + 12 = 30.417)
    const one = compare(at('a', '丁诺子', [own, landline, home]), at('b', '丁诺梓', [own, home]));
    expect(one?.score).toBeCloseTo(30.417, 3);
  });

  it('homophones whose mobiles are one digit apart are one person with a typo, not two with their own mobiles', () => {
    // 杨志明 / 楊智明 (the independent generator's): 志 / 智 read zhi both, and 153 1259 3885 /
    // 153 1209 3885 differ in one digit. A typo is not a second mobile, so the shared landline and
    // address count: high 5.644 + phone agree 12.773 + address 12 = 30.417 (before: 5.644, review)
    const pair = compare(
      at('a', '杨志明', [{ type: 'phone', value: '15312593885' }, landline, home]),
      at('b', '楊智明', [{ type: 'phone', value: '+8615312093885' }, landline, home]),
    );
    expect(levels(pair)).toEqual(['name:high', 'phone:agree', 'postalCode:agree', 'locality:agree', 'street:exact', 'address:cap']);
    expect(pair?.score).toBeCloseTo(30.417, 3);
  });

  it('a relative written in pinyin in Western order (`Wu Jingyi` / 吴静秀) keeps the roles of the name in characters', () => {
    const pair = compare(at('a', 'Wu Jingyi', [mobile, landline, home]), at('b', '吴静秀', [landline, home]));
    // Read in Western order `Wu Jingyi` is given Wu, family Jingyi: the parts match only swapped.
    // 吴静秀 is surname first, so its roles hold: family wu / 吴 is pinyin against characters (4),
    // given jingyi / 静秀 (jingxiu) only close in sound across scripts (5, partial): medium 1.585,
    // and a partial given name with a shared landline (not a mobile) is a household's: 0 for the
    // phone and the address (before: the roles came from `Wu Jingyi`, the landline and address
    // counted, 1.585 + 12.773 + 12 = 26.358, a match).
    expect(levels(pair)).toEqual(['name:medium', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(1.585, 3);
  });

  it('a dropped given-name character with a new mobile stays one person (陈秀珍 / 陈秀)', () => {
    const pair = compare(at('a', '陈秀珍', [mobile, home]), at('b', '陈秀', [{ type: 'phone', value: '137 1305 1858' }, home]));
    // medium 1.585 + phone disagree log2(0.27/0.9996) = -1.888 + address 12 = 11.697
    expect(pair?.score).toBeCloseTo(11.697, 3);
    expect(pair?.status).toBe('match');
  });

  it('two people whose whole names disagree share nothing but a switchboard and an office', () => {
    const pair = compare(at('a', '赵敏', [landline, home]), at('b', '钱伟', [landline, home]));
    expect(levels(pair)).toEqual(['name:disagree', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
  });

  it('a couple sharing a mobile but with different names stays apart', () => {
    const pair = compare(at('a', '刘洋', [mobile, home]), at('b', '陈静', [mobile, home]));
    expect(pair?.status).not.toBe('match');
  });
});

describe('recall does not depend on a blocking blind spot', () => {
  // With the built-in keys only: the pair must be among the comparisons.
  const compared = (a: Customer, b: Customer) => findDuplicates([a, b], { reviewThreshold: -100 }).pairs.length === 1;
  const cityPostal = { type: 'address', country: 'CN', city: '杭州市', postalCode: '310002', line1: '-' } as const;

  it.each([
    ['family and given name swapped', person('a', '张伟', { contactPoints: [cityPostal] }), person('b', 'Wei Zhang', { contactPoints: [cityPostal] })],
    ['declared parts swapped', person('a', 'x', { person: { familyName: 'Walker', givenName: 'Sandra' }, contactPoints: [cityPostal] }), person('b', 'y', { person: { familyName: 'Sandra', givenName: 'Walker' }, contactPoints: [cityPostal] })],
    ['a missing given name', person('a', '王先生', { contactPoints: [cityPostal] }), person('b', '王建国', { contactPoints: [cityPostal] })],
    ['only city and postal code, name in capitals with a comma', person('a', 'WALKER, Sandra', { contactPoints: [cityPostal] }), person('b', 'Sandra Walker', { contactPoints: [cityPostal] })],
  ])('%s', (_, a, b) => {
    expect(compared(a, b)).toBe(true);
  });
});

describe('common names written in two scripts', () => {
  it('weakens a pinyin-against-characters agreement by the commoner name (term frequency)', () => {
    const post = { type: 'address', country: 'CN', postalCode: '310002', line1: '-' } as const;
    const records = [
      person('a', 'Zhang Wei', { contactPoints: [post] }),
      person('b', '张伟', { contactPoints: [post] }),
      person('c', '张伟', { contactPoints: [{ ...post, postalCode: '100080' }] }),
      person('d', '張偉', { contactPoints: [{ ...post, postalCode: '200120' }] }),
      person('e', '王芳'),
      person('f', '李娜'),
    ];
    const pair = findDuplicates(records, { keys: [], customKeys: [() => 'all'], reviewThreshold: -100 }).pairs.find((p) => p.a === 'a' && p.b === 'b');
    // name counts: 张伟 3 (張偉 normalises to it), zhangwei 1, 王芳 1, 李娜 1; n = 6, sum of squares 12,
    // E[tf] = 12 / 36 = 1/3; 张伟: tf = 1/2, adjustment log2((1/3) / (1/2)) = -0.585; zhangwei: 0 (one record).
    // high log2(50) = 5.644 - 0.585 = 5.059
    expect(pair?.evidence.find((e) => e.field === 'name')).toEqual({ field: 'name', level: 'high', weight: 5.059, similarity: expect.any(Number) });
  });
});
