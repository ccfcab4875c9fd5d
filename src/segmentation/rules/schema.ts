import { z } from 'zod';
import type { SegmentFieldType } from './fields';
import { lazySchema } from '../../core/zod/lazySchema';

/**
 * Every condition operator, with the field types it applies to.
 *
 * - `eq`, `neq`: string, number, boolean, date
 * - `gt`, `gte`, `lt`, `lte`, `between` (inclusive `[low, high]`): number, date
 * - `in`, `notIn` (a list of values): string, number
 * - `contains`, `startsWith` (case-sensitive): string
 * - `exists` (no value): any field; for tags, at least one tag
 * - `hasTag` (one tag), `hasAnyTag` (a list): tags; rule tags are normalised like customer tags
 * - `withinLast` (`{ amount, unit }`, a duration before `asOf`, inclusive), `before`, `after`
 *   (strict): date
 *
 * @example
 * ```ts
 * import { SEGMENT_OPERATORS } from 'crmkit/segmentation';
 * SEGMENT_OPERATORS.hasTag;
 * //=> ['tags']
 * ```
 */
export const SEGMENT_OPERATORS = /* @__PURE__ */ Object.freeze({
  eq: ['string', 'number', 'boolean', 'date'],
  neq: ['string', 'number', 'boolean', 'date'],
  gt: ['number', 'date'],
  gte: ['number', 'date'],
  lt: ['number', 'date'],
  lte: ['number', 'date'],
  between: ['number', 'date'],
  in: ['string', 'number'],
  notIn: ['string', 'number'],
  contains: ['string'],
  startsWith: ['string'],
  exists: ['string', 'number', 'boolean', 'date', 'tags'],
  hasTag: ['tags'],
  hasAnyTag: ['tags'],
  withinLast: ['date'],
  before: ['date'],
  after: ['date'],
} as const satisfies Record<string, readonly SegmentFieldType[]>);

/**
 * A condition operator; see {@link SEGMENT_OPERATORS}.
 *
 * @example
 * ```ts
 * const op: SegmentOperator = 'withinLast';
 * ```
 */
export type SegmentOperator = keyof typeof SEGMENT_OPERATORS;

/**
 * Units for `withinLast`. Minutes, hours, days and weeks are exact durations; months and years
 * are calendar steps back from `asOf` in the runtime's time zone (date-fns `subMonths`/`subYears`).
 *
 * @example
 * ```ts
 * import { DURATION_UNITS } from 'crmkit/segmentation';
 * DURATION_UNITS.includes('days');
 * //=> true
 * ```
 */
export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks', 'months', 'years'] as const;

/**
 * Rules nest at most this many groups deep; deeper input is refused with `RULE_TOO_DEEP` before
 * any recursion, so hostile input cannot overflow the stack.
 *
 * @example
 * ```ts
 * import { MAX_RULE_DEPTH } from 'crmkit/segmentation';
 * MAX_RULE_DEPTH;
 * //=> 32
 * ```
 */
export const MAX_RULE_DEPTH = 32;

/**
 * A rule holds at most this many nodes (groups and conditions); larger input is `INVALID_RULE`.
 *
 * @example
 * ```ts
 * import { MAX_RULE_NODES } from 'crmkit/segmentation';
 * MAX_RULE_NODES;
 * //=> 10000
 * ```
 */
export const MAX_RULE_NODES = 10_000;

const scalar = /* @__PURE__ */ lazySchema(() => z.union([z.string().max(4096), z.number(), z.boolean(), z.iso.datetime({ offset: true }), z.date()]));
const duration = /* @__PURE__ */ lazySchema(() => z.strictObject({ amount: z.number().int().min(1).max(100_000), unit: z.enum(DURATION_UNITS) }));

/**
 * zod schema of one condition: `{ field, op, value }`. Structural only; {@link parseSegmentRule}
 * also checks that the field exists, the operator suits its type and the value suits the operator.
 *
 * @example
 * ```ts
 * import { SegmentConditionSchema } from 'crmkit/segmentation';
 * SegmentConditionSchema.safeParse({ field: 'rfm.r', op: 'gte', value: 4 }).success;
 * //=> true
 * ```
 */
export const SegmentConditionSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  field: z.string().min(1).max(256),
  op: z.enum(Object.keys(SEGMENT_OPERATORS) as [SegmentOperator, ...SegmentOperator[]]),
  value: z.union([scalar, z.array(scalar).max(1000), duration]).optional(),
}));

/**
 * One condition of a segment rule; see {@link SegmentConditionSchema}.
 *
 * @example
 * ```ts
 * const c: SegmentCondition = { field: 'tags', op: 'hasTag', value: 'vip' };
 * ```
 */
export type SegmentCondition = z.infer<typeof SegmentConditionSchema>;

/**
 * A segment rule: a condition, or a group `{ all: [...] }` (every member; empty is true),
 * `{ any: [...] }` (at least one; empty is false) or `{ not: rule }`. Plain JSON, so rules can be
 * stored and edited.
 *
 * @example
 * ```ts
 * const rule: SegmentRule = {
 *   all: [{ field: 'rfm.r', op: 'gte', value: 4 }, { not: { field: 'tags', op: 'hasTag', value: 'blocked' } }],
 * };
 * ```
 */
export type SegmentRule = SegmentCondition | { readonly all: readonly SegmentRule[] } | { readonly any: readonly SegmentRule[] } | { readonly not: SegmentRule };

/**
 * zod schema of a segment rule's structure (recursive). Use it for JSON Schema export or form
 * building; to accept a rule from users call {@link parseSegmentRule}, which also checks fields,
 * operators and values and refuses deep nesting without recursing.
 *
 * @example
 * ```ts
 * import { SegmentRuleSchema } from 'crmkit/segmentation';
 * SegmentRuleSchema.safeParse({ any: [{ field: 'kind', op: 'eq', value: 'person' }] }).success;
 * //=> true
 * ```
 */
export const SegmentRuleSchema: z.ZodType<SegmentRule> = /* @__PURE__ */ lazySchema(() => z.lazy(() =>
  z.union([
    SegmentConditionSchema,
    z.strictObject({ all: z.array(SegmentRuleSchema).max(MAX_RULE_NODES) }),
    z.strictObject({ any: z.array(SegmentRuleSchema).max(MAX_RULE_NODES) }),
    z.strictObject({ not: SegmentRuleSchema }),
  ]),
));
