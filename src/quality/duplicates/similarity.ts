import { toSimplifiedCode } from './nameTables';
import { requireString } from '../../core/guards';
import { requirePrefixScale } from './guards';

// Separators people type inside names: white space (as in a regular expression's \s), middle dots of
// transliterated names (·, ・, •, ‧, ∙, ·), hyphens, underscores, commas, apostrophes and full stops.
const SEPARATORS = /* @__PURE__ */ (() => new Set<number>([
  ...[0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff],
  ...Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  ...[0xb7, 0x30fb, 0x2022, 0x2027, 0x2219, 0x387],
  ...[...".-_,'\u2019"].map((c) => c.charCodeAt(0)),
]))();

/**
 * Normalises a person's or organisation's name for matching: half-width forms, lower case,
 * separators removed (spaces, middle dots such as `·` in 阿卜杜拉·买买提, hyphens, full stops), and
 * traditional characters anywhere in the name mapped to simplified with OpenCC's character table
 * (陳 → 陈, 國 → 国). Pinyin is compared with characters by {@link findDuplicates}, not here.
 *
 * @param name - a name as typed
 * @returns the matching key of the name
 *
 * @example
 * ```ts
 * import { normalizeName } from 'crmkit/quality';
 * normalizeName(' 陳 曉明 ');
 * //=> '陈晓明'
 * normalizeName('Li　Lei');
 * //=> 'lilei'
 * normalizeName('阿卜杜拉·买买提');
 * //=> '阿卜杜拉买买提'
 * ```
 */
export function normalizeName(name: string): string {
  // One pass over UTF-16 units into a reused buffer, no regular expressions and no string
  // concatenation: this runs several times per record per search.
  if (typeof name !== 'string') return '';
  if (name.length > buffer.length) buffer = new Uint16Array(name.length * 2);
  let n = 0;
  let unchanged = true;
  for (let i = 0; i < name.length; i++) {
    const original = name.charCodeAt(i);
    let c = original;
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    if (c <= 0x20 || SEPARATORS.has(c)) {
      unchanged = false;
      continue;
    }
    if (c < 0x80) {
      if (c >= 65 && c <= 90) c += 32;
    } else if (c >= 0x3400 && c <= 0x9fff) {
      c = toSimplifiedCode(c);
    } else {
      const lower = String.fromCharCode(c).toLowerCase();
      c = lower.length === 1 ? lower.charCodeAt(0) : c;
    }
    if (c !== original) unchanged = false;
    buffer[n++] = c;
  }
  if (unchanged) return name;
  let out = '';
  for (let i = 0; i < n; i += 4096) out += String.fromCharCode.apply(null, buffer.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
  return out;
}

let buffer = new Uint16Array(256);

// Legal forms, longest first, as they read after normalizeName (spaces and full stops removed).
const LEGAL_FORMS = [
  '集团股份有限公司', '集团有限公司', '股份有限公司', '有限责任公司', '有限公司', '股份公司', '集团', '公司',
  'incorporated', 'corporation', 'company', 'limited', 'colimited', 'coltd', 'ltd', 'inc', 'llc', 'gmbh', 'corp', 'plc', 'pty', 'co',
];
// Provinces and large cities that registration names put in front of (or in brackets inside) a
// company name: 杭州某某科技有限公司 and 某某科技有限公司 are the same company.
const PLACES = (
  '北京 上海 天津 重庆 广州 深圳 杭州 南京 苏州 成都 武汉 西安 长沙 郑州 青岛 济南 厦门 福州 宁波 合肥 沈阳 大连 哈尔滨 长春 ' +
  '石家庄 太原 昆明 贵阳 南宁 南昌 兰州 乌鲁木齐 呼和浩特 银川 西宁 拉萨 海口 三亚 无锡 常州 佛山 东莞 珠海 温州 绍兴 嘉兴 台州 ' +
  '金华 泉州 烟台 潍坊 徐州 扬州 南通 唐山 保定 洛阳 中山 惠州 广东 浙江 江苏 山东 河南 河北 湖南 湖北 四川 福建 安徽 辽宁 ' +
  '吉林 黑龙江 山西 陕西 甘肃 云南 贵州 广西 江西 海南 内蒙古 新疆 西藏 宁夏 青海 香港 澳门 台湾 中国'
).split(' ');
const PLACE_PREFIX = new RegExp(`^(?:${PLACES.join('|')})(?:省|市|自治区)?`);
const PLACE_IN_BRACKETS = new RegExp(`[(（[【〔](?:${PLACES.join('|')})(?:省|市|自治区)?[)）\\]】〕]`, 'g');

/**
 * Normalises an organisation's name for matching: {@link normalizeName}; a province or large city
 * in front or in brackets dropped (`杭州某某科技有限公司` and `某某科技有限公司` agree, and so do
 * `华为技术（深圳）有限公司` and `华为技术有限公司`); other brackets removed; and legal forms at the end
 * dropped, written out or abbreviated (有限公司, 有限责任公司, 股份有限公司, 集团, Incorporated/Inc.,
 * Limited/Ltd, Co., LLC, GmbH, Corporation/Corp.).
 *
 * @param name - a legal or trading name as typed
 * @returns the matching key of the name
 *
 * @example
 * ```ts
 * import { normalizeOrganizationName } from 'crmkit/quality';
 * normalizeOrganizationName('北京 星河科技（集团）股份有限公司');
 * //=> '星河科技'
 * normalizeOrganizationName('Acme Trading Co., Ltd.') === normalizeOrganizationName('ACME Trading Limited');
 * //=> true
 * normalizeOrganizationName('杭州某某科技有限公司') === normalizeOrganizationName('某某科技有限责任公司');
 * //=> true
 * ```
 */
export function normalizeOrganizationName(name: string): string {
  requireString(name, 'name');
  let s = normalizeName(name.replace(PLACE_IN_BRACKETS, ''));
  s = s.replace(/[()[\]（）【】〔〕]/g, '');
  for (let round = 0; round < 3; round++) {
    const before = s;
    for (const form of LEGAL_FORMS) {
      if (s.length > form.length && s.endsWith(form)) {
        s = s.slice(0, -form.length);
        break;
      }
    }
    if (s === before) break;
  }
  const stripped = s.replace(PLACE_PREFIX, '');
  return stripped.length >= 2 ? stripped : s;
}

// A branch at the end of a Chinese organisation's name, after the parent's legal form or trade
// (某某科技有限公司杭州分公司, 某某银行西湖支行): the parent is group 1, the branch group 2.
const CN_BRANCH = /^(.*(?:有限责任公司|股份有限公司|有限公司|公司|集团|银行))\s*[(（]?([^()（）]{1,16}?(?:分公司|分店|分行|支行|营业部|办事处|分部|分厂|门店|分校|分院|分中心))[)）]?$/;
// A branch after a spaced dash, a comma or in brackets, ending in a word that says so
// (`Beacon Engineering Co. - Denver Office`, `Acme Ltd (Leeds Branch)`). A dash alone names no
// site: `Easter Seals - Gilchrist Marchman` is how one register writes the same centre another
// writes without the dash.
const EN_BRANCH = /^(.+)\s*(?:\s[-\u2013\u2014]\s|,\s*|\()\s*([^()]*?\b(?:office|branch|division|plant|store|campus))\)?$/i;

const SITE_TAIL = 96;
const HEAD_OFFICE = /(?:(?:head|main|registered)(?:office|campus|branch)|headquarters|总部|总公司)$/;

/**
 * An organisation's name split into the organisation and its site (internal): a Chinese branch
 * (`某某科技有限公司杭州分公司` is 某某科技有限公司 and 杭州分公司) or an English one
 * (`Beacon Engineering Co. - Denver Office`). The site is normalised ({@link normalizeName}), ''
 * when the name names none.
 */
export function organizationSite(name: string): { readonly name: string; readonly site: string } {
  const text = name.trim();
  // a site closes the name: only its last SITE_TAIL characters are read, so the patterns'
  // backtracking stays bounded however long the name (a megabyte of `a, a, ...`)
  const head = text.length > SITE_TAIL ? text.slice(0, text.length - SITE_TAIL) : '';
  const tail = text.slice(head.length);
  const m = CN_BRANCH.exec(tail) ?? EN_BRANCH.exec(tail);
  if (m === null) return { name, site: '' };
  const site = normalizeName(m[2] as string);
  const parent = (head + (m[1] as string)).trimEnd();
  // the head office is the organisation itself; a name that repeats its site names none (`Dorothy Sutton Branch - Dorothy Sutton Branch`)
  if (site === '' || HEAD_OFFICE.test(site) || normalizeName(parent).includes(site)) return { name, site: '' };
  return { name: parent, site };
}

// Flags of the strings up to SHARED_FLAGS units, reused between calls; longer ones get their own.
const SHARED_FLAGS = 4096;
const sharedFlagsA = new Uint8Array(SHARED_FLAGS);
const sharedFlagsB = new Uint8Array(SHARED_FLAGS);

/** Window scans above which {@link jaro} matches through sorted positions instead (names, emails and street lines stay below). */
const LONG_SCAN = 16_384;

/**
 * Jaro's matching step as defined: each unit of `a` in turn takes the first unflagged equal unit of
 * `b` within `window` of its position. Flags both (zeroed flags in, one per unit); returns the number of matches.
 */
function flagMatchesScan(a: string, b: string, window: number, flagsA: Uint8Array, flagsB: Uint8Array): number {
  const la = a.length;
  const lb = b.length;
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  return matches;
}

/**
 * The same matching as {@link flagMatchesScan} without scanning windows: `b`'s positions sorted by
 * unit, then position, and one cursor per unit. A position of unit c is flagged only by an earlier
 * unit c of `a`, which took the first usable one, and window starts never move left; so the
 * positions before a unit's cursor are flagged or left of every later window, those from it on are
 * unflagged, and the first usable one is the cursor's once those left of the window are passed.
 */
function flagMatchesSorted(a: string, b: string, window: number, flagsA: Uint8Array, flagsB: Uint8Array): number {
  const lb = b.length;
  // position j packed as unit * 2^32 + j: exact in a float64, and sorted by unit, then position
  const keys = new Float64Array(lb);
  for (let j = 0; j < lb; j++) keys[j] = b.charCodeAt(j) * 4294967296 + j;
  keys.sort();
  // cursor[unit] = index in keys of that unit's next unused position, end[unit] its run's end
  const cursor = new Map<number, number>();
  const end = new Map<number, number>();
  for (let k = 0; k < lb; ) {
    const unit = Math.floor((keys[k] as number) / 4294967296);
    let e = k + 1;
    while (e < lb && Math.floor((keys[e] as number) / 4294967296) === unit) e++;
    cursor.set(unit, k);
    end.set(unit, e);
    k = e;
  }
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    let k = cursor.get(c);
    if (k === undefined) continue;
    const e = end.get(c) as number;
    const base = c * 4294967296;
    const lo = i - window;
    while (k < e && (keys[k] as number) - base < lo) k++;
    if (k < e && (keys[k] as number) - base <= i + window) {
      flagsA[i] = 1;
      flagsB[(keys[k] as number) - base] = 1;
      matches++;
      k++;
    }
    cursor.set(c, k);
  }
  return matches;
}

/**
 * The Jaro similarity of two strings, in [0, 1], comparing UTF-16 code units (every common CJK
 * character is one unit). Winkler, W. E. (1990), "String Comparator Metrics and Enhanced Decision
 * Rules in the Fellegi-Sunter Model of Record Linkage", Proceedings of the Section on Survey
 * Research Methods, American Statistical Association, pp. 354-359.
 *
 * Time grows with the product of the lengths for short strings and linearly (with a sort of the
 * second string's units) for long ones, with the same result: a street line or a note of a million
 * characters is compared in milliseconds, not hours.
 *
 * @param a - first string
 * @param b - second string
 * @returns 1 for equal strings, 0 when nothing matches (two empty strings score 1)
 *
 * @example
 * ```ts
 * import { jaro } from 'crmkit/quality';
 * Math.round(jaro('MARTHA', 'MARHTA') * 10000) / 10000;
 * //=> 0.9444
 * ```
 */
export function jaro(a: string, b: string): number {
  requireString(a, 'a');
  requireString(b, 'b');
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const flagsA = la <= SHARED_FLAGS ? sharedFlagsA.fill(0, 0, la) : new Uint8Array(la);
  const flagsB = lb <= SHARED_FLAGS ? sharedFlagsB.fill(0, 0, lb) : new Uint8Array(lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  const scans = la * Math.min(lb, 2 * window + 1);
  const matches = scans > LONG_SCAN ? flagMatchesSorted(a, b, window, flagsA, flagsB) : flagMatchesScan(a, b, window, flagsA, flagsB);
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const m = matches;
  return (m / la + m / lb + (m - transpositions / 2) / m) / 3;
}

/**
 * The Jaro-Winkler similarity: Jaro boosted by a shared prefix of up to four units,
 * `jw = j + l * p * (1 - j)` (Winkler 1990; see {@link jaro}).
 *
 * @param a - first string
 * @param b - second string
 * @param prefixScale - `p`, default 0.1; values outside [0, 0.25] are clamped so the result stays in [0, 1]
 * @returns the similarity in [0, 1]
 *
 * @example
 * ```ts
 * import { jaroWinkler } from 'crmkit/quality';
 * Math.round(jaroWinkler('MARTHA', 'MARHTA') * 10000) / 10000;
 * //=> 0.9611
 * Math.round(jaroWinkler('DIXON', 'DICKSONX') * 10000) / 10000;
 * //=> 0.8133
 * ```
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  requirePrefixScale(prefixScale);
  requireString(a, 'a');
  requireString(b, 'b');
  const j = jaro(a, b);
  if (j === 1 || j === 0) return j;
  const p = Math.min(0.25, Math.max(0, prefixScale));
  const max = Math.min(4, a.length, b.length);
  let l = 0;
  while (l < max && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return j + l * p * (1 - j);
}

/** Whether two strings of digits or letters are one substitution, adjacent swap, insertion or deletion apart. */
export function oneEditApart(x: string, y: string): boolean {
  const lx = x.length;
  const ly = y.length;
  if (Math.abs(lx - ly) > 1 || x === y) return false;
  let i = 0;
  while (i < lx && i < ly && x.charCodeAt(i) === y.charCodeAt(i)) i++;
  if (lx === ly) {
    if (x.slice(i + 1) === y.slice(i + 1)) return true;
    return x[i] === y[i + 1] && x[i + 1] === y[i] && x.slice(i + 2) === y.slice(i + 2);
  }
  return lx > ly ? x.slice(i + 1) === y.slice(i) : x.slice(i) === y.slice(i + 1);
}
