import { describe, expect, it } from 'vitest';
import { estimateMatchParameters, evaluateDuplicates, findDuplicates } from 'crmkit/quality';
import { chicagoEceAvailable, loadChicagoEce } from './chicagoEce';
import { independentCustomers } from './independentSet';
import { realisticCustomers } from './realistic';
import { loadSplinkFake1000, splinkFake1000Available } from './splinkFake1000';
import { loadSplinkHistorical, splinkHistoricalAvailable } from './splinkHistorical';

type Records = ReturnType<typeof realisticCustomers>;
type Options = Parameters<typeof findDuplicates>[1];

/** Pairwise precision, recall and F1 of findDuplicates with `options` against the set's truth. */
const quality = ({ customers, clusters }: Records, options?: Options) => evaluateDuplicates(findDuplicates(customers, options).clusters, clusters);

/** EM's fit on the set's records, which must have converged. */
function convergedFit({ customers }: Records) {
  const fit = estimateMatchParameters(customers);
  expect(fit.converged).toBe(true);
  return fit;
}

/** An outside set's records, or none where its file is absent (its tests are then skipped). */
const outsideSet = (available: boolean, load: () => Records): Records => (available ? load() : { customers: [], clusters: [] });

// Regression floors on data the matcher was not designed on, with the default options (nothing
// declared) and with EM parameters. Truth comes from the data: the generator's groups for the
// realistic records (realistic.ts: Chinese names from test/fixtures/chinese-names, FEBRL's
// Western names, damage written apart from the matcher), the hand-given `True Id` for the Chicago
// records, the `cluster` column for Splink's fake_1000 and historical figures (outside data: OUTSIDE_DATA.md). Each
// floor sits a little under the value measured by bench/duplicates-accuracy.bench.ts on this
// commit, which is stated beside it.
describe('findDuplicates on realistic Chinese and Western customer records (10,641 records, seed 11)', () => {
  const set = realisticCustomers(10_000, 11);

  it('defaults: F1 >= 0.97 (measured P 0.995 / R 0.961 / F1 0.978)', () => {
    const q = quality(set);
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.f1).toBeGreaterThanOrEqual(0.97);
  });

  // With findDuplicates' default threshold of 8 the fitted parameters scored P 0.971 / R 0.967 /
  // F1 0.969: a name alone outweighed a different phone. With the threshold the fit returns
  // (13.6 bits here) they find the same pairs as the defaults.
  // Passing the parameters alone: they carry the threshold (at 8 bits precision would be 0.971).
  it('EM converges and, at the threshold its parameters carry, keeps F1 >= 0.97 (measured P 0.995 / R 0.961 / F1 0.978, as the defaults)', () => {
    const fit = convergedFit(set);
    expect(fit.parameters.threshold).toBe(fit.threshold);
    const q = quality(set, { parameters: fit.parameters });
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.f1).toBeGreaterThanOrEqual(0.97);
  });
});

// A second generator, written by another hand without reading the matcher (independentSet.ts):
// its own name lists, damage and hard negatives (families sharing an email, father and son of one
// name, branch offices, numbers written without their country code). The matcher scored F1 0.915
// on it before the rules those cases led to (family emails, married names, namesakes, national
// numbers); its unmatched pairs are mostly records with nothing but a name in common.
describe('findDuplicates on the independent generator (4,336 records of 3,000 entities, seed 1)', () => {
  const set = independentCustomers(3_000, 1);

  // 0.936 before the rareName and familyPhoneHalf keys, the public nickname list, run-together names
  // and married names on North American numbers
  it('defaults: F1 >= 0.945 (measured P 0.989 / R 0.919 / F1 0.953)', () => {
    const q = quality(set);
    expect(q.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.f1).toBeGreaterThanOrEqual(0.945);
  });

  it('EM converges and keeps F1 >= 0.945 at the threshold its parameters carry (measured P 0.989 / R 0.919 / F1 0.953)', () => {
    const q = quality(set, { parameters: convergedFit(set).parameters });
    expect(q.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.f1).toBeGreaterThanOrEqual(0.945);
  });
});

// Outside sets (not committed; see OUTSIDE_DATA.md): skipped where the files are absent.
describe.skipIf(!chicagoEceAvailable)('findDuplicates on the Chicago early-childhood-centre records (3,337 organisations, 6,608 true pairs; outside data)', () => {
  const set = outsideSet(chicagoEceAvailable, loadChicagoEce);

  // A hard set for a customer matcher: sites of one agency share its switchboard and its name
  // before the site's, and the truth groups some sites by street number. The floors guard against
  // losing ground, they do not claim the set is solved. Clusters by average linkage rather than
  // single links raised precision from 0.573 (F1 0.686) to 0.727 (F1 0.784); street lines with
  // USPS abbreviations, a switchboard shared by sites at other streets weighing 0 and the
  // streetLocality key (most records have no zip) raised it to P 0.787 / F1 0.852; a postal code
  // and city that two organisations' different streets share counting as the area's, not one
  // site's (weight 0), to the figure below.
  it('defaults: F1 >= 0.92 (measured P 0.942 / R 0.928 / F1 0.935)', () => {
    const q = quality(set);
    expect(q.precision).toBeGreaterThanOrEqual(0.93);
    expect(q.f1).toBeGreaterThanOrEqual(0.92);
  });

  // EM used to find "same agency" rather than "same site" here (sites share the agency's name and
  // switchboard): against random-pair u every candidate looked like a match, the share went to 1
  // and F1 was 0.793 (0.820 with the returned threshold). Its E-step now weighs candidates against
  // the u of non-matching candidates, which it estimates alongside m.
  it('EM converges and improves on the defaults: F1 >= 0.92 with the threshold it returns (measured P 0.948 / R 0.926 / F1 0.937)', () => {
    const { parameters, threshold, reviewThreshold } = convergedFit(set);
    const q = quality(set, { parameters, threshold, reviewThreshold });
    expect(q.f1).toBeGreaterThanOrEqual(0.92);
    expect(q.f1).toBeGreaterThan(quality(set).f1);
  });
});

describe.skipIf(!splinkFake1000Available)("findDuplicates on Splink's fake_1000 (1,000 UK people, 2,975 true pairs, heavy damage; outside data)", () => {
  const set = outsideSet(splinkFake1000Available, loadSplinkFake1000);

  // Damage meant to be hard (scrambled letters, dates of birth moved by weeks or months, names
  // swapped or left out); nothing declared. Floors under the measured figures.
  // Was P 1.000 / R 0.829 / F1 0.906 before one-part Latin names were read either way round and
  // emails with a typo became a `close` level; P 1.000 / R 0.876 / F1 0.934 before birth dates
  // under three months apart stopped counting against a pair.
  it('defaults: precision >= 0.99 and F1 >= 0.95 (measured P 1.000 / R 0.925 / F1 0.961)', () => {
    const q = quality(set);
    expect(q.precision).toBeGreaterThanOrEqual(0.99);
    expect(q.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('EM converges and improves on the defaults: F1 >= 0.95 with the threshold it returns, 7.7 bits here (measured P 1.000 / R 0.929 / F1 0.963)', () => {
    const { parameters, threshold, reviewThreshold } = convergedFit(set);
    const q = quality(set, { parameters, threshold, reviewThreshold });
    expect(q.f1).toBeGreaterThanOrEqual(0.95);
  });
});

describe.skipIf(!splinkHistoricalAvailable)("findDuplicates on Splink's historical figures (50,578 records of 5,156 people, 303,961 true pairs; outside data)", () => {
  const set = outsideSet(splinkHistoricalAvailable, loadSplinkHistorical);

  // No phones, emails or streets; names with titles and variants, moved birth dates, a postcode
  // that changes between a person's records. Most missed pairs are never compared: blocking needs
  // an exact name, birth date or postcode shared with something else, and a person's ten records
  // often split into groups that share none. So recall is low; precision holds.
  it('defaults: precision >= 0.98 and F1 >= 0.73 (measured P 0.992 / R 0.598 / F1 0.746; 0.721 before the familyLocality key, 0.739 before the public nickname list)', () => {
    const q = quality(set);
    expect(q.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.f1).toBeGreaterThanOrEqual(0.73);
  });

  // EM converges here in 88 iterations; before the familyLocality key it took 344 (it stopped
  // unconverged at the former default of 100, with the same F1).
  it('EM converges and improves on the defaults (measured P 0.989 / R 0.667 / F1 0.797)', () => {
    const q = quality(set, { parameters: convergedFit(set).parameters });
    expect(q.precision).toBeGreaterThanOrEqual(0.98);
    expect(q.f1).toBeGreaterThanOrEqual(0.77);
  }, 120_000);
});
