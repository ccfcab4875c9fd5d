import { z } from 'zod';
import { CrmError } from './errors';
import { isCrmError } from '../core/errors/CrmError';
import { normalizeTag, normalizeTags } from '../validation/normalize/text';
import { compileSegment, type CompileSegmentOptions, type SegmentPredicate } from './rules/compile';
import type { CustomerMetrics, SegmentCustomer } from './rules/fields';
import { SegmentRuleSchema } from './rules/schema';
import { lazySchema } from '../core/zod/lazySchema';
import { isDense, requireObject } from '../core/guards';

/**
 * zod schema of a tag rule: put `tag` on customers matching `when` (a segment rule). `action`:
 * `sync` (default) adds the tag when the rule matches and removes it when not; `add` only adds;
 * `remove` removes the tag when the rule matches.
 *
 * @example
 * ```ts
 * import { TagRuleSchema } from 'crmkit/segmentation';
 * TagRuleSchema.parse({ tag: 'vip', when: { field: 'rfm.segment', op: 'eq', value: 'champions' } }).action;
 * //=> 'sync'
 * ```
 */
export const TagRuleSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  tag: z.string().min(1).max(64),
  when: SegmentRuleSchema,
  action: z.enum(['sync', 'add', 'remove']).default('sync'),
}));

/**
 * A tag rule as written; see {@link TagRuleSchema}.
 *
 * @example
 * ```ts
 * const rule: TagRule = { tag: 'win-back', when: { field: 'recencyDays', op: 'gt', value: 180 }, action: 'add' };
 * ```
 */
export type TagRule = z.input<typeof TagRuleSchema>;

/**
 * What {@link applyTagRules} returns: the customer's new, normalised tag list and what changed.
 * Persist it with `updateCustomer(customer, { tags })` when `changed` is true.
 *
 * @example
 * ```ts
 * const r: TagRuleResult = { tags: ['vip'], added: ['vip'], removed: [], changed: true };
 * ```
 */
export interface TagRuleResult {
  readonly tags: string[];
  readonly added: string[];
  readonly removed: string[];
  readonly changed: boolean;
}

/**
 * Options for {@link applyTagRules} and {@link compileTagRules}.
 *
 * @example
 * ```ts
 * const options: TagRuleOptions = { asOf: new Date('2026-03-01T00:00:00Z'), metrics: { recencyDays: 200 } };
 * ```
 */
export interface TagRuleOptions extends CompileSegmentOptions {
  /** The customer's computed metrics, for rules on `rfm.*`, `recencyDays` and the like. */
  readonly metrics?: CustomerMetrics;
}

const RULE_CODES = /* @__PURE__ */ new Set(['INVALID_RULE', 'UNKNOWN_FIELD', 'UNKNOWN_OPERATOR', 'RULE_TOO_DEEP']);

/**
 * Compiles tag rules once for many customers; see {@link applyTagRules} for the semantics.
 *
 * @param rules - tag rules
 * @param options - `asOf` and `attributes` as for {@link compileSegment}
 * @returns a function from a customer (and its metrics) to its new tags
 * @throws {CrmError} `INVALID_RULE` (with the path, such as `rules.1.when.all.0.value`),
 *   `UNKNOWN_FIELD`, `UNKNOWN_OPERATOR`, `RULE_TOO_DEEP`, `INVALID_DATE`; the returned function
 *   throws `INVALID_ARGUMENT` for a customer that is not an object
 *
 * @example
 * ```ts
 * import { compileTagRules } from 'crmkit/segmentation';
 * const retag = compileTagRules([{ tag: 'Dormant', when: { field: 'recencyDays', op: 'gt', value: 180 } }]);
 * retag({ tags: ['dormant', 'b2b'] }, { recencyDays: 12 }).tags;
 * //=> ['b2b']
 * ```
 */
export function compileTagRules(rules: readonly TagRule[], options: CompileSegmentOptions = {}): (customer: SegmentCustomer, metrics?: CustomerMetrics) => TagRuleResult {
  if (!Array.isArray(rules) || !isDense(rules)) throw new CrmError('INVALID_RULE', { params: { path: 'rules', rule: 'expected a list of tag rules' } });
  const compiled: { tag: string; action: 'sync' | 'add' | 'remove'; test: SegmentPredicate }[] = rules.map((rule, i) => {
    const parsed = TagRuleSchema.omit({ when: true }).safeParse({ tag: rule?.tag, action: rule?.action });
    const tag = parsed.success ? normalizeTag(parsed.data.tag) : '';
    if (!parsed.success || tag === '') throw new CrmError('INVALID_RULE', { params: { path: `rules.${i}`, rule: 'tag must be a non-empty string and action sync, add or remove' } });
    try {
      return { tag, action: parsed.data.action, test: compileSegment(rule.when, options) };
    } catch (e) {
      if (!isCrmError(e) || !RULE_CODES.has(e.code)) throw e;
      const inner = e.params.path === undefined ? '' : `.${String(e.params.path)}`;
      throw new CrmError(e.code, { params: { ...e.params, path: `rules.${i}.when${inner}` }, details: e.details, cause: e });
    }
  });
  return (customer, metrics) => {
    if (customer === null || typeof customer !== 'object') throw new CrmError('INVALID_ARGUMENT', { params: { field: 'customer', rule: 'must be a customer object' } });
    const before = normalizeTags(Array.isArray(customer.tags) ? customer.tags : []);
    const tags = new Set(before);
    for (const { tag, action, test } of compiled) {
      const match = test(customer, metrics);
      if (match && action !== 'remove') tags.add(tag);
      else if ((match && action === 'remove') || (!match && action === 'sync')) tags.delete(tag);
    }
    const after = [...tags];
    const original = new Set(customer.tags ?? []);
    const added = after.filter((t) => !before.includes(t));
    const removed = before.filter((t) => !tags.has(t));
    const changed = added.length > 0 || removed.length > 0 || after.length !== original.size || after.some((t) => !original.has(t));
    return { tags: after, added, removed, changed };
  };
}

/**
 * Adds and removes a customer's tags by rules, e.g. tag `vip` while the customer is a Champion.
 * Every rule is tested against the customer as given (not against the tags earlier rules set);
 * when several rules touch the same tag, the last one that acts wins. Tags are normalised
 * (`normalizeTag`: trimmed, lower case, spaces to `-`) on the rules and on the customer's
 * existing tags, and duplicates are dropped. The customer is not changed: persist the result
 * with `updateCustomer(customer, { tags })` when `changed` is true.
 *
 * @param customer - the customer (a {@link SegmentCustomer})
 * @param rules - tag rules, applied in order
 * @param options - {@link TagRuleOptions}: `metrics`, `asOf`, `attributes`
 * @returns the new tags, the tags added and removed, and whether anything changed
 * @throws {CrmError} as {@link compileTagRules}
 *
 * @example
 * ```ts
 * import { applyTagRules } from 'crmkit/segmentation';
 * const rules = [
 *   { tag: 'VIP', when: { field: 'rfm.segment', op: 'in', value: ['champions', 'loyal-customers'] } },
 *   { tag: 'win-back', when: { field: 'rfm.segment', op: 'eq', value: 'at-risk' }, action: 'add' as const },
 * ];
 * applyTagRules({ tags: ['B2B', 'vip'] }, rules, { metrics: { rfmSegment: 'at-risk' } });
 * //=> { tags: ['b2b', 'win-back'], added: ['win-back'], removed: ['vip'], changed: true }
 * ```
 */
export function applyTagRules(customer: SegmentCustomer, rules: readonly TagRule[], options: TagRuleOptions = {}): TagRuleResult {
  requireObject(options, 'options');
  return compileTagRules(rules, options)(customer, options.metrics);
}
