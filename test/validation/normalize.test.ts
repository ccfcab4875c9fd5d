import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeEmail, normalizeWhitespace, normalizePhone, normalizePostalCode, normalizeTag, normalizeTags, normalizeText, toHalfWidth } from 'crmkit/validation';

describe('normalisers', () => {
  it('converts full-width ASCII and the ideographic space (Unicode FF01-FF5E -> 21-7E, 3000 -> 20)', () => {
    expect(toHalfWidth('ＡＢＣ　１２３（北京）')).toBe('ABC 123(北京)');
    expect(normalizeText('  李\u3000\u3000雷  ')).toBe('李 雷');
  });

  it('writes phones in E.164 with CN as the default region', () => {
    expect(normalizePhone('138 1234 5678')).toBe('+8613812345678');
    expect(normalizePhone('+86 (138) 1234-5678')).toBe('+8613812345678');
    expect(normalizePhone('0086 138 1234 5678')).toBe('+8613812345678');
    expect(normalizePhone('010-65529988')).toBe('+861065529988');
    expect(normalizePhone('020 7946 0958', { defaultRegion: 'GB' })).toBe('+442079460958');
    expect(normalizePhone('hello')).toBeUndefined();
    expect(normalizePhone('1'.repeat(100))).toBeUndefined();
  });

  it('reads the North American layout (1, then 3-3-4 digits) as +1 in any region, not as a mainland mobile', () => {
    // The same eleven digits: 1-312-544-8327 is Chicago's (area code 312), 131-2544-8327 a mainland
    // mobile (prefix 131). Expected values written from the two plans' layouts, by hand.
    expect(normalizePhone('1-312-544-8327')).toBe('+13125448327');
    expect(normalizePhone('1 (312) 544-8327')).toBe('+13125448327');
    expect(normalizePhone('1.312.544.8327')).toBe('+13125448327');
    expect(normalizePhone('1-312-544-8327', { defaultRegion: 'GB' })).toBe('+13125448327');
    expect(normalizePhone('131-2544-8327')).toBe('+8613125448327');
    expect(normalizePhone('13125448327')).toBe('+8613125448327');
    expect(normalizePhone('131 2544 8327')).toBe('+8613125448327');
    // an area code cannot start with 0 or 1: not this layout
    expect(normalizePhone('1-012-544-8327')).not.toMatch(/^\+1/);
  });

  it('lower-cases only the email domain and canonicalises tags', () => {
    expect(normalizeEmail(' Li.Lei@Example.COM ')).toBe('Li.Lei@example.com');
    expect(normalizeTag(' High  Value ')).toBe('high-value');
    expect(normalizeTags(['VIP', 'vip', ' ', 'ＶＩＰ'])).toEqual(['vip']);
    expect(normalizePostalCode('sw1a 1aa', 'GB')).toBe('SW1A 1AA');
  });

  it('is idempotent: normalising twice equals normalising once (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Ａ', ' ', '\u3000', '李', '@', '.', '1', '１', '+', '-', '\t') , maxLength: 40 });
    fc.assert(
      fc.property(text, (s) => {
        expect(normalizeText(normalizeText(s))).toBe(normalizeText(s));
        expect(normalizeEmail(normalizeEmail(s))).toBe(normalizeEmail(s));
        expect(normalizeTag(normalizeTag(s))).toBe(normalizeTag(s));
        expect(normalizePostalCode(normalizePostalCode(s))).toBe(normalizePostalCode(s));
        const p = normalizePhone(s);
        if (p !== undefined) expect(normalizePhone(p)).toBe(p);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeWhitespace skips clean values', () => {
  it('equals the plain rule (collapse every run of white space to one space, then trim) (property)', () => {
    // The second implementation is the rule itself, without the clean-value shortcut.
    const reference = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
    const unit = fc.constantFrom('a', '李', ' ', '  ', '\t', '\n', '\u3000', '\u00a0', '\u2009', '\ufeff', 'x');
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
      expect(normalizeWhitespace(s)).toBe(reference(s));
    }), { numRuns: 2000 });
  });
});
