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
const BREAK = /[\s.,#/\\-]+/;
const HAS_LATIN = /[A-Za-z\uff21-\uff3a\uff41-\uff5a]/;

/**
 * The matching key of an address's street line: {@link normalizeName} after Latin words are
 * brought to one abbreviation (`30 East 61st Street` and `30 E. 61St` both read `30e61stst` and
 * `30e61st`, which then agree as a prefix in the comparison). Lines without Latin letters (most
 * Chinese addresses) go straight to normalizeName.
 */
export function normalizeStreet(line: string): string {
  if (!HAS_LATIN.test(line)) return normalizeName(line);
  let out = '';
  for (const token of line.split(BREAK)) {
    const key = normalizeName(token);
    out += WORDS[key] ?? key;
  }
  return out;
}
