import { sortRange } from '../../core/sort/sortRange';

// Bits of the key that pick a bucket, and the bucket size up to which insertion sort is used.
const BUCKET_BITS = 16;
const BUCKETS = 1 << BUCKET_BITS;
const SMALL_BUCKET = 48;

/** Entries below which the native sort is used as it is: the buckets' table would cost more than it saves. */
export const BUCKET_SORT_MIN = BUCKETS;

/**
 * Sorts the first `count` packed keys of `data` ascending into `out` (the same values in the order
 * `Float64Array.prototype.sort` gives): each value is `key * scale + index` with `key` below
 * 2^keyBits (keyBits at least 16) and the whole below 2^53. One counting pass on the key's top 16
 * bits places each value in its bucket, then each bucket is sorted on its own (insertion sort when
 * small, the native sort when large): two passes over the values where a comparison sort of a
 * million makes twenty. `out` holds at least `count` values; `counts` holds `2^16 + 1`.
 */
export function sortPacked(data: Float64Array, count: number, scale: number, keyBits: number, out: Float64Array, counts: Int32Array): Float64Array {
  const shift = keyBits - BUCKET_BITS;
  counts.fill(0);
  for (let k = 0; k < count; k++) {
    const b = Math.floor((data[k] as number) / scale) >>> shift;
    counts[b + 1] = (counts[b + 1] as number) + 1;
  }
  for (let b = 0; b < BUCKETS; b++) counts[b + 1] = (counts[b + 1] as number) + (counts[b] as number);
  for (let k = 0; k < count; k++) {
    const v = data[k] as number;
    const b = Math.floor(v / scale) >>> shift;
    out[counts[b] as number] = v;
    counts[b] = (counts[b] as number) + 1;
  }
  // counts[b] is now where bucket b ends
  let start = 0;
  for (let b = 0; b < BUCKETS; b++) {
    const end = counts[b] as number;
    sortRange(out, start, end, SMALL_BUCKET);
    start = end;
  }
  return out.subarray(0, count);
}
