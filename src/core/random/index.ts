import { assert } from '../errors/assert';

/**
 * A seeded pseudo-random source: mulberry32 (Tommy Ettinger, public domain), 32 bits of state,
 * uniform floats in [0, 1). The same seed gives the same sequence on every platform.
 *
 * @param seed - any integer (a finite number; its low 32 bits are used)
 * @returns a function returning the next float in [0, 1)
 * @throws {CrmError} `INVALID_ARGUMENT` for a seed that is not a finite number
 *
 * @example
 * ```ts
 * import { mulberry32 } from 'crmkit/core';
 * const a = mulberry32(42);
 * const b = mulberry32(42);
 * a() === b();
 * //=> true
 * ```
 */
export function mulberry32(seed: number): () => number {
  assert(typeof seed === 'number' && Number.isFinite(seed), 'INVALID_ARGUMENT', { params: { field: 'seed', rule: 'must be a finite number' } });
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
