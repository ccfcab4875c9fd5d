// maskValue. Examples: the patterns of Chinese practice (138****5678 is the GB/T 35273 style of
// display masking; first 6 and last 4 of a card is PCI DSS 3.4), each expected string worked out by
// hand from the rule table in maskValue's TSDoc. Properties: never longer, idempotent,
// deterministic, and never reveals more letters or digits than its rule allows (the bounds are
// restated here from that table, not read from the code).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK_KINDS, type MaskKind, maskValue } from 'crmkit/privacy';
import { expectThrowsCode } from '../errors';

describe('maskValue examples (hand-worked from the rule table)', () => {
  it.each([
    ['13812345678', 'phone', '138****5678'],
    ['+8613812345678', 'phone', '+86138****5678'],
    ['+1 415-555-2671', 'phone', '+1 41*-***-2671'], // digits 1415555 2671: the four before the last four
    ['+44 20 7946 0958', 'phone', '+44 20 **** 0958'],
    ['010-12345678', 'phone', '010-****5678'],
    ['12345', 'phone', '***45'], // under 8 digits: last 2 at most
    ['zhangsan@example.cn', 'email', 'z***@example.cn'],
    ['ab@x.cn', 'email', 'a*@x.cn'],
    ['a@x.cn', 'email', '*@x.cn'],
    ['张三', 'name', '张*'],
    ['欧阳娜娜', 'name', '欧***'],
    ['阿沛·阿旺晋美', 'name', '阿*·****'],
    ['李', 'name', '*'],
    ['李 ', 'name', '* '],
    ['John Smith', 'name', 'J*** S****'],
    ["Mary-Jane O'Neil", 'name', "M***-J*** O'N***"],
    ['11010519491231002X', 'residentId', '110***********002X'],
    ['91110108MA01234567', 'uscc', '9111**********4567'],
    ['6222 0212 3456 7891 234', 'bankCard', '6222 02** **** ***1 234'],
    ['北京市海淀区中关村大街1号', 'address', '北京市海淀区****'],
    ['广西壮族自治区南宁市青秀区民族大道1号', 'address', '广西壮族自治区南宁市青秀区****'], // 自治区 is a province
    ['香港特别行政区九龙城区太子道1号', 'address', '香港特别行政区九龙城区****'],
    ['四川省阿坝藏族羌族自治州汶川县威州镇', 'address', '四川省阿坝藏族羌族自治州汶川县***'],
    ['广东省东莞市南城街道鸿福路1号', 'address', '广东省东莞市****'], // no district level: up to the city
    ['1600 Amphitheatre Pkwy, Mountain View, CA', 'address', '****, Mountain View, CA'],
  ] as const)('%s as %s', (value, kind, expected) => {
    expect(maskValue(value, kind)).toBe(expected);
  });

  it('refuses bad input without echoing it', () => {
    const e = expectThrowsCode(() => maskValue('13812345678', 'fax' as MaskKind), 'INVALID_ARGUMENT');
    expect(e.message).not.toContain('13812345678');
    expectThrowsCode(() => maskValue(13812345678 as unknown as string, 'phone'), 'INVALID_ARGUMENT');
    expectThrowsCode(() => maskValue('1'.repeat(5000), 'phone'), 'INVALID_ARGUMENT');
  });
});

const POSITION = /[\p{L}\p{N}]/u;
/** Letters and digits of the output that are shown (not `*`). */
const revealed = (s: string) => Array.from(s).filter((c) => POSITION.test(c)).length;
/** Letters, digits and `*` of the input: what a rule counts. */
const positions = (s: string, re: RegExp) => Array.from(s).filter((c) => re.test(c)).length;

/** The most letters or digits each rule may show, restated from the TSDoc table. */
function bound(value: string, kind: MaskKind): number {
  const n = (re: RegExp) => positions(value, re);
  const ends = (count: number, keep: number) => Math.max(0, Math.min(keep, count - Math.ceil(count / 3), count - 1));
  switch (kind) {
    case 'phone': {
      const d = n(/[0-9*]/);
      // The four before the last four are hidden; other letters of the input are separators and stay.
      return (d >= 8 ? d - 4 : ends(d, 2)) + revealed(value.replace(/[0-9*]/g, ''));
    }
    case 'email': {
      const at = value.lastIndexOf('@');
      return 1 + (at < 0 ? 0 : revealed(value.slice(at)));
    }
    case 'name':
      return /\p{Script=Han}/u.test(value) ? (positions(value, /[\p{L}\p{N}*]/u) > 1 ? 1 : 0) : value.split(/[^\p{L}\p{N}*]+/u).filter((w) => w !== '').length;
    case 'residentId':
      return ends(n(/[0-9A-Za-z*]/), 7) + revealed(value.replace(/[0-9A-Za-z*]/g, ''));
    case 'uscc':
      return ends(n(/[0-9A-Za-z*]/), 8) + revealed(value.replace(/[0-9A-Za-z*]/g, ''));
    case 'bankCard':
      return ends(n(/[0-9*]/), 10) + revealed(value.replace(/[0-9*]/g, ''));
    case 'address':
      return revealed(value); // checked by the prefix property below
  }
}

describe('maskValue properties', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...'0123456789+- *'), maxLength: 24 }),
    fc.string({ unit: fc.constantFrom(...'张王李欧阳娜·伟 JohnSmithX-@.*'), maxLength: 20 }),
    fc.string({ unit: fc.constantFrom(...'北京市海淀区县旗自治行政中关村路1号,A '), maxLength: 30 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
  );
  const kind = fc.constantFrom(...MASK_KINDS);

  it('is never longer, idempotent and deterministic', () => {
    fc.assert(
      fc.property(text, kind, (value, k) => {
        const once = maskValue(value, k);
        expect(once.length).toBeLessThanOrEqual(value.length);
        expect(maskValue(once, k)).toBe(once);
        expect(maskValue(value, k)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('never reveals more letters or digits than its rule', () => {
    fc.assert(
      fc.property(text, kind, (value, k) => {
        expect(revealed(maskValue(value, k))).toBeLessThanOrEqual(bound(value, k));
      }),
      { numRuns: 2000 },
    );
  });

  it('shows only characters of the input, in place (length-keeping kinds) or as a prefix (address)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom<MaskKind>('phone', 'name', 'residentId', 'uscc', 'bankCard', 'address'), (value, k) => {
        const out = Array.from(maskValue(value, k));
        const input = Array.from(value);
        if (k === 'address') {
          const shown = out.join('').replace(/\*+$/, '');
          expect(value.startsWith(shown) || value.endsWith(shown.replace(/^\*+/, ''))).toBe(true);
          return;
        }
        expect(out.length).toBe(input.length);
        out.forEach((c, i) => expect(c === '*' || c === input[i]).toBe(true));
      }),
      { numRuns: 2000 },
    );
  });
});
