/**
 * Sorts `a[lo..hi)` ascending in place: insertion sort for a run of at most `insertionUpTo` values
 * (no subarray view, no call into the engine), the typed array's own sort for a longer one. The
 * result is the same either way. Shared by the CLV summaries (a customer's periods) and duplicate
 * blocking (a bucket of packed keys).
 *
 * @internal
 */
export function sortRange(a: Int32Array | Float64Array, lo: number, hi: number, insertionUpTo: number): void {
  if (hi - lo > insertionUpTo) {
    a.subarray(lo, hi).sort();
    return;
  }
  for (let i = lo + 1; i < hi; i++) {
    const v = a[i] as number;
    let j = i - 1;
    while (j >= lo && (a[j] as number) > v) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}
