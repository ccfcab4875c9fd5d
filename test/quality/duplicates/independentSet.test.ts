import { describe, expect, it } from 'vitest';
import { CustomerSchema } from 'crmkit/customer';
import { isValidUscc } from 'crmkit/validation';
import { independentCustomers } from './independentSet';

// Checks only the generator's own properties, never a matcher's result on its data.
describe('independentCustomers', () => {
  const a = independentCustomers(1500, 7);

  it('is deterministic for a seed and differs between seeds', () => {
    const b = independentCustomers(1500, 7);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(independentCustomers(1500, 8).customers)).not.toBe(JSON.stringify(a.customers));
  });

  it('gives unique ids and clusters of existing, distinct records', () => {
    const ids = a.customers.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(ids);
    const seen = new Set<string>();
    for (const cluster of a.clusters) {
      expect(cluster.length).toBeGreaterThan(1);
      for (const id of cluster) {
        expect(known.has(id)).toBe(true);
        expect(seen.has(id)).toBe(false);
        seen.add(id);
      }
    }
  });

  it('makes about the requested number of entities with roughly 30% duplicated', () => {
    const inClusters = a.clusters.reduce((s, c) => s + c.length, 0);
    const entities = a.customers.length - inClusters + a.clusters.length;
    expect(entities).toBeGreaterThanOrEqual(1500);
    expect(entities).toBeLessThan(1510);
    expect(a.clusters.length / entities).toBeGreaterThan(0.22);
    expect(a.clusters.length / entities).toBeLessThan(0.34);
    const orgs = a.customers.filter((c) => c.kind === 'organization').length / a.customers.length;
    expect(orgs).toBeGreaterThan(0.15);
    expect(orgs).toBeLessThan(0.35);
  });

  it('does not put the records of one entity next to each other', () => {
    const pos = new Map(a.customers.map((c, i) => [c.id, i]));
    const adjacent = a.clusters.filter((cl) => cl.some((x) => cl.some((y) => Math.abs((pos.get(x) ?? 0) - (pos.get(y) ?? 0)) === 1))).length;
    expect(adjacent / a.clusters.length).toBeLessThan(0.05);
  });

  it('writes records the customer schema accepts', () => {
    for (const c of a.customers) expect(CustomerSchema.safeParse(c).success, c.id).toBe(true);
  });

  it('writes valid USCCs only', () => {
    const codes = a.customers.flatMap((c) => (c.organization?.uscc ? [c.organization.uscc] : []));
    expect(codes.length).toBeGreaterThan(50);
    for (const code of codes) expect(isValidUscc(code), code).toBe(true);
  });
});
