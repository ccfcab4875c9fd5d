// Which pairs of a block are compared: the rules findDuplicates' blocking and the duplicate index
// share, so that index.match gives the pairs findDuplicates would.
import type { BlockingKey } from './blocking';
import { type Features, closePhones } from './features';
import { at } from './column';
import { contactAt } from './contactList';
import { givenNamesAgree } from './personName';

/** Records per block up to which every pair of a block is compared; bigger blocks use windows. */
export const DEFAULT_BLOCK_WINDOW = 20;

/**
 * The most records a `rareName` block may hold to be compared. A name held by a handful of records
 * in a data set is rare enough to pair on alone; a commoner one (王秀英, John Smith) pairs only
 * with something else shared, through the other keys, and its agreement weighs less
 * (`nameFrequency`).
 *
 * @example
 * ```ts
 * import { RARE_NAME_MAX_RECORDS } from 'crmkit/quality';
 * RARE_NAME_MAX_RECORDS;
 * //=> 5
 * ```
 */
export const RARE_NAME_MAX_RECORDS = 5;

/** The most records a block of the key may hold to be compared (more: skipped). @internal */
export const blockLimit = (key: BlockingKey | undefined, maxBlockSize: number): number =>
  key === 'rareName' ? Math.min(RARE_NAME_MAX_RECORDS, maxBlockSize) : maxBlockSize;

/** Whether records a and b have two numbers one digit apart (a number in common is the `phone` key's). */
const phonesNear: PairScreen = (f, a, b) => closePhones(at(f.phones, a), at(f.phones, b));

/** Whether a block of the key pairs records a and b (a cheap screen before scoring). */
export type PairScreen = (f: Features, a: number, b: number) => boolean;

/**
 * Whether a `nameLatin` block pairs records a and b: only when one name is written in Latin
 * letters. Two names in characters with the same pinyin (张伟, 章玮) are homophones, which the
 * other keys pair when anything else agrees; pairing all of them would flood the comparisons.
 */
export function pairsByLatin(f: Features, a: number, b: number): boolean {
  return at(f.name, a).charCodeAt(0) < 0x3400 || at(f.name, b).charCodeAt(0) < 0x3400;
}

/**
 * Whether a `nameLatin` block can pair anyone ({@link pairsByLatin}): only when one of its first
 * `size` members has a name in Latin letters. Most such blocks are homophones in characters, which
 * it would otherwise sort and pair only to screen every pair out.
 */
export function anyLatinName(f: Features, members: Int32Array, size: number): boolean {
  for (let k = 0; k < size; k++) if (at(f.name, members[k] as number).charCodeAt(0) < 0x3400) return true;
  return false;
}

/**
 * Whether the names of records a and b share all but one of the shorter name's characters, and at
 * least two (as a bag of characters, order ignored). A `postalCodeInitial` block holds everyone at
 * a postal code whose name starts with the same character, and it grows with the data; the key is
 * there for a typo, a dropped or swapped character after the first (邹真瑞 / 邹瑞真, 倪烨伟 / 倪伟,
 * `benjamincamens` / `benjamnicamens`), which keep the characters, not for 王芳 / 王建国; and for a
 * person whose given name is missing on a side (王先生 / 王建国), who always passes.
 */
export function namesOverlap(f: Features, a: number, b: number): boolean {
  if (at(f.kind, a) === 0 && at(f.kind, b) === 0 && (!at(f.given, a) || !at(f.given, b))) return true;
  let x = at(f.name, a);
  let y = at(f.name, b);
  // the first 32 characters of each (a bit each below), which keeps the screen symmetric
  let lx = Math.min(x.length, 32);
  let ly = Math.min(y.length, 32);
  if (lx > ly) [x, y, lx, ly] = [y, x, ly, lx];
  const need = Math.max(2, lx - 1);
  if (lx < need) return false;
  let used = 0;
  let common = 0;
  for (let i = 0; i < lx && common + (lx - i) >= need; i++) {
    const c = x.charCodeAt(i);
    for (let j = 0; j < ly; j++) {
      if ((used & (1 << j)) === 0 && y.charCodeAt(j) === c) {
        used |= 1 << j;
        common++;
        break;
      }
    }
  }
  return common >= need;
}

/**
 * The screen of a built-in key (undefined: every pair of its blocks is compared); the
 * `postalCodeInitial` screen only with `screenNames`.
 */
export function pairScreen(key: BlockingKey | undefined, screenNames = true): PairScreen | undefined {
  if (key === 'nameLatin') return pairsByLatin;
  // a `familyLocality` block holds everyone of a surname in a city: it is there for a given name
  // written another way (`Tom` / `Thomas`, 伟霞 / 霞伟, one missing), not for 王芳 / 王建国
  if (key === 'familyLocality') return givenNamesAgree;
  if (key === 'postalCodeInitial' && screenNames) return namesOverlap;
  // a familyPhoneHalf block holds everyone of a family name whose numbers share half their
  // digits: it is there for a number with one digit typed wrong, not for the rest
  if (key === 'familyPhoneHalf') return phonesNear;
  return undefined;
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Name first: blocks whose members' names differ (phone, postal code and initial, birth date). */
const byName = (f: Features, a: number, b: number) =>
  cmp(at(f.name, a), at(f.name, b)) ||
  cmp(at(f.birthDate, a), at(f.birthDate, b)) ||
  cmp(contactAt(at(f.phones, a), 0), contactAt(at(f.phones, b), 0)) ||
  cmp(at(f.ids, a), at(f.ids, b));

/** Birth date and phone first: blocks whose members share the name. */
const byBirthDate = (f: Features, a: number, b: number) =>
  cmp(at(f.birthDate, a), at(f.birthDate, b)) ||
  cmp(contactAt(at(f.phones, a), 0), contactAt(at(f.phones, b), 0)) ||
  cmp(at(f.name, a), at(f.name, b)) ||
  cmp(at(f.ids, a), at(f.ids, b));

/**
 * The order of a block too big to compare every pair of (sorted neighbourhood, Hernández and
 * Stolfo 1995): records that sort near each other are compared. A total order (ids are unique),
 * so the window of a record does not depend on where it sits in the input.
 */
export function windowOrder(key: BlockingKey | undefined): (f: Features, a: number, b: number) => number {
  return key === 'namePostalCode' || key === 'nameBirthDate' || key === 'nameLatin' || key === 'nameLocality' ? byBirthDate : byName;
}
