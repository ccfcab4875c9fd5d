import fc from 'fast-check';
import { at } from '../../../src/quality/duplicates/column';
import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../../../src/quality/duplicates/blocking';
import { extractFeatures } from '../../../src/quality/duplicates/featureRows';
import { namesOverlap, windowOrder } from '../../../src/quality/duplicates/blockRules';
import { BLOCKING_KEYS, RARE_NAME_MAX_RECORDS, createDuplicateIndex, findDuplicates } from 'crmkit/quality';
import { person } from '../helpers';
import { contactValues } from './featureColumns';

describe('blocking (internal)', () => {
  it('yields every pair sharing a key, each once, as found by comparing all pairs (property)', () => {
    const phones = fc.array(fc.constantFrom('13800000001', '138 0000 0001', '13800000002', '13800000003', '+8613800000004'), { maxLength: 2 });
    const names = fc.constantFrom('李雷', '李 雷', '韩梅梅', '陳小明', '陈小明');
    const postal = fc.constantFrom('', '100080', '200000');
    fc.assert(
      fc.property(fc.array(fc.tuple(names, phones, postal), { maxLength: 25 }), (rows) => {
        const customers = rows.map(([name, ps, pc], i) =>
          person(`c${i}`, name, {
            contactPoints: [
              ...ps.map((value) => ({ type: 'phone' as const, value })),
              ...(pc ? [{ type: 'address' as const, country: 'CN', line1: 'x', postalCode: pc }] : []),
            ],
          }),
        );
        const f = extractFeatures(customers, 'CN');
        const n = customers.length;
        const { codes } = candidatePairs(f, ['phone', 'namePostalCode'], 100);
        expect(new Set(codes).size).toBe(codes.length);
        const got = new Set(codes);
        // Second implementation: all pairs, keys compared as strings.
        for (let a = 0; a < n; a++) {
          for (let b = a + 1; b < n; b++) {
            const sharePhone = contactValues(at(f.phones, a)).some((p) => contactValues(at(f.phones, b)).includes(p));
            const shareNamePostal = at(f.name, a) === at(f.name, b) && at(f.postalCode, a) !== '' && at(f.postalCode, a) === at(f.postalCode, b);
            if (sharePhone || shareNamePostal) expect(got.has(a * n + b)).toBe(true);
          }
        }
      }),
    );
  });
});

describe('nameLatin blocks (internal)', () => {
  // 张伟, 章玮, 張偉 and `Zhang Wei` all read zhang wei: a nameLatin block pairs a name in Latin
  // letters with each of the others (3 pairs, counted by hand), and homophones in characters with
  // nobody, in a block of up to `window` records and in a larger one (window 2, sorted neighbours).
  const names = ['张伟', '章玮', '張偉'];
  const pairsOf = (list: string[], window: number) => {
    const f = extractFeatures(list.map((name, i) => person(`c${i}`, name)), 'CN');
    return [...candidatePairs(f, ['nameLatin'], 100, window).codes].map((code) => [Math.floor(code / list.length), code % list.length]);
  };
  it('pairs a Latin name with its homophones in characters, and characters alone with nobody', () => {
    expect(pairsOf(names, 20)).toEqual([]);
    expect(pairsOf(names, 2)).toEqual([]);
    expect(pairsOf([...names, 'Zhang Wei'], 20)).toEqual([[0, 3], [1, 3], [2, 3]]);
  });
});

describe('block rules (internal)', () => {
  const f = extractFeatures(
    [
      person('a', '邹真瑞'), person('b', '邹瑞真'), person('c', '倪烨伟'), person('d', '倪伟'), person('e', '王芳'),
      person('f', '王建国'), person('g', '王先生'), person('h', 'Benjamin Camens'), person('i', 'Benjamni Camens'),
      person('j', 'Bill Carter'), person('k', '王方'),
    ],
    'CN',
  );
  const row = (id: string) => f.ids.flat().indexOf(id);
  it('screens postalCodeInitial pairs by the characters the names share (counted by hand)', () => {
    // 邹真瑞 / 邹瑞真: 3 of 3 shared, need max(2, 3 - 1) = 2
    expect(namesOverlap(f, row('a'), row('b'))).toBe(true);
    // 倪伟 / 倪烨伟: 2 of the shorter's 2, need max(2, 1) = 2
    expect(namesOverlap(f, row('d'), row('c'))).toBe(true);
    // 王芳 / 王建国: 1 (王), need 2
    expect(namesOverlap(f, row('e'), row('f'))).toBe(false);
    // 王芳 / 王方: 1 (王), need 2: a typo in a two-character name is left to the other keys
    expect(namesOverlap(f, row('e'), row('k'))).toBe(false);
    // 王先生 has no given name: always passes
    expect(namesOverlap(f, row('g'), row('f'))).toBe(true);
    // benjamincamens / benjamnicamens: the same 14 letters
    expect(namesOverlap(f, row('h'), row('i'))).toBe(true);
    // billcarter (10) / benjamincamens: b, i, c, a, r, e shared = 6, need 9
    expect(namesOverlap(f, row('j'), row('h'))).toBe(false);
  });

  it('screens symmetrically (property)', () => {
    fc.assert(fc.property(fc.nat(10), fc.nat(10), (x, y) => namesOverlap(f, x, y) === namesOverlap(f, y, x)));
  });

  it('orders a windowed block totally: by name for most keys, by birth date where the key holds the name', () => {
    expect(windowOrder('phone')(f, row('e'), row('f'))).toBe(at(f.name, row('e')) < at(f.name, row('f')) ? -1 : 1);
    // no birth dates nor phones: the name decides, then the id
    expect(windowOrder('nameBirthDate')(f, row('a'), row('a'))).toBe(0);
  });
});

describe('rareName blocks', () => {
  // 邓宏锦 with a landline and an address, and with a mobile: nothing but the name in common.
  // Expected weights by hand from the default m/u: name exact log2(0.68 / 0.003) = 7.824, phone
  // disagree log2(0.27 / 0.9996) = -1.888; every record holds the name, so the frequency
  // adjustment is log2(E[tf] / tf) = log2(1 / 1) = 0. Score 5.936: review, not match.
  const mobiles = ['13491593466', '15827364519', '18630917254', '13985271640', '15163048297', '17752936081', '18919407365', '13376250984', '15048613792', '18264139570'];
  const withMobile = (id: string, name: string, k: number) => person(id, name, { contactPoints: [{ type: 'phone', value: mobiles[k] as string }] });
  const landline = person('a', '邓宏锦', {
    contactPoints: [
      { type: 'phone', value: '029-47497122' },
      { type: 'address', country: 'CN', city: '西安市', line1: '碑林区金融街2号', postalCode: '710044' },
    ],
  });

  it('pairs records whose only common value is a rare name, traditional characters included', () => {
    const result = findDuplicates([landline, withMobile('b', '邓宏锦', 1), withMobile('c', '鄧宏錦', 2)]);
    expect(result.comparisons).toBe(3);
    expect(result.skippedBlocks).toBe(0);
    expect(result.pairs.map((p) => [p.a, p.b, p.status, p.score])).toEqual([
      ['a', 'b', 'review', 5.936],
      ['a', 'c', 'review', 5.936],
      ['b', 'c', 'review', 5.936],
    ]);
    expect(result.pairs[0]?.evidence).toEqual([
      { field: 'name', level: 'exact', weight: 7.824, similarity: 1 },
      { field: 'phone', level: 'disagree', weight: -1.888 },
    ]);
    expect(findDuplicates([landline, withMobile('b', '邓宏锦', 1)], { keys: BLOCKING_KEYS.filter((k) => k !== 'rareName') }).comparisons).toBe(0);
  });

  it(`compares a name held by up to ${RARE_NAME_MAX_RECORDS} records, and skips a commoner one without counting it`, () => {
    const records = (count: number) => Array.from({ length: count }, (_, i) => withMobile(`m${i}`, '邓宏锦', i));
    expect(RARE_NAME_MAX_RECORDS).toBe(5);
    expect(findDuplicates(records(5)).comparisons).toBe(10); // 5 * 4 / 2
    expect(findDuplicates(records(6)).comparisons).toBe(0);
    expect(findDuplicates(records(6)).skippedBlocks).toBe(0);
    expect(findDuplicates(records(5), { maxBlockSize: 3 }).comparisons).toBe(0);
  });

  it('gives the duplicate index the pairs findDuplicates finds, on either side of the limit', () => {
    for (const held of [1, 4, 5]) {
      const indexed = Array.from({ length: held }, (_, i) => withMobile(`m${i}`, '邓宏锦', i));
      const candidate = withMobile('new', '邓宏锦', 9);
      const fromIndex = createDuplicateIndex(indexed).match(candidate);
      const fromSearch = findDuplicates([...indexed, candidate]).pairs.filter((p) => p.a === 'new' || p.b === 'new');
      expect(fromIndex).toEqual(fromSearch);
      expect(fromIndex.length).toBe(held + 1 <= RARE_NAME_MAX_RECORDS ? held : 0);
    }
  });
});

describe('familyPhoneHalf blocks', () => {
  const mk = (id: string, name: string, ...phones: string[]) => person(id, name, { contactPoints: phones.map((value) => ({ type: 'phone' as const, value })) });
  // Weights by hand from the default m/u: name medium (a title for the given name) log2(0.09 /
  // 0.03) = 1.585, exact log2(0.68 / 0.003) = 7.824; a phone one digit off log2(0.03 / 0.0003) = 6.644.

  it('pairs one family name with a mobile one digit off, and only that', () => {
    const title = mk('a', '罗先生', '13810998068');
    const full = mk('b', '罗光庆', '13810995068');
    const result = findDuplicates([title, full]);
    expect(result.comparisons).toBe(1);
    expect(result.pairs.map((p) => [p.status, p.score])).toEqual([['match', 8.229]]); // 1.585 + 6.644
    expect(findDuplicates([title, full], { keys: BLOCKING_KEYS.filter((k) => k !== 'familyPhoneHalf') }).comparisons).toBe(0);
    expect(findDuplicates([mk('a', '罗光庆', '13810998068'), mk('b', '李光庆', '13810995068')]).comparisons).toBe(0); // another family
    expect(findDuplicates([mk('a', '罗光庆', '13810998068'), mk('b', '罗光明', '13810995067')]).comparisons).toBe(0); // two digits apart
    expect(findDuplicates([mk('a', '罗光庆', '13810998068'), mk('b', '罗光明', '13810998086')]).comparisons).toBe(1); // two neighbours swapped
  });

  it('meets a national number written without its code and one written with it', () => {
    // 312.392.7499 read in the default region (CN) and +1 312-392-7498: national numbers one digit apart
    const result = findDuplicates([mk('a', 'Rachel Wilson', '312.392.7499'), mk('b', 'WILSON, Rachel', '+1 312-392-7498')], { keys: ['familyPhoneHalf'] });
    expect(result.comparisons).toBe(1);
    expect(result.pairs.map((p) => [p.status, p.score])).toEqual([['match', 14.468]]); // 7.824 + 6.644
  });

  it('gives the duplicate index the pair findDuplicates finds', () => {
    const held = [mk('a', '罗先生', '13810998068'), mk('c', '罗光明', '13810995067')];
    const candidate = mk('b', '罗光庆', '13810995068');
    const all = findDuplicates([...held, candidate]);
    const fromSearch = all.pairs.filter((p) => p.a === 'b' || p.b === 'b');
    expect(createDuplicateIndex(held).match(candidate)).toEqual(fromSearch);
    // b is compared with a and with c (one digit apart each); 罗光庆 / 罗光明 are two given names, so only a-b is reported
    expect(all.comparisons).toBe(2);
    expect(fromSearch.map((p) => [p.a, p.b])).toEqual([['a', 'b']]);
  });
});
