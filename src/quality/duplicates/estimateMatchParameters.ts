import { assert } from '../../core/errors/assert';
import type { Customer } from '../../customer/customer';
import { BLOCKING_KEYS, candidatePairs } from './blocking';
import { DEFAULT_MATCH_PARAMETERS, type LevelProbabilities, type MatchParameters } from './fellegiSunter';
import { extractFeatures, type Features } from './features';
import type { FindDuplicatesOptions } from './findDuplicates';
import { jaroWinkler } from './similarity';

/**
 * Options for {@link estimateMatchParameters}.
 *
 * @example
 * ```ts
 * const options: EstimateOptions = { maxIterations: 50, start: DEFAULT_MATCH_PARAMETERS };
 * ```
 */
export interface EstimateOptions extends Pick<FindDuplicatesOptions, 'keys' | 'customKeys' | 'maxBlockSize' | 'defaultRegion'> {
  /** Starting m and u (and the name similarity cut-offs, which are kept). Default {@link DEFAULT_MATCH_PARAMETERS}. */
  readonly start?: MatchParameters;
  /** Default 100. */
  readonly maxIterations?: number;
  /** Stop when no probability moves by more than this. Default 1e-6. */
  readonly tolerance?: number;
}

const FIELDS = ['name', 'phone', 'email', 'postalCode', 'birthDate', 'uscc', 'residentId'] as const;
const NAME_LEVELS = ['exact', 'high', 'medium', 'disagree'] as const;
const BINARY_LEVELS = ['agree', 'disagree'] as const;
const LEVELS = FIELDS.map((f) => (f === 'name' ? NAME_LEVELS : BINARY_LEVELS));
const EPS = 1e-6;

const shared = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** Agreement level index of each field for one pair (-1 = missing on a side). */
function levels(f: Features, a: number, b: number, p: MatchParameters, out: Int8Array, at: number): void {
  const na = f.name[a] as string;
  const nb = f.name[b] as string;
  if (!na || !nb) out[at] = -1;
  else if (na === nb) out[at] = 0;
  else {
    const s = jaroWinkler(na, nb);
    out[at] = s >= p.nameHigh ? 1 : s >= p.nameMedium ? 2 : 3;
  }
  const lists = [f.phones, f.emails];
  for (let k = 0; k < 2; k++) {
    const x = (lists[k] as (readonly string[])[])[a] as readonly string[];
    const y = (lists[k] as (readonly string[])[])[b] as readonly string[];
    out[at + 1 + k] = x.length === 0 || y.length === 0 ? -1 : shared(x, y) ? 0 : 1;
  }
  const columns = [f.postalCode, f.birthDate, f.uscc, f.residentId];
  for (let k = 0; k < 4; k++) {
    const x = (columns[k] as string[])[a] as string;
    const y = (columns[k] as string[])[b] as string;
    out[at + 3 + k] = !x || !y ? -1 : x === y ? 0 : 1;
  }
}

/**
 * Estimates the m and u probabilities of {@link findDuplicates}'s fields from your own data, by
 * expectation-maximisation over the candidate pairs that blocking produces, assuming fields agree
 * independently given match status (Winkler, W. E. (1988), "Using the EM Algorithm for Weight
 * Computation in the Fellegi-Sunter Model of Record Linkage", Proceedings of the Section on Survey
 * Research Methods, ASA, 667-671; Jaro, M. A. (1989), JASA 84(406), 414-420). The `u` it finds is
 * the chance of agreement among non-matching *candidate* pairs (which share a blocking key), the
 * population the weights are applied to. Probabilities are kept within [1e-6, 1 - 1e-6]. Check the
 * result: EM finds the strongest two-class split in the data, which in data full of households can
 * be "same household" rather than "same person".
 *
 * @param customers - the records (ids must be unique)
 * @param options - {@link EstimateOptions}
 * @returns the estimated parameters, the estimated share of matches among candidate pairs, the
 *   iterations run and whether it converged
 * @throws {CrmError} `INSUFFICIENT_DATA` when blocking yields no candidate pairs;
 *   `INVALID_ARGUMENT` for a non-positive `maxIterations` or `tolerance`
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
  const start = options.start ?? DEFAULT_MATCH_PARAMETERS;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  assert(Number.isInteger(maxIterations) && maxIterations > 0, 'INVALID_ARGUMENT', { params: { field: 'maxIterations', rule: 'must be a positive integer' } });
  assert(tolerance > 0, 'INVALID_ARGUMENT', { params: { field: 'tolerance', rule: 'must be positive' } });
  const f = extractFeatures(customers, options.defaultRegion ?? 'CN');
  const n = customers.length;
  const { codes } = candidatePairs(customers, f, options.keys ?? BLOCKING_KEYS, options.customKeys ?? [], options.maxBlockSize ?? 100);
  const F = FIELDS.length;
  const obs = new Int8Array(codes.length * F);
  let pairs = 0;
  for (const code of codes) {
    const a = Math.floor(code / n);
    const b = code - a * n;
    if (f.kind[a] !== f.kind[b]) continue;
    levels(f, a, b, start, obs, pairs * F);
    pairs++;
  }
  assert(pairs > 0, 'INSUFFICIENT_DATA', { params: { model: 'match parameter estimation', rule: 'candidate pairs from blocking' } });

  // m[field][level], u[field][level], flattened with 4 slots per field.
  const m = new Float64Array(F * 4);
  const u = new Float64Array(F * 4);
  FIELDS.forEach((field, k) => {
    const table = start[field] as Record<string, LevelProbabilities>;
    (LEVELS[k] as readonly string[]).forEach((level, l) => {
      m[k * 4 + l] = (table[level] as LevelProbabilities).m;
      u[k * 4 + l] = (table[level] as LevelProbabilities).u;
    });
  });
  let share = 0.1;
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
        lm += Math.log(m[k * 4 + l] as number);
        lu += Math.log(u[k * 4 + l] as number);
      }
      g[i] = 1 / (1 + Math.exp(lu - lm));
    }
    // M-step: re-estimate the share and every level's m and u.
    const sm = new Float64Array(F * 4);
    const su = new Float64Array(F * 4);
    let total = 0;
    for (let i = 0; i < pairs; i++) {
      const gi = g[i] as number;
      total += gi;
      for (let k = 0; k < F; k++) {
        const l = obs[i * F + k] as number;
        if (l < 0) continue;
        sm[k * 4 + l] = (sm[k * 4 + l] as number) + gi;
        su[k * 4 + l] = (su[k * 4 + l] as number) + 1 - gi;
      }
    }
    let moved = Math.abs(total / pairs - share);
    share = Math.min(1 - EPS, Math.max(EPS, total / pairs));
    for (let k = 0; k < F; k++) {
      const nl = (LEVELS[k] as readonly string[]).length;
      let tm = 0;
      let tu = 0;
      for (let l = 0; l < nl; l++) {
        tm += sm[k * 4 + l] as number;
        tu += su[k * 4 + l] as number;
      }
      if (tm <= 0 || tu <= 0) continue; // field never observed: keep the starting values
      for (let l = 0; l < nl; l++) {
        const nm = Math.min(1 - EPS, Math.max(EPS, (sm[k * 4 + l] as number) / tm));
        const nu = Math.min(1 - EPS, Math.max(EPS, (su[k * 4 + l] as number) / tu));
        moved = Math.max(moved, Math.abs(nm - (m[k * 4 + l] as number)), Math.abs(nu - (u[k * 4 + l] as number)));
        m[k * 4 + l] = nm;
        u[k * 4 + l] = nu;
      }
    }
    converged = moved < tolerance;
  }
  const out: Record<string, unknown> = { nameHigh: start.nameHigh, nameMedium: start.nameMedium };
  FIELDS.forEach((field, k) => {
    out[field] = Object.fromEntries((LEVELS[k] as readonly string[]).map((level, l) => [level, { m: m[k * 4 + l] as number, u: u[k * 4 + l] as number }]));
  });
  return { parameters: out as unknown as MatchParameters, matchShare: share, iterations, converged };
}
