import { normalizeName } from './similarity';

// Street designators, directions and unit words written out or abbreviated, mapped to one form:
// the USPS Publication 28 standard abbreviations (appendix C1 street suffixes, C2 secondary unit
// designators; directionals as in section 233), with the Australian and British suffixes FEBRL
// and UK records use (terrace, parade, crescent, close). `Saint` and `Street` both read `st`, as
// in USPS practice. Lower case, as after splitting.
const WORDS: Readonly<Record<string, string>> = {
  street: 'st', str: 'st', saint: 'st', avenue: 'ave', av: 'ave', avn: 'ave', road: 'rd', drive: 'dr', boulevard: 'blvd', boul: 'blvd',
  lane: 'ln', court: 'ct', place: 'pl', terrace: 'tce', highway: 'hwy', parkway: 'pkwy', square: 'sq', crescent: 'cres',
  circle: 'cir', parade: 'pde', close: 'cl', expressway: 'expy', freeway: 'fwy', mount: 'mt', fort: 'ft',
  north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne', northwest: 'nw', southeast: 'se', southwest: 'sw',
  apartment: 'apt', suite: 'ste', room: 'rm', floor: 'fl', building: 'bldg', department: 'dept', unit: 'unit',
};
/** A German street name's `-straße` / `-strasse` / `-str.` as `st` (`Goethestraße` / `Goethestr.`: `goethest`). */
function germanStreet(key: string): string {
  const m = /^(.{2,}?)(?:straße|strasse|str)$/.exec(key);
  return m ? `${m[1]}st` : key;
}

// Secondary unit designators (USPS Publication 28, appendix C2, as abbreviated above) and the
// British flat.
const UNITS: ReadonlySet<string> = new Set(['apt', 'ste', 'rm', 'fl', 'bldg', 'unit', 'flat', 'dept']);
const BREAK = /[\s.,#/\\-]+/;
const HAS_LATIN = /[A-Za-z\uff21-\uff3a\uff41-\uff5a]/;

/**
 * The matching key of an address's street line: {@link normalizeName} after Latin words are
 * brought to one abbreviation (`30 East 61st Street` and `30 E. 61St` both read `30e61stst` and
 * `30e61st`, which then agree as a prefix in the comparison; `Goethestraße` and `Goethestr.` read
 * `goethest`), with a unit written in front moved to the end. Lines without Latin letters (most
 * Chinese addresses) go through normalizeName and then have their numbers' Chinese numerals
 * written in digits ({@link arabicNumerals}).
 */
export function normalizeStreet(line: string): string {
  if (!HAS_LATIN.test(line)) return arabicNumerals(normalizeName(line));
  const keys = line.split(BREAK).map((token) => {
    const key = normalizeName(token);
    return WORDS[key] ?? germanStreet(key);
  });
  // A unit written before the street (`Ste 1600, 274 Elm Ln`, `Flat 3, 12 High Street`) goes after
  // it, where USPS puts it (`274 Elm Ln Ste 1600`): the street without its unit is then a prefix.
  if (keys.length > 3 && UNITS.has(keys[0] as string) && /^[0-9a-z]{1,6}$/.test(keys[1] as string)) keys.push(keys.shift() as string, keys.shift() as string);
  return keys.join('');
}

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const POWERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
// A run of numerals before a house, building, floor, unit or room word (or a road's: 中山三路), or
// ending the line (a room number, 2501); one inside a place name (四川, 三亚, 九江路) stays.
const NUMERALS = /[零〇一二两三四五六七八九十百千]+(?=[号楼层栋幢单室弄座路街巷]|$)/g;

/**
 * Chinese numerals of a street line's numbers written in Arabic digits, as the other record may
 * have them: digit by digit (二零六 = 206, 一〇一 = 101) or with powers of ten (二十六 = 26, 十六 =
 * 16, 一百零八 = 108), so `东风路二零六号八层` reads `东风路206号8层`. Only runs before a number's
 * word ({@link NUMERALS}): 四川省 keeps its characters, so a province written in front is still a
 * prefix without digits.
 */
function arabicNumerals(line: string): string {
  return line.replace(NUMERALS, (run) => {
    if (!/[十百千]/.test(run)) {
      let digits = '';
      for (const ch of run) digits += DIGITS[ch] as number;
      return digits;
    }
    let total = 0;
    let digit = 0;
    for (const ch of run) {
      const power = POWERS[ch];
      if (power === undefined) digit = DIGITS[ch] as number;
      else {
        total += (digit || 1) * power;
        digit = 0;
      }
    }
    return String(total + digit);
  });
}
