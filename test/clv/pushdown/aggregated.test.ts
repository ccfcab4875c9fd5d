// The purchase models fitted on aggregated rows (distinct frequency, recency, T with a count, as
// clvSummaryCountsSql returns them) equal the fit on the expanded per-customer rows to 1e-9, in any
// row order. The second "implementation" is the expanded data itself: n identical customers
// contribute n times one customer's log-likelihood, so the two inputs define the same objective.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from 'crmkit/core';
import { fitBgNbd } from 'crmkit/clv';

const rnd = mulberry32(15);
const expanded: { frequency: number; recency: number; T: number }[] = [];
for (let i = 0; i < 3000; i++) {
  const T = 20 + Math.floor(rnd() * 20);
  const frequency = rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 6);
  const recency = frequency === 0 ? 0 : 1 + Math.floor(rnd() * (T - 1));
  expanded.push({ frequency, recency, T });
}
const counts = new Map<string, { frequency: number; recency: number; T: number; count: number }>();
for (const r of expanded) {
  const k = `${r.frequency}|${r.recency}|${r.T}`;
  const row = counts.get(k);
  if (row) row.count++;
  else counts.set(k, { ...r, count: 1 });
}
const aggregated = [...counts.values()].reverse(); // a different order from the expanded rows

describe('fits on aggregated rows equal fits on expanded rows', () => {
  it('the data has repeated rows, so aggregation changes the input', () => {
    expect(aggregated.length).toBeLessThan(expanded.length / 2);
  });

  it('BG/NBD: parameters and log-likelihood equal to 1e-9', () => {
    // strict: false: this synthetic data has its maximum at the edge (a → 0), a degenerate fit; the
    // point here is that both inputs reach the same estimates, degenerate or not.
    const a = fitBgNbd(aggregated, { strict: false });
    const e = fitBgNbd(expanded, { strict: false });
    for (const k of ['r', 'alpha', 'a', 'b'] as const) expect(Math.abs(a.params[k] - e.params[k]), k).toBeLessThan(1e-9);
    expect(Math.abs((a.fit?.logLikelihood as number) - (e.fit?.logLikelihood as number))).toBeLessThan(1e-9);
    expect(a.fit?.customers).toBe(3000);
  });
});
