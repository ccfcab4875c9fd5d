import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueTiers } from 'crmkit/segmentation';

const v = (customerId: string, monetaryMinor: number) => ({ customerId, monetaryMinor });

describe('valueTiers', () => {
  it('Pareto 80/95 on a hand-calculated example, in input order', () => {
    // sorted: a 500 (cum before 0%), b 300 (50%), c 100 (80%), d 60 (90%), e 40 (96%)
    expect(valueTiers([v('e', 40), v('a', 500), v('c', 100), v('b', 300), v('d', 60)]).map((t) => `${t.customerId}:${t.tier}`)).toEqual([
      'e:low',
      'a:high',
      'c:medium',
      'b:high',
      'd:medium',
    ]);
  });
  it('equal values share a tier; zero and negative values are always last', () => {
    // 4 x 100 (cum before the group 0%) -> all high; 0 and -5 -> low
    expect(valueTiers([v('a', 100), v('b', 100), v('c', 100), v('d', 100), v('z', 0), v('n', -5)]).map((t) => t.tier)).toEqual(['high', 'high', 'high', 'high', 'low', 'low']);
    expect(valueTiers([])).toEqual([]);
  });
  it('custom shares and names', () => {
    expect(valueTiers([v('a', 90), v('b', 10)], { shares: [0.5], names: ['A', 'B'] }).map((t) => t.tier)).toEqual(['A', 'B']);
  });
  it('rejects NaN values and bad options', () => {
    expect(() => valueTiers([v('a', Number.NaN)])).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => valueTiers([], { shares: [0.9, 0.5] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => valueTiers([], { shares: [0.8], names: ['x'] })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
  it('tiers are monotone: a higher value never gets a lower tier (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 10_000 }), { maxLength: 50 }), (xs) => {
        const tiers = valueTiers(xs.map((x, i) => v(String(i), x)));
        const rank = { high: 0, medium: 1, low: 2 } as Record<string, number>;
        for (let i = 0; i < xs.length; i++)
          for (let j = 0; j < xs.length; j++) if ((xs[i] as number) > (xs[j] as number)) expect(rank[tiers[i]!.tier]!).toBeLessThanOrEqual(rank[tiers[j]!.tier]!);
      }),
    );
  });
});
