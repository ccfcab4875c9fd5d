import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { syntheticCustomers } from 'crmkit/quality';
import { extractFeatures } from '../../../src/quality/duplicates/featureRows';
import { CHUNK_ROWS } from '../../../src/quality/duplicates/column';

// The second implementation: an array's features, written into chunks sized for its known
// length, against the same records from a generator, whose rows go into chunks of CHUNK_ROWS
// (16,384) cut to the rows written at the end, and whose hash columns double as they fill. Sizes
// at and around the chunk boundaries and the hash columns' doublings.

function* each(items: readonly Customer[]): Generator<Customer> {
  yield* items;
}

describe('FeatureRows', () => {
  const all = syntheticCustomers({ count: 33_000, seed: 4, asOf: new Date('2026-01-01T00:00:00Z') }).customers;
  const byCity = (c: Customer) => c.contactPoints.find((p) => p.type === 'address')?.city;

  it.each([0, 1, 1_023, 1_024, 1_025, 16_383, CHUNK_ROWS, 16_385, 32_769, 33_000])('gives a stream of %i records the features of the array', (count) => {
    const cs = all.slice(0, count);
    const expected = extractFeatures(cs, 'CN', ['memberNo'], [byCity]);
    const streamed = extractFeatures(each(cs), 'CN', ['memberNo'], [byCity]);
    expect(streamed.count).toBe(count);
    expect(streamed.ids).toHaveLength(Math.ceil(count / CHUNK_ROWS));
    expect(streamed.ids.flat()).toEqual(cs.map((c) => c.id));
    expect(streamed).toEqual(expected);
    expect(streamed.nameHash).toBeInstanceOf(Int32Array);
  });
});
