import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortCodesById } from '../../src/customer/idOrder';

// The reference is Array.prototype.sort() on the ids themselves (UTF-16 code unit order), mapped
// back to codes through a Map: a second implementation that shares nothing with the radix keys.
function reference(ids: readonly string[], codes: readonly number[]): number[] {
  const at = new Map(ids.map((id, c) => [id, c]));
  return codes.map((c) => ids[c] as string).sort().map((id) => at.get(id) as number);
}

function check(ids: readonly string[], codes: readonly number[]): void {
  const got = Int32Array.from(codes);
  sortCodesById(ids, got);
  expect(Array.from(got)).toEqual(reference(ids, codes));
}

describe('sortCodesById', () => {
  it('orders codes as sort() orders their ids: ASCII, shared prefixes, prefixes of each other, U+0000, DEL, non-ASCII, surrogates (fast-check)', () => {
    const char = fc.oneof(
      fc.constantFrom('a', 'b', 'c', '0', '1', '9', '-', '\u0000', '\u007f', '\u0080', '张', '\ud83d', '\ude00', 'Z'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    const id = fc.array(char, { maxLength: 14 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(id, { maxLength: 60 }), fc.constantFrom('', 'cust-', 'c000'), fc.boolean(), (raw, prefix, subset) => {
        const ids = raw.map((s) => prefix + s);
        const codes = ids.map((_, c) => c).filter((c) => !subset || c % 3 !== 1);
        check(ids, codes.reverse());
      }),
      { numRuns: 500 },
    );
  });

  it('orders 100,000 zero-padded ids given in a shuffled order (ties of the 8-character key resolved in full)', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => `c${String((i * 7919) % 100_000).padStart(8, '0')}`);
    const codes = ids.map((_, c) => c);
    check(ids, codes);
  });

  it('handles no and one code', () => {
    check(['a'], []);
    check(['a', 'b'], [1]);
  });
});
