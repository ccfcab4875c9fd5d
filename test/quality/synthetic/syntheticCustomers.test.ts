import { describe, expect, it } from 'vitest';
import { CustomerSchema } from 'crmkit';
import { mulberry32, syntheticCustomers } from 'crmkit/quality';
import { isValidResidentId, isValidUscc } from 'crmkit/validation';
import { expectThrowsCode } from '../helpers';

const asOf = new Date('2026-01-01T00:00:00Z');

describe('mulberry32', () => {
  it('reproduces the reference sequence of mulberry32 for seed 1 (values from the C reference, divided by 2^32)', () => {
    // C reference (Tommy Ettinger): z = (x += 0x6D2B79F5); z = (z ^ z >> 15) * (z | 1); z ^= z + (z ^ z >> 7) * (z | 61); return z ^ z >> 14;
    // computed independently here with BigInt arithmetic on 32-bit words.
    const ref = (seed: number) => {
      let x = BigInt(seed);
      const M = 0xffffffffn;
      return () => {
        x = (x + 0x6d2b79f5n) & M;
        let z = x;
        z = ((z ^ (z >> 15n)) * (z | 1n)) & M;
        z = (z ^ (z + (((z ^ (z >> 7n)) * (z | 61n)) & M))) & M;
        return Number((z ^ (z >> 14n)) & M) / 2 ** 32;
      };
    };
    const a = mulberry32(1);
    const b = ref(1);
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });
});

describe('syntheticCustomers', () => {
  const s = syntheticCustomers({ count: 3000, seed: 5, asOf });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(syntheticCustomers({ count: 3000, seed: 5, asOf })).toEqual(s);
    expect(syntheticCustomers({ count: 3000, seed: 6, asOf }).customers[0]).not.toEqual(s.customers[0]);
  });

  it('produces exactly count valid stored customers with unique ids', () => {
    expect(s.customers).toHaveLength(3000);
    expect(new Set(s.customers.map((c) => c.id)).size).toBe(3000);
    for (const c of s.customers) expect(CustomerSchema.safeParse(c).success).toBe(true);
    const usccs = s.customers.flatMap((c) => (c.organization?.uscc ? [c.organization.uscc] : []));
    const rids = s.customers.flatMap((c) => (c.person?.residentId ? [c.person.residentId] : []));
    expect(usccs.length).toBeGreaterThan(0);
    expect(rids.length).toBeGreaterThan(0);
    expect(usccs.every(isValidUscc)).toBe(true);
    expect(rids.every((r) => isValidResidentId(r))).toBe(true);
  });

  it('knows its duplicates: disjoint clusters of one kind, about duplicateRate of originals', () => {
    const byId = new Map(s.customers.map((c) => [c.id, c]));
    const all = s.clusters.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const ids of s.clusters) {
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(new Set(ids.map((id) => byId.get(id)?.kind)).size).toBe(1);
    }
    // With rate 0.2 and 1.25 copies on average, originals ~ 3000 / 1.25 ... roughly 2500; clusters ~ 0.2 of them.
    const originals = 3000 - (all.length - s.clusters.length);
    expect(s.clusters.length / originals).toBeGreaterThan(0.15);
    expect(s.clusters.length / originals).toBeLessThan(0.25);
  });

  it('rejects bad options', () => {
    expectThrowsCode(() => syntheticCustomers({ count: -1, asOf }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => syntheticCustomers({ count: 10, duplicateRate: 2, asOf }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => syntheticCustomers({ count: 10, asOf: new Date('x') }), 'INVALID_DATE');
  });
});
