import { assert } from '../errors';
import type { Customer } from '../../customer/customer';
import { BLOCKING_KEYS, type BlockingKey, type CustomBlockingKey, candidatePairs } from './blocking';
import { DEFAULT_BLOCK_WINDOW } from './blockRules';
import { averageLinkClusters } from './averageLinkage';
import { type FieldEvidence, type NameFrequencyAdjustment, decidingIdentifier, linkScore, scorePair, sharesPhone } from './comparePair';
import { DEFAULT_MATCH_PARAMETERS, type MatchParameters, type WeightTable, weightTable } from './fellegiSunter';
import type { Features } from './features';
import { at } from './column';
import { extractFeatures } from './featureRows';
import { nameFrequencyOfColumn } from './nameFrequency';
import { type LongRunningOptions, throwIfAborted } from '../../core/abort';
import { requireCustomerSource, requireDistinctIds, requireIndexSettings } from './guards';

/**
 * Options for {@link findDuplicates}.
 *
 * @example
 * ```ts
 * const options: FindDuplicatesOptions = { threshold: 12, keys: ['phone', 'email'] };
 * ```
 */
export interface FindDuplicatesOptions extends LongRunningOptions {
  /** Built-in blocking keys to use. Default all of {@link BLOCKING_KEYS}. */
  readonly keys?: readonly BlockingKey[];
  /** Adopter-defined blocking keys, used as well. Default none. */
  readonly customKeys?: readonly CustomBlockingKey[];
  /** m and u probabilities. Default {@link DEFAULT_MATCH_PARAMETERS}. */
  readonly parameters?: MatchParameters;
  /**
   * Score (bits) at or above which a pair is a `match`. Default: the `parameters`' own `threshold`
   * when they carry one (estimateMatchParameters' do), else 8: with the default parameters an exact
   * name with a shared phone or email (20.6), or a name typo with postal code and birth date
   * agreeing, passes; a shared phone with a different name (7.8, often a household member) is
   * left for review.
   */
  readonly threshold?: number;
  /**
   * Score at or above which a non-matching pair is returned for clerical `review`. Default: the
   * `parameters`' own `reviewThreshold` when this `threshold` is not given and they carry one,
   * else 4 (at most the threshold the parameters carry).
   */
  readonly reviewThreshold?: number;
  /** Blocks with more records than this are skipped (and counted). Default 100. */
  readonly maxBlockSize?: number;
  /**
   * Blocks with more records than this compare each record only with its `blockWindow - 1`
   * neighbours in a sort by name (by birth date and phone where the key holds the name): the
   * sorted neighbourhood of Hernández and Stolfo (1995), which keeps the comparisons growing with
   * the records instead of with the square of the block sizes. Default 20.
   */
  readonly blockWindow?: number;
  /** Region for phone numbers without a country code. Default `CN`. */
  readonly defaultRegion?: string;
  /**
   * Attribute keys that hold a personal identifier you keep in `attributes` (a national ID, a
   * member number, a birth date as text): records sharing one are compared, and the value agrees
   * (+16.5 bits), is one edit apart (+6.1) or disagrees (-5.1) in the score. Default none.
   */
  readonly identifiers?: readonly string[];
  /**
   * Weaken an exact name agreement for common names (term-frequency adjustment, as Splink does):
   * `log2(u / tf)` bits, at most 0 and at least -6, where `tf` is the name's share of the records
   * and `u` the chance two records picked at random share a name; a `high` agreement (`Zhang Wei`
   * / 张伟) is weakened by the commoner of the two names. A birth-date agreement is weakened the
   * same way for a date many records share (a 1 January or 1900-01-01 placeholder). Default true.
   */
  readonly nameFrequency?: boolean;
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
  /**
   * Groups of matching ids, each sorted, ordered by first id: the transitive closure of the matches,
   * split by average linkage where a chain would join records that disagree on balance (a closure
   * of three or more is re-grouped, merging two groups while their members' average score against
   * each other is at least 0). Review pairs do not join clusters.
   */
  readonly clusters: readonly (readonly string[])[];
  /** Pairs compared after blocking. */
  readonly comparisons: number;
  /** Blocks skipped for exceeding `maxBlockSize`. */
  readonly skippedBlocks: number;
}

/**
 * Finds duplicate customers. Blocking keys ({@link BLOCKING_KEYS}: phone, email, identifiers,
 * names with postal code or birth date, names in Latin letters in either order, street with postal
 * code, and your own keys) pick the pairs worth comparing, so the work stays near-linear (a block of
 * more than `blockWindow` records compares each record with its neighbours in a sort by name, and
 * records sharing only a postal code and a first character need names that share all but one
 * character); each pair
 * is scored per field in the manner of Fellegi and Sunter (1969), each level weighted `log2(m/u)`
 * ({@link DEFAULT_MATCH_PARAMETERS}). Person names are split into family and given name and compared
 * part by part, in either order: traditional and simplified characters (OpenCC), pinyin against
 * characters and homophones (pinyin-pro's readings), a dropped given-name character, initials
 * (`S. Walker`), `WALKER, Sandra`, English nicknames (Bill / William); an exact agreement on a
 * common name weighs less (term-frequency adjustment). Organisation names drop legal forms and a
 * leading city ({@link normalizeOrganizationName}). Phones, emails, postal code, city and district,
 * street (Jaro-Winkler), birth date (one digit off counts as close), USCC, resident id and the
 * identifiers you declare are compared too. People whose names disagree or whose given names differ
 * and who agree on no personal identifier (email, birth date, resident id, declared identifier) are
 * a household or colleagues: the phone and address they share count 0; so do they where the given
 * name is missing on a side (`王先生`) unless the shared phone is a mainland mobile, which is one
 * person's where a landline is a household's, and where the given names are close (马云 / 马云飞,
 * 王燕 / 王岩) but the birth dates disagree or, for homophones, each has its own different mobile.
 * Clusters do not chain records that disagree on balance (average linkage). A shared valid USCC,
 * valid resident id or verified phone (not a household's) decides a match on its own. Persons are
 * never matched with organisations.
 *
 * The records are read once, in order, and only their matching features are kept (custom keys are
 * called once per record as it is read): pass an array, a `Set` or a generator; an async stream
 * goes to {@link findDuplicatesInStream}. The result names records by id, so it is the same for
 * any iterable of the same records in the same order.
 *
 * @param customers - the records to search, any iterable read once (ids must be unique)
 * @param options - {@link FindDuplicatesOptions}
 * @returns candidate pairs with score and evidence, and clusters of matches
 * @throws {CrmError} `DUPLICATE_ID` when an id repeats; `INVALID_ARGUMENT` when `customers` is not
 *   an iterable of objects with a string id and displayName, for thresholds that are
 *   not finite or a review threshold above the match threshold, `maxBlockSize` or `blockWindow`
 *   not an integer of at least 2, m/u outside (0, 1], or more than
 *   20 `identifiers`; `ABORTED` when `signal` aborts (checked before blocking and every 4,096
 *   comparisons, when `onProgress` also hears of phases `block` and `compare`)
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
 * const rows = new Set([
 *   { ...base, id: 'c-4', displayName: 'Li Lei', contactPoints: [{ type: 'email', value: 'lilei@example.cn' }] },
 *   { ...base, id: 'c-5', displayName: 'LI, Lei', contactPoints: [{ type: 'email', value: 'LiLei@Example.cn' }] },
 * ]);
 * findDuplicates(rows).clusters;
 * //=> [['c-4', 'c-5']]
 * ```
 */
export function findDuplicates(customers: Iterable<Customer>, options: FindDuplicatesOptions = {}): DuplicateResult {
  requireIndexSettings(options);
  requireCustomerSource(customers, 'customers');
  const settings = matchSettings(options);
  const f = extractFeatures(customers, settings.defaultRegion, settings.identifiers, settings.customKeys);
  return searchFeatures(f, settings, options, 'findDuplicates');
}

/**
 * The search once the features are extracted (by {@link findDuplicates} from an iterable, by
 * findDuplicatesInStream from a stream): ids checked distinct, blocking, scoring, clusters.
 * @internal
 */
export function searchFeatures(f: Features, settings: MatchSettings, options: LongRunningOptions, operation: string): DuplicateResult {
  requireDistinctIds(f.ids, f.count);
  const { signal, onProgress } = options;
  throwIfAborted(signal, operation);
  const n = f.count;
  const { codes, skippedBlocks } = candidatePairs(f, settings.keys, settings.maxBlockSize, settings.window, true);
  onProgress?.({ phase: 'block', done: n, total: n });
  const frequency = settings.nameFrequency ? nameFrequencyOfColumn(f.name, f.nameHash, f.count) : undefined;
  const birthFrequency = settings.nameFrequency ? nameFrequencyOfColumn(f.birthDate, f.birthHash, f.count) : undefined;
  const pairs: DuplicatePair[] = [];
  const edges: number[] = [];
  for (let k = 0; k < codes.length; k++) {
    if ((k & 0xfff) === 0 && k > 0) {
      onProgress?.({ phase: 'compare', done: k, total: codes.length });
      throwIfAborted(signal, operation);
    }
    if ((k & (WARM_BATCH - 1)) === 0) warmRecords(f, codes, k, Math.min(codes.length, k + WARM_BATCH), n);
    const code = codes[k] as number;
    const a = Math.floor(code / n);
    const b = code - a * n;
    const pair = judgePair(f, a, b, settings, frequency, birthFrequency);
    if (pair === undefined) continue;
    if (pair.status === 'match') edges.push(a, b);
    pairs.push(pair);
  }
  onProgress?.({ phase: 'compare', done: codes.length, total: codes.length });
  pairs.sort(comparePairs);
  const link = (a: number, b: number) => linkScore(f, a, b, settings.weights, settings.parameters, frequency, birthFrequency);
  const clusters = averageLinkClusters(n, edges, link)
    .map((g) => g.map((i) => at(f.ids, i)).sort())
    .sort((x, y) => cmp(x[0] as string, y[0] as string));
  return { pairs, clusters, comparisons: codes.length, skippedBlocks };
}

// Pairs per warm-up pass of the comparison loop.
const WARM_BATCH = 64;
// The last warm-up pass's sum of lengths: written so the compiler keeps the loads that make it.
let _warmed = 0;

/**
 * Reads the features the scoring reads of the second record of pairs `from..to`, in a loop of
 * independent loads, before they are scored: that record lies anywhere in a million rows of
 * columns, so each read is a cache miss, and scoring one pair at a time leaves the processor one or
 * two misses in flight (the first record repeats across neighbouring pairs and stays cached). A
 * million synthetic records: the comparison phase took 2.65 s instead of 3.44 s (medians of seven
 * interleaved runs each; ranges 2.46 to 3.37 and 2.68 to 3.97 s).
 */
function warmRecords(f: Features, codes: Float64Array, from: number, to: number, n: number): void {
  let sink = 0;
  for (let k = from; k < to; k++) {
    const code = codes[k] as number;
    const b = code - Math.floor(code / n) * n;
    sink +=
      at(f.name, b).length + at(f.emails, b).length + at(f.phones, b).length + at(f.birthDate, b).length +
      at(f.postalCode, b).length + at(f.city, b).length + at(f.street, b).length + at(f.given, b).length + at(f.namesake, b).length + at(f.kind, b);
  }
  _warmed = sink;
}

/** Validated options with their defaults, shared by findDuplicates and the duplicate index. */
export interface MatchSettings {
  readonly threshold: number;
  readonly review: number;
  readonly maxBlockSize: number;
  readonly window: number;
  readonly parameters: MatchParameters;
  readonly weights: WeightTable;
  readonly keys: readonly BlockingKey[];
  readonly customKeys: readonly CustomBlockingKey[];
  readonly defaultRegion: string;
  readonly identifiers: readonly string[];
  readonly nameFrequency: boolean;
}

/** Checks options and fills in defaults. */
export function matchSettings(options: FindDuplicatesOptions): MatchSettings {
  assert(options !== null && typeof options === 'object', 'INVALID_ARGUMENT', { params: { field: 'options', rule: 'must be an object' } });
  // Thresholds carried by the parameters (estimateMatchParameters sets them) apply unless the
  // options give a threshold; a review threshold carried alone would not fit another threshold.
  const carried = options.threshold === undefined ? options.parameters : undefined;
  const threshold = options.threshold ?? carried?.threshold ?? 8;
  const review = options.reviewThreshold ?? carried?.reviewThreshold ?? (carried?.threshold === undefined ? 4 : Math.min(4, threshold));
  assert(Number.isFinite(threshold), 'INVALID_ARGUMENT', { params: { field: 'threshold', rule: 'must be a finite number' } });
  assert(Number.isFinite(review) && review <= threshold, 'INVALID_ARGUMENT', {
    params: { field: 'reviewThreshold', rule: 'must be a finite number not above threshold' },
  });
  const maxBlockSize = options.maxBlockSize ?? 100;
  assert(Number.isInteger(maxBlockSize) && maxBlockSize >= 2, 'INVALID_ARGUMENT', { params: { field: 'maxBlockSize', rule: 'must be an integer of at least 2' } });
  const window = options.blockWindow ?? DEFAULT_BLOCK_WINDOW;
  assert(Number.isInteger(window) && window >= 2, 'INVALID_ARGUMENT', { params: { field: 'blockWindow', rule: 'must be an integer of at least 2' } });
  const identifiers = options.identifiers ?? [];
  assert(Array.isArray(identifiers) && identifiers.length <= 20 && identifiers.every((k) => typeof k === 'string' && k.length > 0), 'INVALID_ARGUMENT', {
    params: { field: 'identifiers', rule: 'must be at most 20 attribute keys' },
  });
  const parameters = options.parameters ?? DEFAULT_MATCH_PARAMETERS;
  return {
    threshold,
    review,
    maxBlockSize,
    window,
    parameters,
    weights: weightTable(parameters),
    keys: options.keys ?? BLOCKING_KEYS,
    customKeys: options.customKeys ?? [],
    defaultRegion: options.defaultRegion ?? 'CN',
    identifiers,
    nameFrequency: options.nameFrequency ?? true,
  };
}

/**
 * Judges one candidate pair: the pair to report with its evidence, or undefined when it is below
 * review and no identifier decides it. Scored without evidence first: most candidate pairs at
 * scale are not reported, and evidence built for them is garbage the collector pays for while the
 * comparisons go on; a reported pair is scored again with evidence, its records still in cache.
 */
export function judgePair(f: Features, a: number, b: number, s: MatchSettings, frequency?: NameFrequencyAdjustment, birthFrequency?: NameFrequencyAdjustment): DuplicatePair | undefined {
  if (at(f.kind, a) !== at(f.kind, b)) return undefined;
  const score = scorePair(f, a, b, s.weights, s.parameters, undefined, frequency, birthFrequency);
  let decided = decidingIdentifier(f, a, b);
  if (score < s.review && decided === undefined) return undefined;
  const evidence: FieldEvidence[] = [];
  scorePair(f, a, b, s.weights, s.parameters, evidence, frequency, birthFrequency);
  // A verified phone a household shares decides nothing (as in linkScore).
  if (decided === 'verifiedPhone' && sharesPhone(evidence)) decided = undefined;
  if (score < s.review && decided === undefined) return undefined;
  const match = score >= s.threshold || decided !== undefined;
  const x = at(f.ids, a);
  const y = at(f.ids, b);
  const ida = x < y ? x : y;
  const idb = x < y ? y : x;
  const rounded = Math.round(score * 1000) / 1000;
  const status = match ? 'match' : 'review';
  return decided === undefined ? { a: ida, b: idb, score: rounded, status, evidence } : { a: ida, b: idb, score: rounded, status, decidedBy: decided, evidence };
}

/** Highest score first, ties by ids. */
export const comparePairs = (x: DuplicatePair, y: DuplicatePair) => y.score - x.score || cmp(x.a, y.a) || cmp(x.b, y.b);

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
