import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from 'crmkit';
import { clusterPairs, findDuplicates } from 'crmkit/quality';
import { averageLinkClusters } from '../../../src/quality/duplicates/averageLinkage';
import { clusterIndexes } from '../../../src/quality/duplicates/clusters';
import { person } from '../helpers';
import { referenceAverageLink } from './referenceAverageLinkage';

/** A symmetric score from a table keyed `i,j` (i < j), 0 where absent. */
const table = (t: Record<string, number>) => (a: number, b: number) => t[a < b ? `${a},${b}` : `${b},${a}`] ?? 0;
const sorted = (groups: number[][]) => groups.map((g) => [...g].sort((x, y) => x - y)).sort((x, y) => (x[0] as number) - (y[0] as number));

describe('averageLinkClusters', () => {
  it('cuts a chain where the two ends disagree on balance (worked by hand)', () => {
    // 0-1 and 2-3 are strong pairs (20 bits), 1-2 a weaker link (10), the other cross pairs disagree.
    // Merges: {0,1} (20, first of the tie), then {2,3} (20); then {0,1} against {2,3}:
    // (s02 + s03 + s12 + s13) / 4 = (-5 - 10 + 10 - 5) / 4 = -2.5 < 0, so they stay apart.
    const score = table({ '0,1': 20, '1,2': 10, '2,3': 20, '0,2': -5, '0,3': -10, '1,3': -5 });
    expect(sorted(averageLinkClusters(4, [0, 1, 1, 2, 2, 3], score))).toEqual([[0, 1], [2, 3]]);
    // single linkage keeps all four
    expect(clusterIndexes(4, [0, 1, 1, 2, 2, 3])).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps a star of independently damaged copies together (worked by hand)', () => {
    // original 0 matches each copy (15 bits); two copies share little (2 bits) but do not disagree.
    // {0,1} 15; {0,1}+2: (15 + 2) / 2 = 8.5; {0,1,2}+3: (15 + 2 + 2) / 3 = 6.33: one group.
    const score = table({ '0,1': 15, '0,2': 15, '0,3': 15, '1,2': 2, '1,3': 2, '2,3': 2 });
    expect(sorted(averageLinkClusters(4, [0, 1, 0, 2, 0, 3], score))).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps a matched pair as it is, and a decided pair (Infinity) outweighs disagreement', () => {
    let calls = 0;
    const never = () => {
      calls++;
      return -100;
    };
    expect(averageLinkClusters(3, [0, 1], never)).toEqual([[0, 1]]);
    expect(calls).toBe(0);
    // 0-1 decided; 2 links to 1 (12) but disagrees with 0 (-40): (12 - 40) / 2 < 0, 2 stays out
    const score = table({ '0,1': Infinity, '1,2': 12, '0,2': -40 });
    expect(sorted(averageLinkClusters(3, [0, 1, 1, 2], score))).toEqual([[0, 1]]);
  });

  it('property: groups are disjoint, lie inside one single-link component, and agree with a plain second implementation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 9 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 14 }),
            fc.array(fc.integer({ min: -30, max: 30 }), { minLength: n * n, maxLength: n * n }),
          ),
        ),
        ([n, links, values]) => {
          const edges = links.filter(([a, b]) => a !== b).flat();
          const score = (a: number, b: number) => values[Math.min(a, b) * n + Math.max(a, b)] as number;
          const got = sorted(averageLinkClusters(n, edges, score));
          const components = clusterIndexes(n, edges);
          const expected = sorted(components.flatMap((c) => referenceAverageLink([...c].sort((x, y) => x - y), score)).filter((g) => g.length > 1));
          expect(got).toEqual(expected);
          const seen = new Set<number>();
          for (const g of got) {
            expect(components.some((c) => g.every((i) => c.includes(i)))).toBe(true);
            for (const i of g) {
              expect(seen.has(i)).toBe(false);
              seen.add(i);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('findDuplicates clusters', () => {
  const at = (id: string, name: string, points: Customer['contactPoints'], birth: string) =>
    person(id, name, { contactPoints: points, person: { birthDate: new Date(`${birth}T00:00:00Z`) } });
  const landline = { type: 'phone', value: '+61 2 9999 0000' } as const;

  it('do not chain Sandra and Steven Walker through a record typed `S. Walker` on their shared landline', () => {
    const records = [
      at('a1', 'Sandra Walker', [{ type: 'email', value: 'sandra@example.com' }], '1980-01-01'),
      at('a2', 'Sandra Walker', [{ type: 'email', value: 'sandra@example.com' }, landline], '1980-01-01'),
      at('c1', 'S. Walker', [landline], '1975-03-03'),
      at('c2', 'Steven Walker', [landline, { type: 'email', value: 'steven@example.com' }], '1975-03-03'),
    ];
    const r = findDuplicates(records);
    // Worked from DEFAULT_MATCH_PARAMETERS (weight log2(m/u)); name counts sandra walker 2, the others
    // 1, so E[c] = (4 + 1 + 1) / 4 = 1.5 and sandra walker is weakened by log2(1.5 / 2) = -0.415:
    //   a1~a2 exact 7.824 - 0.415 + email 12.773 + birth 10.814 = 30.996 (match)
    //   c1~c2 high 5.644 (initial s) + phone 12.773 + birth 10.814 = 29.231 (match)
    //   a2~c1 high 5.644 - 0.415 + phone 12.773 + birth disagree -4.639 = 13.363 (match: the bridge)
    //   a1~c1 5.229 - 4.639 = 0.590; a1~c2 and a2~c2: given names differ, disagree -5.005, email
    //   disagree log2(0.24/0.9979) = -2.056, birth -4.639, the landline shared (0): -11.700 each
    // single link: one cluster of four; average link: {a1,a2}, {c1,c2}, then
    // (0.590 - 11.700 + 13.363 - 11.700) / 4 = -2.4 < 0: two customers.
    const matches = r.pairs.filter((p) => p.status === 'match').map((p) => [p.a, p.b] as const);
    expect(clusterPairs(matches)).toEqual([['a1', 'a2', 'c1', 'c2']]);
    expect(r.pairs.find((p) => p.a === 'a2' && p.b === 'c1')?.score).toBeCloseTo(13.363, 2);
    expect(r.clusters).toEqual([['a1', 'a2'], ['c1', 'c2']]);
  });
});
