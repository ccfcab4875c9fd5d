import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortPacked } from '../../../src/quality/duplicates/sortPacked';

// The second implementation is Float64Array.prototype.sort on the same values.

describe('sortPacked (internal)', () => {
  const sortBoth = (keys: number[], indexBits: number, keyBits: number) => {
    const scale = 2 ** indexBits;
    const data = Float64Array.from(keys, (key, i) => key * scale + (i % scale));
    const expected = data.slice().sort();
    const out = new Float64Array(data.length + 3);
    const got = sortPacked(data, data.length, scale, keyBits, out, new Int32Array(65_537));
    expect(Array.from(got)).toEqual(Array.from(expected));
  };

  it('orders packed keys as the native sort does, runs of equal keys and large buckets included (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 32 }),
        fc.integer({ min: 1, max: 20 }),
        fc.array(fc.nat(), { maxLength: 400 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (keyBits, indexBits, seeds, repeated) => {
          const max = 2 ** keyBits;
          // some keys repeated many times (a large block), the rest spread out
          const keys = [...seeds.map((x) => x % max), ...repeated.flatMap((x) => Array.from({ length: 60 }, () => x % max))];
          sortBoth(keys, indexBits, keyBits);
        },
      ),
    );
  });

  it('sorts a hundred thousand keys of 32 bits with 20-bit indexes like the native sort', () => {
    let x = 12345;
    const keys = Array.from({ length: 100_000 }, () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0));
    sortBoth(keys, 20, 32);
  });
});
