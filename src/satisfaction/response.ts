import { z } from 'zod';
import { DateSchema } from '../core/time/schema';
import { nonBlankText } from '../customer/text';
import { lazySchema } from '../core/zod/lazySchema';

/**
 * An answer: a number for scored scales, a boolean for yes/no, a string for free text.
 *
 * @example
 * ```ts
 * const a: Answer = 9;
 * ```
 */
export type Answer = number | boolean | string;

/**
 * One customer's response to a survey: who, on which channel, when, and the answers keyed by
 * question id (unanswered questions are simply absent). `segment` and `ownerId` let reports group
 * by customer segment or account owner; `comment` keeps free feedback that is not tied to a question.
 *
 * @example
 * ```ts
 * import { ResponseSchema } from 'crmkit/satisfaction';
 * ResponseSchema.parse({
 *   id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'wechat',
 *   answeredAt: '2026-03-01T10:00:00+08:00', answers: { q1: 5 },
 * }).answeredAt.toISOString();
 * //=> '2026-03-01T02:00:00.000Z'
 * ```
 */
export const ResponseSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id: nonBlankText(128),
  surveyId: nonBlankText(128),
  customerId: nonBlankText(128),
  channel: nonBlankText(64),
  answeredAt: DateSchema,
  answers: z.record(z.string(), z.union([z.number(), z.boolean(), z.string().max(10_000)])),
  segment: z.string().max(128).optional(),
  ownerId: z.string().max(128).optional(),
  comment: z.string().max(10_000).optional(),
}));

/**
 * A parsed survey response; see {@link ResponseSchema}.
 *
 * @example
 * ```ts
 * const r: SurveyResponse = {
 *   id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'sms', answeredAt: new Date('2026-03-01'), answers: { q1: 4 },
 * };
 * ```
 */
export type SurveyResponse = z.output<typeof ResponseSchema>;
