import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { syntheticCustomerStream, syntheticCustomers } from 'crmkit/quality';
import { expectThrowsCode } from '../helpers';

const asOf = new Date('2026-01-01T00:00:00Z');
const withoutId = ({ id: _id, ...rest }: Customer) => JSON.stringify(rest);

describe('syntheticCustomerStream', () => {
  it('makes the records syntheticCustomers makes for the same options, unshuffled, numbered in order', () => {
    // Second implementation: syntheticCustomers, whose records differ only in order and ids.
    for (const options of [{ count: 0, seed: 1, asOf }, { count: 1, seed: 3, asOf }, { count: 2_000, seed: 7, asOf, duplicateRate: 0.5, organizationShare: 0.3 }]) {
      const streamed = [...syntheticCustomerStream(options)];
      const held = syntheticCustomers(options).customers;
      expect(streamed.map(withoutId).sort()).toEqual(held.map(withoutId).sort());
      const width = String(options.count).length;
      expect(streamed.map((c) => c.id)).toEqual(streamed.map((_, i) => `s-${String(i + 1).padStart(width, '0')}`));
    }
  });

  it('puts each duplicate right after its original (the truth of syntheticCustomers, read in order)', () => {
    const options = { count: 500, seed: 5, asOf };
    const streamed = [...syntheticCustomerStream(options)];
    const { customers, clusters } = syntheticCustomers(options);
    const key = new Map(customers.map((c) => [c.id, withoutId(c)]));
    const positions = new Map<string, number[]>();
    streamed.forEach((c, i) => positions.set(withoutId(c), [...(positions.get(withoutId(c)) ?? []), i]));
    for (const ids of clusters) {
      // records of one cluster sit in consecutive positions of the stream
      const at = ids.flatMap((id) => positions.get(key.get(id) as string) ?? []).sort((a, b) => a - b);
      expect(at.length).toBeGreaterThanOrEqual(ids.length);
      expect(at[ids.length - 1]! - at[0]!).toBeLessThanOrEqual(at.length - 1);
    }
  });

  it('rejects the options syntheticCustomers rejects, when called', () => {
    expectThrowsCode(() => syntheticCustomerStream({ count: -1, asOf }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => syntheticCustomerStream({ count: 10, asOf, duplicateRate: 2 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => syntheticCustomerStream({ count: 10, asOf: new Date(Number.NaN) }), 'INVALID_DATE');
  });
});
