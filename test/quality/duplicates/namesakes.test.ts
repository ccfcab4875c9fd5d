import { describe, expect, it } from 'vitest';
import type { ContactPoint, Customer } from 'crmkit';
import { findDuplicates } from 'crmkit/quality';
import { organization, person } from '../helpers';
import { organizationSite } from '../../../src/quality/duplicates/similarity';
import { phoneParts } from '../../../src/validation/normalize/phone';

// Cases found by an independent generator of customer records (test/quality/duplicates/independentSet.ts,
// written apart from the matcher): family emails, a woman's married name, father and son of one
// name, branch offices, and numbers written without their country code.
//
// Expected scores are worked by hand from DEFAULT_MATCH_PARAMETERS, weight = log2(m / u):
//   name exact log2(0.68/0.003) = 7.824, disagree log2(0.03/0.963) = -5.005;
//   phone agree log2(0.7/0.0001) = 12.773, disagree log2(0.27/0.9996) = -1.888;
//   email agree log2(0.7/0.0001) = 12.773; postal code agree log2(0.9/0.01) = 6.492;
//   city agree log2(0.9/0.3) = 1.585; street exact log2(0.7/0.002) = 8.451;
//   postal code + city + street = 16.528 is capped at 12.
// Every pair is forced into comparison and reported whatever its score (as in households.test.ts).
const compare = (a: Customer, b: Customer, defaultRegion = 'CN') =>
  findDuplicates([a, b], { keys: [], customKeys: [() => 'all'], reviewThreshold: -100, threshold: 8, nameFrequency: false, defaultRegion }).pairs[0];
const levels = (pair: ReturnType<typeof compare>) => pair?.evidence.map((e) => `${e.field}:${e.level}`);
const phone = (value: string): ContactPoint => ({ type: 'phone', value });
const email = (value: string): ContactPoint => ({ type: 'email', value });
const home = (country: string, city: string, line1: string, postalCode: string): ContactPoint => ({ type: 'address', country, city, line1, postalCode });
const company = (id: string, name: string, points: ContactPoint[]) => organization(id, name, undefined, { contactPoints: points });

describe('a family email', () => {
  const landline = phone('0532-5669 3290');
  const flat = home('CN', '青岛市', '学院路29号', '266032');

  it('two people of different names sharing a landline, an address and the family email are a household, not a match', () => {
    const pair = compare(
      person('a', '陈静', { contactPoints: [phone('156 6270 8157'), landline, email('zhangfamily10@gmail.com'), flat] }),
      person('b', '张俊杰', { contactPoints: [phone('157 9351 4933'), landline, email('zhangfamily10@gmail.com'), flat] }),
    );
    // name disagree -5.005 + email agree 12.773; the landline and the address are the household's
    // and weigh 0 (before: the email made the pair one person's, + 12.773 + 12 = 32.541, a match)
    expect(levels(pair)).toEqual(['name:disagree', 'email:agree', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(-5.005 + 12.773, 2);
    expect(pair?.status).toBe('review');
  });

  it('the same email beside a shared mainland mobile is still one person’s', () => {
    const pair = compare(
      person('a', '胡竹', { contactPoints: [phone('197 6409 4067'), email('hcoikoun@163.com')] }),
      person('b', '胡超', { contactPoints: [phone('+86 197 6409 4067'), email('hcoikoun@163.com')] }),
    );
    // -5.005 + 12.773 + 12.773
    expect(pair?.score).toBeCloseTo(20.541, 2);
    expect(pair?.status).toBe('match');
  });
});

describe('a married name', () => {
  // name medium 1.585 (only the family name changed) + phone agree 12.773 = 14.358, a match
  const expectMarried = (pair: ReturnType<typeof compare>) => {
    expect(levels(pair)).toEqual(['name:medium', 'phone:agree']);
    expect(pair?.score).toBeCloseTo(14.358, 2);
    expect(pair?.status).toBe('match');
  };

  it('the same given name under another family name, with her mobile kept, is one person (a UK mobile counts as one person’s)', () => {
    const pair = compare(
      person('a', 'Frances Jones', { contactPoints: [phone('+44 7885 933943'), home('GB', 'Birmingham', '534 Church Road', 'B1 9FS')] }),
      person('b', 'PARKER, Frances', { contactPoints: [phone('+447885933943'), home('GB', 'Birmingham', '534 Church Road', 'B1 9FS')] }),
    );
    // only the family name changed, so the name is as weak as a family name missing: name medium
    // log2(0.09/0.03) = 1.585 + phone agree 12.773 + address 12 (capped); before, name disagree
    // -5.005 in place of the 1.585 (19.768)
    expect(levels(pair)).toEqual(['name:medium', 'phone:agree', 'postalCode:agree', 'locality:agree', 'street:exact', 'address:cap']);
    expect(pair?.score).toBeCloseTo(26.358, 2);
    expect(pair?.status).toBe('match');
  });

  it('a nickname under a married name, or her mobile written without its country code, is one person too', () => {
    // Elizabeth / Beth are a name and its nickname; 07507 618099 is +44 7507 618099 written
    // nationally (read in CN, it agrees by its national number, and the other side's E.164 form
    // says it is a UK mobile). Before, -5.005 + 12.773 = 7.768, review.
    expectMarried(compare(person('a', 'Elizabeth Patterson', { contactPoints: [phone('+44 7999 322080')] }), person('b', 'Beth Wilson', { contactPoints: [phone('+44 7999 322080')] })));
    expectMarried(compare(person('a', 'Maria Green', { contactPoints: [phone('+447507618099')] }), person('b', 'Maria Lewis', { contactPoints: [phone('07507618099')] })));
  });

  it('a North American number kept counts as her own (that plan does not tell a mobile), a UK landline does not', () => {
    // Before: name disagree -5.005 and the number shared (0). Written the North American way
    // without its code; read in the US without its code; and read in CN, where 2135595797 is a
    // mainland number that agrees with +1 213-559-5797 by its national number (the other side's
    // E.164 form says it is North American). A UK landline stays a household's.
    expectMarried(compare(person('a', 'Laura Richardson', { contactPoints: [phone('+12133359471')] }), person('b', 'Laura Lopez', { contactPoints: [phone('1-213-335-9471')] })));
    expectMarried(compare(person('a', 'Lisa Taylor', { contactPoints: [phone('+1 206-866-8882')] }), person('b', 'Lisa Brown', { contactPoints: [phone('206-866-8882')] }), 'US'));
    expectMarried(compare(person('a', 'Evelyn Henderson', { contactPoints: [phone('2135595797')] }), person('b', 'Evelyn Price', { contactPoints: [phone('+1 213-559-5797')] })));
    const landline = compare(person('a', 'Julia Taylor', { contactPoints: [phone('+44 20 7616 1997')] }), person('b', 'Julia Myers', { contactPoints: [phone('+442076161997')] }));
    expect(levels(landline)).toEqual(['name:disagree', 'phone:shared']);
    expect(landline?.score).toBeCloseTo(-5.005, 2);
  });

  it('relatives with different given names sharing a UK landline stay a household', () => {
    const pair = compare(
      person('a', 'Frances Jones', { contactPoints: [phone('+44 20 7178 4545')] }),
      person('b', 'Peter Jones', { contactPoints: [phone('+44 20 7178 4545')] }),
    );
    expect(levels(pair)).toEqual(['name:disagree', 'phone:shared']);
  });
});

describe('father and son of one name', () => {
  const landline = phone('+1 312 544 8327');
  const house = home('US', 'Chicago', '1596 Chestnut Drive', '60629');

  it('John Smith Jr. and John Smith sharing a landline and an address are not matched on them', () => {
    const pair = compare(person('a', 'Noah Hamilton Jr.', { contactPoints: [landline, house] }), person('b', 'Noah Hamilton', { contactPoints: [landline, house] }));
    // name exact 7.824; the landline and the address weigh 0: review (before: 7.824 + 12.773 + 12, a match)
    expect(levels(pair)).toEqual(['name:exact', 'phone:shared', 'postalCode:shared', 'locality:shared', 'street:shared']);
    expect(pair?.score).toBeCloseTo(7.824, 2);
    expect(pair?.status).toBe('review');
  });

  it('two records both Jr., or one Jr. sharing a mobile with the other, are one person', () => {
    const both = compare(person('a', 'Noah Hamilton Jr.', { contactPoints: [landline, house] }), person('b', 'Noah Hamilton, Jr', { contactPoints: [landline, house] }));
    expect(both?.score).toBeCloseTo(7.824 + 12.773 + 12, 2);
    const mobile = phone('+44 7700 900123');
    const one = compare(person('a', 'Noah Hamilton Jr.', { contactPoints: [mobile] }), person('b', 'Noah Hamilton', { contactPoints: [mobile] }));
    expect(one?.score).toBeCloseTo(7.824 + 12.773, 2);
  });
});

describe('sites of one organisation', () => {
  it('reads a branch off the name: Chinese branch words, English ones after a dash, a comma or in brackets', () => {
    expect(organizationSite('信海医疗器械集团有限公司重庆分公司')).toEqual({ name: '信海医疗器械集团有限公司', site: '重庆分公司' });
    expect(organizationSite('某某银行西湖支行')).toEqual({ name: '某某银行', site: '西湖支行' });
    expect(organizationSite('华为技术有限公司（深圳分公司）')).toEqual({ name: '华为技术有限公司', site: '深圳分公司' });
    expect(organizationSite('Beacon Engineering Co. - Denver Office')).toEqual({ name: 'Beacon Engineering Co.', site: 'denveroffice' });
    expect(organizationSite('Acme Ltd (Leeds Branch)')).toEqual({ name: 'Acme Ltd', site: 'leedsbranch' });
    // no site: a dash alone, a branch word inside a name, the head office, a name that repeats its site
    for (const name of ['Easter Seals - Gilchrist Marchman', 'Post Office Ltd', 'Acme Ltd - Head Office', 'Dorothy Sutton Branch - Dorothy Sutton Branch', '信海医疗器械集团有限公司']) {
      expect(organizationSite(name).site).toBe('');
    }
  });

  it('reads a megabyte of name without stalling: only its end can name a site or a generation', () => {
    // both patterns backtracked over every separator of a long name (40,000 characters of `a, a, `
    // took 0.46 s, a megabyte would take minutes); the site is still read at the end
    expect(organizationSite(`${'a, '.repeat(300_000)}Acme Ltd - Leeds Branch`)).toEqual({ name: `${'a, '.repeat(300_000)}Acme Ltd`, site: 'leedsbranch' });
    const long = findDuplicates([
      person('a', `a${' '.repeat(1_000_000)}b`, { contactPoints: [phone('+44 7700 900123')] }),
      person('b', `a${', '.repeat(500_000)}Jr.`, { contactPoints: [phone('+44 7700 900123')] }),
    ]);
    expect(long.comparisons).toBe(1);
  });

  it('a head office and its branch sharing an email are two customers; so are two branches', () => {
    const hq = company('a', '信海医疗器械集团有限公司', [phone('021-7840 1725'), email('service@xinhaiylqx.com'), home('CN', '上海市', '创业大道255号', '200082')]);
    const branch = company('b', '信海医疗器械集团有限公司重庆分公司', [phone('023-3636 5726'), email('service@xinhaiylqx.com'), home('CN', '重庆市', '工业路26号', '400079')]);
    const other = company('c', '信海醫療器械集團有限公司鄭州分公司', [email('service@xinhaiylqx.com')]);
    // name disagree -5.005, the email shared (0), phone disagree -1.888, postal code disagree
    // log2(0.1/0.99) = -3.307, city disagree log2(0.1/0.7) = -2.807, street disagree log2(0.1/0.988) = -3.304
    const pair = compare(hq, branch);
    expect(levels(pair)).toEqual(['name:disagree', 'email:shared', 'phone:disagree', 'postalCode:disagree', 'locality:disagree', 'street:disagree']);
    expect(pair?.score).toBeCloseTo(-5.005 - 1.888 - 3.307 - 2.807 - 3.304, 2);
    expect(compare(branch, other)?.status).not.toBe('match');
  });

  it('one branch written two ways is one customer', () => {
    const pair = compare(
      company('a', '信海医疗器械集团有限公司重庆分公司', [phone('023-3636 5726')]),
      company('b', '信海醫療器械集團有限公司（重慶分公司）', [phone('+86 23 3636 5726')]),
    );
    // names equal once normalised (7.824), phone agree 12.773
    expect(pair?.score).toBeCloseTo(7.824 + 12.773, 2);
    expect(pair?.status).toBe('match');
  });
});

describe('an English name beside a Chinese one', () => {
  const mobile = phone('138 1234 5678');
  const landline = phone('0571-8800 1234');

  it('David Zhang sharing a mainland mobile with 张伟 is one person; sharing a landline, maybe a relative', () => {
    // Zhang is 张 in pinyin (family 4), David says nothing of 伟 (given as if missing): medium 1.585
    const byMobile = compare(person('a', '张伟', { contactPoints: [mobile] }), person('b', 'David Zhang', { contactPoints: [mobile] }));
    expect(levels(byMobile)).toEqual(['name:medium', 'phone:agree']);
    expect(byMobile?.score).toBeCloseTo(1.585 + 12.773, 2);
    expect(byMobile?.status).toBe('match');
    const byLandline = compare(person('a', '张伟', { contactPoints: [landline] }), person('b', 'David Zhang', { contactPoints: [landline] }));
    expect(levels(byLandline)).toEqual(['name:medium', 'phone:shared']);
    // a pinyin given name that differs is another person: Qiang Zhang / 张伟
    const other = compare(person('a', '张伟', { contactPoints: [mobile] }), person('b', 'Qiang Zhang', { contactPoints: [mobile] }));
    expect(other?.evidence[0]).toMatchObject({ field: 'name', level: 'disagree' });
  });

  it('a display name giving both (张伟 David, David 张伟, 张伟(David)) is matched on the characters', () => {
    for (const name of ['张伟 David', 'David 张伟', '张伟(David)', 'David Zhang 张伟']) {
      const pair = compare(person('a', '张伟', { contactPoints: [mobile] }), person('b', name, { contactPoints: [mobile] }));
      expect(levels(pair), name).toEqual(['name:exact', 'phone:agree']);
    }
    const relative = compare(person('a', '张强', { contactPoints: [landline] }), person('b', '张伟 David', { contactPoints: [landline] }));
    expect(levels(relative)).toEqual(['name:disagree', 'phone:shared']);
  });
});

describe('numbers written without their country code', () => {
  it('reads the national number beside the E.164 form, and whether the code was given', () => {
    expect(phoneParts('(020) 7020 2579', 'CN')).toEqual({ e164: '+862070202579', national: '2070202579', international: false });
    expect(phoneParts('+44 20 7020 2579', 'CN')).toEqual({ e164: '+442070202579', national: '2070202579', international: true });
    expect(phoneParts('138 1234 5678', 'CN')).toEqual({ e164: '+8613812345678', national: '', international: false });
    expect(phoneParts('+86 138 1234 5678', 'CN')).toEqual({ e164: '+8613812345678', national: '', international: true });
  });

  it('a London number written nationally agrees with it written internationally, and blocking pairs them', () => {
    const a = company('a', 'Meridian Partners Ltd', [phone('+44 20 7020 2579')]);
    const b = company('b', 'MERIDIAN PARTNERS LTD', [phone('(020) 7020 2579')]);
    const r = findDuplicates([a, b], { keys: ['phone'] });
    expect(r.comparisons).toBe(1);
    // name exact 7.824 (equal once normalised) + phone agree 12.773
    expect(r.pairs[0]?.score).toBeCloseTo(7.824 + 12.773, 2);
    expect(r.pairs[0]?.status).toBe('match');
  });

  it('an extension after a switchboard number (转, 分机, ext., x, #) is read off: the number agrees, colleagues stay apart', () => {
    const office = phone('0571-8800 1234');
    for (const value of ['0571-88001234转8001', '0571-8800 1234 分机 8001', '+86 571 8800 1234 ext. 8001', '0571 88001234 x8001', '057188001234#8001']) {
      const pair = compare(person('a', '张伟', { contactPoints: [phone(value)] }), person('b', '张伟', { contactPoints: [office] }));
      // name exact 7.824 + phone agree 12.773 (before: with 转 or 分机 the number was dropped; ext., x and # agreed already)
      expect(levels(pair), value).toEqual(['name:exact', 'phone:agree']);
    }
    const colleague = compare(person('a', '张伟', { contactPoints: [phone('0571-88001234转8001')] }), person('b', '李娜', { contactPoints: [phone('0571-88001234转8002')] }));
    expect(levels(colleague)).toEqual(['name:disagree', 'phone:shared']);
  });

  it('a US number written 1-312-544-8327 is Chicago’s, not a mainland mobile: it agrees with +1 312 544 8327, and a household sharing it stays a household', () => {
    const written = phone('1-312-544-8327');
    const same = compare(person('a', 'Noah Hamilton', { contactPoints: [written] }), person('b', 'HAMILTON, Noah', { contactPoints: [phone('+1 (312) 544-8327')] }));
    // name exact 7.824 + phone agree 12.773 (before: +86 131 2544 8327 against +1 312 544 8327, phone disagree)
    expect(levels(same)).toEqual(['name:exact', 'phone:agree']);
    expect(same?.score).toBeCloseTo(7.824 + 12.773, 2);
    // read as a mainland mobile it was one person's: a father and son both writing it so shared a
    // "mobile", and the pair matched (7.824 + 12.773); as the Chicago landline it is the household's
    const fatherAndSon = compare(person('a', 'Noah Hamilton Jr.', { contactPoints: [written] }), person('b', 'Noah Hamilton', { contactPoints: [phone('1 (312) 544-8327')] }));
    expect(levels(fatherAndSon)).toEqual(['name:exact', 'phone:shared']);
    expect(fatherAndSon?.score).toBeCloseTo(7.824, 2);
  });

  it('two numbers each written with its own country code do not agree by their national numbers', () => {
    const pair = compare(company('a', 'Meridian Partners Ltd', [phone('+44 20 7020 2579')]), company('b', 'Meridian Partners Ltd', [phone('+86 20 7020 2579')]));
    expect(levels(pair)).toEqual(['name:exact', 'phone:disagree']);
  });
});
