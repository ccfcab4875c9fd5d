/** Slots of a cache (a power of two): 512 KiB of references, a few distinct postal codes, birth dates and names each. */
const SLOTS = 65_536;

/**
 * One copy of each normalised field value that repeats across records (internal). Every record's
 * normaliser builds its own string, so a million records hold a million copies of a few thousand
 * postal codes, birth dates, cities and common names, each 24 bytes or more. The cache is
 * direct-mapped by the value's field hash, which extraction computes anyway: a value meeting the
 * one in its slot is replaced by it, else it takes the slot. Values are equal either way, so
 * results cannot change; only how many copies are kept.
 *
 * Each slot keeps its value's hash beside it, so a value meeting a different one (most given and
 * full names do) is told apart by the two integers, without reading the held string: that read
 * was a cache miss per field, nine a record, most of the cache's time.
 */
export class StringCache {
  readonly #slots: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  readonly #hashes = new Int32Array(SLOTS);

  /** The kept copy of `value` when its slot holds one, else `value` (which takes the slot). */
  share(value: string, hash: number): string {
    if (value === '') return value;
    const k = hash & (SLOTS - 1);
    if (this.#hashes[k] === hash) {
      const held = this.#slots[k];
      if (held === value) return held;
    }
    this.#slots[k] = value;
    this.#hashes[k] = hash;
    return value;
  }
}
