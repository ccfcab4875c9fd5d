import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortRange } from '../../src/core/sort/sortRange';

describe('sortRange', () => {
  it('sorts a[lo..hi) as the typed array sort does and leaves the rest alone, for either method (fast-check; reference: Float64Array/Int32Array sort of a copy)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { maxLength: 120 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(0, 1, 8, 32, 200),
        fc.boolean(),
        (values, x, y, insertionUpTo, floats) => {
          const n = values.length;
          const lo = n === 0 ? 0 : x % (n + 1);
          const hi = n === 0 ? 0 : lo + (y % (n - lo + 1));
          const a = floats ? Float64Array.from(values, (v) => v / 7) : Int32Array.from(values);
          const expected = a.slice();
          expected.subarray(lo, hi).sort();
          sortRange(a, lo, hi, insertionUpTo);
          expect(Array.from(a)).toEqual(Array.from(expected));
        },
      ),
    );
  });
});
