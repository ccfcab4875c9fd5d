import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortPacked } from '../../../src/quality/duplicates/sortPacked';
import { distinctCodes } from '../../../src/quality/duplicates/blocking';

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

describe('distinctCodes (internal)', () => {
  // pair codes a * n + b (a < b < n) with repeats, as blocking collects them from several keys;
  // the expected list by a plain Set and a comparator sort
  const codesOf = (n: number, count: number, seed: number) => {
    let s = seed;
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
    return Float64Array.from({ length: count }, () => {
      const a = Math.floor(next() * (n - 1));
      const b = a + 1 + Math.floor(next() * (n - 1 - a));
      return a * n + b;
    });
  };
  it.each([
    [1_000, 5_000], // below the bucket sort's minimum: the native sort
    [1_000_000, 200_000], // the bucket sort
    [50, 100_000], // many repeats, fewer indices than a bucket's 16 bits
  ])('gives the distinct codes ascending (n %i, %i codes)', (n, count) => {
    const codes = codesOf(n, count, n + count);
    const expected = [...new Set(codes)].sort((x, y) => x - y);
    expect([...distinctCodes(codes.slice(), n)]).toEqual(expected);
    expect([...distinctCodes(codes.slice(), n, new Float64Array(count))]).toEqual(expected);
  });
});
