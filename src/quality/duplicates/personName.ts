import { isPinyinWord, pinyinOf, pinyinOfCode } from './nameTables';
import { type Column, at } from './column';
import { areNicknames } from './nicknames';
import { jaroWinkler, normalizeName, oneEditApart } from './similarity';

// Two-character surnames, so 欧阳娜娜 splits as 欧阳 + 娜娜 rather than 欧 + 阳娜娜.
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 诸葛 上官 皇甫 令狐 东方 慕容 尉迟 长孙 宇文 司徒 夏侯 公孙 轩辕 端木 澹台 闻人 南宫 西门 百里 呼延 万俟 申屠 太史 钟离 独孤 赫连'.split(' '),
);
// Separators that divide the parts of a name as typed; normalizeName removes the rest.
const PART_BREAK = /[\s\u00b7\u30fb\u2022\u2027\u2219\u0387\u3000,，.．]+/;
const MIDDLE_DOT = /[\u00b7\u30fb\u2022\u2027\u2219\u0387]/;

/** Whether a UTF-16 code unit is a CJK ideograph (Extension A and the Unified block). */
export const isCjk = (c: number) => c >= 0x3400 && c <= 0x9fff;
function mostlyCjk(s: string): boolean {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isCjk(c)) cjk++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
  }
  return cjk > 0 && cjk >= latin;
}

/** A person's name split for comparison: family and given name as matching keys, and their romanisation. */
export interface NameParts {
  readonly family: string;
  readonly given: string;
  /** The family name in Latin letters: pinyin for characters, the name itself for Latin script. */
  readonly familyLatin: string;
  readonly givenLatin: string;
}

const first = (s: string) => normalizeName(s.trim().split(PART_BREAK)[0] ?? '');
// Forms of address typed instead of a given name (王先生, 李女士) or around a Western name (Mr, Dr,
// Jr): they say nothing about who the person is, so they are dropped and the given name is missing.
const CJK_TITLE = /(?:先生|女士|小姐|太太|夫人)$/;
const LATIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam', 'jr', 'sr', 'ii', 'iii']);
const isLatinTitle = (token: string) => LATIN_TITLES.has(normalizeName(token));
// A Latin token written in capitals beside others that are not (`ZHANG Wei`, `Sandra WALKER`) is
// the family name, whatever its place: the convention of passports and of many registration forms.
const isCapitalised = (t: string) => t.length > 1 && t === t.toUpperCase() && t !== t.toLowerCase();

function parts(family: string, given: string, cjk: boolean): NameParts {
  return cjk
    ? { family, given, familyLatin: pinyinOf(family, true), givenLatin: pinyinOf(given) }
    : { family, given, familyLatin: family, givenLatin: given };
}

/**
 * Splits a person's name: the declared family and given names when present, otherwise the display
 * name read as `FAMILY, Given`, as characters (surname first, compound surnames known; a middle dot
 * separates given·family in transliterated names), or as Western `Given [Middle] Family` (the first
 * given name is kept, so `S. Walker` gives the initial `s`).
 */
export function splitPersonName(displayName: string, givenName?: string, familyName?: string): NameParts {
  if (givenName || familyName) {
    const cjk = mostlyCjk(`${familyName ?? ''}${givenName ?? ''}`);
    return parts(normalizeName(familyName ?? ''), cjk ? normalizeName(givenName ?? '') : first(givenName ?? ''), cjk);
  }
  const comma = displayName.search(/[,，]/);
  if (comma > 0) {
    const cjk = mostlyCjk(displayName);
    const rest = displayName.slice(comma + 1);
    return parts(normalizeName(displayName.slice(0, comma)), cjk ? normalizeName(rest) : first(rest), cjk);
  }
  if (mostlyCjk(displayName)) {
    if (MIDDLE_DOT.test(displayName)) {
      const pieces = displayName.split(MIDDLE_DOT);
      return parts(normalizeName(pieces[pieces.length - 1] ?? ''), normalizeName(pieces[0] ?? ''), true);
    }
    const whole = normalizeName(displayName);
    const n = whole.replace(CJK_TITLE, '');
    // With a form of address dropped (欧阳先生) what is left is the surname, compound ones included.
    const titled = n.length < whole.length;
    const cut = (n.length > 2 || (titled && n.length === 2)) && COMPOUND_SURNAMES.has(n.slice(0, 2)) ? 2 : 1;
    return parts(n.slice(0, cut), n.slice(cut), true);
  }
  const tokens = displayName.trim().split(PART_BREAK).filter((t) => t.length > 0 && !isLatinTitle(t));
  if (tokens.length === 0) return parts('', '', false);
  if (tokens.length === 1) return parts(normalizeName(tokens[0] as string), '', false);
  const capitals = tokens.filter(isCapitalised);
  if (capitals.length === 1) {
    const family = capitals[0] as string;
    return parts(normalizeName(family), normalizeName(tokens.find((t) => t !== family) as string), false);
  }
  return parts(normalizeName(tokens[tokens.length - 1] as string), normalizeName(tokens[0] as string), false);
}

/**
 * How one part of a name agrees: 3 equal, 2 similar, 1 missing on a side, 0 different; 4 is the
 * same pinyin with one side in Latin letters (`Zhang` / 张), similar but a stronger sign than two
 * homophone characters (伟 / 玮). Given names only: 5 is pinyin close to the characters' reading
 * but not equal (`Shuli` / 淑兰), similar for the name level but weak (partial) for the household
 * rule; 6 is one given name in characters inside the other (云 / 云飞: a dropped character), as
 * weak as a missing one for the name level; 7 is homophone characters (燕 / 岩), similar. 6 and 7
 * are close (`givenClose`): the household rule holds them against the birth dates. 8 is Latin
 * letters the same give or take one in any order (`Jones` / `Jnos`): as weak as a missing part for
 * the level, partial for the household rule.
 */
function partAgreement(x: string, y: string, xl: string, yl: string, given: boolean): number {
  if (!x || !y) return 1;
  if (x === y) return 3;
  const cx = isCjk(x.charCodeAt(0));
  const cy = isCjk(y.charCodeAt(0));
  if (xl && xl === yl) return cx !== cy ? 4 : given ? 7 : 2; // pinyin against characters, or homophone characters (伟 / 纬)
  // a dropped given-name character (马云 / 马云飞) is as weak as a missing given name for the level
  if (cx && cy) {
    if (!given) return 0;
    if (x.includes(y) || y.includes(x)) return 6;
    return isTransposition(x, y) ? 2 : 0; // 伟霞 / 霞伟: two characters typed in the wrong order
  }
  // An English given name beside one in characters (David / 伟: David Zhang and 张伟) says nothing
  // of the Chinese one: as if missing, so a shared landline stays a household's, a mobile one person's.
  if (given && cx !== cy && !isPinyinWord(cx ? y : x)) return 1;
  if (given && !cx && !cy) {
    if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return 2; // an initial
    if (areNicknames(x, y)) return 2;
  }
  const a = cx ? xl : x;
  const b = cy ? yl : y;
  if (!a || !b) return 0;
  if (given && cx !== cy) {
    const cjk = cx ? x : y;
    const latin = cx ? b : a;
    // a dropped character in pinyin (`Cao Ying` / 曹桂英, `Jiang Shi` / 蒋丹诗), as 云 / 云飞
    if (cjk.length >= 2 && (latin === pinyinOfCode(cjk.charCodeAt(0)) || latin === pinyinOfCode(cjk.charCodeAt(cjk.length - 1)))) return 6;
  }
  if (jaroWinkler(a, b) < 0.88 - 1e-9) {
    if (!cx && !cy) return lettersClose(a, b) ? 8 : 0;
    // pinyin as a southern speaker says it (`Si` / 诗, shi; Jaro-Winkler 0.611): close, as
    // `Shuli` / 淑兰 is
    return given && cx !== cy && fuzzyPinyin(a) === fuzzyPinyin(b) ? 5 : 0;
  }
  // similar pinyin against characters (Shuli / 淑兰) is as weak for a given name as a homophone
  return given && cx !== cy ? 5 : 2;
}

/**
 * Pinyin with the sounds much of southern China does not tell apart brought to one form, as input
 * methods' fuzzy pinyin (模糊音) does: retroflex zh / ch / sh as z / c / s, and final ang / eng /
 * ing as an / en / in (`shi` / `si`, `cheng` / `cen`).
 */
function fuzzyPinyin(s: string): string {
  return s.replace(/([zcs])h/g, '$1').replace(/([aei])ng/g, '$1n');
}

/**
 * The same letters give or take one, in any order (`Jones` / `Jnos`, `Harry` / `aHry`), or one
 * letter typed for another (`Reed` / `Rted`): typing damage that Jaro-Winkler, which rewards
 * letters in place and long names, scores as different names. Four letters or more, so short
 * names (`Li` / `Il`) are not read as anagrams.
 */
function lettersClose(x: string, y: string): boolean {
  if (x.length < 4 || y.length < 4) return false;
  if (oneEditApart(x, y)) return true;
  const sx = [...x].sort().join('');
  const sy = [...y].sort().join('');
  return sx === sy || oneEditApart(sx, sy);
}

const isCjkName = (n: NameParts) => isCjk(n.family.charCodeAt(0)) || isCjk(n.given.charCodeAt(0));

// A run of two to five characters beside Latin letters: 张伟 in `张伟 David`, `David 张伟`, `张伟(David)`.
const CJK_RUN = /[\u3400-\u9fff]{2,5}/;
const LATIN_LETTER = /[A-Za-z]/;

/**
 * The name in characters of a display name that gives a Chinese name beside an English or pinyin
 * one (`张伟 David`, `David Zhang 张伟`, `张伟(David)`), as Chinese business contacts are often
 * written: the characters are the name; the Latin part is an alias. Other names are returned as
 * they are.
 */
export function chineseNameOf(displayName: string): string {
  if (!LATIN_LETTER.test(displayName)) return displayName;
  const m = CJK_RUN.exec(displayName);
  return m === null ? displayName : m[0];
}

/** Two characters of a given name in the other order (伟霞 / 霞伟). */
const isTransposition = (x: string, y: string) => x.length === 2 && y.length === 2 && x[0] === y[1] && x[1] === y[0];

// Name level from (family, given) agreement: 0 exact, 1 high, 2 medium, 3 disagree. A whole name
// in pinyin against the same name in characters (4, 4) is high: it is how the same person's name
// is written in two scripts, while two different homophone characters (2) are medium. A surname in
// pinyin with the given name missing or in English (David Zhang / 张伟: 4, 1) is medium, as 王先生
// against 王建国 (3, 1) is.
const LEVEL = [
  // given: 0  1  2  3  4
  [3, 3, 3, 3, 3], // family 0
  [3, 3, 3, 2, 3], // family 1 (missing)
  [3, 3, 2, 1, 2], // family 2 (similar)
  [3, 2, 1, 0, 1], // family 3 (equal)
  [3, 2, 2, 1, 1], // family 4 (pinyin against characters)
];

// Codes 5-8 read as 2, 1, 2 and 1 in the level table.
const AS_LEVEL_CODE = [0, 1, 2, 3, 4, 2, 1, 2, 1];
const levelOf = (f: number, g: number) => (LEVEL[AS_LEVEL_CODE[f] as number] as number[])[AS_LEVEL_CODE[g] as number] as number;

/** The result of comparing two person names. */
export interface NameComparison {
  /** 0 exact, 1 high, 2 medium, 3 disagree. */
  readonly level: number;
  /** Both given names are present and differ (a relative or colleague rather than the same person). */
  readonly givenDiffers: boolean;
  /**
   * The given name agrees only weakly: missing on a side (王先生), or close only in sound across
   * scripts (`Shuli` / 淑兰), so a shared landline or address may be a household's.
   */
  readonly givenPartial: boolean;
  /**
   * The given names are close but not equal in a way a relative's rarely is: one inside the other
   * (云 / 云飞, a dropped character) or homophone characters (燕 / 岩). Birth dates that disagree
   * make them a household's.
   */
  readonly givenClose: boolean;
  /** The given names are homophone characters (燕 / 岩, 子 / 梓): close, and also how relatives' names often sound. */
  readonly givenHomophone: boolean;
}

/** Compares two split names, trying given and family name swapped as well (`Zhang Wei` / `Wei Zhang`). */
export function comparePersonNames(a: NameParts, b: NameParts): NameComparison {
  const f = partAgreement(a.family, b.family, a.familyLatin, b.familyLatin, false);
  const g = partAgreement(a.given, b.given, a.givenLatin, b.givenLatin, true);
  let level = levelOf(f, g);
  let givenDiffers = g === 0;
  let givenPartial = g === 1 || g === 5 || g === 8;
  let givenClose = g === 6 || g === 7;
  let givenHomophone = g === 7;
  if (level > 0) {
    // One of the two is split the wrong way round. A name in characters is read surname first
    // with known surnames, a Latin one only by convention (`Wu Jingyi` read as given Wu): when one
    // side is in characters and the other is not, its parts keep their roles. A Latin name with one
    // part left out (`Noah` typed as the only name, `Thompson` in the first-name box) is compared
    // with either part of the other; a name in characters keeps its roles (王先生 is not 李王).
    // When both are in one script either may be the one split wrongly; both readings are tried and
    // the better kept (by a rule that does not depend on which record is a), so a pair scores the
    // same whichever way round it is compared.
    const cjkA = isCjkName(a);
    const cjkB = isCjkName(b);
    const latin = !cjkA && !cjkB;
    let best: readonly [number, number] | undefined;
    if (cjkA === cjkB || cjkA) best = swappedReading(a, b, latin); // b split wrongly
    if (cjkA === cjkB || cjkB) {
      const other = swappedReading(b, a, latin); // a split wrongly
      if (other && (!best || readingRank(other) < readingRank(best))) best = other;
    }
    if (best && levelOf(best[0], best[1]) < level) {
      const given = best[1];
      level = levelOf(best[0], given);
      givenDiffers = given === 0;
      givenPartial = given === 1 || given === 5 || given === 8;
      givenClose = given === 7;
      givenHomophone = given === 7;
    }
  }
  return { level, givenDiffers, givenPartial, givenClose, givenHomophone };
}

/**
 * The (family, given) agreement of `kept` with `swapped` read the other way round (its given name
 * as the family name), or undefined where that reading does not apply: a part missing on either
 * side swaps only for Latin names (a name in characters keeps its roles: 王先生 is not 李王).
 */
function swappedReading(kept: NameParts, swapped: NameParts, latin: boolean): readonly [number, number] | undefined {
  const family = partAgreement(kept.family, swapped.given, kept.familyLatin, swapped.givenLatin, false);
  const given = partAgreement(kept.given, swapped.family, kept.givenLatin, swapped.familyLatin, true);
  return (family !== 1 && given !== 1) || latin ? [family, given] : undefined;
}

// Agreement codes from strongest to weakest, to choose between two readings of equal level.
const CODE_STRENGTH = [3, 4, 2, 7, 5, 6, 8, 1, 0];
/** Orders readings: lower level first, then the stronger given name, then the stronger family name. */
const readingRank = ([family, given]: readonly [number, number]) =>
  levelOf(family, given) * 100 + CODE_STRENGTH.indexOf(given) * 10 + CODE_STRENGTH.indexOf(family);

/** The name columns of the feature table, read by index so scoring allocates nothing. */
export interface NameColumns {
  /** The whole name, normalised ({@link normalizeName} of the display name). */
  readonly name: Column<string>;
  readonly family: Column<string>;
  readonly given: Column<string>;
  readonly familyLatin: Column<string>;
  readonly givenLatin: Column<string>;
}

/**
 * Whether row `x`'s whole name in Latin letters is row `y`'s family and given name run together,
 * family first or last: `Wang Xiao Ming` and `Xiao Ming Wang` against 王小明 read out in pinyin,
 * where splitting the Latin name the Western way (given Wang, family Ming) loses the reading; and
 * `LiuPing` against `LIU Ping`, one name typed without its space, which splits into a family name
 * alone.
 */
function spelledOut(c: NameColumns, x: number, y: number): boolean {
  const whole = at(c.name, x);
  const fy = at(c.familyLatin, y);
  const gy = at(c.givenLatin, y);
  if (!whole || !fy || !gy || isCjk(whole.charCodeAt(0))) return false;
  return whole.length === fy.length + gy.length && (whole === fy + gy || whole === gy + fy);
}

/**
 * Whether rows a and b's given names could be one person's: equal, missing on a side, or any of
 * {@link partAgreement}'s kinds of damage (an initial, a nickname, a typo, a dropped, swapped or
 * homophone character, pinyin against characters); false only when they are different names.
 */
export function givenNamesAgree(c: Pick<NameColumns, 'given' | 'givenLatin'>, a: number, b: number): boolean {
  return partAgreement(at(c.given, a), at(c.given, b), at(c.givenLatin, a), at(c.givenLatin, b), true) !== 0;
}

/** {@link comparePersonNames} for rows a and b of the columns, packed as `level * 16 + (givenHomophone ? 8 : 0) + (givenClose ? 4 : 0) + (givenPartial ? 2 : 0) + (givenDiffers ? 1 : 0)`. */
export function personNameLevel(c: NameColumns, a: number, b: number): number {
  const r = comparePersonNames(
    { family: at(c.family, a), given: at(c.given, a), familyLatin: at(c.familyLatin, a), givenLatin: at(c.givenLatin, a) },
    { family: at(c.family, b), given: at(c.given, b), familyLatin: at(c.familyLatin, b), givenLatin: at(c.givenLatin, b) },
  );
  if (r.level > 1 && (spelledOut(c, a, b) || spelledOut(c, b, a))) return 16;
  return r.level * 16 + (r.givenHomophone ? 8 : 0) + (r.givenClose ? 4 : 0) + (r.givenPartial ? 2 : 0) + (r.givenDiffers ? 1 : 0);
}
