import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringCache } from '../../../src/quality/duplicates/stringCache';

describe('StringCache', () => {
  it('always gives back a value equal to the one passed, whatever hash comes with it (collisions included)', () => {
    // Hashes drawn from a handful of values, so different strings meet in one slot with equal
    // hashes: the cache must compare the strings, not trust the hash.
    const entry = fc.tuple(fc.constantFrom('', '100000', '200000', '王伟', 'wang wei', 'x'), fc.constantFrom(1, 2, 65_537, -1));
    fc.assert(fc.property(fc.array(entry, { maxLength: 200 }), (entries) => {
      const cache = new StringCache();
      for (const [value, hash] of entries) expect(cache.share(value, hash)).toBe(value);
    }));
  });
});
