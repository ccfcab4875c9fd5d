/**
 * Sorts numbers ascending in place and returns the list: insertion sort for the short per-customer
 * lists (several times faster than a typed-array copy), a typed sort for long ones. Shared by the
 * lifecycle and KPI areas for purchase times.
 *
 * @internal
 */
export function sortTimes(list: number[]): number[] {
  if (list.length > 32) return Array.from(Float64Array.from(list).sort());
  for (let i = 1; i < list.length; i++) {
    const v = list[i] as number;
    let j = i - 1;
    while (j >= 0 && (list[j] as number) > v) {
      list[j + 1] = list[j] as number;
      j--;
    }
    list[j + 1] = v;
  }
  return list;
}
