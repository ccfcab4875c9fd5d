import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdCodes, idHash } from '../../src/customer/idCodes';
import { summarizeTransactionsColumns } from 'crmkit/clv';
import { thrownCode as code } from '../errors';

describe('IdCodes', () => {
  it('gives each distinct id the next integer in first-seen order, whatever the runs of equal ids (second implementation: indexOf over the distinct list, fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 40 }), (ids) => {
        const coder = new IdCodes();
        const got = ids.map((id) => coder.code(id));
        const distinct = [...new Set(ids)];
        expect(coder.ids).toEqual(distinct);
        expect(got).toEqual(ids.map((id) => distinct.indexOf(id)));
      }),
    );
  });

  // The reference for the next three tests: a Map from id to code, the structure IdCodes replaced
  // with its own table; codes must be the same whatever the table does (growth, fallback).
  const byMap = (ids: readonly unknown[]) => {
    const map = new Map<unknown, number>();
    return ids.map((id) => {
      if (!map.has(id)) map.set(id, map.size);
      return map.get(id) as number;
    });
  };

  /** Codes `ids` with one codeBatch call and checks the codes and the distinct ids against a Map's. */
  const expectBatchLikeMap = (ids: readonly string[]) => {
    const batch = new IdCodes();
    const out = new Int32Array(ids.length);
    batch.codeBatch(ids, ids.length, out);
    expect(Array.from(out)).toEqual(byMap(ids));
    expect(batch.ids).toEqual([...new Set(ids)]);
  };

  it('codes thousands of ids as a Map would, across the table doubling, in batches and one by one (fast-check; reference: a Map)', () => {
    const id = fc.oneof(
      fc.nat(6000).map((n) => `c${n}`),
      fc.string({ maxLength: 12, unit: 'binary' }),
      fc.constantFrom('', 'c1', '\u0000', 'é', '\ud800'),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 9000 }), (ids) => {
        const one = new IdCodes();
        expect(ids.map((x) => one.code(x))).toEqual(byMap(ids));
        expectBatchLikeMap(ids);
      }),
      { numRuns: 60 },
    );
  });

  it('codes runs of equal ids in batches as a Map would: rows grouped by customer, runs across batch borders, values that are not strings (fast-check; reference: a Map)', () => {
    const value = fc.constantFrom<unknown>('a', 'b', 'c1', '', undefined, null, 0, Number.NaN);
    const runs = fc.array(fc.tuple(value, fc.integer({ min: 1, max: 700 })), { maxLength: 12 });
    fc.assert(
      fc.property(runs, (spec) => {
        // each id a fresh string where it is one, as rows read from a file are
        const ids = spec.flatMap(([v, n]) => Array.from({ length: n }, () => (typeof v === 'string' ? `${v}#`.slice(0, -1) : v))) as string[];
        expectBatchLikeMap(ids);
      }),
      { numRuns: 80 },
    );
  });

  it('codes values that are not strings apart from the table, keeping first-seen order (reference: a Map)', () => {
    const ids = [undefined, 'a', 1, 'b', undefined, 'a', null, ...Array.from({ length: 3000 }, (_, i) => `x${i % 2500}`), 1, null] as unknown as string[];
    const coder = new IdCodes();
    expect(ids.map((x) => coder.code(x))).toEqual(byMap(ids));
    expect(coder.usesMap).toBe(false);
    // The same in batches (runs of 1,024 ids go through the pipelined passes).
    expectBatchLikeMap(ids);
  });

  it('tells apart ids whose whole 32-bit hashes are equal, by their characters', () => {
    // a full-hash collision found by brute force (birthday bound: a few hundred thousand tries)
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; pair === undefined && n < 2_000_000; n++) {
      const s = `id-${n.toString(36).padStart(5, '0')}`;
      const h = idHash(s);
      const other = seen.get(h);
      if (other !== undefined) pair = [other, s];
      else seen.set(h, s);
    }
    expect(pair).toBeDefined();
    const [x, y] = pair as [string, string];
    expect(x).not.toBe(y);
    expect(x.length).toBe(y.length);
    expect(idHash(x)).toBe(idHash(y));
    const ids = [x, y, x, 'z', y, y, x];
    const coder = new IdCodes();
    expect(ids.map((id) => coder.code(id))).toEqual(byMap(ids));
    expect(coder.ids).toEqual([x, y, 'z']);
    // In batches: x is in the table before the second batch, so there y finds x's code in its
    // home slot with an equal hash, and only the characters tell them apart.
    const batch = new IdCodes();
    const out = new Int32Array(ids.length);
    batch.codeBatch(ids, 1, out);
    batch.codeBatch(ids.slice(1), ids.length - 1, out.subarray(1));
    expect(Array.from(out)).toEqual(byMap(ids));
  });

  it('codes long ids (UUIDs) past the growth of its character store, as a Map would', () => {
    const uuid = (i: number) => `${i.toString(16).padStart(8, '0')}-7a1e-4c2b-9d3f-${(i * 2654435761 >>> 0).toString(16).padStart(12, '0')}`;
    const ids = Array.from({ length: 6000 }, (_, i) => uuid(i % 4000));
    const coder = new IdCodes();
    const batch = new Int32Array(ids.length);
    coder.codeBatch(ids, ids.length, batch);
    expect(Array.from(batch)).toEqual(byMap(ids));
    expect(coder.ids).toHaveLength(4000);
  });

  it('moves to a Map when ids collide in the table, and still codes them as a Map would', () => {
    // 200 ids whose hashes share their low 11 bits: all want the first table's same slot
    // (2,048 slots), so an insert must probe past the 128-slot limit.
    const colliding: string[] = [];
    for (let n = 0; colliding.length < 200 && n < 5_000_000; n++) {
      const s = `k${n}`;
      if ((idHash(s) & 2047) === 5) colliding.push(s);
    }
    expect(colliding).toHaveLength(200);
    const ids = [...colliding, 'other', ...colliding.slice().reverse(), ...Array.from({ length: 3000 }, (_, i) => `y${i}`), colliding[0] as string];
    const coder = new IdCodes();
    expect(ids.map((x) => coder.code(x))).toEqual(byMap(ids));
    expect(coder.usesMap).toBe(true);
    // The same in one batch: the table gives way to the Map in the middle of a run of ids.
    const batch = new IdCodes();
    const out = new Int32Array(ids.length);
    batch.codeBatch(ids, ids.length, out);
    expect(Array.from(out)).toEqual(byMap(ids));
    expect(batch.usesMap).toBe(true);
    // Without the collisions the table stays in use (the check above is not vacuous).
    const plain = new IdCodes();
    ids.slice(401, -1).forEach((x) => plain.code(x));
    expect(plain.ids).toHaveLength(3000);
    expect(plain.usesMap).toBe(false);
  });

  it('does not take a missing first id for the previous one (the columns path still refuses it)', () => {
    const coder = new IdCodes();
    expect(coder.code(undefined as never)).toBe(0);
    const asOf = new Date('2026-03-01T00:00:00Z');
    expect(code(() => summarizeTransactionsColumns({ currency: 'CNY', customerId: [undefined as never], amountMinor: [1], occurredAtMs: [0] }, { asOf }))).toBe('INVALID_ARGUMENT');
  });
});
