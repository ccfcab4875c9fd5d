import { CrmError, assert, errorMessage, localizeWord } from './errors';
import { requireSurvey } from './requireResponses';
import { unreadableIssue } from '../validation/issue';
import { zodErrorMap, type Locale } from '../core/locales';
import { scaleLabel, scaleRange } from './scales';
import { ResponseSchema, type Answer, type SurveyResponse } from './response';
import type { Question, Survey } from './survey';

/**
 * One problem with a response: where (`path`), a stable `code` (a crmkit error code such as
 * `UNKNOWN_QUESTION` or `ANSWER_OUT_OF_SCALE`, or a zod issue code for shape errors) and a message.
 * Messages name the question, never the answer given.
 *
 * @example
 * ```ts
 * const issue: ResponseIssue = { path: ['answers', 'q9'], code: 'UNKNOWN_QUESTION', message: 'response answers unknown question q9' };
 * ```
 */
export interface ResponseIssue {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
}

/**
 * The outcome of {@link validateResponse}: the parsed response when valid, and every issue found.
 *
 * @example
 * ```ts
 * const result: ResponseValidation = { ok: false, issues: [] };
 * ```
 */
export type ResponseValidation =
  | { readonly ok: true; readonly response: SurveyResponse; readonly issues: readonly [] }
  | { readonly ok: false; readonly issues: readonly ResponseIssue[] };

/**
 * Whether `value` is a valid answer to `question`: an integer within the scale for scored scales, a
 * boolean for yes/no, a string for free text.
 *
 * @param question - the question
 * @param value - the answer
 * @returns true when the answer fits the question's scale
 * @throws {CrmError} `INVALID_ARGUMENT` when `question` is not an object or its scale is unknown
 *
 * @example
 * ```ts
 * import { isAnswerInScale } from 'crmkit/satisfaction';
 * const q = { id: 'q1', scale: 'csat5', dimension: 'general', weight: 1, reversed: false } as const;
 * [isAnswerInScale(q, 5), isAnswerInScale(q, 6), isAnswerInScale(q, 4.5)];
 * //=> [true, false, false]
 * ```
 */
export function isAnswerInScale(question: Question, value: Answer): boolean {
  assert(question !== null && typeof question === 'object', 'INVALID_ARGUMENT', { params: { field: 'question', rule: 'must be an object' } });
  if (question.scale === 'text') return typeof value === 'string';
  if (question.scale === 'yes_no') return typeof value === 'boolean';
  const r = scaleRange(question.scale);
  return typeof value === 'number' && r !== null && Number.isInteger(value) && value >= r.min && value <= r.max;
}

/**
 * Checks a response against its survey and reports every issue at once: the shape (zod), the survey
 * id, answers to questions the survey does not have (`UNKNOWN_QUESTION`) and answers outside their
 * question's scale (`ANSWER_OUT_OF_SCALE`). Never throws for bad input: an input whose getters
 * throw is reported as an `unreadable` issue.
 *
 * @param input - the candidate response (dates may be ISO strings)
 * @param survey - the parsed survey (see {@link defineSurvey})
 * @param options - `locale` of the messages (zod's shape messages included): `en` (default), `zh-CN` or a registered locale
 * @returns `{ ok: true, response }` or `{ ok: false, issues }`
 * @throws {CrmError} `INVALID_SURVEY` when `survey` is not a survey from {@link defineSurvey} (a
 *   programming error, not bad input)
 *
 * @example
 * ```ts
 * import { defineSurvey, validateResponse } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] });
 * const result = validateResponse(
 *   { id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'sms', answeredAt: '2026-03-01', answers: { nps: 11, q9: 3 } },
 *   survey,
 * );
 * result.issues.map((i) => i.code);
 * //=> ['ANSWER_OUT_OF_SCALE', 'UNKNOWN_QUESTION']
 * ```
 */
export function validateResponse(input: unknown, survey: Survey, options: { readonly locale?: Locale } = {}): ResponseValidation {
  const locale = options?.locale ?? 'en';
  requireSurvey(survey);
  let parsed: ReturnType<typeof ResponseSchema.safeParse>;
  try {
    parsed = ResponseSchema.safeParse(input, { error: zodErrorMap(locale) });
  } catch {
    // A getter or Proxy of the input threw while it was read: an issue of the input, not a crash.
    return { ok: false, issues: [unreadableIssue(locale)] };
  }
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: localizeWord(i.message, locale) })) };
  }
  const response = parsed.data;
  const issues: ResponseIssue[] = [];
  const add = (path: readonly PropertyKey[], code: 'UNKNOWN_QUESTION' | 'ANSWER_OUT_OF_SCALE' | 'INVALID_ARGUMENT', params: Record<string, string>) =>
    issues.push({ path, code, message: errorMessage(code, params, locale) });
  if (response.surveyId !== survey.id) add(['surveyId'], 'INVALID_ARGUMENT', { field: 'surveyId', rule: `must be ${survey.id}` });
  const questions = new Map(survey.questions.map((q) => [q?.id, q]));
  for (const [id, value] of Object.entries(response.answers)) {
    const q = questions.get(id);
    if (q === undefined) add(['answers', id], 'UNKNOWN_QUESTION', { question: id });
    else if (!isAnswerInScale(q, value)) add(['answers', id], 'ANSWER_OUT_OF_SCALE', { question: id, scale: scaleLabel(q.scale) });
  }
  return issues.length === 0 ? { ok: true, response, issues: [] } : { ok: false, issues };
}

/**
 * Parses a response against its survey, throwing on the first problem; the throwing twin of
 * {@link validateResponse}.
 *
 * @param input - the candidate response
 * @param survey - the parsed survey
 * @returns the parsed response
 * @throws {CrmError} `UNKNOWN_QUESTION`, `ANSWER_OUT_OF_SCALE`, `INVALID_ARGUMENT` (another survey's
 * response) or `VALIDATION_FAILED` (shape); every issue is in `details.issues`
 *
 * @example
 * ```ts
 * import { defineSurvey, parseResponse } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] });
 * parseResponse({ id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'sms', answeredAt: '2026-03-01', answers: { nps: 9 } }, survey).answers;
 * //=> { nps: 9 }
 * ```
 */
export function parseResponse(input: unknown, survey: Survey): SurveyResponse {
  const result = validateResponse(input, survey);
  if (result.ok) return result.response;
  const own = result.issues.find((i) => i.code === 'UNKNOWN_QUESTION' || i.code === 'ANSWER_OUT_OF_SCALE' || i.code === 'INVALID_ARGUMENT');
  if (own !== undefined) {
    const id = String(own.path[1] ?? '');
    const q = survey.questions.find((x) => x.id === id);
    const params =
      own.code === 'UNKNOWN_QUESTION'
        ? { question: id }
        : own.code === 'ANSWER_OUT_OF_SCALE'
          ? { question: id, scale: q ? scaleLabel(q.scale) : '?' }
          : { field: 'surveyId', rule: `must be ${survey.id}` };
    throw new CrmError(own.code as 'UNKNOWN_QUESTION', { params, details: { issues: result.issues } });
  }
  throw new CrmError('VALIDATION_FAILED', { params: { entity: 'survey response', count: result.issues.length, rules: [...new Set(result.issues.map((i) => i.code))].join(', ') }, details: { issues: result.issues } });
}
