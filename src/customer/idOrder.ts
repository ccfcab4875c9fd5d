/**
 * Sorting customer codes by their ids as `[...ids].sort()` orders strings (by UTF-16 code units)
 * without a comparator call per comparison (internal). A comparator sort of 100,000 ids costs more
 * than summing a million transactions; here each id gets a numeric key from the 8 characters after
 * the prefix every id shares (7 bits a character), the codes are radix-sorted by key, and only
 * codes whose keys tie (ids equal in those 8 characters) are compared as strings.
 *
 * The key is monotone: id a < id b implies key(a) <= key(b). A character at or above 127 (not
 * ASCII, or DEL) becomes 127 and ends the key (later characters count 0), so ids that differ only
 * from there on tie and are compared in full; a shorter id pads with 0, below every character
 * that could follow, except U+0000, which ties and is compared in full as well.
 */

import { recycleScratch, scratchArray } from '../core/scratch/scratchArrays';

const KEY_CHARS = 4; // characters per 28-bit key word; two words (hi, lo)
const DIGIT_BITS = 14;
const DIGIT_MASK = (1 << DIGIT_BITS) - 1;

/** Length of the prefix all of `ids[codes[k]]` share. */
function sharedPrefix(ids: readonly string[], codes: Int32Array): number {
  const first = ids[codes[0] as number] as string;
  let n = first.length;
  for (let k = 1; k < codes.length && n > 0; k++) {
    const id = ids[codes[k] as number] as string;
    let i = 0;
    const m = Math.min(n, id.length);
    while (i < m && id.charCodeAt(i) === first.charCodeAt(i)) i++;
    n = i;
  }
  return n;
}

/**
 * Writes the key of `id` (characters `from`..`from + 7`) to `hi[k]` (the first four, 28 bits) and
 * `lo[k]` (the next four).
 */
function writeKey(id: string, from: number, hi: Uint32Array, lo: Uint32Array, k: number): void {
  let h = 0;
  let l = 0;
  let ended = false;
  for (let j = 0; j < 2 * KEY_CHARS; j++) {
    const i = from + j;
    let c = 0;
    if (!ended && i < id.length) {
      c = id.charCodeAt(i);
      if (c >= 127) {
        c = 127;
        ended = true;
      }
    }
    if (j < KEY_CHARS) h = h * 128 + c;
    else l = l * 128 + c;
  }
  hi[k] = h;
  lo[k] = l;
}

/** One stable counting-sort pass of `src` into `dst` by the 14-bit digit of `key` at `shift`. */
function pass(src: Int32Array, dst: Int32Array, key: Uint32Array, shift: number, count: Int32Array): void {
  count.fill(0);
  for (let k = 0; k < src.length; k++) {
    const d = ((key[src[k] as number] as number) >>> shift) & DIGIT_MASK;
    count[d] = (count[d] as number) + 1;
  }
  let sum = 0;
  for (let d = 0; d <= DIGIT_MASK; d++) {
    const c = count[d] as number;
    count[d] = sum;
    sum += c;
  }
  for (let k = 0; k < src.length; k++) {
    const at = src[k] as number;
    const d = ((key[at] as number) >>> shift) & DIGIT_MASK;
    const to = count[d] as number;
    count[d] = to + 1;
    dst[to] = at;
  }
}

/**
 * Sorts `codes` (distinct codes into `ids`, whose ids are distinct) in place so that their ids
 * ascend as `Array.prototype.sort()` orders strings.
 */
export function sortCodesById(ids: readonly string[], codes: Int32Array): void {
  const n = codes.length;
  if (n < 2) return;
  const from = sharedPrefix(ids, codes);
  // Keys indexed by position k in `codes`: hi and lo words.
  const hi = scratchArray(Uint32Array, n);
  const lo = scratchArray(Uint32Array, n);
  for (let k = 0; k < n; k++) writeKey(ids[codes[k] as number] as string, from, hi, lo, k);
  // LSD radix sort of the positions by (hi, lo): four stable passes of 14 bits.
  let a = scratchArray(Int32Array, n);
  for (let k = 0; k < n; k++) a[k] = k;
  let b = scratchArray(Int32Array, n);
  const count = new Int32Array(DIGIT_MASK + 1);
  for (const [key, shift] of [[lo, 0], [lo, DIGIT_BITS], [hi, 0], [hi, DIGIT_BITS]] as const) {
    pass(a, b, key, shift, count);
    [a, b] = [b, a];
  }
  // Runs of tied keys: compare the ids in full.
  const byId = (x: number, y: number) => ((ids[codes[x] as number] as string) < (ids[codes[y] as number] as string) ? -1 : 1);
  for (let s = 0; s < n; ) {
    const p = a[s] as number;
    let e = s + 1;
    while (e < n && hi[a[e] as number] === hi[p] && lo[a[e] as number] === lo[p]) e++;
    if (e - s > 1) a.subarray(s, e).sort(byId);
    s = e;
  }
  // b is free now: it holds the sorted codes before they are copied back.
  for (let k = 0; k < n; k++) b[k] = codes[a[k] as number] as number;
  codes.set(b);
  recycleScratch(hi, lo, a, b);
}
