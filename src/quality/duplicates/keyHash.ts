// 32-bit hashes of blocking key values: FNV-1a over UTF-16 units, and a mix of two field hashes.

export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over the UTF-16 units of `s` from `start` up to `end`, continuing from `h` (32-bit). */
export function fnv(s: string, h: number, start = 0, end = s.length): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

/** Hash of a two-part key `a` + separator + `b`, without building the string. */
export const fnv2 = (a: string, b: string) => fnv(b, Math.imul(fnv(a, FNV_OFFSET) ^ 0xffff, 0x01000193));

/** A field's hash as a signed 32-bit integer (a small integer to V8), never 0; 0 when the field is missing. */
export const fieldHash = (s: string): number => (s ? fnv(s, FNV_OFFSET) | 0 || 1 : 0);

/**
 * The hash of a key made of two fields, from their hashes (murmur3's finaliser over a product, so
 * that (x, y) and (y, x) differ and nearby inputs spread).
 */
export function mixHashes(x: number, y: number): number {
  let h = Math.imul(x, 0x01000193) ^ y;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Calls `emit` with the hash (signed 32-bit) of each key a custom blocking key returned: a string,
 * or each string of an array; anything else is no key. The one reading of a custom key's value,
 * for findDuplicates (at extraction) and the duplicate index alike.
 */
export function customKeyHashes(value: unknown, emit: (hash: number) => void): void {
  if (typeof value === 'string') emit(fnv(value, FNV_OFFSET) | 0);
  else if (Array.isArray(value)) for (let k = 0; k < value.length; k++) if (typeof value[k] === 'string') emit(fnv(value[k] as string, FNV_OFFSET) | 0);
}
