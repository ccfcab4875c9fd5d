import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { type FindDuplicatesOptions, findDuplicates, findDuplicatesInStream } from 'crmkit/quality';
import { expectThrowsCode, person } from '../helpers';
import { contactPoint } from '../merge/arbitraries';
import { loadFebrl } from './febrl';
import { heldOutPairs } from './heldOut';
import { realisticCustomers } from './realistic';

// The array path (findDuplicates over an array, as before streams existed) is the second
// implementation every streamed form is compared with: same records, same order, same result.

function* once<T>(items: readonly T[], read: { count: number }): Generator<T> {
  for (const item of items) {
    read.count++;
    yield item;
  }
}

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

async function expectRejectsCode(promise: Promise<unknown>, code: string): Promise<{ code: string; message: string; details?: unknown }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect((error as { code?: string } | undefined)?.code).toBe(code);
  return error as { code: string; message: string };
}

/** Small record sets with lookalike names, shared and differing contact points, some identifiers. */
const records: fc.Arbitrary<Customer[]> = fc
  .array(
    fc.record({
      name: fc.constantFrom('李雷', '李 雷', '李雷雷', 'Li Lei', 'LI, Lei', '王芳', '王 芳', 'Wang Fang', '张伟', '張偉'),
      points: fc.array(contactPoint, { maxLength: 3 }),
      birth: fc.option(fc.constantFrom(Date.UTC(1990, 0, 1), Date.UTC(1990, 0, 2), Date.UTC(1985, 5, 15)), { nil: undefined }),
      member: fc.option(fc.constantFrom('M-1', 'M-2', 'M-3'), { nil: undefined }),
    }),
    { maxLength: 14 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      person(`c-${i}`, r.name, {
        contactPoints: r.points,
        ...(r.birth !== undefined && { person: { birthDate: new Date(r.birth) } }),
        attributes: r.member ? { memberNo: r.member } : {},
      }),
    ),
  );

const options: FindDuplicatesOptions = { identifiers: ['memberNo'], customKeys: [(c) => (c.attributes as { memberNo?: string }).memberNo] };

describe('findDuplicates over iterables and findDuplicatesInStream', () => {
  it('give the array result for a generator, an async generator and an array stream (property)', async () => {
    await fc.assert(
      fc.asyncProperty(records, async (cs) => {
        const expected = findDuplicates(cs, options);
        expect(findDuplicates(once(cs, { count: 0 }), options)).toEqual(expected);
        expect(findDuplicates(new Set(cs), options)).toEqual(expected);
        expect(await findDuplicatesInStream(slowly(cs), options)).toEqual(expected);
        expect(await findDuplicatesInStream(cs, options)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('give the array result on FEBRL 1, realistic records and the held-out records', async () => {
    const sets: [Customer[], FindDuplicatesOptions][] = [
      [loadFebrl('dataset1.csv').customers, { identifiers: ['socSecId'] }],
      [realisticCustomers(1_500, 11).customers, {}],
      [heldOutPairs().customers, { identifiers: ['memberNo'] }],
    ];
    for (const [cs, o] of sets) {
      const expected = findDuplicates(cs, o);
      expect(expected.pairs.length).toBeGreaterThan(0);
      expect(findDuplicates(once(cs, { count: 0 }), o)).toEqual(expected);
      expect(await findDuplicatesInStream(slowly(cs), o)).toEqual(expected);
    }
  });

  it('read a one-shot generator exactly once, calling each custom key once per record', async () => {
    const cs = realisticCustomers(300, 12).customers;
    const read = { count: 0 };
    let keyCalls = 0;
    const o: FindDuplicatesOptions = { customKeys: [(c) => (keyCalls++, c.displayName.slice(0, 1))] };
    const source = once(cs, read);
    const result = findDuplicates(source, o);
    expect([read.count, keyCalls]).toEqual([cs.length, cs.length]);
    // the generator is spent: a second search over it sees no records
    expect(findDuplicates(source, o).comparisons).toBe(0);
    expect(read.count).toBe(cs.length);
    expect(result).toEqual(findDuplicates(cs, o));
    const again = { count: 0 };
    await findDuplicatesInStream(once(cs, again));
    expect(again.count).toBe(cs.length);
  });

  it('reject what is not an iterable of customers with INVALID_ARGUMENT, sync and async', async () => {
    for (const junk of [null, undefined, 42, 'c-1', {}, { length: 2 }]) {
      expectThrowsCode(() => findDuplicates(junk as never), 'INVALID_ARGUMENT');
      await expectRejectsCode(findDuplicatesInStream(junk as never), 'INVALID_ARGUMENT');
    }
    // an async stream is not an iterable for the synchronous search
    expectThrowsCode(() => findDuplicates(slowly([person('a', 'x')]) as never), 'INVALID_ARGUMENT');
    for (const item of [null, 7, { id: 1, displayName: 'x' }, { id: 'a' }, { id: 'a', displayName: 'x', contactPoints: 'none' }]) {
      const items = [person('ok', '李雷'), item] as Customer[];
      expectThrowsCode(() => findDuplicates(once(items, { count: 0 })), 'INVALID_ARGUMENT');
      await expectRejectsCode(findDuplicatesInStream(slowly(items)), 'INVALID_ARGUMENT');
    }
  });

  it('report a repeated id anywhere in a stream as DUPLICATE_ID, naming the id and no personal value', async () => {
    const cs = [person('c-1', '陈小明', { contactPoints: [{ type: 'phone', value: '13812345678' }] }), person('c-2', '王芳'), person('c-1', '陈小明')];
    const error = expectThrowsCode(() => findDuplicates(once(cs, { count: 0 })), 'DUPLICATE_ID');
    expect(error.details).toEqual({ id: 'c-1' });
    const streamed = await expectRejectsCode(findDuplicatesInStream(slowly(cs)), 'DUPLICATE_ID');
    expect(streamed.details).toEqual({ id: 'c-1' });
    for (const message of [error.message, streamed.message]) {
      expect(message).not.toContain('陈小明');
      expect(message).not.toContain('13812345678');
    }
  });

  it('stops reading a stream when the signal aborts, and reports the records read', async () => {
    const cs = realisticCustomers(200, 13).customers;
    const aborted = new AbortController();
    aborted.abort();
    await expectRejectsCode(findDuplicatesInStream(slowly(cs), { signal: aborted.signal }), 'ABORTED');
    const phases: string[] = [];
    let lastRead = 0;
    await findDuplicatesInStream(slowly(cs), {
      onProgress: (p) => {
        if (!phases.includes(p.phase)) phases.push(p.phase);
        if (p.phase === 'read') lastRead = p.done;
      },
    });
    expect(phases).toEqual(['read', 'block', 'compare']);
    expect(lastRead).toBe(cs.length);
  });

  it('passes an error the stream raises through unchanged', async () => {
    const broken = new Error('connection lost');
    async function* failing(): AsyncGenerator<Customer> {
      yield person('a', '李雷');
      throw broken;
    }
    await expect(findDuplicatesInStream(failing())).rejects.toBe(broken);
  });
});
