import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { BLOCKING_KEYS, findDuplicates } from 'crmkit/quality';
import { organization, person } from '../helpers';

// Expected scores are worked by hand from DEFAULT_MATCH_PARAMETERS, weight = log2(m / u):
//   name exact log2(0.68/0.003) = 7.824, high log2(0.2/0.004) = 5.644;
//   phone agree log2(0.7/0.0001) = 12.773; city agree log2(0.9/0.3) = 1.585;
//   street exact log2(0.7/0.002) = 8.451, high log2(0.2/0.01) = 4.322, disagree log2(0.1/0.988) = -3.304.
// Every pair is forced into comparison and reported whatever its score.
const compare = (a: Customer, b: Customer) =>
  findDuplicates([a, b], { keys: [], customKeys: [() => 'all'], reviewThreshold: -100, threshold: 8, nameFrequency: false }).pairs[0];
const levels = (pair: ReturnType<typeof compare>) => pair?.evidence.map((e) => `${e.field}:${e.level}`);
const street = (line1: string, city = 'Chicago', country = 'US') => ({ type: 'address', country, city, line1 }) as const;
const streetLevel = (x: string, y: string, city = 'Chicago', country = 'US') =>
  compare(person('a', 'Ann Lee', { contactPoints: [street(x, city, country)] }), person('b', 'Ann Lee', { contactPoints: [street(y, city, country)] }))?.evidence.find(
    (e) => e.field === 'street',
  )?.level;

describe('street lines as records write them', () => {
  it.each([
    // USPS Publication 28 abbreviations: East / E., Street / St, North / N., Avenue / Ave
    ['30 East 61st Street', '30 E. 61st St', 'exact'],
    ['919 North Lavergne Avenue', '919 N. Lavergne Ave', 'exact'],
    // a street type or a unit left off: the shorter is the start of the longer (30e61st / 30e61stst)
    ['30 East 61st Street', '30 E. 61St', 'high'],
    ['3630 S. Wells', '3630 S Wells Ave Rm 105', 'high'],
    ['人民路12号', '人民路12号3栋1201室', 'high'],
    // province, city and district written into the line: the end of the longer, after no digits
    ['浙江省杭州市西湖区文三路1号', '文三路1号', 'high'],
    // a unit written before the street goes after it (USPS order): the street is then a prefix
    ['Ste 1600, 274 Elm Ln', '274 Elm Lane', 'high'],
    ['Flat 3, 12 High Street', '12 High St', 'high'],
    // German -straße / -strasse / -str.
    ['Goethestraße 67', 'Goethestr. 67', 'exact'],
    ['Friedrichstrasse 29', 'Ste 700, Friedrichstr. 29', 'high'],
    // Chinese numerals of a house, floor or room number read as digits (二零六 / 206, 八 / 8,
    // 二十六 / 26, 一〇一 / 101); a numeral in a place name stays (四川省 is still a prefix without digits)
    ['东风路二零六号金融大厦八层', '东风路206号金融大厦8层', 'exact'],
    ['青年路二十六号一〇一室', '青年路26号101室', 'exact'],
    ['四川省成都市武侯区光明路224号5号楼3楼', '光明路224号5号楼3楼', 'high'],
    // nothing in common at either end, and Jaro-Winkler below 0.9
    ['37 W 47th St', '4910 S King Dr', 'disagree'],
  ])('%s / %s: %s', (x, y, level) => {
    expect(streetLevel(x, y)).toBe(level);
  });
});

describe("an organisation's sites share its switchboard", () => {
  const switchboard = { type: 'phone', value: '+1 312 373 3400' } as const;
  const onSwitchboard = (id: string, name: string, line1: string) => organization(id, name, undefined, { contactPoints: [switchboard, street(line1)] });
  const east = 'Firman Community Services Firman House East';
  const west = 'Firman Community Services Firman House West';
  it.each([
    // Jaro-Winkler of the names (after normalisation) is above 0.92: high 5.644; the phone shared by
    // two streets is the agency's switchboard (0); the city two sites share tells only the area (0);
    // street disagree -3.304
    ['two sites with names alike, one phone and different streets: the phone weighs 0', east, west, '37 W 47th St',
      ['name:high', 'phone:shared', 'locality:shared', 'street:disagree'], 5.644 - 3.304, 'review'],
    // a street line without a house number names no site: 5.644 + phone agree 12.773 + city agree 1.585 - 3.304
    ['a street line without a house number names no site: a shared phone counts', east, west, 'Chicago',
      ['name:high', 'phone:agree', 'locality:agree', 'street:disagree'], 16.698, 'match'],
    // a company that moved: 7.824 + 12.773 + 0 (the city: another street) - 3.304
    ['the same name at a new street with the old phone is a company that moved: the phone counts', 'Tiny Tot Villa', 'Tiny Tot Villa', '37 W 47th St',
      ['name:exact', 'phone:agree', 'locality:shared', 'street:disagree'], 17.293, 'match'],
  ] as const)('%s', (_, nameA, nameB, lineB, expected, score, status) => {
    const pair = compare(onSwitchboard('a', nameA, '4910 S King Dr'), onSwitchboard('b', nameB, lineB));
    expect(levels(pair)).toEqual(expected);
    expect(pair?.score).toBeCloseTo(score, 2);
    expect(pair?.status).toBe(status);
  });

  // postal code agree log2(0.9/0.01) = 6.492; phone disagree log2(0.27/0.9996) = -1.888
  const site = (id: string, phone: string, line1: string) =>
    organization(id, 'Gads Hill Center', undefined, { contactPoints: [{ type: 'phone', value: phone }, { type: 'address', country: 'US', city: 'Chicago', line1, postalCode: '60608' }] });
  it('two sites of one organisation in one postal area, each with its own street and phone: the postal code and city tell only the area', () => {
    const pair = compare(site('a', '+1 312 521 1196', '2653 West Ogden Avenue'), site('b', '+1 312 226 0963', '1919 W Cullerton Street'));
    // 7.824 - 1.888 + 0 + 0 - 3.304 = 2.632: below the review threshold (4); was 10.709, a match
    expect(levels(pair)).toEqual(['name:exact', 'phone:disagree', 'postalCode:shared', 'locality:shared', 'street:disagree']);
    expect(pair?.score).toBeCloseTo(2.632, 2);
    expect(findDuplicates([site('a', '+1 312 521 1196', '2653 West Ogden Avenue'), site('b', '+1 312 226 0963', '1919 W Cullerton Street')]).pairs).toEqual([]);
  });

  it('a street line without a house number (the city typed into it) names no site: the postal code and city still agree', () => {
    const pair = compare(site('a', '+1 312 521 1196', '2653 West Ogden Avenue'), site('b', '+1 312 226 0963', 'Chicago'));
    // 7.824 - 1.888 + 6.492 + 1.585 - 3.304 = 10.709
    expect(levels(pair)).toEqual(['name:exact', 'phone:disagree', 'postalCode:agree', 'locality:agree', 'street:disagree']);
    expect(pair?.score).toBeCloseTo(10.709, 2);
  });

  it('people keep their phone when they move: a shared phone with another street still counts for persons', () => {
    const mobile = { type: 'phone', value: '138 1234 5678' } as const;
    const pair = compare(
      person('a', '陈晓明', { contactPoints: [mobile, street('文三路1号', '杭州市', 'CN')] }),
      person('b', '陈小明', { contactPoints: [mobile, street('解放路88号', '杭州市', 'CN')] }),
    );
    expect(levels(pair)).toContain('phone:agree');
  });
});

describe('blocking on addresses without a postal code', () => {
  it('compares records that share a street line and city, or a name and city, when no postal code was typed', () => {
    const a = organization('a', 'Abraham Lincoln Centre Donoghue', undefined, { contactPoints: [street('707 E 37th St')] });
    const b = organization('b', 'Abraham Lincoln Center - Donoghue', undefined, { contactPoints: [street('707 E. 37th Street')] });
    expect(findDuplicates([a, b], { keys: ['streetLocality'] }).comparisons).toBe(1);
    expect(findDuplicates([a, b], { keys: ['streetPostalCode'] }).comparisons).toBe(0);
    const c = person('c', '张伟', { contactPoints: [street('文三路1号', '杭州市', 'CN')] });
    const d = person('d', '张伟', { contactPoints: [street('解放路88号', '杭州', 'CN')] });
    expect(findDuplicates([c, d], { keys: ['nameLocality'] }).comparisons).toBe(1);
    expect(findDuplicates([c, d], { keys: ['namePostalCode'] }).comparisons).toBe(0);
  });

  it('compares a family name in one city when the given name is written another way (Tom / Thomas) or missing, not another given name, and not across cities', () => {
    const a = person('a', 'Tom Clifford', { contactPoints: [street('-', 'Devon', 'GB')] });
    const b = person('b', 'Thomas Clifford', { contactPoints: [street('-', 'Devon', 'GB')] });
    const c = person('c', 'Thomas Clifford', { contactPoints: [street('-', 'Leeds', 'GB')] });
    expect(findDuplicates([a, b], { keys: ['familyLocality'] }).comparisons).toBe(1);
    expect(findDuplicates([a, b], { keys: BLOCKING_KEYS.filter((k) => k !== 'familyLocality') }).comparisons).toBe(0);
    expect(findDuplicates([a, c], { keys: ['familyLocality'] }).comparisons).toBe(0);
    // a different given name of the same surname in the same city is not paired by this key
    const e = person('e', '王芳', { contactPoints: [street('-', '杭州', 'CN')] });
    const f = person('f', '王建国', { contactPoints: [street('-', '杭州', 'CN')] });
    const g = person('g', '王先生', { contactPoints: [street('-', '杭州', 'CN')] });
    expect(findDuplicates([e, f], { keys: ['familyLocality'] }).comparisons).toBe(0);
    expect(findDuplicates([e, g], { keys: ['familyLocality'] }).comparisons).toBe(1);
  });
});

describe('emails with typing damage', () => {
  // email close log2(0.06/0.002) = 4.907, disagree log2(0.24/0.9979) = -2.056
  const mail = (value: string) => ({ type: 'email', value }) as const;
  const emailEvidence = (x: string, y: string) =>
    compare(person('a', 'Noah Watson', { contactPoints: [mail(x)] }), person('b', 'Noah Watson', { contactPoints: [mail(y)] }))?.evidence.find((e) => e.field === 'email');
  it.each([
    ['matthew78@ballard-mcdonald.net', 'matthea78@bwllar-mcdonald.net', 'high', 4.907], // letters swapped and dropped (Splink fake_1000)
    ['zhangwei@gmail.com', 'zhangwei@gmial.com', 'high', 4.907], // the domain mistyped
    ['zhang.wei01@163.com', 'zhang.wei02@163.com', 'disagree', -2.056], // other digits: another account
    ['noah@example.com', 'watson.family@example.org', 'disagree', -2.056],
    // the same name at another provider (the independent generator's two Donna Smiths): the whole
    // addresses are alike (Jaro-Winkler 0.903), the domains are not (sky.com / outlook.com, 0.520)
    ['donna.smith@sky.com', 'donna.smith@outlook.com', 'disagree', -2.056],
    ['donna.smith@sky.com', 'donna.smyth@sky.com', 'high', 4.907],
  ])('%s / %s: %s', (x, y, level, weight) => {
    const e = emailEvidence(x, y);
    expect(e?.level).toBe(level);
    expect(e?.weight).toBeCloseTo(weight, 3);
  });
});

describe('phones with a typo', () => {
  // phone close log2(0.03/0.0003) = 6.644, disagree log2(0.27/0.9996) = -1.888
  const tel = (value: string) => ({ type: 'phone', value }) as const;
  const phoneEvidence = (x: string, y: string, names: [string, string] = ['陈晓明', '陈晓明']) =>
    compare(person('a', names[0], { contactPoints: [tel(x)] }), person('b', names[1], { contactPoints: [tel(y)] }))?.evidence.find((e) => e.field === 'phone');
  it.each([
    ['138 1234 5678', '138 1234 5679', 'high', 6.644], // one digit off
    ['138 1234 5678', '138 1234 5687', 'high', 6.644], // two neighbouring digits swapped
    ['138 1234 5678', '139 1234 5679', 'disagree', -1.888], // two digits off
  ])('%s / %s: %s', (x, y, level, weight) => {
    const e = phoneEvidence(x, y);
    expect(e?.level).toBe(level);
    expect(e?.weight).toBeCloseTo(weight, 3);
  });

  it('numbers in sequence are not a typo when the given names differ (an office, a family plan)', () => {
    expect(phoneEvidence('0571-8800 1234', '0571-8800 1235', ['王建国', '王建军'])?.level).toBe('disagree');
  });
});

describe('a landline typed without its area code', () => {
  // phone agree log2(0.7/0.0001) = 12.773
  const tel = (value: string) => ({ type: 'phone', value }) as const;
  const phoneEvidence = (x: string, y: string) =>
    compare(person('a', '陈晓明', { contactPoints: [tel(x)] }), person('b', '陈晓明', { contactPoints: [tel(y)] }))?.evidence.find((e) => e.field === 'phone');
  it.each([
    ['88001234', '0571-8800 1234', 'agree'], // +86 88001234 ends +86 571 88001234 after a 3-digit area code
    ['6512 3456', '010-6512 3456', 'agree'], // Beijing: a 2-digit area code
    ['88001234', '0571-8800 1235', 'disagree'], // another number
    ['3812 3456', '138 3812 3456', 'disagree'], // a mobile is no landline with an area code
  ])('%s / %s: %s', (x, y, level) => {
    const e = phoneEvidence(x, y);
    expect(e?.level).toBe(level);
    if (level === 'agree') expect(e?.weight).toBeCloseTo(12.773, 3);
  });
});

describe('phones and emails as each record lists them', () => {
  const email = (value: string) => ({ type: 'email', value }) as const;
  const phone = (value: string, verified = false) => ({ type: 'phone', value, verified }) as const;
  it('a blank email is no email: two blanks neither agree nor block together', () => {
    const a = person('a', 'Ann Lee', { contactPoints: [email(''), email('  ')] });
    const b = person('b', 'Bob Wu', { contactPoints: [email('')] });
    expect(levels(compare(a, b))).not.toContain('email:agree');
    expect(levels(compare(a, b))?.some((l) => l.startsWith('email:'))).toBe(false);
    expect(findDuplicates([a, b], { keys: ['email'], reviewThreshold: -100 }).comparisons).toBe(0);
  });
  it('a blank email beside a real one: the real one is compared', () => {
    const a = person('a', 'Ann Lee', { contactPoints: [email(''), email('Ann.Lee@Example.com')] });
    const b = person('b', 'Ann Li', { contactPoints: [email('ann.lee@example.com')] });
    expect(levels(compare(a, b))).toContain('email:agree');
  });
  it('the second or third of several phones is matched, and only a verified one decides', () => {
    const many = [phone('+86 138 0000 0001'), phone('+86 138 0000 0002'), phone('+86 138 0000 0003', true)];
    const a = person('a', 'Ann Lee', { contactPoints: many });
    // shares the third number, verified on both sides (and the name: not a household): decided by it
    const b = person('b', 'Ann Lee', { contactPoints: [phone('+86 138 0000 0009'), phone('+86 138 0000 0003', true)] });
    const decided = findDuplicates([a, b], { keys: ['phone'] }).pairs[0];
    expect(decided?.decidedBy).toBe('verifiedPhone');
    // shares the second number, verified on neither side: only scored
    const c = person('c', 'Ann Lee', { contactPoints: [phone('+86 138 0000 0002')] });
    const scored = findDuplicates([a, c], { keys: ['phone'], reviewThreshold: -100 }).pairs[0];
    expect(scored?.decidedBy).toBeUndefined();
    expect(scored?.evidence.find((e) => e.field === 'phone')?.level).toBe('agree');
  });
});

describe('evidence entries', () => {
  it('are frozen values, shared between pairs with the same content', () => {
    const phone = { type: 'phone', value: '+86 138 0000 0001' } as const;
    const records = [person('a', 'Ann Lee', { contactPoints: [phone] }), person('b', 'Ann Lee', { contactPoints: [phone] }), person('c', 'Ann Lee', { contactPoints: [phone] })];
    const { pairs } = findDuplicates(records, { nameFrequency: false });
    expect(pairs).toHaveLength(3);
    const phones = pairs.map((p) => p.evidence.find((e) => e.field === 'phone'));
    // weight log2(0.7 / 0.0001), by hand (see the top of this file)
    expect(phones[0]).toEqual({ field: 'phone', level: 'agree', weight: 12.773 });
    expect(phones[1]).toBe(phones[0]);
    expect(Object.isFrozen(phones[0])).toBe(true);
    expect(() => {
      (phones[0] as { weight: number }).weight = 0;
    }).toThrow(TypeError);
  });
});
