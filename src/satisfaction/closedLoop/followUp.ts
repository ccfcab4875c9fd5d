import { assert } from '../errors';
import { type DomainEvent, domainEvent } from '../../core/events';
import { requireDate } from '../../core/time';
import { type BusinessCalendar, type Complaint, addBusinessMinutes, advanceComplaint, openComplaint } from '../../lifecycle';
import { requireResponses } from '../requireResponses';
import type { SurveyResponse } from '../response';
import type { Survey } from '../survey';
import { DEFAULT_CLOSED_LOOP_POLICY, type ClosedLoopPolicy, type CallbackRule } from './policy';

/**
 * How a callback attempt ended: `reached` (spoke with the customer), `resolved` (spoke and fixed
 * the issue), `declined` (the customer did not want to talk), `unreachable` (no contact made).
 *
 * @example
 * ```ts
 * const outcome: CallbackOutcome = 'reached';
 * ```
 */
export type CallbackOutcome = 'reached' | 'resolved' | 'declined' | 'unreachable';

const OUTCOMES: readonly CallbackOutcome[] = ['reached', 'resolved', 'declined', 'unreachable'];

/**
 * One callback attempt.
 *
 * @example
 * ```ts
 * const a: CallbackAttempt = { at: new Date('2026-03-02T10:00:00Z'), outcome: 'reached' };
 * ```
 */
export interface CallbackAttempt {
  readonly at: Date;
  readonly outcome: CallbackOutcome;
  /** Free text for the team; keep personal data out of it. */
  readonly note?: string;
}

/**
 * A callback owed to a customer after a low survey answer, carried on the complaint workflow's
 * machinery: `complaint` is a complaint opened at the answer's time with the rule's priority, so the
 * same SLA policy, business calendar and breach reports apply.
 *
 * @example
 * ```ts
 * import type { SurveyFollowUp } from 'crmkit/satisfaction';
 * const pick = (f: SurveyFollowUp) => [f.responseId, f.answer, f.callbackDueAt];
 * ```
 */
export interface SurveyFollowUp {
  /** `followup:` + the response id: the same response always gives the same id (store it idempotently). */
  readonly id: string;
  readonly customerId: string;
  readonly responseId: string;
  readonly surveyId: string;
  /** The question whose answer opened it, and that answer. */
  readonly question: string;
  readonly answer: number;
  readonly channel: string;
  /** When the answer was given. */
  readonly openedAt: Date;
  /** When the callback is due: `openedAt` plus the rule's minutes (business minutes with a calendar). */
  readonly callbackDueAt: Date;
  readonly complaint: Complaint;
  /** Attempts in time order. */
  readonly attempts: readonly CallbackAttempt[];
}

/**
 * The event of a follow-up being opened.
 *
 * @example
 * ```ts
 * import type { SurveyFollowUpOpened } from 'crmkit/satisfaction';
 * const id = (e: SurveyFollowUpOpened) => e.followUpId;
 * ```
 */
export type SurveyFollowUpOpened = DomainEvent<'SurveyFollowUpOpened', { readonly followUpId: string; readonly responseId: string; readonly callbackDueAt: Date }>;

/**
 * The event of a callback attempt being recorded.
 *
 * @example
 * ```ts
 * import type { SurveyCallbackRecorded } from 'crmkit/satisfaction';
 * const outcome = (e: SurveyCallbackRecorded) => e.outcome;
 * ```
 */
export type SurveyCallbackRecorded = DomainEvent<'SurveyCallbackRecorded', { readonly followUpId: string; readonly outcome: CallbackOutcome }>;

/**
 * Options for {@link openSurveyFollowUps}.
 *
 * @example
 * ```ts
 * const options: SurveyFollowUpOptions = { calendar: { utcOffsetMinutes: 480 } };
 * ```
 */
export interface SurveyFollowUpOptions {
  /** Business calendar for the callback deadline (default: none, plain minutes). */
  readonly calendar?: BusinessCalendar;
}

/**
 * Opens a callback for every response whose answer a rule of `policy` catches (detractors, low
 * CSAT): the first matching rule, one follow-up per response. Pure: pass each new batch of
 * responses; the ids are derived from the response ids, so storing them idempotently avoids doubles.
 *
 * @param responses - parsed responses to `survey`
 * @param survey - the survey (rules by scale find its questions)
 * @param policy - the rules (default {@link DEFAULT_CLOSED_LOOP_POLICY})
 * @param options - `calendar` for business-minute deadlines
 * @returns the follow-ups and their `SurveyFollowUpOpened` events
 * @throws {CrmError} `INVALID_ARGUMENT` for a response to another survey or a bad calendar;
 * `INVALID_DATE` for a response with an invalid `answeredAt`
 *
 * @example
 * ```ts
 * import { defineSurvey, openSurveyFollowUps } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] });
 * const at = new Date('2026-03-02T01:00:00Z');
 * const r = (id: string, nps: number) => ({ id, surveyId: 's1', customerId: `c-${id}`, channel: 'sms', answeredAt: at, answers: { nps } });
 * const { followUps } = openSurveyFollowUps([r('a', 3), r('b', 9), r('c', 6)], survey);
 * followUps.map((f) => [f.id, f.complaint.priority, f.callbackDueAt.toISOString()]);
 * //=> [['followup:a', 'high', '2026-03-02T09:00:00.000Z'], ['followup:c', 'high', '2026-03-02T09:00:00.000Z']]
 * ```
 */
export function openSurveyFollowUps(
  responses: readonly SurveyResponse[],
  survey: Survey,
  policy: ClosedLoopPolicy = DEFAULT_CLOSED_LOOP_POLICY,
  options: SurveyFollowUpOptions = {},
): { followUps: SurveyFollowUp[]; events: SurveyFollowUpOpened[] } {
  requireResponses(responses);
  assert(survey !== null && typeof survey === 'object' && Array.isArray(survey.questions), 'INVALID_ARGUMENT', { params: { field: 'survey', rule: 'must be a parsed survey' } });
  assert(Array.isArray(policy?.rules), 'INVALID_ARGUMENT', { params: { field: 'policy.rules', rule: 'must be a list of rules' } });
  const watched = policy.rules.map((rule) => questionsOf(rule, survey));
  const followUps: SurveyFollowUp[] = [];
  const events: SurveyFollowUpOpened[] = [];
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i] as SurveyResponse;
    assert(r?.surveyId === survey.id, 'INVALID_ARGUMENT', { params: { field: `responses.${i}.surveyId`, rule: `must be ${survey.id}` } });
    const answeredAt = requireDate(r.answeredAt, `responses.${i}.answeredAt`);
    const hit = firstMatch(policy.rules, watched, r);
    if (hit === null) continue;
    const id = `followup:${r.id}`;
    const { complaint } = openComplaint({ id, customerId: r.customerId, priority: hit.rule.priority }, { now: answeredAt });
    const minutes = hit.rule.callbackWithinMinutes;
    const callbackDueAt =
      options.calendar === undefined ? new Date(answeredAt.getTime() + minutes * 60_000) : addBusinessMinutes(answeredAt, minutes, options.calendar);
    followUps.push(
      Object.freeze({
        id,
        customerId: r.customerId,
        responseId: r.id,
        surveyId: r.surveyId,
        question: hit.question,
        answer: hit.answer,
        channel: r.channel,
        openedAt: new Date(answeredAt.getTime()),
        callbackDueAt,
        complaint,
        attempts: Object.freeze([]),
      }),
    );
    events.push(domainEvent('SurveyFollowUpOpened', r.customerId, new Date(answeredAt.getTime()), { followUpId: id, responseId: r.id, callbackDueAt }));
  }
  return { followUps, events };
}

/**
 * Records a callback attempt. The first attempt that reaches the customer (any outcome but
 * `unreachable`) acknowledges the follow-up's complaint, which is when the SLA counts it called
 * back; a `resolved` attempt also resolves it.
 *
 * @param followUp - the follow-up
 * @param attempt - when and how it ended (`at` no earlier than the answer or the last attempt)
 * @returns the new follow-up and a `SurveyCallbackRecorded` event
 * @throws {CrmError} `INVALID_ARGUMENT` for an unknown outcome or an attempt dated before the last
 * one or the answer; `INVALID_DATE` for an invalid `at`; `INVALID_TRANSITION` for a `resolved`
 * attempt on a complaint already closed
 *
 * @example
 * ```ts
 * import { defineSurvey, openSurveyFollowUps, recordCallback } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] });
 * const at = new Date('2026-03-02T01:00:00Z');
 * const { followUps } = openSurveyFollowUps([{ id: 'a', surveyId: 's1', customerId: 'c1', channel: 'sms', answeredAt: at, answers: { nps: 2 } }], survey);
 * const tried = recordCallback(followUps[0]!, { at: new Date('2026-03-02T03:00:00Z'), outcome: 'unreachable' }).followUp;
 * const done = recordCallback(tried, { at: new Date('2026-03-02T05:00:00Z'), outcome: 'resolved' }).followUp;
 * [tried.complaint.state.stage, done.complaint.state.stage, done.attempts.length];
 * //=> ['opened', 'resolved', 2]
 * ```
 */
export function recordCallback(followUp: SurveyFollowUp, attempt: CallbackAttempt): { followUp: SurveyFollowUp; events: SurveyCallbackRecorded[] } {
  const at = requireDate(attempt?.at, 'attempt.at');
  assert(OUTCOMES.includes(attempt.outcome), 'INVALID_ARGUMENT', { params: { field: 'attempt.outcome', rule: `must be one of ${OUTCOMES.join(', ')}` } });
  assert(followUp !== null && typeof followUp === 'object' && Array.isArray(followUp.attempts), 'INVALID_ARGUMENT', { params: { field: 'followUp', rule: 'must be a survey follow-up' } });
  const last = followUp.attempts[followUp.attempts.length - 1]?.at ?? followUp.openedAt;
  assert(at.getTime() >= last.getTime(), 'INVALID_ARGUMENT', { params: { field: 'attempt.at', rule: 'must not be earlier than the answer or the last attempt' } });
  let complaint = followUp.complaint;
  const stage = complaint.state.stage;
  if (attempt.outcome !== 'unreachable' && (stage === 'opened' || stage === 'reopened')) complaint = advanceComplaint(complaint, 'acknowledge', { now: at }).complaint;
  if (attempt.outcome === 'resolved' && complaint.state.stage !== 'resolved') complaint = advanceComplaint(complaint, 'resolve', { now: at }).complaint;
  const copy: CallbackAttempt = Object.freeze({
    at: new Date(at.getTime()),
    outcome: attempt.outcome,
    ...(typeof attempt.note === 'string' && { note: attempt.note }),
  });
  return {
    followUp: Object.freeze({ ...followUp, complaint, attempts: Object.freeze([...followUp.attempts, copy]) }),
    events: [domainEvent('SurveyCallbackRecorded', followUp.customerId, new Date(at.getTime()), { followUpId: followUp.id, outcome: attempt.outcome })],
  };
}

/** @internal When the customer was first reached, or null. */
export function firstContact(followUp: SurveyFollowUp): Date | null {
  for (const a of followUp.attempts) if (a.outcome !== 'unreachable') return a.at;
  return null;
}

function questionsOf(rule: CallbackRule, survey: Survey): readonly string[] {
  if (rule.question !== undefined) return [rule.question];
  return survey.questions.filter((q) => q.scale === rule.scale).map((q) => q.id);
}

function firstMatch(
  rules: readonly CallbackRule[],
  watched: readonly (readonly string[])[],
  r: SurveyResponse,
): { rule: CallbackRule; question: string; answer: number } | null {
  for (let k = 0; k < rules.length; k++) {
    const rule = rules[k] as CallbackRule;
    if (rule.channels !== undefined && !rule.channels.includes(r.channel)) continue;
    for (const q of watched[k] as readonly string[]) {
      const v = Object.hasOwn(r.answers, q) ? r.answers[q] : undefined;
      if (typeof v === 'number' && v <= rule.atOrBelow) return { rule, question: q, answer: v };
    }
  }
  return null;
}
