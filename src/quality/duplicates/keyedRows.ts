/**
 * (key, row) pairs of 32-bit keys and record rows, appended in row order and then ordered by key,
 * rows ascending within a key: the order a float64 sort of `key * 2^indexBits + row` gives, by a
 * stable least-significant-digit radix sort (three passes of 11, 11 and 10 bits) instead of a
 * comparison sort, which at a million entries takes a third of the time. Blocking sorts one such
 * list per key; the id check one more.
 */
export class KeyedRows {
  keys: Uint32Array;
  rows: Int32Array;
  length = 0;
  private spareKeys: Uint32Array;
  private spareRows: Int32Array;
  private readonly counts = new Int32Array(2048);

  constructor(capacity: number) {
    const size = Math.max(16, capacity);
    this.keys = new Uint32Array(size);
    this.rows = new Int32Array(size);
    this.spareKeys = new Uint32Array(0);
    this.spareRows = new Int32Array(0);
  }

  /** Appends a key (taken as unsigned 32-bit) for `row`; rows must come in ascending order. */
  push(key: number, row: number): void {
    if (this.length === this.keys.length) {
      const keys = new Uint32Array(Math.max(16, this.keys.length * 2));
      const rows = new Int32Array(keys.length);
      keys.set(this.keys);
      rows.set(this.rows);
      this.keys = keys;
      this.rows = rows;
    }
    this.keys[this.length] = key;
    this.rows[this.length++] = row;
  }

  /** Orders the first `length` entries by key, stably. */
  sort(): void {
    const n = this.length;
    // the spare arrays keep the capacity, so the arrays swapped in after the passes do too
    if (this.spareKeys.length < this.keys.length) {
      this.spareKeys = new Uint32Array(this.keys.length);
      this.spareRows = new Int32Array(this.keys.length);
    }
    const counts = this.counts;
    for (let shift = 0; shift < 32; shift += 11) {
      const mask = shift === 22 ? 0x3ff : 0x7ff;
      const keys = this.keys;
      const rows = this.rows;
      const toKeys = this.spareKeys;
      const toRows = this.spareRows;
      counts.fill(0);
      for (let i = 0; i < n; i++) {
        const d = ((keys[i] as number) >>> shift) & mask;
        counts[d] = (counts[d] as number) + 1;
      }
      let sum = 0;
      for (let d = 0; d <= mask; d++) {
        const c = counts[d] as number;
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const key = keys[i] as number;
        const d = (key >>> shift) & mask;
        const at = counts[d] as number;
        counts[d] = at + 1;
        toKeys[at] = key;
        toRows[at] = rows[i] as number;
      }
      this.spareKeys = keys;
      this.spareRows = rows;
      this.keys = toKeys;
      this.rows = toRows;
    }
  }
}
