import { assert } from '../errors';
import { isValidDate, requireDate } from '../../core/time';
import { requireResponses } from '../requireResponses';
import type { SurveyResponse } from '../response';
import { clopperPearsonInterval } from '../stats/clopperPearson';
import { SMALL_SAMPLE_SIZE, criticalValueForSample } from '../stats/studentT';
import { wilsonInterval, type Interval } from '../stats/wilson';
import { firstContact, type SurveyFollowUp } from './followUp';

/**
 * How answers moved between the answer that opened a follow-up and the same customer's next answer
 * to the same question: paired means and the mean change with its margin of error (t on n − 1
 * degrees of freedom below 30 pairs).
 *
 * @example
 * ```ts
 * const c: ScoreChange = { n: 2, before: 3, after: 7, change: 4, standardError: 1, marginOfError: 12.71 };
 * ```
 */
export interface ScoreChange {
  /** Follow-ups with a later answer. */
  readonly n: number;
  readonly before: number | null;
  readonly after: number | null;
  /** `after − before`. */
  readonly change: number | null;
  /** Standard error of the paired changes; `null` below 2 pairs. */
  readonly standardError: number | null;
  readonly marginOfError: number | null;
}

/**
 * The closed-loop figures of {@link closedLoopReport}.
 *
 * @example
 * ```ts
 * import type { ClosedLoopReport } from 'crmkit/satisfaction';
 * const share = (r: ClosedLoopReport) => r.withinSlaShare;
 * ```
 */
export interface ClosedLoopReport {
  /** Follow-ups opened by `asOf`. */
  readonly opened: number;
  /** Reached by `asOf` (an attempt other than `unreachable`). */
  readonly calledBack: number;
  /** Reached no later than their `callbackDueAt`. */
  readonly calledBackWithinSla: number;
  /** `calledBackWithinSla / opened`, with its interval (exact below 30, Wilson above); `null` when none opened. */
  readonly withinSlaShare: number | null;
  readonly withinSlaInterval: Interval | null;
  /** Not reached and past due at `asOf`. */
  readonly overdue: number;
  /** Not reached and not yet due. */
  readonly pending: number;
  /** For customers called back: their answer before, and their next answer after the callback. */
  readonly afterCallback: ScoreChange;
  /** For customers not (yet) reached: the answer before, and their next answer after it. */
  readonly withoutCallback: ScoreChange;
  readonly confidence: number;
}

/**
 * Closes the loop: of the follow-ups opened by `asOf`, how many customers were called back, how many
 * within the SLA, which are overdue, and whether a later survey answer from the same customer to the
 * same question shows the callback worked, beside customers who were not reached. Later answers are
 * the customer's first response to the question after the callback (after the opening answer for
 * those not reached), answered by `asOf`.
 *
 * @param followUps - follow-ups from {@link openSurveyFollowUps} / {@link recordCallback}
 * @param responses - later responses (any survey; only the same question counts)
 * @param options - `asOf` (required), `confidence` (default 0.95)
 * @returns the report
 * @throws {CrmError} `INVALID_DATE` for an invalid `asOf`; `INVALID_ARGUMENT` for bad arrays or confidence
 *
 * @example
 * ```ts
 * import { defineSurvey, openSurveyFollowUps, recordCallback, closedLoopReport } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] });
 * const r = (id: string, c: string, day: number, nps: number) =>
 *   ({ id, surveyId: 's1', customerId: c, channel: 'sms', answeredAt: new Date(Date.UTC(2026, 2, day)), answers: { nps } });
 * const { followUps } = openSurveyFollowUps([r('a', 'c1', 2, 3), r('b', 'c2', 2, 5)], survey);
 * const called = recordCallback(followUps[0]!, { at: new Date(Date.UTC(2026, 2, 2, 4)), outcome: 'reached' }).followUp;
 * const report = closedLoopReport([called, followUps[1]!], [r('a2', 'c1', 20, 8)], { asOf: new Date(Date.UTC(2026, 2, 31)) });
 * [report.opened, report.calledBackWithinSla, report.overdue, report.afterCallback.change];
 * //=> [2, 1, 1, 5]
 * ```
 */
export function closedLoopReport(
  followUps: readonly SurveyFollowUp[],
  responses: readonly SurveyResponse[],
  options: { readonly asOf: Date; readonly confidence?: number },
): ClosedLoopReport {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const confidence = options.confidence ?? 0.95;
  assert(confidence > 0 && confidence < 1, 'INVALID_ARGUMENT', { params: { field: 'confidence', rule: 'must be strictly between 0 and 1' } });
  assert(Array.isArray(followUps), 'INVALID_ARGUMENT', { params: { field: 'followUps', rule: 'must be an array of follow-ups' } });
  requireResponses(responses);
  for (const f of followUps) {
    assert(f !== null && typeof f === 'object' && Array.isArray(f.attempts) && isValidDate(f.callbackDueAt), 'INVALID_ARGUMENT', { params: { field: 'followUps', rule: 'must be survey follow-ups' } });
  }
  const later = laterAnswers(responses, asOf);
  let opened = 0;
  let calledBack = 0;
  let withinSla = 0;
  let overdue = 0;
  let pending = 0;
  const called: [number, number][] = [];
  const uncalled: [number, number][] = [];
  for (const f of followUps) {
    if (requireDate(f?.openedAt, 'followUp.openedAt').getTime() > asOf) continue;
    opened++;
    const contact = firstContact(f);
    const reached = contact !== null && contact.getTime() <= asOf;
    const due = f.callbackDueAt.getTime();
    if (reached) {
      calledBack++;
      if (contact.getTime() <= due) withinSla++;
    } else if (asOf > due) overdue++;
    else pending++;
    const since = reached ? contact.getTime() : f.openedAt.getTime();
    const next = nextAnswer(later.get(`${f.customerId}\u0000${f.question}`), since);
    if (next !== null) (reached ? called : uncalled).push([f.answer, next]);
  }
  const small = opened < SMALL_SAMPLE_SIZE;
  return Object.freeze({
    opened,
    calledBack,
    calledBackWithinSla: withinSla,
    withinSlaShare: opened === 0 ? null : withinSla / opened,
    withinSlaInterval: small ? clopperPearsonInterval(withinSla, opened, { confidence }) : wilsonInterval(withinSla, opened, { confidence }),
    overdue,
    pending,
    afterCallback: scoreChange(called, confidence),
    withoutCallback: scoreChange(uncalled, confidence),
    confidence,
  });
}

/** Per customer and question, the numeric answers given by `asOf`, in time order. */
function laterAnswers(responses: readonly SurveyResponse[], asOf: number): Map<string, [number, number][]> {
  const out = new Map<string, [number, number][]>();
  for (const r of responses) {
    const t = requireDate(r?.answeredAt, 'responses.answeredAt').getTime();
    if (t > asOf) continue;
    for (const [q, v] of Object.entries(r.answers)) {
      if (typeof v !== 'number') continue;
      const key = `${r.customerId}\u0000${q}`;
      let list = out.get(key);
      if (list === undefined) out.set(key, (list = []));
      list.push([t, v]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a[0] - b[0]);
  return out;
}

function nextAnswer(list: [number, number][] | undefined, since: number): number | null {
  if (list === undefined) return null;
  for (const [t, v] of list) if (t > since) return v;
  return null;
}

function scoreChange(pairs: readonly [number, number][], confidence: number): ScoreChange {
  const n = pairs.length;
  if (n === 0) return Object.freeze({ n, before: null, after: null, change: null, standardError: null, marginOfError: null });
  let before = 0;
  let after = 0;
  let mean = 0;
  let m2 = 0;
  pairs.forEach(([b, a], i) => {
    before += b;
    after += a;
    const d = a - b - mean;
    mean += d / (i + 1);
    m2 += d * (a - b - mean);
  });
  const se = n >= 2 ? Math.sqrt(m2 / (n - 1) / n) : null;
  const critical = criticalValueForSample(confidence, n).value;
  return Object.freeze({ n, before: before / n, after: after / n, change: mean, standardError: se, marginOfError: se === null ? null : critical * se });
}
