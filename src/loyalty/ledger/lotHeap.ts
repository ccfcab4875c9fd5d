/**
 * A binary min-heap of lot indices keyed by a typed array (ties broken by lot index, so lots with
 * the same key leave in the order they were posted). Internal to the ledger sweep.
 */
export interface LotHeap {
  readonly items: Int32Array;
  size: number;
}

const before = (keys: Float64Array, a: number, b: number): boolean => {
  const ka = keys[a] as number;
  const kb = keys[b] as number;
  return ka < kb || (ka === kb && a < b);
};

/** Adds a lot. */
export function heapPush(heap: LotHeap, keys: Float64Array, lot: number): void {
  let j = heap.size++;
  while (j > 0) {
    const parent = (j - 1) >> 1;
    const p = heap.items[parent] as number;
    if (!before(keys, lot, p)) break;
    heap.items[j] = p;
    j = parent;
  }
  heap.items[j] = lot;
}

/** Removes and returns the lot with the smallest key (the heap must not be empty). */
export function heapPop(heap: LotHeap, keys: Float64Array): number {
  const top = heap.items[0] as number;
  const last = heap.items[--heap.size] as number;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heap.size) break;
    if (child + 1 < heap.size && before(keys, heap.items[child + 1] as number, heap.items[child] as number)) child++;
    const c = heap.items[child] as number;
    if (!before(keys, c, last)) break;
    heap.items[i] = c;
    i = child;
  }
  heap.items[i] = last;
  return top;
}
