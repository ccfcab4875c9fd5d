import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyedRows } from '../../../src/quality/duplicates/keyedRows';

describe('KeyedRows (internal)', () => {
  it('orders (key, row) pairs as a comparison sort by key then row does, list after list (property)', () => {
    // Second implementation: Array.prototype.sort with a comparator over the same pairs.
    const keys = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 0xffffffff }), fc.constantFrom(0, 0x7ff, 0x800, 0x3fffff, 0x400000, 0xffffffff));
    fc.assert(
      fc.property(fc.array(fc.array(fc.array(keys, { maxLength: 3 }), { maxLength: 60 }), { minLength: 1, maxLength: 4 }), (lists) => {
        const sorter = new KeyedRows(4);
        for (const perRow of lists) {
          sorter.length = 0;
          const expected: [number, number][] = [];
          perRow.forEach((ks, row) =>
            ks.forEach((k) => {
              sorter.push(k, row);
              expected.push([k >>> 0, row]);
            }),
          );
          expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
          sorter.sort();
          const got = Array.from({ length: sorter.length }, (_, i) => [sorter.keys[i], sorter.rows[i]]);
          expect(got).toEqual(expected);
        }
      }),
    );
  });
});
