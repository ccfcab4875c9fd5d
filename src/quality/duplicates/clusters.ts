import { requireIterable } from '../../core/guards';
import { requirePairs } from './guards';

/**
 * Groups ids into clusters, the transitive closure of the given pairs (if a~b and b~c then a, b and
 * c are one cluster), with a union-find over integer indexes (path halving, union by size; Tarjan,
 * R. E. (1975), "Efficiency of a Good But Not Linear Set Union Algorithm", JACM 22(2)).
 *
 * @param pairs - pairs of ids that belong together
 * @returns clusters of two or more ids, each sorted, the clusters sorted by their first id
 *
 * @example
 * ```ts
 * import { clusterPairs } from 'crmkit/quality';
 * clusterPairs([['c', 'b'], ['a', 'b'], ['x', 'y']]);
 * //=> [['a', 'b', 'c'], ['x', 'y']]
 * ```
 */
export function clusterPairs(pairs: Iterable<readonly [string, string]>): string[][] {
  requireIterable(pairs, 'pairs');
  const index = new Map<string, number>();
  const ids: string[] = [];
  const edges: number[] = [];
  const at = (id: string): number => {
    let i = index.get(id);
    if (i === undefined) {
      i = ids.length;
      index.set(id, i);
      ids.push(id);
    }
    return i;
  };
  for (const [a, b] of requirePairs(pairs)) edges.push(at(a), at(b));
  const groups = clusterIndexes(ids.length, edges);
  return groups.map((g) => g.map((i) => ids[i] as string).sort()).sort((x, y) => ((x[0] as string) < (y[0] as string) ? -1 : 1));
}

/**
 * Union-find over `n` integer nodes; `edges` holds pairs flat (`[a0, b0, a1, b1, ...]`). Returns the
 * groups of two or more nodes.
 */
export function clusterIndexes(n: number, edges: ArrayLike<number>): number[][] {
  const parent = new Int32Array(n);
  const size = new Int32Array(n).fill(1);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  };
  for (let e = 0; e + 1 < edges.length; e += 2) {
    let ra = find(edges[e] as number);
    let rb = find(edges[e + 1] as number);
    if (ra === rb) continue;
    if ((size[ra] as number) < (size[rb] as number)) [ra, rb] = [rb, ra];
    parent[rb] = ra;
    size[ra] = (size[ra] as number) + (size[rb] as number);
  }
  const byRoot = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if ((size[r] as number) < 2) continue;
    const g = byRoot.get(r);
    if (g) g.push(i);
    else byRoot.set(r, [i]);
  }
  return [...byRoot.values()];
}
