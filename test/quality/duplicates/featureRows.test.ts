import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { syntheticCustomers } from 'crmkit/quality';
import { extractFeatures } from '../../../src/quality/duplicates/featureRows';

// The second implementation: an array's features, written into one chunk of its known length,
// against the same records from a generator, whose rows go into chunks of 1,024, 2,048, ... rows
// joined once read. Sizes at and around the chunk boundaries.

function* each(items: readonly Customer[]): Generator<Customer> {
  yield* items;
}

describe('FeatureRows', () => {
  const all = syntheticCustomers({ count: 3_100, seed: 4, asOf: new Date('2026-01-01T00:00:00Z') }).customers;
  const byCity = (c: Customer) => c.contactPoints.find((p) => p.type === 'address')?.city;

  it.each([0, 1, 1_023, 1_024, 1_025, 3_072, 3_073, 3_100])('gives a stream of %i records the features of the array', (count) => {
    const cs = all.slice(0, count);
    const expected = extractFeatures(cs, 'CN', ['memberNo'], [byCity]);
    const streamed = extractFeatures(each(cs), 'CN', ['memberNo'], [byCity]);
    expect(streamed.ids.length).toBe(count);
    expect(streamed).toEqual(expected);
    expect(streamed.nameHash).toBeInstanceOf(Int32Array);
  });
});
