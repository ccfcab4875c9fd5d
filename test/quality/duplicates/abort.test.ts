import { describe, expect, it } from 'vitest';
import type { Progress } from 'crmkit';
import { assessQuality, findDuplicates, syntheticCustomers } from 'crmkit/quality';
import { expectThrowsCode } from '../helpers';

const asOf = new Date('2026-01-01T00:00:00Z');

describe('signal and onProgress (LongRunningOptions)', () => {
  const { customers } = syntheticCustomers({ count: 20_000, seed: 2, asOf });

  it('findDuplicates throws ABORTED for an aborted signal and reports block and compare progress otherwise', () => {
    const controller = new AbortController();
    controller.abort();
    expectThrowsCode(() => findDuplicates(customers, { signal: controller.signal }), 'ABORTED');
    const seen: Progress[] = [];
    const r = findDuplicates(customers, { onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ phase: 'block', done: 20_000, total: 20_000 });
    expect(seen.at(-1)).toEqual({ phase: 'compare', done: r.comparisons, total: r.comparisons });
  });

  it('findDuplicates stops mid-comparison when the signal aborts during the run', () => {
    const controller = new AbortController();
    // abort when the first compare progress arrives (after 4,096 comparisons; this set makes more)
    expect(findDuplicates(customers).comparisons).toBeGreaterThan(4096);
    expectThrowsCode(() => findDuplicates(customers, { signal: controller.signal, onProgress: (p) => p.phase === 'compare' && controller.abort() }), 'ABORTED');
  });

  it('assessQuality passes both on to the duplicate search and checks between records', () => {
    const controller = new AbortController();
    controller.abort();
    expectThrowsCode(() => assessQuality(customers, { asOf, signal: controller.signal }), 'ABORTED');
    const phases = new Set<string>();
    assessQuality(customers, { asOf, onProgress: (p) => phases.add(p.phase) });
    expect([...phases]).toEqual(['check', 'block', 'compare']);
  });
});
