import { assert } from './errors';
import { type PipelineIndex, probabilityToBp, stagePosition } from './definePipeline';

/**
 * The forecast categories, most to least certain (as in Salesforce's forecast categories):
 * `commit`, `best_case`, `pipeline`, and `omitted` (left out of the forecast totals).
 *
 * @example
 * ```ts
 * import { FORECAST_CATEGORIES } from 'crmkit/pipeline';
 * FORECAST_CATEGORIES;
 * //=> ['commit', 'best_case', 'pipeline', 'omitted']
 * ```
 */
export const FORECAST_CATEGORIES = ['commit', 'best_case', 'pipeline', 'omitted'] as const;

/**
 * One of {@link FORECAST_CATEGORIES}.
 *
 * @example
 * ```ts
 * const c: ForecastCategory = 'best_case';
 * ```
 */
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/**
 * An adopter's rule putting open deals into a forecast category: a deal matches when it is in one
 * of `stages` (when given) and its probability is within `[minProbability, maxProbability]` (when
 * given). Rules are tried in order; the first match wins; a deal no rule matches is `pipeline`.
 *
 * @example
 * ```ts
 * const rule: ForecastCategoryRule = { category: 'commit', stages: ['negotiation'], minProbability: 0.7 };
 * ```
 */
export interface ForecastCategoryRule {
  readonly category: ForecastCategory;
  readonly stages?: readonly string[];
  readonly minProbability?: number;
  readonly maxProbability?: number;
}

/**
 * The default forecast category rules: probability 0.8 or more is `commit`, 0.5 or more
 * `best_case`, exactly 0 `omitted`, anything else `pipeline`.
 *
 * @example
 * ```ts
 * import { DEFAULT_FORECAST_CATEGORY_RULES } from 'crmkit/pipeline';
 * DEFAULT_FORECAST_CATEGORY_RULES.map((r) => r.category);
 * //=> ['commit', 'best_case', 'omitted']
 * ```
 */
export const DEFAULT_FORECAST_CATEGORY_RULES: readonly ForecastCategoryRule[] = /* @__PURE__ */ Object.freeze([
  Object.freeze({ category: 'commit', minProbability: 0.8 }),
  Object.freeze({ category: 'best_case', minProbability: 0.5 }),
  Object.freeze({ category: 'omitted', maxProbability: 0 }),
]);

/** Checks rules and returns a category picker (stage position, basis points) → category index. */
export function compileCategoryRules(rules: readonly ForecastCategoryRule[] | undefined, index: PipelineIndex): (pos: number, bp: number) => number {
  const list = rules ?? DEFAULT_FORECAST_CATEGORY_RULES;
  assert(Array.isArray(list) && list.length <= 256, 'INVALID_ARGUMENT', { params: { field: 'categories', rule: 'must be a list of at most 256 rules' } });
  const compiled = list.map((r, k) => {
    const field = `categories.${k}`;
    assert(r !== null && typeof r === 'object' && FORECAST_CATEGORIES.includes(r.category), 'INVALID_ARGUMENT', { params: { field, rule: 'category must be commit, best_case, pipeline or omitted' } });
    const min = r.minProbability === undefined ? 0 : probabilityToBp(r.minProbability);
    const max = r.maxProbability === undefined ? 10_000 : probabilityToBp(r.maxProbability);
    assert(min >= 0 && max >= 0, 'INVALID_ARGUMENT', { params: { field, rule: 'probability bounds must be 0 to 1 with at most 4 decimals' } });
    let stages: Uint8Array | undefined;
    if (r.stages !== undefined) {
      assert(Array.isArray(r.stages), 'INVALID_ARGUMENT', { params: { field, rule: 'stages must be a list' } });
      stages = new Uint8Array(index.stages.length);
      for (const s of r.stages) stages[stagePosition(index, s)] = 1;
    }
    return { cat: FORECAST_CATEGORIES.indexOf(r.category), min, max, stages };
  });
  const fallback = FORECAST_CATEGORIES.indexOf('pipeline');
  return (pos, bp) => {
    for (const r of compiled) {
      if (bp >= r.min && bp <= r.max && (r.stages === undefined || r.stages[pos] === 1)) return r.cat;
    }
    return fallback;
  };
}
