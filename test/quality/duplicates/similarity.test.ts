import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaro, jaroWinkler, normalizeName, normalizeOrganizationName } from 'crmkit/quality';

/** A second, deliberately plain implementation of Jaro (Winkler 1990), for comparison. */
function referenceJaro(s: string, t: string): number {
  if (s === t) return 1;
  if (!s.length || !t.length) return 0;
  const w = Math.max(0, Math.floor(Math.max(s.length, t.length) / 2) - 1);
  const sm: boolean[] = Array(s.length).fill(false);
  const tm: boolean[] = Array(t.length).fill(false);
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    for (let j = Math.max(0, i - w); j <= Math.min(t.length - 1, i + w); j++) {
      if (!tm[j] && s[i] === t[j]) { sm[i] = tm[j] = true; m++; break; }
    }
  }
  if (m === 0) return 0;
  const a = [...s].filter((_, i) => sm[i]);
  const b = [...t].filter((_, j) => tm[j]);
  const half = a.filter((c, i) => c !== b[i]).length;
  return (m / s.length + m / t.length + (m - half / 2) / m) / 3;
}

describe('Jaro and Jaro-Winkler', () => {
  it('matches the published examples (Winkler 1990; also the Wikipedia article on Jaro-Winkler distance)', () => {
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo(0.9444, 4); // m=6, t=1: (1 + 1 + 5/6)/3
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4); // 0.9444 + 3*0.1*(1-0.9444)
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 4); // m=4, t=0: (4/6+4/5+1)/3 = 0.8222, l=1
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
  });

  it('scores a one-character typo in a three-character Chinese name by hand', () => {
    // 张伟明 vs 张伟名: m = 2, no transpositions: (2/3 + 2/3 + 1)/3 = 7/9; shared prefix 2: 7/9 + 0.2 * 2/9
    expect(jaro('张伟明', '张伟名')).toBeCloseTo(7 / 9, 12);
    expect(jaroWinkler('张伟明', '张伟名')).toBeCloseTo(7 / 9 + 0.2 * (2 / 9), 12);
    expect(jaro('', '')).toBe(1);
    expect(jaro('a', '')).toBe(0);
  });

  it('agrees with a plain second implementation, is symmetric and stays in [0, 1] (property)', () => {
    const text = fc.string({ unit: fc.constantFrom(...'abcde张王李伟芳'), maxLength: 12 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const j = jaro(a, b);
        expect(j).toBeCloseTo(referenceJaro(a, b), 12);
        expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 12);
        const jw = jaroWinkler(a, b);
        expect(jw).toBeGreaterThanOrEqual(j);
        expect(jw).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('agrees with the plain implementation on long strings, which take the sorted-positions path (property)', () => {
    // 150 units and more over three letters: more than 16,384 window scans, so jaro matches through
    // sorted positions; few letters make many candidate matches and transpositions
    const long = fc.string({ unit: fc.constantFrom('a', 'b', '张'), minLength: 150, maxLength: 400 });
    const any = fc.string({ unit: fc.constantFrom('a', 'b', '张'), maxLength: 400 });
    fc.assert(
      fc.property(long, any, fc.boolean(), (x, y, swap) => {
        const [a, b] = swap ? [y, x] : [x, y];
        expect(jaro(a, b)).toBeCloseTo(referenceJaro(a, b), 12);
      }),
      { numRuns: 200 },
    );
    // a string against itself rotated and cut: matches sit near the window's edges, where an
    // off-by-one in the window would show
    const sparse = fc.string({ unit: fc.constantFrom('a', 'a', 'a', 'a', 'b', '张'), minLength: 150, maxLength: 300 });
    fc.assert(
      fc.property(sparse, fc.nat(), fc.nat(20), (x, shift, cut) => {
        const k = shift % x.length;
        const y = (x.slice(k) + x.slice(0, k)).slice(cut);
        expect(jaro(x, y)).toBeCloseTo(referenceJaro(x, y), 12);
        expect(jaro(y, x)).toBeCloseTo(referenceJaro(y, x), 12);
      }),
      { numRuns: 300 },
    );
  });

  it('matches a unit exactly up to the window edge on long strings, and not one beyond (by hand)', () => {
    // 200 units each: window 99. One c in each string, fillers that never match: the c's match
    // (m = 1, jaro = (1/200 + 1/200 + 1) / 3) when their positions differ by at most 99.
    const one = (at: number, filler: string) => `${filler.repeat(at)}c${filler.repeat(199 - at)}`;
    const matched = (1 / 200 + 1 / 200 + 1) / 3;
    for (const [i, j] of [[150, 51], [150, 50], [10, 109], [10, 110], [0, 99], [0, 100], [199, 100], [199, 99]] as const) {
      const expected = Math.abs(i - j) <= 99 ? matched : 0;
      expect(jaro(one(i, 'x'), one(j, 'y'))).toBeCloseTo(expected, 12);
      expect(jaro(one(j, 'y'), one(i, 'x'))).toBeCloseTo(expected, 12);
    }
  });

  it('compares strings of a million characters (hand-computed values)', () => {
    // ab... against ba...: window 499,999; every unit matches its neighbour, every matched pair is
    // transposed: m = 10^6, t/2 = 5 * 10^5, jaro = (1 + 1 + 0.5) / 3
    expect(jaro('ab'.repeat(500_000), 'ba'.repeat(500_000))).toBeCloseTo(2.5 / 3, 12);
    // 10^6 a's against 999,999 a's and a b: each a takes the a at its own position, the last finds
    // none left: m = 999,999, no transpositions; a shared prefix of 4 for Winkler
    const j = (0.999999 + 0.999999 + 1) / 3;
    expect(jaro('a'.repeat(1_000_000), `${'a'.repeat(999_999)}b`)).toBeCloseTo(j, 12);
    expect(jaroWinkler('a'.repeat(1_000_000), `${'a'.repeat(999_999)}b`)).toBeCloseTo(j + 0.4 * (1 - j), 12);
  });
});

/** The first, regular-expression implementation of normalizeName, kept as a second implementation. */
function referenceNormalizeName(name: string): string {
  const TRAD: Record<string, string> = { 陳: '陈', 張: '张', 劉: '刘', 黃: '黄' };
  const half = name.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const s = half.toLowerCase().replace(/[\s\u00b7\u30fb\u2022\u2027\u2219\u0387.\-_,'’]+/g, '');
  return [...s].map((c) => TRAD[c] ?? c).join('');
}

describe('name normalisation', () => {
  it('agrees with a regular-expression implementation (property)', () => {
    const unit = fc.constantFrom(...'陳張劉黃陈小明李 \u3000\u00a0·・-._ＡＢｃ１ÉéLi'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 10 }), (s) => {
      expect(normalizeName(s)).toBe(referenceNormalizeName(s));
    }));
  });

  it('removes spaces, middle dots and full-width forms, and simplifies traditional characters anywhere in the name', () => {
    expect(normalizeName('陳　小明')).toBe('陈小明');
    expect(normalizeName('張 偉')).toBe('张伟'); // OpenCC: 張 -> 张, 偉 -> 伟 (second implementation: opencc-js, in nameTables.test.ts)
    expect(normalizeName('ＬＩ Ｌｅｉ')).toBe('lilei');
    expect(normalizeName('阿卜杜拉・买买提')).toBe('阿卜杜拉买买提');
    expect(normalizeOrganizationName('星河科技（北京）有限公司')).toBe(normalizeOrganizationName('星河科技(北京)有限责任公司'));
    expect(normalizeOrganizationName('Acme Ltd.')).toBe('acme');
  });
});
