import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { pinyinOfCode, toSimplifiedCode } from '../../../src/quality/duplicates/nameTables';
import { PINYIN } from '../../../src/quality/duplicates/data/pinyin';
import { TRADITIONAL_TO_SIMPLIFIED } from '../../../src/quality/duplicates/data/traditionalToSimplified';

// Second implementations: opencc-js's own converter (traditional -> mainland simplified) and
// pinyin-pro's own pinyin(), run side by side with the committed tables.
const t2cn = OpenCC.Converter({ from: 't', to: 'cn' });
const tw2cn = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hk2cn = OpenCC.Converter({ from: 'hk', to: 'cn' });

describe('traditional -> simplified table (OpenCC data)', () => {
  it('agrees with opencc-js on every character it maps', () => {
    let disagreements = 0;
    for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
      const t = TRADITIONAL_TO_SIMPLIFIED[i] as string;
      const ours = String.fromCharCode(toSimplifiedCode(t.charCodeAt(0)));
      if (ours !== t2cn(t) && ours !== tw2cn(t) && ours !== hk2cn(t)) disagreements++;
    }
    expect(TRADITIONAL_TO_SIMPLIFIED.length / 2).toBeGreaterThan(2500);
    expect(disagreements).toBe(0);
  });

  it('covers the traditional characters opencc-js converts among names in common use', () => {
    const names = '陳國榮 劉德華 張學友 黃曉明 鄧麗君 趙薇 蕭敬騰 歐陽娜娜 諸葛亮 龍應台 謝霆鋒 羅志祥 鄭秀文 吳鎮宇 楊紫瓊 錢鍾書 顧曉軍 魏晨 萬綺雯 蘇有朋';
    for (const ch of names.replace(/ /g, '')) expect(String.fromCharCode(toSimplifiedCode(ch.charCodeAt(0)))).toBe(t2cn(ch));
  });
});

describe('character -> pinyin table (pinyin-pro data)', () => {
  it('agrees with pinyin-pro on every GB 2312 level-1/2 character', () => {
    const gb = new TextDecoder('gb2312');
    let checked = 0;
    for (let hi = 0xb0; hi <= 0xf7; hi++) {
      for (let lo = 0xa1; lo <= 0xfe; lo++) {
        const c = gb.decode(new Uint8Array([hi, lo]));
        if (c.length !== 1 || c < '\u3400' || c > '\u9fff') continue; // unassigned cells decode to private-use or U+FFFD
        expect(pinyinOfCode(c.charCodeAt(0))).toBe(pinyin(c, { toneType: 'none', type: 'array', v: true })[0]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(6700); // GB 2312 has 3,755 + 3,008 = 6,763 hanzi
  });

  it('agrees with pinyin-pro on the rest of U+4E00-U+9FA5 that is not a traditional form (name characters outside GB 2312: 玥 祎 珺 喆 堃 赟)', () => {
    const traditional = new Set<string>();
    for (let i = 0; i < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) traditional.add(TRADITIONAL_TO_SIMPLIFIED[i] as string);
    let checked = 0;
    for (let code = 0x4e00; code <= 0x9fa5; code++) {
      const c = String.fromCharCode(code);
      if (traditional.has(c)) continue;
      const expected = pinyin(c, { toneType: 'none', type: 'array', v: true })[0] ?? '';
      expect(pinyinOfCode(code)).toBe(/^[a-z]+$/.test(expected) ? expected : '');
      checked++;
    }
    expect(checked).toBeGreaterThan(17_000);
    for (const c of '玥祎珺喆堃赟') expect(pinyinOfCode(c.charCodeAt(0))).not.toBe('');
  });

  it('reads surnames as pinyin-pro does in surname mode (单 shan, 曾 zeng, 区 ou)', () => {
    for (const c of '单曾区解仇朴查乐') expect(pinyinOfCode(c.charCodeAt(0), true)).toBe(pinyin(c, { toneType: 'none', type: 'array', surname: 'head' })[0]);
  });

  it('is decoded lazily: the module holds only strings until first use', () => {
    expect(typeof PINYIN).toBe('string');
    expect(PINYIN.length).toBeLessThan(20_000);
  });
});
