import { describe, expect, it } from 'vitest';
import { advanceComplaint, openComplaint, slaStatus, DEFAULT_SLA_POLICY } from 'crmkit/lifecycle';
import {
  closedLoopReport,
  defineClosedLoopPolicy,
  defineSurvey,
  openSurveyFollowUps,
  recordCallback,
  surveyEligibility,
  DEFAULT_CLOSED_LOOP_POLICY,
} from 'crmkit/satisfaction';
import { expectThrowsCode, response } from './helpers';

const survey = defineSurvey({
  id: 's1',
  name: '回访',
  questions: [{ id: 'nps', scale: 'nps' }, { id: 'sat', scale: 'csat5' }, { id: 'why', scale: 'text' }],
});
const at = (iso: string) => new Date(iso);
// Mainland business hours: 09:00-18:00 at UTC+8, Monday to Friday (the calendar's defaults).
const calendar = { utcOffsetMinutes: 480 };

describe('openSurveyFollowUps', () => {
  it('opens one callback per low answer with the first matching rule, due in business minutes', () => {
    const rs = [
      // Friday 2026-03-06 16:00 +08:00: 120 business minutes left that day, 360 more from Monday
      // 09:00, so the 480-minute callback is due Monday 2026-03-09 15:00 +08:00 = 07:00Z.
      response('a', { nps: 3, sat: 1 }, { answeredAt: at('2026-03-06T08:00:00Z') }),
      response('b', { nps: 9, sat: 2 }, { answeredAt: at('2026-03-06T08:00:00Z') }),
      response('c', { nps: 9, sat: 5 }, { answeredAt: at('2026-03-06T08:00:00Z') }),
      // Saturday: the clock starts Monday 09:00, 480 minutes later is 17:00 +08:00 = 09:00Z.
      response('d', { nps: 6 }, { answeredAt: at('2026-03-07T03:00:00Z') }),
    ];
    const { followUps, events } = openSurveyFollowUps(rs, survey, DEFAULT_CLOSED_LOOP_POLICY, { calendar });
    expect(followUps.map((f) => [f.id, f.question, f.answer, f.complaint.priority, f.callbackDueAt.toISOString()])).toEqual([
      ['followup:a', 'nps', 3, 'high', '2026-03-09T07:00:00.000Z'],
      ['followup:b', 'sat', 2, 'high', '2026-03-09T07:00:00.000Z'],
      ['followup:d', 'nps', 6, 'high', '2026-03-09T09:00:00.000Z'],
    ]);
    expect(events.map((e) => [e.type, e.followUpId])).toEqual([
      ['SurveyFollowUpOpened', 'followup:a'],
      ['SurveyFollowUpOpened', 'followup:b'],
      ['SurveyFollowUpOpened', 'followup:d'],
    ]);
    expect(followUps[0]!.complaint.state.stage).toBe('opened');
  });

  it('a holiday on the Monday moves the deadline to Tuesday 15:00', () => {
    const { followUps } = openSurveyFollowUps([response('a', { nps: 0 }, { answeredAt: at('2026-03-06T08:00:00Z') })], survey, undefined, {
      calendar: { ...calendar, holidays: ['2026-03-09'] },
    });
    expect(followUps[0]!.callbackDueAt.toISOString()).toBe('2026-03-10T07:00:00.000Z');
  });

  it('rules can be limited to channels and name a question directly', () => {
    const policy = defineClosedLoopPolicy({
      rules: [
        { question: 'sat', atOrBelow: 3, channels: ['wechat'], priority: 'urgent', callbackWithinMinutes: 60 },
        { scale: 'nps', atOrBelow: 4, priority: 'low', callbackWithinMinutes: 2880 },
      ],
    });
    const rs = [response('w', { sat: 3, nps: 2 }), response('p', { sat: 3, nps: 2 }, { channel: 'phone' }), response('q', { sat: 3, nps: 8 }, { channel: 'phone' })];
    const { followUps } = openSurveyFollowUps(rs, survey, policy);
    expect(followUps.map((f) => [f.responseId, f.question, f.complaint.priority, f.callbackDueAt.getTime() - f.openedAt.getTime()])).toEqual([
      ['w', 'sat', 'urgent', 3_600_000],
      ['p', 'nps', 'low', 172_800_000],
    ]);
  });

  it('the follow-up is a complaint: the lifecycle SLA reports see it', () => {
    const { followUps } = openSurveyFollowUps([response('a', { nps: 1 }, { answeredAt: at('2026-03-02T01:00:00Z') })], survey);
    const sla = slaStatus(followUps[0]!.complaint, DEFAULT_SLA_POLICY, { asOf: at('2026-03-02T06:00:00Z') });
    // priority high: first response due 240 minutes after opening (DEFAULT_SLA_POLICY), so breached at +5 h.
    expect(sla.firstResponse).toMatchObject({ dueAt: at('2026-03-02T05:00:00Z'), breached: true });
  });

  it('refuses bad policies and responses to another survey', () => {
    expectThrowsCode(() => defineClosedLoopPolicy({ rules: [] }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => defineClosedLoopPolicy({ rules: [{ atOrBelow: 6, priority: 'high', callbackWithinMinutes: 60 }] }), 'INVALID_ARGUMENT');
    expectThrowsCode(
      () => defineClosedLoopPolicy({ rules: [{ scale: 'nps', question: 'nps', atOrBelow: 6, priority: 'high', callbackWithinMinutes: 60 }] }),
      'INVALID_ARGUMENT',
    );
    expectThrowsCode(() => defineClosedLoopPolicy({ rules: [{ scale: 'nps', atOrBelow: 6, priority: 'asap' as 'high', callbackWithinMinutes: 60 }] }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => defineClosedLoopPolicy({ rules: [{ scale: 'nps', atOrBelow: 6, priority: 'high', callbackWithinMinutes: 0 }] }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => openSurveyFollowUps([response('x', { nps: 1 }, {}, 'other')], survey), 'INVALID_ARGUMENT');
    expect(Object.isFrozen(DEFAULT_CLOSED_LOOP_POLICY.rules[0])).toBe(true);
  });
});

describe('recordCallback and closedLoopReport', () => {
  it('counts callbacks within SLA, overdue and pending, and the score change after a callback, by hand', () => {
    const rs = [
      response('a', { nps: 2 }, { customerId: 'c1', answeredAt: at('2026-03-02T01:00:00Z') }),
      response('b', { nps: 4 }, { customerId: 'c2', answeredAt: at('2026-03-02T01:00:00Z') }),
      response('c', { nps: 6 }, { customerId: 'c3', answeredAt: at('2026-03-02T01:00:00Z') }),
      response('d', { nps: 5 }, { customerId: 'c4', answeredAt: at('2026-03-10T01:00:00Z') }),
    ];
    // Plain 480 minutes: a, b, c are due 2026-03-02T09:00Z, d 2026-03-10T09:00Z.
    const [fa, fb, fc, fd] = openSurveyFollowUps(rs, survey).followUps;
    const a1 = recordCallback(fa!, { at: at('2026-03-02T02:00:00Z'), outcome: 'unreachable' }).followUp;
    const a = recordCallback(a1, { at: at('2026-03-02T04:00:00Z'), outcome: 'reached' }).followUp; // within SLA
    const b = recordCallback(fb!, { at: at('2026-03-03T04:00:00Z'), outcome: 'resolved' }).followUp; // late
    const later = [
      response('a2', { nps: 9 }, { customerId: 'c1', answeredAt: at('2026-03-20T00:00:00Z') }), // +7 after callback
      response('a3', { nps: 3 }, { customerId: 'c1', answeredAt: at('2026-03-25T00:00:00Z') }), // not the next one
      response('b2', { nps: 7 }, { customerId: 'c2', answeredAt: at('2026-03-21T00:00:00Z') }), // +3 after callback
      response('c2', { nps: 5 }, { customerId: 'c3', answeredAt: at('2026-03-22T00:00:00Z') }), // −1, never reached
      response('z', { nps: 10 }, { customerId: 'c9', answeredAt: at('2026-03-22T00:00:00Z') }),
    ];
    const report = closedLoopReport([a, b, fc!, fd!], later, { asOf: at('2026-03-10T05:00:00Z') });
    // By 2026-03-10T05:00Z: a reached in time, b reached late, c overdue, d pending (due 09:00Z).
    // No later answers yet (all are after asOf).
    expect(report).toMatchObject({ opened: 4, calledBack: 2, calledBackWithinSla: 1, withinSlaShare: 0.25, overdue: 1, pending: 1 });
    expect(report.afterCallback.n).toBe(0);
    const end = closedLoopReport([a, b, fc!, fd!], later, { asOf: at('2026-03-31T00:00:00Z') });
    // Called back: c1 2 → 9 and c2 4 → 7: before 3, after 8, change mean(7, 3) = 5; paired SD √8 = 2.8284,
    // SE 2.8284/√2 = 2; 2 pairs, so t(0.975, 1) = 12.7062 and margin 25.4124.
    expect(end.afterCallback).toMatchObject({ n: 2, before: 3, after: 8, change: 5 });
    expect(end.afterCallback.standardError).toBeCloseTo(2, 12);
    expect(end.afterCallback.marginOfError).toBeCloseTo(25.4124, 3);
    // Not reached: c3 6 → 5; c4 has no later answer.
    expect(end.withoutCallback).toMatchObject({ n: 1, before: 6, after: 5, change: -1, standardError: null });
    expect(end).toMatchObject({ overdue: 2, pending: 0 });
    // 1 of 4 within SLA, exact interval: upper 1 − Beta... lower Beta(1, 4) at 0.025 = 1 − 0.975^(1/4).
    expect(end.withinSlaInterval!.lower).toBeCloseTo(1 - 0.975 ** 0.25, 9);
  });

  it('the first contact acknowledges the complaint; resolved resolves it; attempts keep their order', () => {
    const f = openSurveyFollowUps([response('a', { nps: 0 }, { answeredAt: at('2026-03-02T01:00:00Z') })], survey).followUps[0]!;
    const r1 = recordCallback(f, { at: at('2026-03-02T02:00:00Z'), outcome: 'declined', note: '客户暂不方便' });
    expect(r1.followUp.complaint.state.stage).toBe('acknowledged');
    expect(r1.events[0]).toMatchObject({ type: 'SurveyCallbackRecorded', outcome: 'declined', followUpId: 'followup:a' });
    const r2 = recordCallback(r1.followUp, { at: at('2026-03-03T02:00:00Z'), outcome: 'resolved' });
    expect(r2.followUp.complaint.history.map((h) => h.stage)).toEqual(['opened', 'acknowledged', 'resolved']);
    expect(f.attempts).toEqual([]);
    expectThrowsCode(() => recordCallback(r2.followUp, { at: at('2026-03-02T03:00:00Z'), outcome: 'reached' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => recordCallback(f, { at: at('2026-03-01T00:00:00Z'), outcome: 'reached' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => recordCallback(f, { at: at('2026-03-03T00:00:00Z'), outcome: 'maybe' as 'reached' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => recordCallback(f, { at: new Date(Number.NaN), outcome: 'reached' }), 'INVALID_DATE');
  });

  it('an empty report has no share and no NaN', () => {
    const r = closedLoopReport([], [], { asOf: at('2026-03-01T00:00:00Z') });
    expect(r).toMatchObject({ opened: 0, withinSlaShare: null, withinSlaInterval: null, afterCallback: { n: 0, change: null } });
    expectThrowsCode(() => closedLoopReport([], [], { asOf: new Date('x') }), 'INVALID_DATE');
  });
});

describe('surveyEligibility', () => {
  const asOf = at('2026-03-01T00:00:00Z');
  it('applies the quiet period and the open-complaint rule, by hand', () => {
    const open = openComplaint({ id: 'k1', customerId: 'c3', priority: 'normal' }, { now: at('2026-02-20T00:00:00Z') }).complaint;
    const closedOne = openComplaint({ id: 'k2', customerId: 'c4', priority: 'normal' }, { now: at('2026-02-01T00:00:00Z') }).complaint;
    const resolved = advanceComplaint(closedOne, 'resolve', { now: at('2026-02-02T00:00:00Z') }).complaint;
    const closed = advanceComplaint(resolved, 'close', { now: at('2026-02-03T00:00:00Z') }).complaint;
    const result = surveyEligibility(
      ['c1', 'c2', 'c3', 'c4', 'c1', 'c5'],
      {
        surveyedAt: [
          { customerId: 'c1', at: at('2026-01-15T00:00:00Z') }, // 45 days ago: within 90
          { customerId: 'c2', at: at('2025-11-01T00:00:00Z') }, // 120 days ago
          { customerId: 'c5', at: at('2026-04-01T00:00:00Z') }, // after asOf: not counted
        ],
        complaints: [open, closed],
      },
      { minDaysBetween: 90 },
      { asOf },
    );
    expect(result.map((e) => [e.customerId, e.eligible, e.reason, e.nextEligibleAt?.toISOString() ?? null])).toEqual([
      ['c1', false, 'surveyed-recently', '2026-04-15T00:00:00.000Z'], // 2026-01-15 + 90 days
      ['c2', true, null, null],
      ['c3', false, 'complaint-open', null],
      ['c4', true, null, null],
      ['c5', true, null, null],
    ]);
    expect(surveyEligibility(['c3'], { complaints: [open] }, { skipWhileComplaintOpen: false }, { asOf })[0]!.eligible).toBe(true);
  });

  it('refuses bad rules', () => {
    expectThrowsCode(() => surveyEligibility(['c1'], {}, { minDaysBetween: -1 }, { asOf }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => surveyEligibility(['c1'], {}, { minDaysBetween: 1.5 }, { asOf }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => surveyEligibility(['c1'], { surveyedAt: [{ customerId: 'c1', at: new Date('x') }] }, {}, { asOf }), 'INVALID_DATE');
  });
});
