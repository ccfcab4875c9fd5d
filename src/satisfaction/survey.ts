import { z } from 'zod';
import { CrmError } from './errors';
import { nonBlankText } from '../customer/text';
import { SCALE_TYPES } from './scales';
import { lazySchema } from '../core/zod/lazySchema';

/** The dimension a question belongs to when it names none. */
export const DEFAULT_DIMENSION = 'general';

const weight = /* @__PURE__ */ lazySchema(() => z.number().finite().min(0));

/**
 * One survey question: its id, the scale it is answered on, the dimension it measures (product
 * quality, service attitude, ...; default `general`) and its weight within that dimension
 * (default 1; 0 keeps the question out of the index). `reversed: true` marks a question where a
 * higher answer is worse; the index flips it.
 *
 * @example
 * ```ts
 * import { QuestionSchema } from 'crmkit/satisfaction';
 * QuestionSchema.parse({ id: 'q1', scale: 'csat5', dimension: 'product' }).weight;
 * //=> 1
 * ```
 */
export const QuestionSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  // Answers are looked up by id on plain objects, so ids must not name Object.prototype members.
  id: nonBlankText(128).refine((id) => !(id in Object.prototype), { message: 'reserved question id' }),
  text: z.string().max(2000).optional(),
  scale: z.enum(SCALE_TYPES),
  dimension: nonBlankText(128).default(DEFAULT_DIMENSION),
  weight: weight.default(1),
  reversed: z.boolean().default(false),
}));

/**
 * A parsed survey question; see {@link QuestionSchema}.
 *
 * @example
 * ```ts
 * const q: Question = { id: 'q1', scale: 'nps', dimension: 'general', weight: 1, reversed: false };
 * ```
 */
export type Question = z.output<typeof QuestionSchema>;

/**
 * A dimension of a survey with its label (any language, for example `产品质量`) and its weight in the
 * overall index (default 1).
 *
 * @example
 * ```ts
 * import { DimensionSchema } from 'crmkit/satisfaction';
 * DimensionSchema.parse({ id: 'product', label: '产品质量' }).weight;
 * //=> 1
 * ```
 */
export const DimensionSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id: nonBlankText(128),
  label: z.string().max(200).optional(),
  weight: weight.default(1),
}));

/**
 * A parsed survey dimension; see {@link DimensionSchema}.
 *
 * @example
 * ```ts
 * const d: Dimension = { id: 'delivery', label: '配送速度', weight: 1 };
 * ```
 */
export type Dimension = z.output<typeof DimensionSchema>;

/**
 * A survey definition: questions and, optionally, the dimensions they measure with their weights.
 * When `dimensions` is omitted, every dimension named by a question weighs 1. Rules checked: question
 * ids and dimension ids are unique, every scored question's dimension is listed (when `dimensions`
 * is given; free-text questions are never scored), and at least one scored question has a positive weight in a dimension with positive weight.
 *
 * @example
 * ```ts
 * import { SurveySchema } from 'crmkit/satisfaction';
 * SurveySchema.safeParse({ id: 's1', name: 'Q1', questions: [{ id: 'q', scale: 'text' }] }).success;
 * //=> false
 * ```
 */
export const SurveySchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    id: nonBlankText(128),
    name: z.string().max(500),
    questions: z.array(QuestionSchema).min(1),
    dimensions: z.array(DimensionSchema).optional(),
  })
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.questions.forEach((q, i) => {
      if (ids.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: 'duplicate question id' });
      ids.add(q.id);
    });
    const dims = new Map<string, number>();
    (s.dimensions ?? []).forEach((d, i) => {
      if (dims.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'id'], message: 'duplicate dimension id' });
      dims.set(d.id, d.weight);
    });
    if (s.dimensions !== undefined) {
      s.questions.forEach((q, i) => {
        if (q.scale !== 'text' && !dims.has(q.dimension)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'dimension'], message: 'dimension is not listed in dimensions' });
      });
    }
    const scored = s.questions.some((q) => q.scale !== 'text' && q.weight > 0 && (s.dimensions === undefined || (dims.get(q.dimension) ?? 0) > 0));
    if (!scored) ctx.addIssue({ code: 'custom', path: ['questions'], message: 'needs a scored question with positive weight' });
  }));

/**
 * A parsed survey definition; see {@link SurveySchema}.
 *
 * @example
 * ```ts
 * const s: Survey = { id: 's1', name: 'Q1', questions: [{ id: 'q1', scale: 'nps', dimension: 'general', weight: 1, reversed: false }] };
 * ```
 */
export type Survey = z.output<typeof SurveySchema>;

/**
 * A survey definition as written by hand, before defaults are filled in.
 *
 * @example
 * ```ts
 * const s: SurveyInput = { id: 's1', name: 'Q1', questions: [{ id: 'q1', scale: 'nps' }] };
 * ```
 */
export type SurveyInput = z.input<typeof SurveySchema>;

/**
 * Parses and checks a survey definition, filling in defaults (dimension `general`, weights 1).
 *
 * @param input - the definition
 * @returns the parsed survey
 * @throws {CrmError} `INVALID_SURVEY`, with the issues (path, code, message) in `details.issues`
 *
 * @example
 * ```ts
 * import { defineSurvey } from 'crmkit/satisfaction';
 * const survey = defineSurvey({
 *   id: 'post-delivery', name: '配送回访',
 *   dimensions: [{ id: 'product', label: '产品质量', weight: 2 }, { id: 'delivery', label: '配送速度' }],
 *   questions: [
 *     { id: 'q1', scale: 'csat5', dimension: 'product' },
 *     { id: 'q2', scale: 'csat5', dimension: 'delivery' },
 *     { id: 'comment', scale: 'text' },
 *   ],
 * });
 * survey.questions[2].dimension;
 * //=> 'general'
 * ```
 */
export function defineSurvey(input: unknown): Survey {
  const parsed = SurveySchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message }));
  const first = issues[0];
  throw new CrmError('INVALID_SURVEY', {
    params: { rule: first ? `${first.path.join('.') || 'survey'}: ${first.message}` : 'invalid' },
    details: { issues },
  });
}
