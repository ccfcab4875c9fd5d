// Argument checks for the duplicate search's entry points, kept apart from the search itself: each
// entry point calls one of these first, so junk options or pairs fail with a CrmError before any loop.
import { assert } from '../errors';
import { type Column, at } from './column';
import { isDense, requireFiniteInRange, requireIterable, requireObject } from '../../core/guards';
import { BLOCKING_KEYS } from './blocking';
import { CrmError } from '../errors';
import { FNV_OFFSET, fnv } from './keyHash';
import type { LevelProbabilities, MatchParameters } from './fellegiSunter';
import type { FindDuplicatesOptions } from './findDuplicates';

let builtInKeys: ReadonlySet<string> | undefined;
/**
 * Whether k is a built-in blocking key. The set is made at the first call: this module is in an
 * import cycle with blocking.ts (blocking -> features -> similarity -> guards), so BLOCKING_KEYS
 * may not be defined yet while the modules load.
 */
const isBuiltInKey = (k: unknown) => (builtInKeys ??= new Set(BLOCKING_KEYS)).has(k as string);

/** The level names of each field of {@link MatchParameters}; `optional` fields may be absent. */
const FIELDS: readonly { readonly field: string; readonly levels: readonly string[]; readonly optional?: boolean; readonly optionalLevels?: readonly string[] }[] = [
  { field: 'name', levels: ['exact', 'high', 'medium', 'disagree'] },
  { field: 'phone', levels: ['agree', 'disagree'], optionalLevels: ['close'] },
  { field: 'email', levels: ['agree', 'disagree'], optionalLevels: ['close'] },
  { field: 'postalCode', levels: ['agree', 'disagree'] },
  { field: 'birthDate', levels: ['agree', 'disagree'], optionalLevels: ['close'] },
  { field: 'uscc', levels: ['agree', 'disagree'] },
  { field: 'residentId', levels: ['agree', 'disagree'] },
  { field: 'locality', levels: ['agree', 'disagree'], optional: true },
  { field: 'street', levels: ['exact', 'high', 'disagree'], optional: true },
  { field: 'identifier', levels: ['exact', 'high', 'disagree'], optional: true },
  { field: 'social', levels: ['agree', 'disagree'], optional: true },
];

/**
 * Checks one level's `m` and `u`: an object with both in (0, 1].
 *
 * @throws {CrmError} `INVALID_ARGUMENT` naming `field`
 * @internal
 */
export function requireLevelProbabilities(p: unknown, field = 'm/u'): LevelProbabilities {
  const l = p as Partial<LevelProbabilities> | null;
  const ok = l !== null && typeof l === 'object' && typeof l.m === 'number' && typeof l.u === 'number' && l.m > 0 && l.m <= 1 && l.u > 0 && l.u <= 1;
  assert(ok, 'INVALID_ARGUMENT', { params: { field, rule: 'must be in (0, 1]' } });
  return l as LevelProbabilities;
}

/**
 * Checks a whole {@link MatchParameters}: every level of every required field (and of the optional
 * ones when present) with m and u in (0, 1], `nameHigh`, `nameMedium` numbers in [0, 1], and
 * `threshold`, `reviewThreshold` finite numbers when present.
 *
 * @throws {CrmError} `INVALID_ARGUMENT` naming the first bad field
 * @internal
 */
export function requireMatchParameters(parameters: unknown): MatchParameters {
  const p = requireObject<Record<string, unknown>>(parameters, 'parameters');
  for (const { field, levels, optional, optionalLevels } of FIELDS) {
    const value = p[field];
    if (optional === true && value === undefined) continue;
    const group = requireObject<Record<string, unknown>>(value, `parameters.${field}`);
    for (const level of levels) requireLevelProbabilities(group[level], `parameters.${field}.${level}`);
    for (const level of optionalLevels ?? []) if (group[level] !== undefined) requireLevelProbabilities(group[level], `parameters.${field}.${level}`);
  }
  for (const field of ['nameHigh', 'nameMedium']) {
    requireFiniteInRange(p[field], `parameters.${field}`, 0, 1);
  }
  for (const field of ['threshold', 'reviewThreshold']) {
    assert(p[field] === undefined || Number.isFinite(p[field]), 'INVALID_ARGUMENT', { params: { field: `parameters.${field}`, rule: 'must be a finite number' } });
  }
  return p as unknown as MatchParameters;
}

/**
 * Checks the options of {@link findDuplicates} and the duplicate index beyond the thresholds
 * `matchSettings` reads: an object, `parameters` (when given), `keys` a dense array of built-in
 * blocking keys, `customKeys` a dense array of functions, `defaultRegion` a string, `nameFrequency`
 * a boolean, `onProgress` a function and `signal` an object.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireIndexSettings(options: unknown): FindDuplicatesOptions {
  const o = requireObject<FindDuplicatesOptions>(options, 'options');
  if (o.parameters !== undefined) requireMatchParameters(o.parameters);
  const { keys, customKeys, defaultRegion, nameFrequency, onProgress, signal } = o;
  assert(keys === undefined || (Array.isArray(keys) && isDense(keys) && keys.every(isBuiltInKey)), 'INVALID_ARGUMENT', {
    params: { field: 'keys', rule: 'must be an array of BLOCKING_KEYS' },
  });
  assert(customKeys === undefined || (Array.isArray(customKeys) && isDense(customKeys) && customKeys.every((k) => typeof k === 'function')), 'INVALID_ARGUMENT', {
    params: { field: 'customKeys', rule: 'must be an array of functions' },
  });
  assert(defaultRegion === undefined || typeof defaultRegion === 'string', 'INVALID_ARGUMENT', { params: { field: 'defaultRegion', rule: 'must be a string' } });
  assert(nameFrequency === undefined || typeof nameFrequency === 'boolean', 'INVALID_ARGUMENT', { params: { field: 'options', rule: 'nameFrequency must be a boolean' } });
  assert(onProgress === undefined || typeof onProgress === 'function', 'INVALID_ARGUMENT', { params: { field: 'onProgress', rule: 'must be a function' } });
  assert(signal === undefined || (signal !== null && typeof signal === 'object'), 'INVALID_ARGUMENT', { params: { field: 'signal', rule: 'must be an object' } });
  return o;
}

/**
 * Checks that `source` is something to read customers from: an iterable, or with `allowAsync` an
 * async iterable too (a repository's stream). Its items are checked as they are read.
 *
 * @throws {CrmError} `INVALID_ARGUMENT` naming `field`
 * @internal
 */
export function requireCustomerSource(source: unknown, field: string, allowAsync = false): void {
  const ok =
    source !== null &&
    typeof source === 'object' &&
    (typeof (source as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function' ||
      (allowAsync && typeof (source as Partial<AsyncIterable<unknown>>)[Symbol.asyncIterator] === 'function'));
  assert(ok, 'INVALID_ARGUMENT', { params: { field, rule: 'must be an iterable of customers' } });
}

/**
 * Checks that no id repeats, reporting the first record (in input order) whose id came before.
 * Ids are hashed and packed with their index into a float64 array and sorted, and only ids with
 * equal hashes are compared: no set of a million id strings.
 *
 * @throws {CrmError} `DUPLICATE_ID`
 * @internal
 */
export function requireDistinctIds(ids: Column<string>, n: number): void {
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  const scale = 2 ** indexBits;
  const shift = 32 - Math.min(32, 52 - indexBits);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = (fnv(at(ids, i), FNV_OFFSET) >>> shift) * scale + i;
  packed.sort();
  let repeat = n;
  const seen = new Set<string>();
  for (let start = 0; start < n; ) {
    const hash = Math.floor((packed[start] as number) / scale);
    let end = start + 1;
    while (end < n && Math.floor((packed[end] as number) / scale) === hash) end++;
    if (end - start > 1) {
      // members in input order: the first one whose id is in the set is that id's first repeat
      seen.clear();
      for (let k = start; k < end; k++) {
        const i = (packed[k] as number) - hash * scale;
        const id = at(ids, i);
        if (seen.has(id)) {
          repeat = Math.min(repeat, i);
          break;
        }
        seen.add(id);
      }
    }
    start = end;
  }
  if (repeat < n) {
    const id = at(ids, repeat);
    throw new CrmError('DUPLICATE_ID', { params: { entity: 'customer', id }, details: { id } });
  }
}

/**
 * Checks that `pairs` is iterable (now) and that each item is a pair of string ids (as it is read,
 * so a one-pass iterable is still read once).
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requirePairs(pairs: unknown): Iterable<readonly [string, string]> {
  const source = requireIterable<unknown>(pairs, 'pairs');
  return (function* checked() {
    let i = 0;
    for (const p of source) {
      assert(Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'string', 'INVALID_ARGUMENT', {
        params: { field: `pairs.${i}`, rule: 'must be a pair of string ids' },
      });
      i++;
      yield p as unknown as readonly [string, string];
    }
  })();
}

/** The most EM iterations {@link estimateMatchParameters} runs. */
export const MAX_EM_ITERATIONS = 10_000;

/**
 * Checks the options of {@link estimateMatchParameters}: those {@link requireIndexSettings} checks,
 * `start` a full {@link MatchParameters} when given, `maxIterations` an integer from 1 to
 * {@link MAX_EM_ITERATIONS} and `tolerance` a positive finite number when given.
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requireEstimateOptions(options: unknown): void {
  const o = requireIndexSettings(options) as { readonly start?: unknown; readonly maxIterations?: unknown; readonly tolerance?: unknown };
  if (o.start !== undefined) requireMatchParameters(o.start);
  if (o.maxIterations !== undefined) requireFiniteInRange(o.maxIterations, 'maxIterations', 1, MAX_EM_ITERATIONS, true);
  if (o.tolerance !== undefined) requireFiniteInRange(o.tolerance, 'tolerance', Number.MIN_VALUE, 1);
}

/**
 * Checks both cluster lists of {@link evaluateDuplicates}: dense arrays of dense arrays of string ids.
 *
 * @throws {CrmError} `INVALID_ARGUMENT` naming `found` or `truth`
 * @internal
 */
export function requireClusters(found: unknown, truth: unknown): void {
  for (const [field, clusters] of [['found', found], ['truth', truth]] as const) {
    const ok = Array.isArray(clusters) && isDense(clusters) && clusters.every((c: unknown) => Array.isArray(c) && isDense(c) && c.every((id: unknown) => typeof id === 'string'));
    assert(ok, 'INVALID_ARGUMENT', { params: { field, rule: 'must be an array of clusters of string ids' } });
  }
}

/**
 * Checks Winkler's prefix scale: a number, not NaN (values outside [0, 0.25] are then clamped by
 * {@link jaroWinkler}).
 *
 * @throws {CrmError} `INVALID_ARGUMENT`
 * @internal
 */
export function requirePrefixScale(prefixScale: unknown): void {
  assert(typeof prefixScale === 'number' && !Number.isNaN(prefixScale), 'INVALID_ARGUMENT', { params: { field: 'prefixScale', rule: 'must be a number, not NaN' } });
}
