/**
 * Typed arrays a computation uses for the length of one call and hands back (internal).
 *
 * The summaries keep per-customer working state in typed arrays (hash tables, running totals,
 * sort keys): tens of megabytes for a million rows, alive for the whole call. Their ArrayBuffers
 * are external memory, which V8 frees only in a full collection, and V8 starts a full collection,
 * which marks the caller's whole heap, whenever external memory has grown by 64 MB since the last
 * one. With fresh arrays every call, summarizing a million transactions held as objects set one
 * off every sixth call (`summarizeRfm`) or third (`summarizeTransactions`), each costing about as
 * much CPU as a call. A buffer handed back with {@link recycleScratch} is reused by the next borrow
 * instead.
 *
 * The pool holds at most {@link POOL_SIZE} buffers and {@link MAX_POOL_BYTES} bytes, through
 * WeakRefs, so a full collection still frees them. A borrowed array is always zero-filled, so nothing a previous call wrote can be read,
 * and results never depend on the pool. Only arrays that nothing else holds may be handed back.
 */

/** Most buffers kept between calls. */
const POOL_SIZE = 64;
/**
 * Most bytes kept between calls (256 MiB), so one large summary does not leave its arrays held
 * until the next full collection: a million rows' arrays take tens of megabytes.
 */
const MAX_POOL_BYTES = 256 * 2 ** 20;
/** Smallest buffer worth pooling. */
const MIN_POOLED_BYTES = 1024;
/** A buffer larger than this many times the request is left for a larger one. */
const MAX_WASTE = 8;

const pool: WeakRef<ArrayBuffer>[] = [];
const canPool = typeof WeakRef === 'function';

function borrowBuffer(bytes: number): ArrayBuffer {
  // Small buffers are neither pooled nor handed back (see recycleScratch).
  if (bytes < MIN_POOLED_BYTES) return new ArrayBuffer(bytes);
  let best: ArrayBuffer | undefined;
  let bestAt = -1;
  let live = 0;
  for (let i = 0; i < pool.length; i++) {
    const ref = pool[i] as WeakRef<ArrayBuffer>;
    const b = ref.deref();
    if (b === undefined) continue;
    pool[live] = ref;
    if (b.byteLength >= bytes && b.byteLength <= MAX_WASTE * Math.max(bytes, 4096) && (best === undefined || b.byteLength < best.byteLength)) {
      best = b;
      bestAt = live;
    }
    live++;
  }
  pool.length = live;
  if (best === undefined) return new ArrayBuffer(bytes);
  pool.splice(bestAt, 1);
  return best;
}

/** Drops the smallest buffer (or one already collected): the large ones are worth keeping. */
function evictSmallest(): void {
  let at = 0;
  let size = Infinity;
  for (let i = 0; i < pool.length; i++) {
    const bytes = (pool[i] as WeakRef<ArrayBuffer>).deref()?.byteLength ?? -1;
    if (bytes < size) {
      size = bytes;
      at = i;
    }
  }
  pool.splice(at, 1);
}

/** The typed arrays the pool lends. */
type ScratchType = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array;

/** A typed-array constructor of one of those types. */
interface ScratchConstructor<T extends ScratchType> {
  readonly BYTES_PER_ELEMENT: number;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
}

/** A zero-filled `Type` array of `length`, maybe on a reused buffer: `scratchArray(Int32Array, n)`. */
export function scratchArray<T extends ScratchType>(Type: ScratchConstructor<T>, length: number): T {
  const a = new Type(borrowBuffer(length * Type.BYTES_PER_ELEMENT), 0, length);
  a.fill(0);
  return a;
}

/**
 * Hands the buffers of `arrays` back for reuse. The caller must hold no other view of them and
 * must not use the arrays afterwards.
 */
export function recycleScratch(...arrays: ArrayBufferView[]): void {
  if (!canPool) return;
  for (const a of arrays) {
    const b = a.buffer;
    if (!(b instanceof ArrayBuffer) || b.byteLength < MIN_POOLED_BYTES) continue;
    if (b.byteLength > MAX_POOL_BYTES || pool.some((r) => r.deref() === b)) continue;
    while (pool.length >= POOL_SIZE || scratchPoolBytes() + b.byteLength > MAX_POOL_BYTES) evictSmallest();
    pool.push(new WeakRef(b));
  }
}

/** How many buffers the pool holds now (for tests). */
export function scratchPoolSize(): number {
  return pool.filter((r) => r.deref() !== undefined).length;
}

/** How many bytes the pool holds now. */
export function scratchPoolBytes(): number {
  let bytes = 0;
  for (const r of pool) bytes += r.deref()?.byteLength ?? 0;
  return bytes;
}
