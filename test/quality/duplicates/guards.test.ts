import fc from 'fast-check';
import { columnOf } from './featureColumns';
import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { requireDistinctIds } from '../../../src/quality/duplicates/guards';

/** Second implementation: a set of the ids seen, walking the records in order. */
function firstRepeat(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

describe('requireDistinctIds (internal)', () => {
  it('reports the first id that repeats, in input order, as a set of seen ids would (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 60 }), (ids) => {
        const expected = firstRepeat(ids);
        let got: string | undefined;
        try {
          requireDistinctIds(columnOf(ids), ids.length);
        } catch (e) {
          expect(isCrmError(e) && e.code).toBe('DUPLICATE_ID');
          got = (e as { details: { id: string } }).details.id;
        }
        expect(got).toBe(expected);
      }),
    );
  });

  it('passes ten thousand distinct ids and finds one repeat among them', () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `c-${i}`);
    expect(() => requireDistinctIds(columnOf(ids), ids.length)).not.toThrow();
    ids.push('c-4711');
    const thrown = (() => {
      try {
        requireDistinctIds(columnOf(ids), ids.length);
      } catch (e) {
        return e as { code: string; details: { id: string } };
      }
      return undefined;
    })();
    expect([thrown?.code, thrown?.details.id]).toEqual(['DUPLICATE_ID', 'c-4711']);
  });
});
