import { TRADITIONAL_TO_SIMPLIFIED } from './data/traditionalToSimplified';
import { PINYIN, SURNAME_PINYIN } from './data/pinyin';

// The generated tables (src/quality/duplicates/data, from OpenCC and pinyin-pro) are plain strings;
// they are decoded into flat arrays on first use, so importing crmkit costs nothing beyond the
// string literals.
const BASE = 0x3400;
const SIZE = 0x9fff - BASE + 1;

let simplified: Uint16Array | undefined;
let syllableOf: Uint16Array | undefined;
let surnameSyllableOf: Uint16Array | undefined;
const syllables: string[] = [''];

function decodeSimplified(): Uint16Array {
  const table = new Uint16Array(SIZE);
  for (let i = 0; i + 1 < TRADITIONAL_TO_SIMPLIFIED.length; i += 2) {
    table[TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i) - BASE] = TRADITIONAL_TO_SIMPLIFIED.charCodeAt(i + 1);
  }
  return table;
}

function decodePinyin(encoded: string): Uint16Array {
  const table = new Uint16Array(SIZE);
  let i = 0;
  while (i < encoded.length) {
    let j = i;
    while (j < encoded.length && encoded.charCodeAt(j) < 0x80) j++;
    const syllable = encoded.slice(i, j);
    let id = syllables.indexOf(syllable);
    if (id < 0) id = syllables.push(syllable) - 1;
    while (j < encoded.length && encoded.charCodeAt(j) >= 0x80) table[encoded.charCodeAt(j++) - BASE] = id;
    i = j;
  }
  return table;
}

/** The simplified form of a CJK character code (OpenCC), or the code itself. */
export function toSimplifiedCode(c: number): number {
  if (c < BASE || c > 0x9fff) return c;
  simplified ??= decodeSimplified();
  return simplified[c - BASE] || c;
}

/** Toneless pinyin of a simplified character (`surname` for the surname reading), or '' when unknown. */
export function pinyinOfCode(c: number, surname = false): string {
  if (c < BASE || c > 0x9fff) return '';
  syllableOf ??= decodePinyin(PINYIN);
  if (surname) {
    surnameSyllableOf ??= decodePinyin(SURNAME_PINYIN);
    const s = surnameSyllableOf[c - BASE] as number;
    if (s !== 0) return syllables[s] as string;
  }
  return syllables[syllableOf[c - BASE] as number] as string;
}

/** The pinyin of a run of CJK characters, syllables joined without spaces ('' if any is unknown). */
export function pinyinOf(s: string, surname = false): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const p = pinyinOfCode(s.charCodeAt(i), surname && i === 0);
    if (p === '') return '';
    out += p;
  }
  return out;
}

let syllableSet: Set<string> | undefined;

/**
 * Whether lower-case Latin letters read as pinyin syllables one after another (`wei`, `xiaoming`,
 * `zihan`), as a Chinese given name is written in Latin letters; an English name (`david`, `grace`)
 * does not.
 */
export function isPinyinWord(s: string): boolean {
  if (syllableSet === undefined) {
    syllableOf ??= decodePinyin(PINYIN);
    syllableSet = new Set(syllables.filter((x) => x !== ''));
  }
  const set = syllableSet;
  // reach[i]: the first i letters split into syllables (at most 6 letters each: zhuang)
  const reach = new Uint8Array(s.length + 1);
  reach[0] = 1;
  for (let i = 1; i <= s.length; i++) {
    for (let k = Math.max(0, i - 6); k < i && reach[i] === 0; k++) if (reach[k] === 1 && set.has(s.slice(k, i))) reach[i] = 1;
  }
  return s.length > 0 && reach[s.length] === 1;
}
