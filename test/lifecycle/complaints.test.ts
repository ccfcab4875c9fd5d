import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY, addBusinessMinutes, businessMinutesBetween, advanceComplaint, openComplaint, slaBreaches, slaStatus, type Complaint } from 'crmkit/lifecycle';
import { d, throwsCode } from './helpers';

const open = (priority: 'low' | 'normal' | 'high' | 'urgent' = 'high', at = '2026-03-02T09:00:00+08:00') => openComplaint({ id: 'k-1', customerId: 'c-1', priority }, { now: d(at) }).complaint;
const step = (c: Complaint, e: string, at: string) => advanceComplaint(c, e, { now: d(at) }).complaint;

describe('complaint workflow', () => {
  it('walks opened → acknowledged → in_progress → resolved → closed → reopened → resolved', () => {
    let c = open();
    c = step(c, 'acknowledge', '2026-03-02T09:30:00+08:00');
    c = step(c, 'start', '2026-03-02T10:00:00+08:00');
    c = step(c, 'resolve', '2026-03-03T10:00:00+08:00');
    c = step(c, 'close', '2026-03-04T10:00:00+08:00');
    c = step(c, 'reopen', '2026-03-05T10:00:00+08:00');
    const r = advanceComplaint(c, 'resolve', { now: d('2026-03-05T11:00:00+08:00') });
    expect(r.complaint.history.map((h) => h.stage)).toEqual(['opened', 'acknowledged', 'in_progress', 'resolved', 'closed', 'reopened', 'resolved']);
    expect(r.events).toEqual([
      { type: 'ComplaintStageChanged', customerId: 'c-1', occurredAt: d('2026-03-05T11:00:00+08:00'), complaintId: 'k-1', from: 'reopened', to: 'resolved', trigger: 'resolve' },
    ]);
    expect(c.state.stage).toBe('reopened'); // earlier value untouched
  });
  it('refuses events in the wrong order, unknown events, a clock going backwards, bad input', () => {
    const c = open();
    throwsCode(() => step(c, 'close', '2026-03-02T10:00:00+08:00'), 'INVALID_TRANSITION');
    throwsCode(() => step(c, 'escalate', '2026-03-02T10:00:00+08:00'), 'UNKNOWN_EVENT');
    throwsCode(() => step(c, 'acknowledge', '2026-03-02T08:00:00+08:00'), 'INVALID_ARGUMENT');
    throwsCode(() => openComplaint({ id: 'k', customerId: 'c', priority: 'meh' as never }, { now: d('2026-03-02') }), 'INVALID_ARGUMENT');
    throwsCode(() => openComplaint({ id: '', customerId: 'c', priority: 'low' }, { now: d('2026-03-02') }), 'INVALID_ARGUMENT');
  });
});

describe('addBusinessMinutes (Beijing time, Mon–Fri 09:00–18:00 unless stated; hand-computed)', () => {
  it('inside a day; across the evening; from the weekend; zero minutes outside hours', () => {
    expect(addBusinessMinutes(d('2026-03-02T10:00:00+08:00'), 90, {})).toEqual(d('2026-03-02T11:30:00+08:00'));
    // Mon 17:00 + 3 h: 1 h Monday, 2 h Tuesday from 09:00 → Tue 11:00.
    expect(addBusinessMinutes(d('2026-03-02T17:00:00+08:00'), 180, {})).toEqual(d('2026-03-03T11:00:00+08:00'));
    // Sat 12:00 + 1 h → Mon 10:00.
    expect(addBusinessMinutes(d('2026-03-07T12:00:00+08:00'), 60, {})).toEqual(d('2026-03-09T10:00:00+08:00'));
    expect(addBusinessMinutes(d('2026-03-02T07:00:00+08:00'), 0, {})).toEqual(d('2026-03-02T09:00:00+08:00'));
  });
  it('skips holidays and opens on make-up working days (China 2026: Oct 1–7 off, Sat Oct 10 a working day, per the State Council notice as configured here)', () => {
    const cal = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], workingDays: ['2026-10-10'] };
    // Wed Sep 30 17:00 + 2 h: 1 h Sep 30; Oct 1–2 holidays, Oct 3–4 weekend, Oct 5–7 holidays, Oct 8 (Thu) 09:00 + 1 h.
    expect(addBusinessMinutes(d('2026-09-30T17:00:00+08:00'), 120, cal)).toEqual(d('2026-10-08T10:00:00+08:00'));
    // Fri Oct 9 17:30 + 1 h: 30 min Friday, Saturday Oct 10 is a working day → Oct 10 09:30.
    expect(addBusinessMinutes(d('2026-10-09T17:30:00+08:00'), 60, cal)).toEqual(d('2026-10-10T09:30:00+08:00'));
  });
  it('other offsets and hours; bad calendars', () => {
    // UTC, 08:00–12:00, every day: Mon 11:00 + 5 h = 1 h Mon + 4 h Tue → Tue 12:00.
    expect(addBusinessMinutes(d('2026-03-02T11:00:00Z'), 300, { utcOffsetMinutes: 0, hours: { start: '08:00', end: '12:00' }, weekdays: [1, 2, 3, 4, 5, 6, 7] })).toEqual(d('2026-03-03T12:00:00Z'));
    throwsCode(() => addBusinessMinutes(d('2026-03-02'), 10, { hours: { start: '18:00', end: '09:00' } }), 'INVALID_ARGUMENT');
    throwsCode(() => addBusinessMinutes(d('2026-03-02'), -1, {}), 'INVALID_ARGUMENT');
    throwsCode(() => addBusinessMinutes(d('2026-03-02'), 10, { weekdays: [] }), 'INVALID_ARGUMENT');
    throwsCode(() => addBusinessMinutes(d('2026-03-02'), 10, { holidays: ['2026-13-01'] }), 'INVALID_ARGUMENT');
  });
});

describe('SLA status and breaches (deadlines hand-computed from DEFAULT_SLA_POLICY)', () => {
  it('high priority, wall clock: first response due +4 h, resolution +24 h', () => {
    let c = open('high', '2026-03-02T09:00:00+08:00');
    c = step(c, 'acknowledge', '2026-03-02T12:00:00+08:00'); // 3 h: met
    c = step(c, 'resolve', '2026-03-03T10:00:00+08:00'); // 25 h: late
    expect(slaStatus(c, DEFAULT_SLA_POLICY, { asOf: d('2026-03-04') })).toEqual({
      complaintId: 'k-1',
      priority: 'high',
      pausedSince: null,
      firstResponse: { dueAt: d('2026-03-02T13:00:00+08:00'), metAt: d('2026-03-02T12:00:00+08:00'), breached: false },
      resolution: { dueAt: d('2026-03-03T09:00:00+08:00'), metAt: d('2026-03-03T10:00:00+08:00'), breached: true },
    });
  });
  it('business hours: opened Fri 16:00, high (4 business hours) → due Mon 11:00; unmet at Mon 10:59 is not breached, at 11:01 it is', () => {
    const c = open('high', '2026-03-06T16:00:00+08:00');
    const cal = {};
    expect(slaStatus(c, DEFAULT_SLA_POLICY, { asOf: d('2026-03-09T10:59:00+08:00'), calendar: cal }).firstResponse).toEqual({ dueAt: d('2026-03-09T11:00:00+08:00'), metAt: null, breached: false });
    expect(slaStatus(c, DEFAULT_SLA_POLICY, { asOf: d('2026-03-09T11:01:00+08:00'), calendar: cal }).firstResponse.breached).toBe(true);
  });
  it('a reopened complaint is unresolved again; entries after asOf are ignored', () => {
    let c = open('urgent', '2026-03-02T09:00:00+08:00');
    c = step(c, 'resolve', '2026-03-02T09:30:00+08:00');
    c = step(c, 'reopen', '2026-03-02T20:00:00+08:00');
    const at = (s: string) => slaStatus(c, DEFAULT_SLA_POLICY, { asOf: d(s) });
    // Urgent resolution due 09:00 + 8 h = 17:00. Before the reopen it is met; after it, unmet and past due.
    expect(at('2026-03-02T19:00:00+08:00').resolution).toEqual({ dueAt: d('2026-03-02T17:00:00+08:00'), metAt: d('2026-03-02T09:30:00+08:00'), breached: false });
    expect(at('2026-03-02T21:00:00+08:00').resolution).toEqual({ dueAt: d('2026-03-02T17:00:00+08:00'), metAt: null, breached: true });
  });
  it('slaBreaches lists breached complaints, earliest deadline first', () => {
    const now = d('2026-03-02T09:00:00+08:00');
    const mk = (id: string, priority: 'low' | 'high' | 'urgent') => openComplaint({ id, customerId: 'c', priority }, { now }).complaint;
    // At 14:00: urgent (due 10:00) and high (due 13:00) breached; low (due next day 09:00) not.
    expect(slaBreaches([mk('low', 'low'), mk('high', 'high'), mk('urg', 'urgent')], DEFAULT_SLA_POLICY, { asOf: d('2026-03-02T14:00:00+08:00') }).map((s) => s.complaintId)).toEqual(['urg', 'high']);
    throwsCode(() => slaBreaches([mk('x', 'low')], { ...DEFAULT_SLA_POLICY, low: { firstResponseMinutes: -1, resolutionMinutes: 1 } }, { asOf: now }), 'INVALID_ARGUMENT');
  });
});

describe('SLA clocks pause while waiting on the customer (deadlines hand-computed)', () => {
  // Calendar: Beijing time, Mon–Fri 09:00–18:00 (540 business minutes a day), Mon 2026-04-06 a
  // holiday (configured here). 2026-04-02 is a Thursday.
  const calendar = { holidays: ['2026-04-06'] };
  // high: first response 240 business minutes, resolution 1440
  let c = open('high', '2026-04-02T10:00:00+08:00');
  c = step(c, 'acknowledge', '2026-04-02T11:00:00+08:00');
  c = step(c, 'await_customer', '2026-04-02T15:00:00+08:00');
  const waiting = c;
  c = step(c, 'customer_replied', '2026-04-03T11:00:00+08:00');

  it('counts business minutes between two instants', () => {
    // Thu 15:00–18:00 (180) + Fri 09:00–11:00 (120)
    expect(businessMinutesBetween(d('2026-04-02T15:00:00+08:00'), d('2026-04-03T11:00:00+08:00'), calendar)).toBe(300);
    // Fri 11:00–18:00 (420), weekend and the Monday holiday (0), Tue 09:00–12:00 (180)
    expect(businessMinutesBetween(d('2026-04-03T11:00:00+08:00'), d('2026-04-07T12:00:00+08:00'), calendar)).toBe(600);
    expect(businessMinutesBetween(d('2026-04-07T12:00:00+08:00'), d('2026-04-03T11:00:00+08:00'), calendar)).toBe(0);
  });

  it('resolution: 1440 minutes across a pause, a weekend and a holiday → Wed 12:00', () => {
    // Before the pause: Thu 10:00–15:00 = 300 used, 1140 left. Paused Thu 15:00 → Fri 11:00.
    // Resume Fri 11:00: Fri 11:00–18:00 = 420 (720 left); Sat, Sun closed; Mon 6 April holiday;
    // Tue 09:00–18:00 = 540 (180 left); Wed 09:00 + 180 = 12:00.
    // (Without the pause it would be Tue 16:00: 480 Thu + 540 Fri + 420 Tue.)
    const s = slaStatus(c, DEFAULT_SLA_POLICY, { asOf: d('2026-04-08T11:00:00+08:00'), calendar });
    expect(s).toEqual({
      complaintId: 'k-1',
      priority: 'high',
      pausedSince: null,
      // acknowledged after 60 business minutes of 240: met
      firstResponse: { dueAt: d('2026-04-02T14:00:00+08:00'), metAt: d('2026-04-02T11:00:00+08:00'), breached: false },
      resolution: { dueAt: d('2026-04-08T12:00:00+08:00'), metAt: null, breached: false },
    });
    expect(slaStatus(c, DEFAULT_SLA_POLICY, { asOf: d('2026-04-08T12:01:00+08:00'), calendar }).resolution.breached).toBe(true);
    expect(slaStatus(c, DEFAULT_SLA_POLICY, { asOf: d('2026-04-08T12:01:00+08:00'), calendar, pauseStages: [] }).resolution.dueAt).toEqual(d('2026-04-07T16:00:00+08:00'));
    // resolved Wed 11:30: met
    const done = step(c, 'resolve', '2026-04-08T11:30:00+08:00');
    expect(slaStatus(done, DEFAULT_SLA_POLICY, { asOf: d('2026-04-09'), calendar }).resolution).toEqual({ dueAt: d('2026-04-08T12:00:00+08:00'), metAt: d('2026-04-08T11:30:00+08:00'), breached: false });
  });

  it('while paused at asOf, the deadline assumes the pause ends now and nothing breaches', () => {
    // asOf Fri 10:00, paused since Thu 15:00: 1140 left from Fri 10:00: Fri 480 (660 left), Tue 540
    // (120 left), Wed 09:00 + 120 = 11:00
    const s = slaStatus(waiting, DEFAULT_SLA_POLICY, { asOf: d('2026-04-03T10:00:00+08:00'), calendar });
    expect(s.pausedSince).toEqual(d('2026-04-02T15:00:00+08:00'));
    expect(s.resolution).toEqual({ dueAt: d('2026-04-08T11:00:00+08:00'), metAt: null, breached: false });
  });

  it('wall clock: the pause adds its length to the deadline', () => {
    // urgent: resolution 480 minutes from 09:00 = 17:00; paused 10:00–13:00 → 20:00
    let u = open('urgent', '2026-03-02T09:00:00+08:00');
    u = step(u, 'await_customer', '2026-03-02T10:00:00+08:00');
    u = step(u, 'customer_replied', '2026-03-02T13:00:00+08:00');
    expect(slaStatus(u, DEFAULT_SLA_POLICY, { asOf: d('2026-03-02T19:00:00+08:00') }).resolution).toEqual({ dueAt: d('2026-03-02T20:00:00+08:00'), metAt: null, breached: false });
    // first response due 09:00 + 60 = 10:00, before any pause; entering waiting_on_customer at 10:00
    // is the response, exactly on time
    expect(slaStatus(u, DEFAULT_SLA_POLICY, { asOf: d('2026-03-02T19:00:00+08:00') }).firstResponse).toEqual({ dueAt: d('2026-03-02T10:00:00+08:00'), metAt: d('2026-03-02T10:00:00+08:00'), breached: false });
    throwsCode(() => slaStatus(u, DEFAULT_SLA_POLICY, { asOf: d('2026-03-02T19:00:00+08:00'), pauseStages: 'waiting' as never }), 'INVALID_ARGUMENT');
  });
});
