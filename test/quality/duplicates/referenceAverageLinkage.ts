/**
 * A second, plain implementation of the average-linkage split of a single-link component
 * (src/quality/duplicates/averageLinkage.ts), written for plainness: groups as arrays, every
 * average recomputed from the pair scores on each step, no running sums. Components of more than
 * 200 records are kept whole, as there.
 */
export function referenceAverageLink(component: readonly number[], score: (a: number, b: number) => number): number[][] {
  if (component.length < 3 || component.length > 200) return [[...component]];
  const pairScore = new Map<string, number>();
  const s = (a: number, b: number) => {
    const k = a < b ? `${a},${b}` : `${b},${a}`;
    let v = pairScore.get(k);
    if (v === undefined) pairScore.set(k, (v = Math.min(1e6, score(a, b))));
    return v;
  };
  let groups = component.map((m) => [m]);
  for (;;) {
    let best: [number, number, number] | undefined;
    for (let x = 0; x < groups.length; x++) {
      for (let y = x + 1; y < groups.length; y++) {
        let total = 0;
        for (const a of groups[x]!) for (const b of groups[y]!) total += s(a, b);
        const average = total / (groups[x]!.length * groups[y]!.length);
        if (!best || average > best[0]) best = [average, x, y];
      }
    }
    if (!best || best[0] < 0) return groups;
    const [, x, y] = best;
    groups = [...groups.slice(0, y).map((g, i) => (i === x ? [...g, ...groups[y]!] : g)), ...groups.slice(y + 1)];
  }
}
