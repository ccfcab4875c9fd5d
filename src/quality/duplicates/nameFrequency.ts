import { type Column, at } from './column';

/**
 * Counts of each normalised name, kept up to date as records come and go, for the term-frequency
 * adjustment of exact name agreement (Splink's `tf_adjustment`): an exact agreement on a name held
 * by a share `tf` of the records is worth `log2(E[tf] / tf)` bits more than on a typical name, where
 * `E[tf] = sum(count^2) / n^2` is the share an average record's name has. Only the weakening is
 * applied (at most 0, at least -6 bits): a rare name is not made stronger than the default.
 */
export class NameFrequency {
  private readonly counts = new Map<string, number>();
  private sumSquares = 0;
  private total = 0;

  add(name: string): void {
    if (!name) return;
    const c = this.counts.get(name) ?? 0;
    this.counts.set(name, c + 1);
    this.sumSquares += 2 * c + 1;
    this.total++;
  }

  remove(name: string): void {
    const c = this.counts.get(name);
    if (!name || c === undefined) return;
    if (c === 1) this.counts.delete(name);
    else this.counts.set(name, c - 1);
    this.sumSquares -= 2 * c - 1;
    this.total--;
  }

  /** The adjustment in bits for an exact agreement on `name`. */
  adjustment(name: string): number {
    const c = this.counts.get(name) ?? 0;
    if (c <= 1 || this.total === 0) return 0;
    const expected = this.sumSquares / (this.total * this.total);
    const tf = c / this.total;
    return Math.max(-6, Math.min(0, Math.log2(expected / tf)));
  }
}

/** Slots of a name-frequency table at first (a power of two); it doubles when half full. */
const FIRST_SLOTS = 4096;

/**
 * {@link NameFrequency}'s adjustment for every row of a name column, counted from the names' hashes
 * (`hashes[i]` is the fieldHash of `names[i]`, 0 for a missing name) in an open-addressing table of
 * typed arrays instead of a Map of a million strings. Exact: two names with the same hash are told
 * apart by comparing the names, so each distinct name has its own count, as in NameFrequency.
 *
 * A slot is three integers side by side (hash, a row holding the name plus one, count), so a probe
 * reads one cache line; the table starts small and doubles when half full, so it is sized by the
 * distinct names (a few thousand birth dates, not a million rows): fresh memory costs page faults
 * as well as space.
 */
export function nameFrequencyOfColumn(names: Column<string>, hashes: ArrayLike<number>, n: number): (i: number) => number {
  let mask = FIRST_SLOTS - 1;
  let table: Int32Array = new Int32Array(3 * FIRST_SLOTS);
  let used = 0;
  // the distinct name of each row, as the row of its first occurrence (-1: no name)
  const firstRow = new Int32Array(n);
  let sumSquares = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i] as number;
    if (h === 0) {
      firstRow[i] = -1;
      continue;
    }
    const name = at(names, i);
    let s = (h ^ (h >>> 15)) & mask;
    for (;;) {
      const row = (table[3 * s + 1] as number) - 1;
      if (row < 0) {
        table[3 * s] = h;
        table[3 * s + 1] = i + 1;
        used++;
        break;
      }
      if (table[3 * s] === h && at(names, row) === name) break;
      s = (s + 1) & mask;
    }
    const c = table[3 * s + 2] as number;
    table[3 * s + 2] = c + 1;
    firstRow[i] = (table[3 * s + 1] as number) - 1;
    sumSquares += 2 * c + 1;
    total++;
    if (2 * used > mask) {
      table = grown(table, mask);
      mask = 2 * mask + 1;
    }
  }
  // counts by first row, so a lookup reads one number
  const countOf = new Int32Array(n);
  for (let s = 0; s <= mask; s++) {
    const row = (table[3 * s + 1] as number) - 1;
    if (row >= 0) countOf[row] = table[3 * s + 2] as number;
  }
  const expected = total === 0 ? 0 : sumSquares / (total * total);
  return (i) => {
    const first = firstRow[i] as number;
    const c = first < 0 ? 0 : (countOf[first] as number);
    if (c <= 1 || total === 0) return 0;
    return Math.max(-6, Math.min(0, Math.log2(expected / (c / total))));
  };
}

/** The table of {@link nameFrequencyOfColumn} with twice the slots, every entry put back. */
function grown(table: Int32Array, mask: number): Int32Array {
  const bigger = 2 * mask + 1;
  const out = new Int32Array(3 * (bigger + 1));
  for (let s = 0; s <= mask; s++) {
    if (table[3 * s + 1] === 0) continue;
    const h = table[3 * s] as number;
    let t = (h ^ (h >>> 15)) & bigger;
    while (out[3 * t + 1] !== 0) t = (t + 1) & bigger;
    out[3 * t] = h;
    out[3 * t + 1] = table[3 * s + 1] as number;
    out[3 * t + 2] = table[3 * s + 2] as number;
  }
  return out;
}
