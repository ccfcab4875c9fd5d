// updateWithRetry: load, apply, save with expectedVersion, retry on CONCURRENCY_CONFLICT. Expected
// values are counted by hand from the scripted interleavings below (one rival save per lost race),
// and the concurrency property is the lost-update rule: n increments through the helper end at n.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Customer, createCustomer, isCrmError, updateCustomer } from 'crmkit';
import { createMemoryRepositories } from 'crmkit/memory';
import { type VersionedRepository, updateWithRetry } from 'crmkit/service';

const now = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-01-02T00:00:00Z');

async function seeded() {
  const { customers } = createMemoryRepositories();
  await customers.save(createCustomer({ id: 'c-1', kind: 'person', displayName: 'Ann' }, { now }).customer);
  return customers;
}

/** A repository whose first `rivals` saves are preceded by someone else's save (a lost race each). */
function withRivals(repo: VersionedRepository<Customer>, rivals: number): VersionedRepository<Customer> {
  let left = rivals;
  return {
    get: (id) => repo.get(id),
    async save(entity, options) {
      if (left-- > 0) {
        const current = (await repo.get(entity.id)) as Customer;
        await repo.save(updateCustomer(current, { tags: [...current.tags, `rival-${left}`] }, { now: later }).customer, { expectedVersion: current.version });
      }
      return repo.save(entity, options);
    },
  };
}

async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return isCrmError(e) ? e.code : String(e);
  }
}

describe('updateWithRetry', () => {
  it('saves on the first attempt without a race: version 1 -> 2', async () => {
    const customers = await seeded();
    const r = await updateWithRetry(customers, 'c-1', (c) => updateCustomer(c, { ownerId: 'u-7' }, { now: later }));
    expect([r.customer.version, r.attempts, r.saved, r.events.length]).toEqual([2, 1, true, 1]);
    expect((await customers.get('c-1'))?.ownerId).toBe('u-7');
  });

  it('retries after lost races: 2 rivals -> 3 attempts, version 1 + 2 rivals + 1 = 4, no rival change lost', async () => {
    const customers = await seeded();
    const seen: number[] = [];
    const r = await updateWithRetry(withRivals(customers, 2), 'c-1', (c, attempt) => {
      seen.push(attempt);
      return updateCustomer(c, { ownerId: 'u-7' }, { now: later });
    });
    expect(seen).toEqual([1, 2, 3]);
    expect([r.attempts, r.customer.version, r.customer.ownerId, [...r.customer.tags].sort()]).toEqual([3, 4, 'u-7', ['rival-0', 'rival-1']]);
  });

  it('gives up with CONCURRENCY_CONFLICT after maxAttempts lost races', async () => {
    const customers = await seeded();
    const p = updateWithRetry(withRivals(customers, 3), 'c-1', (c) => updateCustomer(c, { ownerId: 'u-7' }, { now: later }), { maxAttempts: 3 });
    expect(await code(p)).toBe('CONCURRENCY_CONFLICT');
  });

  it('a stale expectedVersion fails at once, before apply runs (an HTTP If-Match)', async () => {
    const customers = await seeded();
    let calls = 0;
    const p = updateWithRetry(customers, 'c-1', (c) => (calls++, updateCustomer(c, { ownerId: 'u-7' }, { now: later })), { expectedVersion: 7 });
    expect([await code(p), calls]).toEqual(['CONCURRENCY_CONFLICT', 0]);
  });

  it('a pinned version that loses its race is not retried onto newer data', async () => {
    const customers = await seeded();
    let calls = 0;
    const p = updateWithRetry(withRivals(customers, 1), 'c-1', (c) => (calls++, updateCustomer(c, { ownerId: 'u-7' }, { now: later })), { expectedVersion: 1, maxAttempts: 5 });
    expect([await code(p), calls]).toEqual(['CONCURRENCY_CONFLICT', 1]);
  });

  it('saves nothing when the step returns the same entity', async () => {
    const customers = await seeded();
    const r = await updateWithRetry(customers, 'c-1', (c) => updateCustomer(c, { displayName: 'Ann' }, { now: later }));
    expect([r.saved, r.customer.version, r.events]).toEqual([false, 1, []]);
  });

  it('NOT_FOUND for a missing id; INVALID_ARGUMENT for bad options; errors of the step are not retried', async () => {
    const customers = await seeded();
    const step = (c: Customer) => updateCustomer(c, { ownerId: 'u' }, { now: later });
    expect(await code(updateWithRetry(customers, 'nope', step))).toBe('NOT_FOUND');
    expect(await code(updateWithRetry(customers, 'c-1', step, { maxAttempts: 0 }))).toBe('INVALID_ARGUMENT');
    expect(await code(updateWithRetry(customers, 'c-1', step, { maxAttempts: 1.5 }))).toBe('INVALID_ARGUMENT');
    expect(await code(updateWithRetry(customers, 'c-1', step, { expectedVersion: Number.NaN }))).toBe('INVALID_ARGUMENT');
    let calls = 0;
    const bad = updateWithRetry(customers, 'c-1', (c) => (calls++, updateCustomer(c, { displayName: '' }, { now: later })), { maxAttempts: 5 });
    expect([await code(bad), calls]).toEqual(['VALIDATION_FAILED', 1]);
  });

  it('property: n concurrent increments with maxAttempts n lose no update (final counter = n)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 25 }), async (n) => {
        const customers = await seeded();
        const bump = (c: Customer) => updateCustomer(c, { attributes: { count: Number(c.attributes.count ?? 0) + 1 } }, { now: later });
        const results = await Promise.all(Array.from({ length: n }, () => updateWithRetry(customers, 'c-1', bump, { maxAttempts: n })));
        const stored = (await customers.get('c-1')) as Customer;
        expect(stored.attributes.count).toBe(n);
        expect(stored.version).toBe(1 + n);
        expect(results.reduce((s, r) => s + r.attempts, 0)).toBeGreaterThanOrEqual(n);
      }),
      { numRuns: 20 },
    );
  });
});
