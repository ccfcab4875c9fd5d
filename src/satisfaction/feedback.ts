import type { SurveyResponse } from './response';
import type { Survey } from './survey';
import { requireSurvey } from './requireResponses';

/**
 * One piece of free-text feedback kept with a response: a text question's answer, or the response's
 * `comment` (then `questionId` is `null`).
 *
 * @example
 * ```ts
 * const f: FeedbackText = { responseId: 'r1', customerId: 'c1', questionId: 'comment', channel: 'wechat', answeredAt: new Date('2026-03-01'), text: '送货很快' };
 * ```
 */
export interface FeedbackText {
  readonly responseId: string;
  readonly customerId: string;
  readonly questionId: string | null;
  readonly channel: string;
  readonly answeredAt: Date;
  readonly text: string;
}

/**
 * A label an adopter's classifier gives a piece of feedback: a topic (optionally mapped to a survey
 * dimension), a sentiment, and a confidence.
 *
 * @example
 * ```ts
 * const label: FeedbackLabel = { label: 'late delivery', dimension: 'delivery', sentiment: 'negative', score: 0.92 };
 * ```
 */
export interface FeedbackLabel {
  readonly label: string;
  readonly dimension?: string;
  readonly sentiment?: 'positive' | 'neutral' | 'negative';
  /** The classifier's confidence, 0..1. */
  readonly score?: number;
}

/**
 * The interface an adopter implements to classify feedback text with their own model or service
 * (crmkit ships none). It may be synchronous or return a promise; it receives the text only, never
 * the customer's identity.
 *
 * @example
 * ```ts
 * const keywords: FeedbackClassifier = {
 *   classify: (text) => (/慢|late/.test(text) ? [{ label: 'slow delivery', dimension: 'delivery', sentiment: 'negative' }] : []),
 * };
 * keywords.classify('配送太慢了');
 * //=> [{ label: 'slow delivery', dimension: 'delivery', sentiment: 'negative' }]
 * ```
 */
export interface FeedbackClassifier {
  classify(text: string): readonly FeedbackLabel[] | Promise<readonly FeedbackLabel[]>;
}

/**
 * Every non-blank piece of free text in the responses: answers to the survey's `text` questions and
 * each response's `comment`, in response order.
 *
 * @param responses - parsed responses
 * @param survey - the survey (to know which questions are free text)
 * @returns the feedback texts with their response, customer, question, channel and time
 *
 * @throws {CrmError} `INVALID_SURVEY` when `survey` does not have the shape `defineSurvey` returns
 *
 * @example
 * ```ts
 * import { defineSurvey, feedbackTexts } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'CSAT', questions: [{ id: 'q1', scale: 'csat5' }, { id: 'why', scale: 'text' }] });
 * feedbackTexts([
 *   { id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'app', answeredAt: new Date('2026-03-01'), answers: { q1: 2, why: '包装破损' }, comment: ' ' },
 * ], survey).map((f) => [f.questionId, f.text]);
 * //=> [['why', '包装破损']]
 * ```
 */
export function feedbackTexts(responses: readonly SurveyResponse[], survey: Survey): FeedbackText[] {
  requireSurvey(survey);
  const textIds = survey.questions.filter((q) => q.scale === 'text').map((q) => q.id);
  const out: FeedbackText[] = [];
  for (const r of responses) {
    const base = { responseId: r.id, customerId: r.customerId, channel: r.channel, answeredAt: r.answeredAt };
    for (const id of textIds) {
      const v = r.answers[id];
      if (typeof v === 'string' && v.trim() !== '') out.push({ ...base, questionId: id, text: v });
    }
    if (r.comment !== undefined && r.comment.trim() !== '') out.push({ ...base, questionId: null, text: r.comment });
  }
  return out;
}

/**
 * Feedback with the labels a classifier gave it.
 *
 * @example
 * ```ts
 * const c: ClassifiedFeedback = { responseId: 'r1', customerId: 'c1', questionId: null, channel: 'app', answeredAt: new Date('2026-03-01'), text: 'ok', labels: [] };
 * ```
 */
export interface ClassifiedFeedback extends FeedbackText {
  readonly labels: readonly FeedbackLabel[];
}

/**
 * Runs an adopter's {@link FeedbackClassifier} over every feedback text (see {@link feedbackTexts}),
 * one text at a time, in order.
 *
 * @param responses - parsed responses
 * @param survey - the survey
 * @param classifier - the adopter's classifier
 * @returns each feedback text with its labels
 * @throws whatever the classifier throws (crmkit does not swallow it)
 *
 * @example
 * ```ts
 * import { classifyFeedback, defineSurvey } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'CSAT', questions: [{ id: 'q1', scale: 'csat5' }, { id: 'why', scale: 'text' }] });
 * const classifier = { classify: (t: string) => (t.includes('慢') ? [{ label: 'slow', dimension: 'delivery' }] : []) };
 * const out = await classifyFeedback([
 *   { id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'app', answeredAt: new Date('2026-03-01'), answers: { why: '配送慢' } },
 * ], survey, classifier);
 * out[0].labels;
 * //=> [{ label: 'slow', dimension: 'delivery' }]
 * ```
 */
export async function classifyFeedback(responses: readonly SurveyResponse[], survey: Survey, classifier: FeedbackClassifier): Promise<ClassifiedFeedback[]> {
  const out: ClassifiedFeedback[] = [];
  for (const f of feedbackTexts(responses, survey)) out.push({ ...f, labels: await classifier.classify(f.text) });
  return out;
}
