import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { BLOCKING_KEYS, buildDuplicateIndex, createDuplicateIndex, findDuplicates, syntheticCustomers } from 'crmkit/quality';
import { expectThrowsCode, person } from '../helpers';
import { loadFebrl } from './febrl';

const asOf = new Date('2026-01-01T00:00:00Z');

/** Second path: what findDuplicates reports for `candidate` when it is searched with `indexed` (candidate last). */
function viaFindDuplicates(indexed: readonly Customer[], candidate: Customer, options = {}) {
  const others = indexed.filter((c) => c.id !== candidate.id);
  return findDuplicates([...others, candidate], options).pairs.filter((p) => p.a === candidate.id || p.b === candidate.id);
}

describe('createDuplicateIndex (differential: findDuplicates on the indexed records plus the candidate)', () => {
  it('gives the same pairs, scores and evidence as findDuplicates on the synthetic set', () => {
    const { customers } = syntheticCustomers({ count: 2700, seed: 5, asOf });
    const indexed = customers.slice(0, 2500);
    const index = createDuplicateIndex(indexed);
    expect(index.size).toBe(2500);
    let reported = 0;
    for (const candidate of customers.slice(2500)) {
      const expected = viaFindDuplicates(indexed, candidate);
      reported += expected.length;
      expect(index.match(candidate)).toEqual(expected);
    }
    expect(reported).toBeGreaterThan(20); // the comparison is not vacuous
  }, 240_000); // 200 full searches of 2,500 records: over a minute on a loaded 2-core machine

  it('gives the same pairs on FEBRL with a declared identifier, and for a candidate that is indexed already', () => {
    const { customers } = loadFebrl('dataset1.csv');
    const options = { identifiers: ['socSecId'] };
    const index = createDuplicateIndex(customers.slice(0, 900), options);
    for (const candidate of [...customers.slice(900), ...customers.slice(0, 30)]) {
      expect(index.match(candidate)).toEqual(viaFindDuplicates(customers.slice(0, 900), candidate, options));
    }
  });

  it('gives the same pairs where blocks are windowed (sorted neighbourhood) and screened', () => {
    // a key on the first character of the name makes blocks of tens of records, and a window of 4
    // windows them, so the candidate's place in the sort of its block decides which members it
    // meets, in the index as in findDuplicates
    const { customers } = syntheticCustomers({ count: 1560, seed: 12, asOf });
    const options = { blockWindow: 4, maxBlockSize: 200, customKeys: [(c: Customer) => c.displayName.slice(0, 1)] };
    const indexed = customers.slice(0, 1500);
    const index = createDuplicateIndex(indexed, options);
    let reported = 0;
    for (const candidate of [...customers.slice(1500), ...customers.slice(0, 20)]) {
      const expected = viaFindDuplicates(indexed, candidate, options);
      reported += expected.length;
      expect(index.match(candidate)).toEqual(expected);
    }
    expect(reported).toBeGreaterThan(10);
    // not vacuous: the window changes what is compared
    expect(findDuplicates(indexed, options).comparisons * 2).toBeLessThan(findDuplicates(indexed, { ...options, blockWindow: 200 }).comparisons);
  }, 240_000);

  it('follows add and remove (property: any order of adds and removes agrees with findDuplicates on what is left)', () => {
    const { customers } = syntheticCustomers({ count: 300, seed: 9, asOf });
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat(299)), { maxLength: 60 }), fc.nat(299), (ops, probe) => {
        const index = createDuplicateIndex(customers.slice(0, 150));
        const present = new Map(customers.slice(0, 150).map((c) => [c.id, c]));
        for (const [add, i] of ops) {
          const c = customers[i] as Customer;
          if (add && !present.has(c.id)) {
            index.add(c);
            present.set(c.id, c);
          } else if (!add) expect(index.remove(c.id)).toBe(present.delete(c.id));
        }
        expect(index.size).toBe(present.size);
        const candidate = customers[probe] as Customer;
        expect(index.match(candidate)).toEqual(viaFindDuplicates([...present.values()], candidate));
      }),
      { numRuns: 40 },
    );
  });

  it('rebuilds from an async stream to the same index', async () => {
    const { customers } = syntheticCustomers({ count: 800, seed: 4, asOf });
    async function* stream() {
      for (const c of customers.slice(0, 700)) yield c;
    }
    const rebuilt = await buildDuplicateIndex(stream());
    const direct = createDuplicateIndex(customers.slice(0, 700));
    for (const c of customers.slice(700)) expect(rebuilt.match(c)).toEqual(direct.match(c));
    const controller = new AbortController();
    controller.abort();
    await expect(buildDuplicateIndex(stream(), { signal: controller.signal })).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('rejects a repeated id', () => {
    const index = createDuplicateIndex([person('a', '李雷')]);
    expectThrowsCode(() => index.add(person('a', '韩梅梅')), 'DUPLICATE_ID');
    expectThrowsCode(() => createDuplicateIndex([person('a', 'x'), person('a', 'y')]), 'DUPLICATE_ID');
  });
});

describe('junk input gets a CrmError (INVALID_ARGUMENT), never a TypeError', () => {
  const junk: unknown[] = [null, 42, 'x', {}, { id: 1, displayName: 'x' }, { id: 'a', displayName: 'x', contactPoints: 'no' }];
  it.each(junk.map((j) => [JSON.stringify(j), j]))('%s', (_, j) => {
    expectThrowsCode(() => findDuplicates([j as Customer]), 'INVALID_ARGUMENT');
    expectThrowsCode(() => createDuplicateIndex([j as Customer]), 'INVALID_ARGUMENT');
    expectThrowsCode(() => createDuplicateIndex().match(j as Customer), 'INVALID_ARGUMENT');
  });
  it('rejects non-arrays and non-iterables', () => {
    expectThrowsCode(() => findDuplicates(7 as unknown as Customer[]), 'INVALID_ARGUMENT');
    expectThrowsCode(() => createDuplicateIndex(7 as unknown as Customer[]), 'INVALID_ARGUMENT');
    expectThrowsCode(() => findDuplicates([], null as never), 'INVALID_ARGUMENT');
    expect(createDuplicateIndex().remove(5 as unknown as string)).toBe(false);
  });
  it('skips malformed contact points and name parts inside an otherwise valid record', () => {
    const odd = person('a', '李雷', { contactPoints: [null, { type: 'phone', value: 5 }, { type: 'address', country: 7, line1: 3 }] as never, person: { givenName: 9 } as never });
    // no contact point survives to key on: only the rare name pairs the two
    expect(findDuplicates([odd, person('b', '李雷')], { keys: BLOCKING_KEYS.filter((k) => k !== 'rareName') }).comparisons).toBe(0);
    expect(findDuplicates([odd, person('b', '李雷')]).comparisons).toBe(1);
  });
});
