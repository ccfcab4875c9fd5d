import { assert } from '../errors';
import type { Customer } from '../../customer/customer';
import { BLOCKING_KEYS, candidatePairs } from './blocking';
import { type FieldEvidence, scorePair } from './comparePair';
import { DEFAULT_MATCH_PARAMETERS, type LevelProbabilities, type MatchParameters, type WeightTable, weightTable } from './fellegiSunter';
import { extractFeatures, type Features, requireCustomerShape } from './features';
import type { FindDuplicatesOptions } from './findDuplicates';
import { requireEstimateOptions } from './guards';

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
  /** Default 100; at most 10,000. */
  readonly maxIterations?: number;
  /** Stop when no probability moves by more than this. Default 1e-6. */
  readonly tolerance?: number;
}

const FIELDS = ['name', 'phone', 'email', 'postalCode', 'locality', 'street', 'birthDate', 'uscc', 'residentId', 'identifier'] as const;
type Field = (typeof FIELDS)[number];
// The levels of each field, in the order of MatchParameters; evidence levels map onto them.
const LEVELS: Readonly<Record<Field, readonly string[]>> = {
  name: ['exact', 'high', 'medium', 'disagree'],
  phone: ['agree', 'disagree'],
  email: ['agree', 'disagree'],
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

/**
 * Level index of each field for one pair (-1 = not compared, or a household's shared contact
 * point, which weighs 0 whatever m and u are), read from the same comparison findDuplicates scores.
 * Several declared identifiers count as repeated observations of the one identifier field: the
 * last one is kept here.
 */
function levels(f: Features, a: number, b: number, p: MatchParameters, w: WeightTable, out: Int8Array, at: number): void {
  out.fill(-1, at, at + FIELDS.length);
  const evidence: FieldEvidence[] = [];
  scorePair(f, a, b, w, p, evidence);
  for (const e of evidence) {
    if (e.level === 'shared' || e.field === 'address') continue;
    const k = FIELDS.indexOf(e.field);
    const level = e.field === 'birthDate' && e.level === 'high' ? 'close' : e.level;
    out[at + k] = LEVELS[e.field].indexOf(level);
  }
}

/**
 * Estimates the m and u probabilities of {@link findDuplicates}'s fields from your own data, by
 * expectation-maximisation over the candidate pairs that blocking produces, on exactly the
 * comparison findDuplicates scores (name levels, addresses, birth dates, declared identifiers;
 * a household's shared phone or address is not an observation), assuming fields agree
 * independently given match status (Winkler, W. E. (1988), "Using the EM Algorithm for Weight
 * Computation in the Fellegi-Sunter Model of Record Linkage", Proceedings of the Section on Survey
 * Research Methods, ASA, 667-671; Jaro, M. A. (1989), JASA 84(406), 414-420). The match share
 * starts at the share of pairs the starting weights score at 8 bits or more, and each probability
 * is pulled toward its starting value by a Dirichlet prior worth 20 pairs per class (MAP-EM), so
 * fields the data say little about stay put and EM does not drift to another two-class split. The
 * `u` it finds is the chance of agreement among non-matching *candidate* pairs (which share a
 * blocking key), the population the weights are applied to. Probabilities are kept within
 * [1e-6, 1 - 1e-6]. Name-frequency adjustment is not estimated (findDuplicates applies it on top).
 *
 * @param customers - the records (ids must be unique)
 * @param options - {@link EstimateOptions}
 * @returns the estimated parameters, the estimated share of matches among candidate pairs, the
 *   iterations run and whether it converged
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
 * const result = findDuplicates(customers, { parameters: fit.parameters });
 * ```
 */
export function estimateMatchParameters(
  customers: readonly Customer[],
  options: EstimateOptions = {},
): { parameters: MatchParameters; matchShare: number; iterations: number; converged: boolean } {
  requireEstimateOptions(options);
  const start = options.start ?? DEFAULT_MATCH_PARAMETERS;
  const maxIterations = options.maxIterations ?? 100;
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
  const obs = new Int8Array(codes.length * F);
  let pairs = 0;
  for (const code of codes) {
    const a = Math.floor(code / n);
    const b = code - a * n;
    if (f.kind[a] !== f.kind[b]) continue;
    levels(f, a, b, start, weights, obs, pairs * F);
    pairs++;
  }
  assert(pairs > 0, 'INSUFFICIENT_DATA', { params: { model: 'match parameter estimation', rule: 'candidate pairs from blocking' } });

  // m[field][level], u[field][level], flattened with 4 slots per field.
  const m = new Float64Array(F * 4);
  const u = new Float64Array(F * 4);
  const defaults = DEFAULT_MATCH_PARAMETERS as unknown as Record<Field, Record<string, LevelProbabilities>>;
  FIELDS.forEach((field, k) => {
    const table = ((start as unknown as Record<Field, Record<string, LevelProbabilities> | undefined>)[field] ?? defaults[field]) as Record<string, LevelProbabilities>;
    LEVELS[field].forEach((level, l) => {
      // birthDate.close may be absent from parameters written before it existed
      const value = table[level] ?? ({ m: EPS, u: EPS } as LevelProbabilities);
      m[k * SLOTS + l] = value.m;
      u[k * SLOTS + l] = value.u;
    });
  });
  const priorM = m.slice();
  const priorU = u.slice();
  // Start from the share of pairs the starting weights call a match (at 8 bits), not a guess.
  let share = 0;
  for (let i = 0; i < pairs; i++) {
    let score = 0;
    for (let k = 0; k < F; k++) {
      const l = obs[i * F + k] as number;
      if (l >= 0) score += Math.log2((m[k * SLOTS + l] as number) / (u[k * SLOTS + l] as number));
    }
    if (score >= 8) share++;
  }
  share = Math.min(0.9, Math.max(0.01, share / pairs));
  const g = new Float64Array(pairs);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations && !converged) {
    iterations++;
    // E-step: posterior probability that each pair is a match.
    for (let i = 0; i < pairs; i++) {
      let lm = Math.log(share);
      let lu = Math.log(1 - share);
      for (let k = 0; k < F; k++) {
        const l = obs[i * F + k] as number;
        if (l < 0) continue;
        lm += Math.log(m[k * SLOTS + l] as number);
        lu += Math.log(u[k * SLOTS + l] as number);
      }
      g[i] = 1 / (1 + Math.exp(lu - lm));
    }
    // M-step: re-estimate the share and every level's m and u.
    const sm = new Float64Array(F * SLOTS);
    const su = new Float64Array(F * SLOTS);
    let total = 0;
    for (let i = 0; i < pairs; i++) {
      const gi = g[i] as number;
      total += gi;
      for (let k = 0; k < F; k++) {
        const l = obs[i * F + k] as number;
        if (l < 0) continue;
        sm[k * SLOTS + l] = (sm[k * SLOTS + l] as number) + gi;
        su[k * SLOTS + l] = (su[k * SLOTS + l] as number) + 1 - gi;
      }
    }
    let moved = Math.abs(total / pairs - share);
    share = Math.min(1 - EPS, Math.max(EPS, total / pairs));
    for (let k = 0; k < F; k++) {
      const nl = LEVELS[FIELDS[k] as Field].length;
      let tm = 0;
      let tu = 0;
      for (let l = 0; l < nl; l++) {
        tm += sm[k * SLOTS + l] as number;
        tu += su[k * SLOTS + l] as number;
      }
      if (tm <= 0 || tu <= 0) continue; // field never observed: keep the starting values
      for (let l = 0; l < nl; l++) {
        const j = k * SLOTS + l;
        const nm = clamp(((sm[j] as number) + PRIOR * (priorM[j] as number)) / (tm + PRIOR));
        const nu = clamp(((su[j] as number) + PRIOR * (priorU[j] as number)) / (tu + PRIOR));
        moved = Math.max(moved, Math.abs(nm - (m[j] as number)), Math.abs(nu - (u[j] as number)));
        m[j] = nm;
        u[j] = nu;
      }
    }
    converged = moved < tolerance;
  }
  const out: Record<string, unknown> = { nameHigh: start.nameHigh, nameMedium: start.nameMedium };
  FIELDS.forEach((field, k) => {
    out[field] = Object.fromEntries(LEVELS[field].map((level, l) => [level, { m: m[k * SLOTS + l] as number, u: u[k * SLOTS + l] as number }]));
  });
  return { parameters: out as unknown as MatchParameters, matchShare: share, iterations, converged };
}
