import type { Customer } from '../../customer/customer';
import { DEFAULT_BLOCK_WINDOW, type PairScreen, anyLatinName, blockLimit, pairScreen, windowOrder } from './blockRules';
import { type Features, isNationalEntry } from './features';
import { type Column, at } from './column';
import { contactAt, contactCount } from './contactList';
import { FNV_OFFSET, fieldHash, fnv, fnv2, mixHashes } from './keyHash';
import { BUCKET_SORT_MIN, sortPacked } from './sortPacked';

/**
 * The built-in blocking keys: records are only compared when they share at least one key, which
 * keeps duplicate detection near-linear instead of comparing every pair.
 *
 * - `phone`: a normalised (E.164) phone number
 * - `familyPhoneHalf`: the family name (the name's first character when there is none, as for an
 *   organisation) with either half of a phone number's digits, pairing only numbers one digit or
 *   one swap of neighbouring digits apart (equal ones are the `phone` key's): a number typed wrong
 *   (13810998068 / 13810995068) still pairs the records of one family name
 * - `email`: a normalised email address
 * - `social`: a social or IM handle on its network (a WeChat id, a QQ number)
 * - `uscc`: a valid Unified Social Credit Code
 * - `residentId`: a valid resident identity number
 * - `namePostalCode`: the normalised name and the first address's postal code
 * - `postalCodeInitial`: the postal code and the first character of the normalised name (catches
 *   typos after the first character when phone and email changed)
 * - `nameBirthDate`: the normalised name and the birth date
 * - `rareName`: the normalised name alone, for a name held by at most
 *   {@link RARE_NAME_MAX_RECORDS} records (邓宏锦 written with two mobiles and nothing else in
 *   common); a commoner name's block is left to the keys above and is not counted as skipped
 * - `nameLatin`: family and given name in Latin letters, in either order (`Zhang Wei`, `Wei Zhang`
 *   and `张伟` share it; so do `WALKER, Sandra` and `Sandra Walker`); pairs only where at least one
 *   of the two names is written in Latin letters
 * - `familyBirthDate`, `givenBirthDate`: the family (or given) name and the birth date
 * - `birthDatePostalCode`: the birth date and the postal code
 * - `streetPostalCode`: the street line and the postal code
 * - `streetLocality`, `nameLocality`: the street line, or the name, and the city (the district when
 *   there is no city) of the first address: addresses typed without a postal code
 * - `familyLocality`: the family name and that city (or district), pairing only given names that
 *   could be one person's (`Tom` / `Thomas`, an initial, 伟霞 / 霞伟, one missing; not 王芳 /
 *   王建国): a given name written another way with no birth date or postal code to pair on; a
 *   common surname in a large city makes a block over `maxBlockSize`, which is skipped
 * - `identifier`: each identifier attribute declared in `identifiers`
 *
 * @example
 * ```ts
 * import { BLOCKING_KEYS } from 'crmkit/quality';
 * BLOCKING_KEYS.includes('phone');
 * //=> true
 * ```
 */
export const BLOCKING_KEYS = [
  'phone',
  'familyPhoneHalf',
  'email',
  'social',
  'uscc',
  'residentId',
  'namePostalCode',
  'postalCodeInitial',
  'nameBirthDate',
  'rareName',
  'nameLatin',
  'familyBirthDate',
  'givenBirthDate',
  'birthDatePostalCode',
  'streetPostalCode',
  'streetLocality',
  'nameLocality',
  'familyLocality',
  'identifier',
] as const;

/**
 * A key in {@link BLOCKING_KEYS}.
 *
 * @example
 * ```ts
 * const key: BlockingKey = 'namePostalCode';
 * ```
 */
export type BlockingKey = (typeof BLOCKING_KEYS)[number];

/**
 * An adopter-defined blocking key: returns the key(s) of a customer, or undefined for none. Records
 * sharing a key are compared. It is called once per record, as the record is read (a value that is
 * neither a string nor an array gives no key; so do the items of an array that are not strings).
 *
 * @example
 * ```ts
 * const byMemberCard: CustomBlockingKey = (c) => c.externalIds['loyalty'];
 * ```
 */
export type CustomBlockingKey = (customer: Customer) => string | readonly string[] | undefined;

/** The city of a record's first address, or its district when there is no city ('' when neither). */
const locality = (f: Features, i: number) => at(f.city, i) || at(f.district, i);

/** Emits the key of two fields when both are present (a field hash is 0 only when missing). */
function two(x: number, y: number, emit: (hash: number) => void): void {
  if (x !== 0 && y !== 0) emit(mixHashes(x, y));
}

/**
 * Calls `emit` with the 32-bit hash of each built-in key value of record i. Keys of two fields mix
 * the field hashes computed once at extraction ({@link Features}), so blocking reads flat integer
 * columns instead of the strings, which lie all over a large heap.
 */
export function builtInKeys(key: BlockingKey, f: Features, i: number, emit: (hash: number) => void): void {
  switch (key) {
    case 'phone': {
      // a number with a national number is keyed on it (its digits), so its forms meet
      const list = at(f.phones, i);
      const count = contactCount(list);
      for (let k = 0; k < count; k++) {
        const v = contactAt(list, k);
        if (isNationalEntry(v)) emit(fnv(v, FNV_OFFSET, 1));
        else if (k + 1 === count || !isNationalEntry(contactAt(list, k + 1))) emit(fnv(v, FNV_OFFSET));
      }
      return;
    }
    case 'familyPhoneHalf': {
      const who = (f.familyHash[i] as number) || (f.initialHash[i] as number);
      if (who === 0) return;
      const list = at(f.phones, i);
      const count = contactCount(list);
      for (let k = 0; k < count; k++) {
        const v = contactAt(list, k);
        // the number as the `phone` key reads it: its national number when it has one
        if (!isNationalEntry(v) && k + 1 < count && isNationalEntry(contactAt(list, k + 1))) continue;
        phoneHalves(v, who, emit);
      }
      return;
    }
    case 'email':
    case 'social': {
      const list = key === 'email' ? at(f.emails, i) : at(f.socials, i);
      for (let k = 0; k < contactCount(list); k++) emit(fnv(contactAt(list, k), FNV_OFFSET));
      return;
    }
    case 'uscc':
      if (at(f.uscc, i)) emit(fnv(at(f.uscc, i), FNV_OFFSET));
      return;
    case 'residentId':
      if (at(f.residentId, i)) emit(fnv(at(f.residentId, i), FNV_OFFSET));
      return;
    case 'namePostalCode':
      return two(f.nameHash[i] as number, f.postalHash[i] as number, emit);
    case 'postalCodeInitial':
      return two(f.postalHash[i] as number, f.initialHash[i] as number, emit);
    case 'nameBirthDate':
      return two(f.nameHash[i] as number, f.birthHash[i] as number, emit);
    case 'rareName':
      if (f.nameHash[i]) emit(f.nameHash[i] as number);
      return;
    case 'nameLatin':
      if (f.latinHash[i]) emit(f.latinHash[i] as number);
      return;
    case 'familyBirthDate':
      return two(f.familyHash[i] as number, f.birthHash[i] as number, emit);
    case 'givenBirthDate':
      return two(f.givenHash[i] as number, f.birthHash[i] as number, emit);
    case 'birthDatePostalCode':
      return two(f.birthHash[i] as number, f.postalHash[i] as number, emit);
    case 'streetPostalCode':
      return two(f.streetHash[i] as number, f.postalHash[i] as number, emit);
    case 'streetLocality':
      if (f.streetHash[i]) two(f.streetHash[i] as number, fieldHash(locality(f, i)), emit);
      return;
    case 'nameLocality':
      if (f.nameHash[i]) two(f.nameHash[i] as number, fieldHash(locality(f, i)), emit);
      return;
    case 'familyLocality':
      if (f.familyHash[i]) two(f.familyHash[i] as number, fieldHash(locality(f, i)), emit);
      return;
    case 'identifier':
      for (let k = 0; k < f.identifiers.length; k++) {
        const v = at(f.identifiers[k] as Column<string>, i);
        if (v) emit(fnv2(f.identifierKeys[k] as string, v));
      }
      return;
  }
}

/** Phone entries (a `+`, `#` or `%` and the digits) shorter than this many digits give no halves. */
const PHONE_HALF_MIN_DIGITS = 7;

/**
 * Calls `emit` with the hashes of the two halves of a phone entry's number (its form, E.164 or
 * national, and the first half of the digits; the form and the second half), each with the
 * entry's length and mixed with `who`, the family name's hash: two numbers of one form and length
 * that differ in one digit share one of them.
 * The digits are the national number's: a mainland mobile, the one number kept only in E.164, is
 * read after its +86, so its first half is 138109 of 13810998068, not +86 138 that millions share.
 */
function phoneHalves(v: string, who: number, emit: (hash: number) => void): void {
  const from = v.startsWith('+861') ? 3 : 1;
  const digits = v.length - from;
  if (digits < PHONE_HALF_MIN_DIGITS) return;
  const middle = from + Math.ceil(digits / 2);
  // national numbers meet however each was written (with or without the country code), as
  // phonesClose reads them
  const mark = isNationalEntry(v) ? 0x23 : v.charCodeAt(0);
  const start = Math.imul(Math.imul(FNV_OFFSET ^ v.length, 0x01000193) ^ mark, 0x01000193);
  emit(mixHashes(who, fnv(v, start, from, middle)));
  emit(mixHashes(who, fnv(v, Math.imul(start ^ 0x2f, 0x01000193), middle)));
}

/** What blocking produced: distinct candidate pairs as `a * n + b` codes (a < b), ascending, and the blocks skipped. */
export interface CandidatePairs {
  readonly codes: Float64Array;
  readonly skippedBlocks: number;
}

/** A float64 list that grows by doubling. */
class Float64List {
  data: Float64Array;
  length = 0;

  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, capacity));
  }

  push(x: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
  }
}

/**
 * Builds blocks one key at a time and collects the distinct pairs of records sharing a block.
 * Keys are hashed (FNV-1a) and packed with the record index into one float64 (hash in the high
 * bits, index in the low bits), so a block is a run of equal hashes once sorted (`sortPacked`):
 * no key strings and no per-record objects are allocated. Pairs are packed the same way (`a * n +
 * b`), collected in a float64 list, sorted and made distinct at the end: no set of pairs. A hash
 * collision merges two blocks: it adds candidate pairs, which scoring then rejects, and can only
 * hide one when the merged block grows past `window` or `maxBlockSize` (one in 4 billion). Blocks
 * larger than `maxBlockSize` are skipped and counted: a key shared by hundreds of records (a
 * switchboard number, `test@test.com`) is not evidence of identity. Blocks larger than `window`
 * compare each record with its `window - 1` neighbours in {@link windowOrder} (sorted
 * neighbourhood), so the comparisons grow with the records, not with the square of the block
 * sizes; `nameLatin` pairs, and with `screenNames` (findDuplicates and the index) also
 * `postalCodeInitial` pairs, pass their {@link pairScreen} first. Parameter estimation leaves
 * `screenNames` off: the pairs the screen drops are non-matches that tell it what `u` is.
 */
export function candidatePairs(
  f: Features,
  keys: readonly BlockingKey[],
  maxBlockSize: number,
  window = DEFAULT_BLOCK_WINDOW,
  screenNames = false,
): CandidatePairs {
  const n = f.count;
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  // 32 hash bits up to 2^20 records, the same keys the duplicate index uses, so both see the same blocks.
  const hashBits = Math.min(32, 52 - indexBits);
  const indexScale = 2 ** indexBits;
  const hashShift = 32 - hashBits;
  const pairs = new Float64List(n);
  let skippedBlocks = 0;
  const packed = new Float64List(n);
  let current = 0;
  const emit = (hash: number) => packed.push((hash >>> hashShift) * indexScale + current);
  const block = new Int32Array(maxBlockSize);
  // the bucket sort's output and table, made once for all keys when one key has enough values
  let scratch: Float64Array | undefined;
  let counts: Int32Array | undefined;
  for (let source = 0; source < keys.length + f.customHashes.length; source++) {
    const key = source < keys.length ? keys[source] : undefined;
    const screen = pairScreen(key, screenNames);
    const order = windowOrder(key);
    const byOrder = (a: number, b: number) => order(f, a, b);
    const limit = blockLimit(key, maxBlockSize);
    packed.length = 0;
    if (key !== undefined) for (current = 0; current < n; current++) builtInKeys(key, f, current, emit);
    else {
      // a custom key's hashes, computed at extraction (row, hash pairs)
      const list = f.customHashes[source - keys.length] as number[];
      for (let k = 0; k < list.length; k += 2) {
        current = list[k] as number;
        emit(list[k + 1] as number);
      }
    }
    const count = packed.length;
    let sorted: Float64Array;
    if (count < BUCKET_SORT_MIN) sorted = packed.data.subarray(0, count).sort();
    else {
      if (scratch === undefined || scratch.length < count) scratch = new Float64Array(packed.data.length);
      sorted = sortPacked(packed.data, count, indexScale, hashBits, scratch, (counts ??= new Int32Array(BUCKET_SORT_MIN + 1)));
    }
    for (let start = 0; start < count; ) {
      const hash = Math.floor((sorted[start] as number) / indexScale);
      const next = (hash + 1) * indexScale; // the first packed value of the next hash (exact: below 2^53)
      let end = start + 1;
      while (end < count && (sorted[end] as number) < next) end++;
      if (end - start > 1) {
        // members ascending (sorted with the hash), a record with the same key twice kept once
        let size = 0;
        let last = -1;
        for (let k = start; k < end; k++) {
          const i = (sorted[k] as number) - hash * indexScale;
          if (i === last) continue;
          last = i;
          if (size < limit) block[size] = i;
          size++;
        }
        // a name held by more records than rareName's limit is not rare: not a skipped block
        if (size > limit) skippedBlocks += key === 'rareName' ? 0 : 1;
        // a nameLatin block of names in characters only pairs nobody: skipped before its sort
        else if (key !== 'nameLatin' || anyLatinName(f, block, size)) {
          if (size <= window) allPairs(block, size, screen);
          else windowPairs(block.subarray(0, size).sort(byOrder), screen);
        }
      }
      start = end;
    }
  }
  return { codes: distinctCodes(pairs.data.subarray(0, pairs.length), n, scratch), skippedBlocks };

  function allPairs(members: Int32Array, size: number, screen: PairScreen | undefined): void {
    for (let x = 0; x < size; x++) {
      const a = members[x] as number;
      for (let y = x + 1; y < size; y++) push(a, members[y] as number, screen);
    }
  }

  function windowPairs(members: Int32Array, screen: PairScreen | undefined): void {
    for (let x = 0; x < members.length; x++) {
      const a = members[x] as number;
      const last = Math.min(members.length, x + window);
      for (let y = x + 1; y < last; y++) push(a, members[y] as number, screen);
    }
  }

  function push(a: number, b: number, screen: PairScreen | undefined): void {
    if (screen && !screen(f, a, b)) return;
    pairs.push(a < b ? a * n + b : b * n + a);
  }
}

/**
 * The distinct pair codes (`a * n + b`, b < n) of `codes`, ascending, in a new array sized to them
 * (so the list's spare room is freed); `codes` is reordered. A code is a packed key (a) and index
 * (b), so a large list is sorted by buckets ({@link sortPacked}) into `scratch` when it is big
 * enough (else a new array), a small one by the native sort.
 * @internal
 */
export function distinctCodes(codes: Float64Array, n: number, scratch?: Float64Array): Float64Array {
  let sorted = codes;
  if (codes.length < BUCKET_SORT_MIN) codes.sort();
  else {
    const out = scratch !== undefined && scratch.length >= codes.length ? scratch : new Float64Array(codes.length);
    const keyBits = Math.max(16, Math.ceil(Math.log2(n + 1)));
    sorted = sortPacked(codes, codes.length, n, keyBits, out, new Int32Array(BUCKET_SORT_MIN + 1));
  }
  return distinctOfSorted(sorted);
}

/** The distinct values of ascending `codes` (compacted in place, then copied). */
function distinctOfSorted(codes: Float64Array): Float64Array {
  let kept = 0;
  for (let k = 0; k < codes.length; k++) {
    if (k === 0 || codes[k] !== codes[kept - 1]) codes[kept++] = codes[k] as number;
  }
  return codes.slice(0, kept);
}
