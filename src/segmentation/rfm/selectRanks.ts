/**
 * The values at sorted positions `ranks` (ascending, 0-based) of `values`, as if `values` were
 * sorted ascending, without sorting it all: a multi-target quickselect (Hoare's FIND, 1961) with
 * median-of-three pivots and three-way partitioning, so heavy ties cost nothing extra. Expected
 * O(n log k) for k ranks. Reorders `values` in place (pass a copy). When the work exceeds a budget
 * (adversarial input), it falls back to the native `Float64Array.prototype.sort()`.
 */
export function selectRanks(values: Float64Array, ranks: readonly number[]): Float64Array {
  const n = values.length;
  const out = new Float64Array(ranks.length);
  if (n === 0 || ranks.length === 0) return out;
  const budget = 40 * n + 1000;
  let work = 0;
  // Stack of [lo, hi, firstRank, endRank): the ranks in [firstRank, endRank) lie within values[lo..hi].
  const stack: number[] = [0, n - 1, 0, ranks.length];
  while (stack.length > 0) {
    const kEnd = stack.pop() as number;
    const kStart = stack.pop() as number;
    const hi = stack.pop() as number;
    const lo = stack.pop() as number;
    if (kStart >= kEnd) continue;
    work += hi - lo + 1;
    if (work > budget) {
      values.sort();
      for (let k = 0; k < ranks.length; k++) out[k] = values[ranks[k] as number] as number;
      return out;
    }
    const mid = lo + ((hi - lo) >> 1);
    const a = values[lo] as number;
    const b = values[mid] as number;
    const c = values[hi] as number;
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    // Three-way partition: [lo, lt) < pivot, [lt, i) == pivot, (gt, hi] > pivot.
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = values[i] as number;
      if (v < pivot) {
        values[i] = values[lt] as number;
        values[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        values[i] = values[gt] as number;
        values[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    let k = kStart;
    const leftStart = k;
    while (k < kEnd && (ranks[k] as number) < lt) k++;
    const leftEnd = k;
    while (k < kEnd && (ranks[k] as number) <= gt) out[k++] = pivot;
    const rightStart = k;
    if (leftEnd > leftStart) stack.push(lo, lt - 1, leftStart, leftEnd);
    if (kEnd > rightStart) stack.push(gt + 1, hi, rightStart, kEnd);
  }
  return out;
}
