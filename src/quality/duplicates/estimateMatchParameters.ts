import { assert } from '../errors';
import type { Customer } from '../../customer/customer';
import { BLOCKING_KEYS, candidatePairs } from './blocking';
import { type FieldEvidence, scorePair } from './comparePair';
import { DEFAULT_MATCH_PARAMETERS, type LevelProbabilities, type MatchParameters, type WeightTable, weightTable } from './fellegiSunter';
import { type Features, requireCustomerShape } from './features';
import { at } from './column';
import { extractFeatures } from './featureRows';
import type { FindDuplicatesOptions } from './findDuplicates';
import { requireEstimateOptions } from './guards';
import { mulberry32 } from '../../core/random';

const clamp = (x: number) => Math.min(1 - EPS, Math.max(EPS, x));

/**
 * Options for {@link estimateMatchParameters}.
 *
 * @example
 * ```ts
 * const options: EstimateOptions = { maxIterations: 50, start: DEFAULT_MATCH_PARAMETERS };
 * ```
 */
export interface EstimateOptions extends Pick<FindDuplicatesOptions, 'keys' | 'customKeys' | 'maxBlockSize' | 'defaultRegion' | 'identifiers'> {
  /** Starting m and u (and the name similarity cut-offs, which are kept). Default {@link DEFAULT_MATCH_PARAMETERS}. */
  readonly start?: MatchParameters;
  /** Default 1,000 (an iteration costs the distinct agreement patterns, a few hundred, not the pairs); at most 10,000. */
  readonly maxIterations?: number;
  /** Stop when no probability moves by more than this. Default 1e-6. */
  readonly tolerance?: number;
}

/**
 * What {@link estimateMatchParameters} returns: the parameters, and the thresholds that go with
 * them. The parameters carry the thresholds too, so `findDuplicates(customers, { parameters })`
 * uses them; a `threshold` in the options overrides them.
 *
 * @example
 * ```ts
 * import { DEFAULT_MATCH_PARAMETERS } from 'crmkit/quality';
 * const fit: MatchParameterEstimate = {
 *   parameters: DEFAULT_MATCH_PARAMETERS, matchShare: 0.6, randomPairMatchProbability: 1e-4,
 *   threshold: 13.29, reviewThreshold: 9.29, iterations: 12, converged: true,
 * };
 * ```
 */
export interface MatchParameterEstimate {
  /** The estimated m and u of every field, the starting name cut-offs (unchanged), and `threshold` and `reviewThreshold` below. */
  readonly parameters: MatchParameters;
  /** The estimated share of matches among the candidate pairs blocking makes. */
  readonly matchShare: number;
  /**
   * The estimated chance that two records of one kind drawn at random are the same customer:
   * `matchShare` times the candidate pairs, over all pairs of records of one kind (Splink's
   * `probability_two_random_records_match`).
   */
  readonly randomPairMatchProbability: number;
  /**
   * The score (bits) at which a pair is more likely the same customer than not under these
   * parameters: `log2((1 - p) / p)` for `p` = `randomPairMatchProbability`, and at least 0. The
   * estimated `u` are chances of agreeing between records drawn at random, so a pair's score is
   * the evidence against that prior, not against the candidate pairs; findDuplicates' default
   * threshold (8) belongs to the default parameters and over-matches with these on large sets.
   */
  readonly threshold: number;
  /** `threshold` - 4: review from a sixteenth of the match odds up, as the defaults (8 and 4). */
  readonly reviewThreshold: number;
  /** EM iterations run. */
  readonly iterations: number;
  /** Whether EM stopped because no probability moved by more than `tolerance`. */
  readonly converged: boolean;
}

const FIELDS = ['name', 'phone', 'email', 'social', 'postalCode', 'locality', 'street', 'birthDate', 'uscc', 'residentId', 'identifier'] as const;
type Field = (typeof FIELDS)[number];
// The levels of each field, in the order of MatchParameters; evidence levels map onto them.
const LEVELS: Readonly<Record<Field, readonly string[]>> = {
  name: ['exact', 'high', 'medium', 'disagree'],
  phone: ['agree', 'close', 'disagree'],
  email: ['agree', 'close', 'disagree'],
  social: ['agree', 'disagree'],
  postalCode: ['agree', 'disagree'],
  locality: ['agree', 'disagree'],
  street: ['exact', 'high', 'disagree'],
  birthDate: ['agree', 'close', 'disagree'],
  uscc: ['agree', 'disagree'],
  residentId: ['agree', 'disagree'],
  identifier: ['exact', 'high', 'disagree'],
};
const SLOTS = 4;
const EPS = 1e-6;
// Strength of the prior (pseudo-pairs per class) that keeps EM near the starting values where the
// data say little: MAP-EM with a Dirichlet prior centred on `start`.
const PRIOR = 20;
// Random pairs drawn to estimate u (all pairs when there are fewer), and the seed of the draw.
const RANDOM_PAIRS = 500_000;
const RANDOM_SEED = 0x5eed;
// Bits between the review and the match threshold, as in findDuplicates' defaults (4 and 8): a
// pair is reviewed from a sixteenth of the match odds up.
const REVIEW_BAND = 4;

/**
 * Level index of each field for one pair (-1 = not compared, or a household's shared contact
 * point, which weighs 0 whatever m and u are), read from the same comparison findDuplicates scores.
 * Several declared identifiers count as repeated observations of the one identifier field: the
 * last one is kept here.
 */
function levels(f: Features, a: number, b: number, p: MatchParameters, w: WeightTable, out: Int8Array, at: number, sharedAgrees = false): void {
  out.fill(-1, at, at + FIELDS.length);
  const evidence: FieldEvidence[] = [];
  scorePair(f, a, b, w, p, evidence);
  for (const e of evidence) {
    if ((e.level === 'shared' && !sharedAgrees) || e.field === 'address') continue;
    const k = FIELDS.indexOf(e.field);
    const level = (e.field === 'birthDate' || e.field === 'email' || e.field === 'phone') && e.level === 'high' ? 'close' : e.level === 'shared' ? sharedLevel(e) : e.level;
    out[at + k] = LEVELS[e.field].indexOf(level);
  }
}

/**
 * Sets `u` (flattened like the EM tables) to the agreement rates among record pairs drawn at
 * random (of one kind), which are nearly all different customers: the chance of agreeing by
 * accident, as Splink estimates it (`estimate_u_using_random_sampling`). Candidate pairs would
 * not do: blocking picks them for agreeing on a name, postal code or birth date, so among the
 * non-matching candidates those fields agree far more often than by accident, and the weights of
 * exactly the fields blocking uses come out too low. Each level is pulled toward its starting
 * value by a prior worth PRIOR pairs, so a level never seen at random keeps a small u.
 */
function estimateU(f: Features, start: MatchParameters, w: WeightTable, u: Float64Array): void {
  const n = f.count;
  const F = FIELDS.length;
  const all = (n * (n - 1)) / 2;
  const counts = new Float64Array(F * SLOTS);
  const out = new Int8Array(F);
  const random = mulberry32(RANDOM_SEED);
  const visit = (a: number, b: number) => {
    if (at(f.kind, a) !== at(f.kind, b)) return;
    // How often a contact point agrees by accident, whoever shares it: a shared one counts as agreeing.
    levels(f, a, b, start, w, out, 0, true);
    for (let k = 0; k < F; k++) {
      const l = out[k] as number;
      if (l >= 0) counts[k * SLOTS + l] = (counts[k * SLOTS + l] as number) + 1;
    }
  };
  // Every pair when there are few; otherwise a fixed number drawn with a fixed seed (reproducible).
  if (all <= RANDOM_PAIRS) for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) visit(a, b);
  else {
    for (let k = 0; k < RANDOM_PAIRS; k++) {
      const a = Math.floor(random() * n);
      const b = Math.floor(random() * (n - 1));
      visit(a, b >= a ? b + 1 : b);
    }
  }
  // A level never seen at random keeps its starting value (each entry reads its prior, u's own
  // starting value, before it is written).
  updateLevels(u, counts, u);
}

/**
 * Sets each field's level probabilities (`p`, flattened like the EM tables) to the expected counts
 * `counts` pulled toward `prior` by PRIOR pairs; a field never observed keeps its values. Returns
 * the largest move.
 */
function updateLevels(p: Float64Array, counts: Float64Array, prior: Float64Array): number {
  let moved = 0;
  for (let k = 0; k < FIELDS.length; k++) {
    const nl = LEVELS[FIELDS[k] as Field].length;
    let total = 0;
    for (let l = 0; l < nl; l++) total += counts[k * SLOTS + l] as number;
    if (total <= 0) continue;
    for (let l = 0; l < nl; l++) {
      const j = k * SLOTS + l;
      const next = clamp(((counts[j] as number) + PRIOR * (prior[j] as number)) / (total + PRIOR));
      moved = Math.max(moved, Math.abs(next - (p[j] as number)));
      p[j] = next;
    }
  }
  return moved;
}

/** The agreement a household's shared contact point stands for: a street equal or close, the others agree. */
const sharedLevel = (e: FieldEvidence) => (e.field !== 'street' ? 'agree' : e.similarity === undefined ? 'exact' : 'high');

/**
 * Estimates the m and u probabilities of {@link findDuplicates}'s fields from your own data, on
 * exactly the comparison findDuplicates scores (name levels, addresses, birth dates, declared
 * identifiers). `u`, the chance of agreeing by accident, is counted on record pairs drawn at
 * random (every pair up to 500,000 of them, else 500,000 drawn with a fixed seed), which are nearly
 * all different customers, as Splink does: among the candidate pairs blocking picks, the fields
 * it blocks on (name, postal code, birth date) agree by construction, so their `u` would come out
 * far too high and their weights too low. `m` and the match share are then estimated by
 * expectation-maximisation over the candidate pairs (a household's shared phone or address is not
 * an observation of m), assuming fields agree independently given match status (Winkler, W. E.
 * (1988), "Using the EM Algorithm for Weight Computation in the Fellegi-Sunter Model of Record
 * Linkage", Proceedings of the Section on Survey Research Methods, ASA, 667-671; Jaro, M. A.
 * (1989), JASA 84(406), 414-420). The mixture EM fits is the one among the candidate pairs, so its
 * non-matching class agrees at the rates of non-matching candidates, which EM estimates alongside
 * m for its own use; the `u` returned are the random-pair ones. (With the random-pair `u` in the
 * mixture every candidate looked like a match against them: on the Chicago records the match
 * share went to 1 and F1 fell to 0.82, where it is 0.93 now.) The match share starts at the share
 * of pairs the starting weights score at 8 bits or more, and each probability is pulled toward
 * its starting value by a Dirichlet prior worth 20 pairs (MAP-EM), so fields the data say little
 * about stay put; it converges in a few to a few dozen iterations (5 to 88 on the guide's twelve
 * data sets).
 * Probabilities are kept within [1e-6, 1 - 1e-6]. Name-frequency adjustment is not estimated
 * (findDuplicates applies it on top).
 *
 * Because `u` is counted between records drawn at random, a pair's score under these parameters
 * weighs the evidence against the chance that two random records match, not against the candidate
 * pairs. So the fit also returns the threshold that goes with it (Fellegi and Sunter's decision
 * at even odds, as Splink scores a pair): the estimated chance that two random records match is
 * the match share times the candidate pairs over all pairs, and a pair matches when its score
 * reaches `log2((1 - p) / p)` bits (at least 0), about 13 bits for 10,000 records with a few
 * thousand duplicate pairs. The returned parameters carry it (and the review threshold 4 bits
 * below), and findDuplicates and the duplicate index use it unless their options give a
 * `threshold`: their default of 8 belongs to the default parameters, and with fitted ones lets a
 * name alone match on large sets.
 *
 * @param customers - the records (ids must be unique)
 * @param options - {@link EstimateOptions}
 * @returns a {@link MatchParameterEstimate}: the parameters, the thresholds to use them with, the
 *   estimated share of matches among candidate pairs, the iterations run and whether it converged
 * @throws {CrmError} `INSUFFICIENT_DATA` when blocking yields no candidate pairs;
 *   `INVALID_ARGUMENT` for a `maxIterations` that is not a whole number from 1 to 10,000, a
 *   non-positive `tolerance`, customers that are not an
 *   array of objects with a string id and displayName, or more than 20 `identifiers`
 *
 * @example
 * ```ts
 * import { estimateMatchParameters, findDuplicates, syntheticCustomers } from 'crmkit/quality';
 * const { customers } = syntheticCustomers({ count: 5000, seed: 3, asOf: new Date('2026-01-01') });
 * const fit = estimateMatchParameters(customers);
 * fit.converged;
 * //=> true
 * fit.parameters.phone.agree.m > 0.5;
 * //=> true
 * fit.threshold > 8 && fit.parameters.threshold === fit.threshold;
 * //=> true
 * const result = findDuplicates(customers, { parameters: fit.parameters }); // at fit.threshold
 * ```
 */
export function estimateMatchParameters(
  customers: readonly Customer[],
  options: EstimateOptions = {},
): MatchParameterEstimate {
  requireEstimateOptions(options);
  const start = options.start ?? DEFAULT_MATCH_PARAMETERS;
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-6;
  assert(Number.isInteger(maxIterations) && maxIterations > 0, 'INVALID_ARGUMENT', { params: { field: 'maxIterations', rule: 'must be a positive integer' } });
  assert(tolerance > 0, 'INVALID_ARGUMENT', { params: { field: 'tolerance', rule: 'must be positive' } });
  assert(Array.isArray(customers), 'INVALID_ARGUMENT', { params: { field: 'customers', rule: 'must be an array of customers' } });
  for (const c of customers) requireCustomerShape(c);
  const identifiers = options.identifiers ?? [];
  assert(Array.isArray(identifiers) && identifiers.length <= 20 && identifiers.every((k) => typeof k === 'string' && k.length > 0), 'INVALID_ARGUMENT', {
    params: { field: 'identifiers', rule: 'must be at most 20 attribute keys' },
  });
  const f = extractFeatures(customers, options.defaultRegion ?? 'CN', identifiers, options.customKeys);
  const n = customers.length;
  const { codes } = candidatePairs(f, options.keys ?? BLOCKING_KEYS, options.maxBlockSize ?? 100);
  const weights = weightTable(start);
  const F = FIELDS.length;
  // EM sees a pair only through its agreement levels, so pairs with the same levels are one
  // pattern, counted: a few hundred patterns stand for hundreds of thousands of pairs, and an
  // iteration costs the patterns, not the pairs.
  const tally = new PatternTally(F);
  for (const code of codes) {
    const a = Math.floor(code / n);
    const b = code - a * n;
    if (at(f.kind, a) !== at(f.kind, b)) continue;
    levels(f, a, b, start, weights, tally.row, 0);
    tally.add();
  }
  const { pairs } = tally;
  assert(pairs > 0, 'INSUFFICIENT_DATA', { params: { model: 'match parameter estimation', rule: 'candidate pairs from blocking' } });

  // m[field][level], u[field][level], flattened with 4 slots per field.
  const m = new Float64Array(F * 4);
  const u = new Float64Array(F * 4);
  const defaults = DEFAULT_MATCH_PARAMETERS as unknown as Record<Field, Record<string, LevelProbabilities>>;
  FIELDS.forEach((field, k) => {
    const table = ((start as unknown as Record<Field, Record<string, LevelProbabilities> | undefined>)[field] ?? defaults[field]) as Record<string, LevelProbabilities>;
    LEVELS[field].forEach((level, l) => {
      // birthDate.close, email.close and phone.close may be absent from parameters written before they existed
      const value = table[level] ?? ({ m: EPS, u: EPS } as LevelProbabilities);
      m[k * SLOTS + l] = value.m;
      u[k * SLOTS + l] = value.u;
    });
  });
  const priorM = m.slice();
  // u among the candidate pairs that do not match, for the E-step: starts from (and is pulled
  // toward) the starting u (the defaults' are chances of agreeing within a block).
  const priorCandidateU = u.slice();
  const candidateU = u.slice();
  estimateU(f, start, weights, u);
  const patterns = Int8Array.from(tally.patterns);
  const counts = Float64Array.from(tally.counts);
  const P = counts.length;
  // Start from the share of pairs the starting weights call a match (at 8 bits), not a guess.
  let share = 0;
  for (let i = 0; i < P; i++) {
    let score = 0;
    for (let k = 0; k < F; k++) {
      const l = patterns[i * F + k] as number;
      if (l >= 0) score += Math.log2((m[k * SLOTS + l] as number) / (u[k * SLOTS + l] as number));
    }
    if (score >= 8) share += counts[i] as number;
  }
  share = Math.min(0.9, Math.max(0.01, share / pairs));
  const g = new Float64Array(P);
  const logM = new Float64Array(F * SLOTS);
  const logU = new Float64Array(F * SLOTS);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    // E-step: posterior probability that each candidate pair is a match, against the candidates
    // that do not match (candidateU), not against random pairs: blocking picked every candidate
    // for agreeing on something, and against random pairs nearly all of them would look like
    // matches (the share went to 1 on the Chicago records).
    for (let j = 0; j < F * SLOTS; j++) {
      logM[j] = Math.log(m[j] as number);
      logU[j] = Math.log(candidateU[j] as number);
    }
    for (let i = 0; i < P; i++) {
      let lm = Math.log(share);
      let lu = Math.log(1 - share);
      for (let k = 0; k < F; k++) {
        const l = patterns[i * F + k] as number;
        if (l < 0) continue;
        lm += logM[k * SLOTS + l] as number;
        lu += logU[k * SLOTS + l] as number;
      }
      g[i] = 1 / (1 + Math.exp(lu - lm));
    }
    // M-step: re-estimate the share, every level's m and its u among the candidates.
    const sm = new Float64Array(F * SLOTS);
    const su = new Float64Array(F * SLOTS);
    let total = 0;
    for (let i = 0; i < P; i++) {
      const c = counts[i] as number;
      const matches = c * (g[i] as number);
      total += matches;
      for (let k = 0; k < F; k++) {
        const l = patterns[i * F + k] as number;
        if (l < 0) continue;
        sm[k * SLOTS + l] = (sm[k * SLOTS + l] as number) + matches;
        su[k * SLOTS + l] = (su[k * SLOTS + l] as number) + c - matches;
      }
    }
    let moved = Math.abs(total / pairs - share);
    share = Math.min(1 - EPS, Math.max(EPS, total / pairs));
    moved = Math.max(moved, updateLevels(m, sm, priorM), updateLevels(candidateU, su, priorCandidateU));
    converged = moved < tolerance;
  }
  const randomPairMatchProbability = Math.min(1 - EPS, (share * pairs) / pairsOfOneKind(f));
  const threshold = Math.max(0, Math.log2((1 - randomPairMatchProbability) / randomPairMatchProbability));
  const reviewThreshold = threshold - REVIEW_BAND;
  const out: Record<string, unknown> = { nameHigh: start.nameHigh, nameMedium: start.nameMedium, threshold, reviewThreshold };
  FIELDS.forEach((field, k) => {
    out[field] = Object.fromEntries(LEVELS[field].map((level, l) => [level, { m: m[k * SLOTS + l] as number, u: u[k * SLOTS + l] as number }]));
  });
  return {
    parameters: out as unknown as MatchParameters,
    matchShare: share,
    randomPairMatchProbability,
    threshold,
    reviewThreshold,
    iterations,
    converged,
  };
}

/**
 * Distinct rows of agreement levels (-1 for not compared) and how many pairs have each, in
 * first-seen order: write a pair's levels into `row`, then call `add`. A row is keyed by its levels
 * in base 5, exact for up to 22 fields.
 */
class PatternTally {
  readonly row: Int8Array;
  /** The distinct rows, one after another. */
  readonly patterns: number[] = [];
  readonly counts: number[] = [];
  pairs = 0;
  readonly #index = new Map<number, number>();

  constructor(fields: number) {
    this.row = new Int8Array(fields);
  }

  add(): void {
    let key = 0;
    for (const l of this.row) key = key * 5 + l + 1;
    const at = this.#index.get(key);
    if (at === undefined) {
      this.#index.set(key, this.counts.length);
      this.patterns.push(...this.row);
      this.counts.push(1);
    } else this.counts[at] = (this.counts[at] as number) + 1;
    this.pairs++;
  }
}

/** Pairs of records of one kind (people with people, organisations with organisations): the pairs findDuplicates could compare. */
function pairsOfOneKind(f: Features): number {
  const counts = new Map<unknown, number>();
  for (let i = 0; i < f.count; i++) {
    const kind = at(f.kind, i);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  let total = 0;
  for (const c of counts.values()) total += (c * (c - 1)) / 2;
  return total;
}
