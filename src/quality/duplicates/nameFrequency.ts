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
