import { describe, expect, it } from 'vitest';
import type { ContactPoint, Customer } from 'crmkit';
import { BLOCKING_KEYS, DEFAULT_MATCH_PARAMETERS, createDuplicateIndex, estimateMatchParameters, findDuplicates, syntheticCustomers } from 'crmkit/quality';
import { organization, person } from '../helpers';
import { socialKey } from '../../../src/quality/duplicates/features';

// Social and IM handles (WeChat ids, QQ numbers, X handles) as evidence and as a blocking key.
//
// Expected scores are worked by hand from DEFAULT_MATCH_PARAMETERS, weight = log2(m / u):
//   social agree log2(0.6/0.0001) = 12.551, disagree log2(0.4/0.9999) = -1.322;
//   name exact log2(0.68/0.003) = 7.824, high log2(0.2/0.004) = 5.644, disagree log2(0.03/0.963) = -5.005;
//   phone agree log2(0.7/0.0001) = 12.773.
// Every pair is forced into comparison and reported whatever its score (as in households.test.ts).
const compare = (a: Customer, b: Customer) =>
  findDuplicates([a, b], { keys: [], customKeys: [() => 'all'], reviewThreshold: -100, threshold: 8, nameFrequency: false }).pairs[0];
const levels = (pair: ReturnType<typeof compare>) => pair?.evidence.map((e) => `${e.field}:${e.level}`);
const social = (network: 'wechat' | 'qq' | 'x' | 'linkedin', value: string): ContactPoint => ({ type: 'social', network, value });
const phone = (value: string): ContactPoint => ({ type: 'phone', value });
const home = (country: string, city: string, line1: string, postalCode: string): ContactPoint => ({ type: 'address', country, city, line1, postalCode });

describe('social handles as evidence', () => {
  it('张伟 and Zhang Wei sharing one WeChat id are one person (before: name high alone, 5.644, review)', () => {
    const pair = compare(person('a', '张伟', { contactPoints: [social('wechat', 'zhangwei_88')] }), person('b', 'Zhang Wei', { contactPoints: [social('wechat', '@ZhangWei_88')] }));
    expect(levels(pair)).toEqual(['name:high', 'social:agree']);
    expect(pair?.score).toBeCloseTo(5.644 + 12.551, 2);
    expect(pair?.status).toBe('match');
  });

  it('the same text on two networks says nothing: a WeChat id and a QQ number are different accounts', () => {
    const pair = compare(person('a', '李娜', { contactPoints: [social('wechat', 'lina1990')] }), person('b', '李娜', { contactPoints: [social('qq', 'lina1990')] }));
    expect(levels(pair)).toEqual(['name:exact']);
    expect(pair?.score).toBeCloseTo(7.824, 2);
  });

  it('different handles on one network disagree, weakly (people keep more than one account)', () => {
    const pair = compare(
      person('a', '李娜', { contactPoints: [social('wechat', 'lina1990'), social('qq', '10001')] }),
      person('b', '李娜', { contactPoints: [social('wechat', 'lina_sh')] }),
    );
    expect(levels(pair)).toEqual(['name:exact', 'social:disagree']);
    expect(pair?.score).toBeCloseTo(7.824 - 1.322, 2);
    expect(pair?.status).toBe('review');
  });

  it('one handle in common among several is an agreement', () => {
    const pair = compare(
      person('a', '李娜', { contactPoints: [social('wechat', 'lina_old'), social('wechat', 'lina1990')] }),
      person('b', '李娜', { contactPoints: [social('wechat', 'LINA1990')] }),
    );
    expect(levels(pair)).toEqual(['name:exact', 'social:agree']);
    expect(pair?.score).toBeCloseTo(7.824 + 12.551, 2);
  });

  it('a profile address and the bare handle are one handle', () => {
    const pair = compare(
      person('a', 'Sandra Walker', { contactPoints: [social('x', 'https://x.com/Sandra_W/')] }),
      person('b', 'Sandra Walker', { contactPoints: [social('x', '@sandra_w')] }),
    );
    expect(levels(pair)).toEqual(['name:exact', 'social:agree']);
  });

  it('a family account beside a shared landline and address: the account counts, the landline and address are the household’s', () => {
    const landline = phone('0532-5669 3290');
    const flat = home('CN', '青岛市', '学院路29号', '266032');
    const pair = compare(
      person('a', '陈静', { contactPoints: [landline, social('wechat', 'zhangjia_home'), flat] }),
      person('b', '张俊杰', { contactPoints: [landline, social('wechat', 'zhangjia_home'), flat] }),
    );
    // as a family email: name disagree -5.005 + social agree 12.551; before this change the pair
    // scored name disagree with the landline and address shared, -5.005
    expect(levels(pair)).toEqual(['name:disagree', 'social:agree', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(-5.005 + 12.551, 2);
    expect(pair?.status).toBe('review');
  });

  it('a married name keeping her WeChat id is one person: the shared landline counts again', () => {
    const pair = compare(
      person('a', 'Frances Jones', { contactPoints: [phone('+44 20 7178 4545'), social('wechat', 'frances_j')] }),
      person('b', 'PARKER, Frances', { contactPoints: [phone('+44 20 7178 4545'), social('wechat', 'frances_j')] }),
    );
    // name medium 1.585 (a married name: only the family name changed) + social agree 12.551 +
    // phone agree 12.773; without the handle: name disagree -5.005 and phone shared 0
    expect(levels(pair)).toEqual(['name:medium', 'social:agree', 'phone:agree']);
    expect(pair?.score).toBeCloseTo(26.909, 2);
    expect(pair?.status).toBe('match');
  });

  it('a handle in common is one person’s, as a shared mobile is: 王先生 and 王建国 then share their landline, not a household’s', () => {
    const landline = phone('0571-8800 1234');
    const pair = compare(
      person('a', '王先生', { contactPoints: [landline, social('wechat', 'wjg_hz')] }),
      person('b', '王建国', { contactPoints: [landline, social('wechat', 'wjg_hz')] }),
    );
    // name medium log2(0.09/0.03) = 1.585 + social agree 12.551 + phone agree 12.773; without the
    // handle the landline of a given name missing on one side is the household's (phone shared, 0)
    expect(levels(pair)).toEqual(['name:medium', 'social:agree', 'phone:agree']);
    expect(pair?.score).toBeCloseTo(1.585 + 12.551 + 12.773, 2);
  });

  it('a head office and its branch sharing the company account are two customers', () => {
    const pair = compare(
      organization('a', '信海医疗器械集团有限公司', undefined, { contactPoints: [social('wechat', 'xinhai_service')] }),
      organization('b', '信海医疗器械集团有限公司重庆分公司', undefined, { contactPoints: [social('wechat', 'xinhai_service')] }),
    );
    expect(levels(pair)).toEqual(['name:disagree', 'social:shared']);
    expect(pair?.score).toBeCloseTo(-5.005, 2);
  });

  it('a blank handle is no handle', () => {
    const pair = compare(person('a', '李娜', { contactPoints: [social('wechat', ' @ ')] }), person('b', '李娜', { contactPoints: [social('wechat', '@')] }));
    expect(levels(pair)).toEqual(['name:exact']);
  });
});

describe('social handles as a blocking key', () => {
  const a = person('a', '张伟', { contactPoints: [social('wechat', 'wx_zw1988')] });
  const b = person('b', 'Kevin', { contactPoints: [social('wechat', 'WX_ZW1988')] });

  it('two records sharing only a handle are compared under the default keys', () => {
    expect(BLOCKING_KEYS).toContain('social');
    const result = findDuplicates([a, b], { reviewThreshold: -100 });
    expect(result.comparisons).toBe(1);
    expect(result.pairs[0]?.evidence.some((e) => e.field === 'social' && e.level === 'agree')).toBe(true);
    expect(findDuplicates([a, b], { keys: BLOCKING_KEYS.filter((k) => k !== 'social') }).comparisons).toBe(0);
  });

  it('the duplicate index finds a lead by its handle, with the score findDuplicates gives', () => {
    const index = createDuplicateIndex([a, person('c', '王芳', { contactPoints: [social('wechat', 'wangfang')] })], { reviewThreshold: -100 });
    const found = index.match(b);
    const direct = findDuplicates([a, b], { reviewThreshold: -100 }).pairs[0];
    expect(found.map((p) => p.a)).toEqual(['a']);
    expect(found[0]?.score).toBe(direct?.score);
  });
});

describe('parameters', () => {
  it('defaults weigh an agreeing handle as a phone nearly, and a disagreeing one lightly', () => {
    const s = DEFAULT_MATCH_PARAMETERS.social;
    expect(s && Math.log2(s.agree.m / s.agree.u)).toBeCloseTo(12.551, 3);
    expect(s && Math.log2(s.disagree.m / s.disagree.u)).toBeCloseTo(-1.322, 3);
  });

  it('parameters written before handles existed (no `social`) still work, with the default weights', () => {
    const { social: _, ...old } = DEFAULT_MATCH_PARAMETERS;
    const x = person('a', '李娜', { contactPoints: [social('wechat', 'lina1990')] });
    const y = person('b', '李娜', { contactPoints: [social('wechat', 'lina1990')] });
    expect(findDuplicates([x, y], { parameters: old }).pairs[0]?.score).toBeCloseTo(7.824 + 12.551, 2);
  });

  it('a bad `social` level is refused with the field named', () => {
    const bad = { ...DEFAULT_MATCH_PARAMETERS, social: { agree: { m: 0, u: 0.1 }, disagree: { m: 0.5, u: 0.5 } } };
    expect(() => findDuplicates([], { parameters: bad })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT', params: expect.objectContaining({ field: 'parameters.social.agree' }) }));
  });

  it('EM estimates the social levels from data that has handles, and keeps the start where there are none', () => {
    const { customers } = syntheticCustomers({ count: 1500, seed: 5, asOf: new Date('2026-01-01') });
    const plain = estimateMatchParameters(customers);
    expect(plain.parameters.social).toEqual(DEFAULT_MATCH_PARAMETERS.social);
    // Give each customer a WeChat id made of its id, so duplicates (the generator's copies share
    // nothing of it) and non-duplicates alike disagree; a true pair then agrees only where we copy it.
    const withHandles = customers.map((c, i) => ({ ...c, contactPoints: [...c.contactPoints, social('wechat', `wx${i % 700}`)] }));
    const fit = estimateMatchParameters(withHandles);
    const s = fit.parameters.social;
    expect(s).toBeDefined();
    expect(s!.agree.m + s!.disagree.m).toBeCloseTo(1, 9);
    expect(s!.agree.u + s!.disagree.u).toBeCloseTo(1, 9);
    // i % 700 gives about two records in 1,500 each handle: random pairs agree about 1 in 700
    expect(s!.agree.u).toBeGreaterThan(1 / 2000);
    expect(s!.agree.u).toBeLessThan(1 / 300);
  });
});

describe('handles read apart from their network', () => {
  it('normalises case, width, a leading @ and a profile address, and keeps the network', () => {
    expect(socialKey('wechat', ' ＷＸ＿Li ')).toBe('wechat:wx_li');
    expect(socialKey('x', '@@Sandra_W')).toBe('x:sandra_w');
    expect(socialKey('linkedin', 'https://www.linkedin.com/in/sandra-walker/')).toBe('linkedin:sandra-walker');
    expect(socialKey('qq', '///')).toBe('');
    // a WhatsApp account is its number: the digits after an international prefix
    expect(socialKey('whatsapp', '+44 7700 900123')).toBe('whatsapp:447700900123');
    expect(socialKey('whatsapp', '0044-7700-900123')).toBe('whatsapp:447700900123');
    expect(socialKey('whatsapp', '＋４４ 7700 900123')).toBe('whatsapp:447700900123');
    expect(socialKey('whatsapp', 'n/a')).toBe('');
  });

  it('a megabyte handle is read in linear time and compared without a hang', () => {
    const long = 'ab'.repeat(500_000);
    const x = person('a', '李娜', { contactPoints: [social('wechat', long)] });
    const y = person('b', '李娜', { contactPoints: [social('wechat', long)] });
    expect(levels(compare(x, y))).toEqual(['name:exact', 'social:agree']);
  });
});
