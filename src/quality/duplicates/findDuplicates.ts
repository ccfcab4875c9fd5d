import { assert } from '../../core/errors/assert';
import { CrmError } from '../../core/errors/CrmError';
import type { Customer } from '../../customer/customer';
import { BLOCKING_KEYS, type BlockingKey, type CustomBlockingKey, candidatePairs } from './blocking';
import { clusterIndexes } from './clusters';
import { type FieldEvidence, decidingIdentifier, scorePair } from './comparePair';
import { DEFAULT_MATCH_PARAMETERS, type MatchParameters, weightTable } from './fellegiSunter';
import { extractFeatures } from './features';

/**
 * Options for {@link findDuplicates}.
 *
 * @example
 * ```ts
 * const options: FindDuplicatesOptions = { threshold: 12, keys: ['phone', 'email'] };
 * ```
 */
export interface FindDuplicatesOptions {
  /** Built-in blocking keys to use. Default all of {@link BLOCKING_KEYS}. */
  readonly keys?: readonly BlockingKey[];
  /** Adopter-defined blocking keys, used as well. Default none. */
  readonly customKeys?: readonly CustomBlockingKey[];
  /** m and u probabilities. Default {@link DEFAULT_MATCH_PARAMETERS}. */
  readonly parameters?: MatchParameters;
  /** Score (bits) at or above which a pair is a `match`. Default 8: an exact name with a shared phone or email (22), or a name typo with postal code and birth date agreeing, passes; a shared phone with a different name (7.8, often a household member) is left for review. */
  readonly threshold?: number;
  /** Score at or above which a non-matching pair is returned for clerical `review`. Default 4. */
  readonly reviewThreshold?: number;
  /** Blocks with more records than this are skipped (and counted). Default 100. */
  readonly maxBlockSize?: number;
  /** Region for phone numbers without a country code. Default `CN`. */
  readonly defaultRegion?: string;
}

/**
 * A candidate pair: the two ids (`a` < `b`), the Fellegi-Sunter score in bits, whether it is a
 * `match` or needs `review`, the exact identifier that decided it (if any), and the evidence.
 *
 * @example
 * ```ts
 * const pair: DuplicatePair = { a: 'c-1', b: 'c-2', score: 22.2, status: 'match', evidence: [] };
 * ```
 */
export interface DuplicatePair {
  readonly a: string;
  readonly b: string;
  readonly score: number;
  readonly status: 'match' | 'review';
  /** Set when a shared exact identifier decided the match on its own, whatever the score. */
  readonly decidedBy?: 'uscc' | 'residentId' | 'verifiedPhone';
  readonly evidence: readonly FieldEvidence[];
}

/**
 * The result of {@link findDuplicates}.
 *
 * @example
 * ```ts
 * const count = (r: DuplicateResult) => r.clusters.reduce((s, c) => s + c.length - 1, 0);
 * ```
 */
export interface DuplicateResult {
  /** Matches and review pairs, highest score first (ties by ids). */
  readonly pairs: readonly DuplicatePair[];
  /** Transitive groups of matching ids, each sorted, ordered by first id. Review pairs do not join clusters. */
  readonly clusters: readonly (readonly string[])[];
  /** Pairs compared after blocking. */
  readonly comparisons: number;
  /** Blocks skipped for exceeding `maxBlockSize`. */
  readonly skippedBlocks: number;
}

/**
 * Finds duplicate customers. Blocking keys (normalised phone, email, USCC, resident id, name with
 * postal code, and your own keys) pick the pairs worth comparing, so the work stays near-linear;
 * each pair is scored per field in the manner of Fellegi and Sunter (1969): Jaro-Winkler on names
 * normalised with {@link normalizeName} (full-width forms, spaces, middle dots, traditional surname
 * characters), agreement of phones, emails, postal code, birth date, USCC and resident id, each
 * weighted `log2(m/u)` ({@link DEFAULT_MATCH_PARAMETERS}). A shared valid USCC, valid resident id or
 * verified phone decides a match on its own. Persons are never matched with organisations.
 *
 * @param customers - the records to search (ids must be unique)
 * @param options - {@link FindDuplicatesOptions}
 * @returns candidate pairs with score and evidence, and clusters of matches
 * @throws {CrmError} `DUPLICATE_ID` when an id repeats; `INVALID_ARGUMENT` for thresholds that are
 *   not finite or a review threshold above the match threshold, or m/u outside (0, 1]
 *
 * @example
 * ```ts
 * import { findDuplicates } from 'crmkit/quality';
 * const at = new Date('2026-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1 } as const;
 * const result = findDuplicates([
 *   { ...base, id: 'c-1', displayName: '陈小明', contactPoints: [{ type: 'phone', value: '138 1234 5678' }] },
 *   { ...base, id: 'c-2', displayName: '陳 小明', contactPoints: [{ type: 'phone', value: '+8613812345678' }] },
 *   { ...base, id: 'c-3', displayName: '王芳', contactPoints: [{ type: 'phone', value: '13900000000' }] },
 * ]);
 * result.clusters;
 * //=> [['c-1', 'c-2']]
 * result.pairs[0]?.evidence.map((e) => `${e.field}:${e.level}`);
 * //=> ['name:exact', 'phone:agree']
 * ```
 */
export function findDuplicates(customers: readonly Customer[], options: FindDuplicatesOptions = {}): DuplicateResult {
  const threshold = options.threshold ?? 8;
  const review = options.reviewThreshold ?? 4;
  assert(Number.isFinite(threshold), 'INVALID_ARGUMENT', { params: { field: 'threshold', rule: 'must be a finite number' } });
  assert(Number.isFinite(review) && review <= threshold, 'INVALID_ARGUMENT', {
    params: { field: 'reviewThreshold', rule: 'must be a finite number not above threshold' },
  });
  const maxBlockSize = options.maxBlockSize ?? 100;
  assert(Number.isInteger(maxBlockSize) && maxBlockSize >= 2, 'INVALID_ARGUMENT', { params: { field: 'maxBlockSize', rule: 'must be an integer of at least 2' } });
  const parameters = options.parameters ?? DEFAULT_MATCH_PARAMETERS;
  const weights = weightTable(parameters);
  const seenIds = new Set<string>();
  for (const c of customers) {
    if (seenIds.has(c.id)) throw new CrmError('DUPLICATE_ID', { params: { entity: 'customer', id: c.id }, details: { id: c.id } });
    seenIds.add(c.id);
  }

  const n = customers.length;
  const f = extractFeatures(customers, options.defaultRegion ?? 'CN');
  const { codes, skippedBlocks } = candidatePairs(customers, f, options.keys ?? BLOCKING_KEYS, options.customKeys ?? [], maxBlockSize);
  const pairs: DuplicatePair[] = [];
  const edges: number[] = [];
  for (const code of codes) {
    const a = Math.floor(code / n);
    const b = code - a * n;
    if (f.kind[a] !== f.kind[b]) continue;
    const score = scorePair(f, a, b, weights, parameters);
    const decidedBy = decidingIdentifier(f, a, b);
    if (score < review && decidedBy === undefined) continue;
    const match = score >= threshold || decidedBy !== undefined;
    if (match) edges.push(a, b);
    const evidence: FieldEvidence[] = [];
    scorePair(f, a, b, weights, parameters, evidence);
    const [ida, idb] = ordered(f.ids[a] as string, f.ids[b] as string);
    pairs.push({ a: ida, b: idb, score: Math.round(score * 1000) / 1000, status: match ? 'match' : 'review', ...(decidedBy && { decidedBy }), evidence });
  }
  pairs.sort((x, y) => y.score - x.score || cmp(x.a, y.a) || cmp(x.b, y.b));
  const clusters = clusterIndexes(n, edges)
    .map((g) => g.map((i) => f.ids[i] as string).sort())
    .sort((x, y) => cmp(x[0] as string, y[0] as string));
  return { pairs, clusters, comparisons: codes.length, skippedBlocks };
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
const ordered = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
