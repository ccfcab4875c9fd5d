import { describe, expect, it } from 'vitest';
import { at } from '../../../src/quality/duplicates/column';
import { estimateMatchParameters, evaluateDuplicates, findDuplicates, syntheticCustomers } from 'crmkit/quality';
import { BLOCKING_KEYS, candidatePairs } from '../../../src/quality/duplicates/blocking';
import { extractFeatures } from '../../../src/quality/duplicates/featureRows';
import { expectThrowsCode, person } from '../helpers';
import { contactValues } from './featureColumns';

describe('estimateMatchParameters (EM)', () => {
  const s = syntheticCustomers({ count: 20_000, seed: 3, asOf: new Date('2026-01-01') });
  const fit = estimateMatchParameters(s.customers);
  // The candidate pairs of one kind, from blocking on the columns EM reads (the next two tests).
  const f = extractFeatures(s.customers, 'CN');
  const n = s.customers.length;
  const sameKind = Array.from(candidatePairs(f, BLOCKING_KEYS, 100).codes, (code) => [Math.floor(code / n), code % n] as const).filter(
    ([a, b]) => at(f.kind, a) === at(f.kind, b),
  );

  it('converges and recovers the rates the known truth gives on the candidate pairs', () => {
    expect(fit.converged).toBe(true);
    // Empirical rates from the generator's truth: among candidate pairs (same kind) that are true
    // duplicates / are not, the share agreeing on phone (of those with phones on both sides).
    const cluster = new Map<string, number>();
    s.clusters.forEach((ids, k) => ids.forEach((id) => cluster.set(id, k)));
    let matches = 0;
    const phone = { mAgree: 0, mBoth: 0, uAgree: 0, uBoth: 0 };
    for (const [a, b] of sameKind) {
      const ka = cluster.get(at(f.ids, a));
      const isMatch = ka !== undefined && ka === cluster.get(at(f.ids, b));
      if (isMatch) matches++;
      if (at(f.phones, a) && at(f.phones, b)) {
        const agree = contactValues(at(f.phones, a)).some((p) => contactValues(at(f.phones, b)).includes(p));
        if (isMatch) {
          phone.mBoth++;
          if (agree) phone.mAgree++;
        } else {
          phone.uBoth++;
          if (agree) phone.uAgree++;
        }
      }
    }
    expect(fit.matchShare).toBeCloseTo(matches / sameKind.length, 1);
    expect(fit.parameters.phone.agree.m).toBeCloseTo(phone.mAgree / phone.mBoth, 1);
  });

  it('returns the threshold of even odds against the chance that two random records match (hand formula; truth of the generator)', () => {
    // Second path: count the pairs of one kind and the candidate pairs from the columns, then
    // p = matchShare * candidates / pairs of one kind and threshold = log2((1 - p) / p).
    const kinds = new Map<unknown, number>();
    for (let i = 0; i < n; i++) kinds.set(at(f.kind, i), (kinds.get(at(f.kind, i)) ?? 0) + 1);
    const allPairs = [...kinds.values()].reduce((t, c) => t + (c * (c - 1)) / 2, 0);
    const p = (fit.matchShare * sameKind.length) / allPairs;
    expect(fit.randomPairMatchProbability).toBeCloseTo(p, 12);
    expect(fit.threshold).toBeCloseTo(Math.log2((1 - p) / p), 9);
    expect(fit.reviewThreshold).toBeCloseTo(fit.threshold - 4, 9);
    // Against the truth: the generator's duplicate pairs over all pairs of one kind give the chance
    // two random records match; the estimate's threshold is within half a bit of the truth's.
    const truePairs = s.clusters.reduce((t, ids) => t + (ids.length * (ids.length - 1)) / 2, 0);
    const truth = truePairs / allPairs;
    expect(Math.abs(fit.threshold - Math.log2((1 - truth) / truth))).toBeLessThan(0.5);
  });

  it('counts u on all pairs when there are at most 500,000: the rate of accidental agreement, with the prior of 20 pairs', () => {
    // 900 records: 404,550 pairs, all visited. Second implementation: count the pairs of one kind
    // where both have phones, and those sharing one, straight from the normalised columns; u is
    // (sharing + 20 * 0.0001) / (both + 20), the Dirichlet prior centred on the default u.
    const small = syntheticCustomers({ count: 900, seed: 5, asOf: new Date('2026-01-01') });
    const f = extractFeatures(small.customers, 'CN');
    let both = 0;
    let sharing = 0;
    for (let a = 0; a < f.count; a++) {
      for (let b = a + 1; b < f.count; b++) {
        if (at(f.kind, a) !== at(f.kind, b) || !at(f.phones, a) || !at(f.phones, b)) continue;
        both++;
        if (contactValues(at(f.phones, a)).some((p) => contactValues(at(f.phones, b)).includes(p))) sharing++;
      }
    }
    expect(sharing).toBeGreaterThan(0);
    const u = estimateMatchParameters(small.customers).parameters.phone.agree.u;
    expect(u).toBeCloseTo((sharing + 20 * 0.0001) / (both + 20), 12);
  });

  it('gives weights that find duplicates with F1 of at least 0.95 on the synthetic set, with the threshold it returns', () => {
    const { parameters, threshold, reviewThreshold } = fit;
    const q = evaluateDuplicates(findDuplicates(s.customers, { parameters, threshold, reviewThreshold }).clusters, s.clusters);
    expect(q.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('needs candidate pairs and sane options', () => {
    expectThrowsCode(() => estimateMatchParameters([person('a', 'A'), person('b', 'B')]), 'INSUFFICIENT_DATA');
    expectThrowsCode(() => estimateMatchParameters([], { maxIterations: 0 }), 'INVALID_ARGUMENT');
  });
});
