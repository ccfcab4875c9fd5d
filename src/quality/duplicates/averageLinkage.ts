import { clusterIndexes } from './clusters';

/** The score of a pair (bits) used to decide whether two groups belong together; `Infinity` when a shared identifier decides it. */
export type LinkScore = (a: number, b: number) => number;

// Components larger than this keep their single-link closure: the all-pairs check is quadratic in
// the component and cubic in the merges. Real duplicate groups are far smaller (the largest in the
// Chicago records is 18); a larger component is a block of look-alikes, not one customer.
const MAX_CHECKED = 200;
// A decided pair (shared USCC, resident id, verified phone) outweighs any number of others.
const DECIDED = 1e6;

/**
 * Groups of matching records that hold together on average, not only through a chain of links.
 * The single-link closure of the match `edges` (union-find, {@link clusterIndexes}) joins two
 * customers through a third: a switchboard phone, a household's landline, a shortened name that
 * is close to two different people. Each closure of three or more records is re-grouped by average
 * linkage (UPGMA; Sokal, R. R. and Michener, C. D. (1958), "A statistical method for evaluating
 * systematic relationships", University of Kansas Science Bulletin 38): starting from single
 * records, the two groups whose members score highest on average against each other are merged
 * while that average is at least 0 bits, that is while the evidence across the two groups does
 * not, on balance, say they are different customers (a Fellegi-Sunter score of 0 is a likelihood
 * ratio of 1). The bar is 0 and not the match threshold: duplicates of one original are damaged
 * independently, so two of them often share little (a low positive score) without disagreeing;
 * what a chain should not cross is disagreement (another street and phone, another birth date).
 * A pair of records that matched stays a pair. Every group returned lies inside one closure.
 *
 * @param n - number of records
 * @param edges - match pairs flat (`[a0, b0, a1, b1, ...]`)
 * @param score - the score of any two records of one closure (called once for every pair of a closure)
 * @returns groups of two or more record indexes
 */
export function averageLinkClusters(n: number, edges: ArrayLike<number>, score: LinkScore): number[][] {
  const out: number[][] = [];
  for (const component of clusterIndexes(n, edges)) {
    if (component.length < 3 || component.length > MAX_CHECKED) out.push(component);
    else for (const g of splitComponent(component, score)) if (g.length > 1) out.push(g);
  }
  return out;
}

/** Average-linkage agglomeration of one component; groups of one included. */
function splitComponent(members: readonly number[], score: LinkScore): number[][] {
  const k = members.length;
  // sum[x * k + y]: the sum of the scores of the cross pairs of groups x and y.
  const sum = new Float64Array(k * k);
  for (let i = 0; i < k; i++) {
    for (let j = i + 1; j < k; j++) {
      const s = Math.min(DECIDED, score(members[i] as number, members[j] as number));
      sum[i * k + j] = s;
      sum[j * k + i] = s;
    }
  }
  const groups: (number[] | undefined)[] = members.map((m) => [m]);
  for (let merges = 0; merges < k - 1; merges++) {
    let best = -Infinity;
    let bx = -1;
    let by = -1;
    for (let x = 0; x < k; x++) {
      const gx = groups[x];
      if (!gx) continue;
      for (let y = x + 1; y < k; y++) {
        const gy = groups[y];
        if (!gy) continue;
        const average = (sum[x * k + y] as number) / (gx.length * gy.length);
        if (average > best) {
          best = average;
          bx = x;
          by = y;
        }
      }
    }
    if (bx < 0 || best < 0) break;
    const gx = groups[bx] as number[];
    for (const m of groups[by] as number[]) gx.push(m);
    groups[by] = undefined;
    for (let z = 0; z < k; z++) {
      if (z === bx || !groups[z]) continue;
      const s = (sum[bx * k + z] as number) + (sum[by * k + z] as number);
      sum[bx * k + z] = s;
      sum[z * k + bx] = s;
    }
  }
  return groups.filter((g): g is number[] => g !== undefined);
}
