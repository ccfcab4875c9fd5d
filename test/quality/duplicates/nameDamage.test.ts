import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { findDuplicates, normalizeOrganizationName } from 'crmkit/quality';
import { organization, person } from '../helpers';

// Every pair is forced into comparison (one adopter key shared by all), so the name level seen is
// the comparison's, not blocking's. Expected levels are reasoned by hand from the rules in the
// findDuplicates TSDoc: family and given name each equal (3), similar (2), missing (1) or
// different (0); exact = 3+3, high = 3+2, medium = 2+2 or 3+1, otherwise disagree.
const nameLevel = (a: Customer, b: Customer) =>
  findDuplicates([a, b], { keys: [], customKeys: [() => 'all'], reviewThreshold: -100, threshold: -100 }).pairs[0]?.evidence.find((e) => e.field === 'name')?.level;
const p = (name: string, extra: Partial<Customer> = {}) => person(name, name, extra);

describe('person names as real records write them', () => {
  it.each([
    ['S. Walker', 'Sandra Walker', 'high'], // initial
    ['WALKER, Sandra', 'Sandra Walker', 'exact'], // surname first with a comma, case
    ['Bill Clinton', 'William Clinton', 'high'], // nickname table
    ['Peggy Olson', 'Margaret Olson', 'high'],
    ['Artie Englefield', 'Arthur Englefield', 'high'], // nickname table, extended (Splink historical_50k)
    ['Willie Jones', 'Bill Jones', 'high'], // two short forms of William
    ['Jean Morel', 'John Morel', 'disagree'], // another language's form of John is not a nickname
    ['Nikki Lewis', 'Nicole Lewis', 'high'], // the public list (data/nicknames.ts): names.csv row `nicole,has_nickname,nikki`
    ['Tess Lloyd', 'Teresa Lloyd', 'high'], // names.csv row `teresa,has_nickname,tess`
    ['Ron Baker', 'Erin Baker', 'disagree'], // both Aaron's nicknames there, not one another's
    ['Ian Morel', 'John Morel', 'disagree'], // the list relates them; left out as another language's form
    ['Zhang Wei', '张伟', 'high'], // pinyin against characters, both parts: the name in two scripts (4 + 4 = high)
    ['Wei Zhang', '张伟', 'high'], // Western order
    ['ZHANG Wei', '张伟', 'high'], // the family name in capitals, passport style
    ['Wei ZHANG', 'Zhang Wei', 'exact'], // capitals mark the family name whatever its place
    ['LiuPing', 'LIU Ping', 'high'], // one name typed without its space: family and given run together
    ['JohnSmith', 'John Smith', 'high'], // the same in a Western order
    ['Liuping', 'Liu Pin', 'disagree'], // run together, they must be the letters of both parts
    ['章玮', '张伟', 'medium'], // homophones in characters: similar family (2), given similar by sound only (2)
    ['Zhang Wei', '张玮', 'high'], // pinyin cannot tell 伟 from 玮: the same as against 张伟
    ['Mr. John Smith', 'John Smith', 'exact'], // forms of address are dropped
    ['Dr Sandra Walker', 'WALKER, Sandra', 'exact'],
    ['王先生', '王建国', 'medium'], // 先生 / 女士 stand for a missing given name (3 + 1)
    ['王先生', '王 先生', 'medium'], // two 王先生 are not an exact agreement: nothing is known of the given name
    ['李女士', '王秀英', 'disagree'],
    ['彭伟霞', '彭霞偉', 'high'], // two given-name characters in the other order (and 偉 traditional): similar
    ['張偉', '张伟', 'exact'], // traditional given name, not only the surname
    ['陈晓明', '陈小明', 'high'], // homophone given-name character (xiao)
    ['王小明', '王明', 'medium'], // a dropped given-name character: weak, like a missing given name (father and son)
    ['阿卜杜拉·买买提', '阿卜杜拉 · 买买提', 'exact'], // middle dots and spaces
    ['欧阳娜娜', '欧阳 娜娜', 'exact'], // compound surname
    ['Walker', 'Sandra Walker', 'medium'], // given name missing
    ['John Smith', 'Mary Smith', 'disagree'], // relatives
    ['王建国', '王秀英', 'disagree'],
    // The same letters give or take one, in any order: Jaro-Winkler puts jones / jnos at 0.865 and
    // harry / ahry at 0.733, below the 0.88 of `similar`; sorted, ejnos / jnos and ahrry / ahry are
    // one deletion apart, so the part reads as weak (like a missing part): 3 + 1 = medium.
    ['Maya Jnos', 'Maya Jones', 'medium'], // a letter dropped and two swapped in the surname (Splink fake_1000)
    ['aHry Hill', 'Harry Hill', 'medium'], // the same in the given name
    ['Maya Eel', 'Maya Lee', 'disagree'], // three letters: too short to read as an anagram
    ['Maya Jones', 'Maya Stone', 'disagree'], // sorted ejnos / enost: more than one edit apart
    // One letter typed for another in a short surname: Jaro-Winkler puts reed / rted at 0.85 (below
    // 0.88), and sorted (deer / dert) they are two edits apart; as written they are one (the
    // independent generator's Noah Reed / Noah Rted, sharing a phone). Weak, like a missing part: medium.
    ['Noah Rted', 'Noah Reed', 'medium'],
    ['Noah Reed', 'Noah Rsad', 'disagree'], // two letters off
    ['欧阳先生', '欧阳静怡', 'medium'], // the title dropped leaves the compound surname 欧阳 (3 + 1), not 欧 + given 阳
    ['郑梓玥', 'ZHENG Ziyue', 'high'], // 玥 (yue) is outside GB 2312 but common in given names: pinyin against characters (4 + 4)
    ['李女士', '王李', 'disagree'], // characters keep their roles: 李 as a given name is not the surname of 李女士
    ['Wang Xiao Ming', '王小明', 'high'], // pinyin with the given name in syllables: read whole, wang + xiaoming, not given Wang and family Ming
    ['Xiao Ming Wang', '王小明', 'high'], // the same, family last
    ['Wang Xiao Ming', '王晓东', 'disagree'], // whole pinyin wangxiaoming is not wangxiaodong
    // A dropped given-name character in pinyin (ying is 英, the last of 桂英; shi is 诗): weak, as
    // 王小明 / 王明 in characters (family 4 + given 6, read as 1: medium)
    ['Cao Ying', '曹桂英', 'medium'],
    ['JIANG Shi', '蒋丹诗', 'medium'],
    ['Cao Ming', '曹桂英', 'disagree'], // ming is neither character
    // Fuzzy pinyin: si / 诗 (shi) and zi / 志 (zhi), the retroflex as a southern speaker drops it
    // (Jaro-Winkler puts si / shi at 0.611): close, as 4 + 5 reads (medium)
    ['Shao Si', '邵诗', 'medium'],
    ['Wang Zi', '王志', 'medium'],
    ['Shao Su', '邵诗', 'disagree'],
    // Nicknames our own groups add to the public list (it has Terri only through Terry, and no Evie)
    ['Terri Lloyd', 'Teresa Lloyd', 'high'],
    ['Evie Jones', 'Evelyn Jones', 'high'],
  ])('%s / %s: %s', (x, y, level) => {
    expect(nameLevel(p(x), p(y))).toBe(level);
  });

  it('reads declared family and given names, swapped or not', () => {
    const a = person('a', 'x', { person: { familyName: 'Walker', givenName: 'Sandra' } });
    const b = person('b', 'y', { person: { familyName: 'Sandra', givenName: 'Walker' } });
    expect(nameLevel(a, b)).toBe('exact');
  });

  it('compares a Latin name with one part left out against either part of the other (Splink fake_1000)', () => {
    // `Noah` typed as the only name, against a record whose first-name box holds the surname and
    // whose surname box holds Noah: as written, family missing (1) and given noah / watson
    // different (0) disagree; read the other way the one part agrees with the other's (3 + 1 =
    // medium), as `Walker` / `Sandra Walker` does.
    const noah = person('a', 'Noah', { person: { givenName: 'Noah' } });
    const swapped = person('b', 'Watson Noah', { person: { givenName: 'Watson', familyName: 'Noah' } });
    expect(nameLevel(noah, swapped)).toBe('medium');
    const surnameOnly = person('c', 'Thompson', { person: { familyName: 'Thompson' } });
    const swappedThompson = person('d', 'Thompson Ollie', { person: { givenName: 'Thompson', familyName: 'Ollie' } });
    expect(nameLevel(surnameOnly, swappedThompson)).toBe('medium');
  });
});

describe('organisation names', () => {
  it.each([
    ['Acme Incorporated', 'ACME Inc.'],
    ['Acme Ltd', 'Acme Limited'],
    ['Acme Trading LLC', 'Acme Trading'],
    ['Siemens GmbH', 'Siemens'],
    ['杭州某某科技有限公司', '某某科技有限公司'],
    ['某某科技有限责任公司', '某某科技有限公司'],
    ['星河股份有限公司', '星河有限公司'],
    ['华为技术（深圳）有限公司', '华为技术有限公司'],
  ])('%s = %s', (x, y) => {
    expect(normalizeOrganizationName(x)).toBe(normalizeOrganizationName(y));
    expect(nameLevel(organization('a', x), organization('b', y))).toBe('exact');
  });

  it('reads two to four characters in front of the same name as a place the list does not know: high', () => {
    // 湖州 is not among the large cities normalizeOrganizationName drops: 湖州星河科技 ends with 星河科技
    // (four characters), so high rather than the medium of Jaro-Winkler 0.889
    expect(nameLevel(organization('a', '湖州星河科技有限公司'), organization('b', '星河科技有限公司'))).toBe('high');
    expect(nameLevel(organization('a', '湖州星河科技有限公司'), organization('b', '河科技有限公司'))).not.toBe('high'); // three characters left: too little
  });

  it('keeps different companies apart', () => {
    expect(normalizeOrganizationName('杭州某某科技有限公司')).not.toBe(normalizeOrganizationName('杭州某某网络有限公司'));
  });

  it('reads an English name that spells the trade name in pinyin as the same name in another script: medium', () => {
    // 海明 is haiming (the project's pinyin table, from pinyin-pro); the English name holds it as a
    // word. Jaro-Winkler across scripts is 0, so this was `disagree` (-5.0) before.
    const cn = organization('a', '海明(沈阳)教育咨询有限公司');
    expect(nameLevel(cn, organization('b', 'ShenYang HaiMing Education Consulting Co., Ltd.'))).toBe('medium');
    expect(nameLevel(organization('a', '杭州星河科技有限公司'), organization('b', 'Hangzhou Xinghe Technology Co., Ltd.'))).toBe('medium');
    // another trade name, and one too short to be told from a piece of another word (海 / hai)
    expect(nameLevel(cn, organization('b', 'Shenyang Haitian Education Consulting Co., Ltd.'))).toBe('disagree');
    expect(nameLevel(organization('a', '安和咨询有限公司'), organization('b', 'Mechanhe Consulting Ltd'))).toBe('disagree');
  });
});

describe('addresses', () => {
  const at = (city: string, district: string, postalCode: string, line1 = '-') => ({ type: 'address' as const, country: 'CN', city, district, postalCode, line1 });
  it('compares city, district and postal code even without a street line', () => {
    const r = findDuplicates([p('李雷', { contactPoints: [at('杭州市', '西湖区', '310012')] }), p('李 雷', { contactPoints: [at('杭州', '西湖', '310012')] })], {
      reviewThreshold: -100,
      threshold: -100,
    });
    expect(r.pairs[0]?.evidence.map((e) => `${e.field}:${e.level}`)).toEqual(['name:exact', 'postalCode:agree', 'locality:agree']); // the street line '-' is empty after normalisation: not compared
    expect(r.pairs[0]?.evidence.length).toBe(3);
  });
});

describe('Jaro-Winkler cut-offs in floating point', () => {
  it('counts one differing middle character in a three-character name as medium (0.7999999999999999 is 0.8)', () => {
    // Hand calculation: 甲乙丙 / 甲丁丙 share 2 of 3 characters, no transpositions: jaro =
    // (2/3 + 2/3 + 1) / 3 = 7/9; one common prefix character: jw = 7/9 + 0.1 * (2/9) = 0.8 exactly,
    // which float64 computes as 0.7999999999999999. The default nameMedium cut-off is 0.8.
    const level = findDuplicates([organization('a', '甲乙丙'), organization('b', '甲丁丙')], { keys: [], customKeys: [() => 'all'], reviewThreshold: -100, threshold: -100 }).pairs[0]
      ?.evidence[0]?.level;
    expect(level).toBe('medium');
  });
});
