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

/**
 * {@link NameFrequency}'s adjustment for every row of a name column, counted from the names' hashes
 * (`hashes[i]` is the fieldHash of `names[i]`, 0 for a missing name) in an open-addressing table of
 * typed arrays instead of a Map of a million strings. Exact: two names with the same hash are told
 * apart by comparing the names, so each distinct name has its own count, as in NameFrequency.
 */
export function nameFrequencyOfColumn(names: Column<string>, hashes: ArrayLike<number>, n: number): (i: number) => number {
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slotHash = new Int32Array(capacity);
  const slotRow = new Int32Array(capacity).fill(-1); // a row holding the slot's name
  const slotCount = new Int32Array(capacity);
  const slotOf = new Int32Array(n).fill(-1);
  let sumSquares = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const h = hashes[i] as number;
    if (h === 0) continue;
    const name = at(names, i);
    let s = (h ^ (h >>> 15)) & mask;
    while (slotRow[s] !== -1 && (slotHash[s] !== h || at(names, slotRow[s] as number) !== name)) s = (s + 1) & mask;
    if (slotRow[s] === -1) {
      slotRow[s] = i;
      slotHash[s] = h;
    }
    const c = slotCount[s] as number;
    slotCount[s] = c + 1;
    slotOf[i] = s;
    sumSquares += 2 * c + 1;
    total++;
  }
  const expected = total === 0 ? 0 : sumSquares / (total * total);
  return (i) => {
    const s = slotOf[i] as number;
    const c = s < 0 ? 0 : (slotCount[s] as number);
    if (c <= 1 || total === 0) return 0;
    return Math.max(-6, Math.min(0, Math.log2(expected / (c / total))));
  };
}
