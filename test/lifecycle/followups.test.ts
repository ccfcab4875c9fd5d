import { describe, expect, it } from 'vitest';
import { DEFAULT_FOLLOW_UP_RULES, followUpsDue } from 'crmkit/lifecycle';
import { d, throwsCode } from './helpers';

const granted = { granted: true, updatedAt: d('2026-01-01') };
const withdrawn = { granted: false, updatedAt: d('2026-01-02') };
const cust = (id: string, over: Partial<{ tags: string[]; consent: Record<string, typeof granted>; ownerId: string; lifecycleStage: string }> = {}) => ({
  id,
  tags: [],
  consent: { phone: granted, sms: granted, wechat: granted, email: granted },
  ownerId: 'u-1',
  lifecycleStage: 'repeat',
  ...over,
});
const asOf = d('2026-03-10');

describe('followUpsDue (due dates hand-computed from the rules)', () => {
  it('applies the three issue rules: VIP every 30 days, at-risk within 3 days, new customers 7 days after first purchase', () => {
    const customers = [
      cust('vip', { tags: ['vip'], lifecycleStage: 'loyal' }), // last contact Feb 1 → due Mar 3 (7 days overdue)
      cust('risk', { lifecycleStage: 'at_risk' }), // at risk since Mar 9 → deadline Mar 12
      cust('new', { lifecycleStage: 'first_purchase' }), // first purchase Mar 1 → due Mar 8
      cust('newer', { lifecycleStage: 'first_purchase' }), // first purchase Mar 5 → due Mar 12: not yet
      cust('plain'), // matches no rule
    ];
    const r = followUpsDue(customers, DEFAULT_FOLLOW_UP_RULES, {
      asOf,
      interactions: [{ customerId: 'vip', occurredAt: d('2026-02-01') }],
      transactions: [
        { customerId: 'new', type: 'purchase', occurredAt: d('2026-03-01') },
        { customerId: 'newer', type: 'purchase', occurredAt: d('2026-03-05') },
      ],
      states: new Map([['risk', { customerId: 'risk', stage: 'at_risk', since: d('2026-03-09') }]]),
    });
    expect(r.due).toEqual([
      { customerId: 'vip', ruleId: 'vip', dueAt: d('2026-03-03'), overdueDays: 7, channel: 'phone', ownerId: 'u-1' },
      { customerId: 'new', ruleId: 'new_customer', dueAt: d('2026-03-08'), overdueDays: 2, channel: 'wechat', ownerId: 'u-1' },
      { customerId: 'risk', ruleId: 'at_risk', dueAt: d('2026-03-12'), overdueDays: 0, channel: 'phone', ownerId: 'u-1' },
    ]);
    expect(r.skipped).toEqual([]);
  });

  it('skips recently contacted customers (quiet period) and those without consent on the rule\'s channels', () => {
    const customers = [
      cust('old', { tags: ['vip'] }),
      cust('noconsent', { tags: ['vip'], consent: { phone: withdrawn, sms: granted } }), // vip channels: phone, wechat, email
      cust('fallback', { tags: ['vip'], consent: { phone: withdrawn, email: granted } }),
    ];
    const r = followUpsDue(customers, DEFAULT_FOLLOW_UP_RULES, {
      asOf,
      // old: last contact Jan 1 → due Jan 31. fallback: never contacted → due at asOf (Mar 10), on email (phone withdrawn, no wechat).
      interactions: [{ customerId: 'old', occurredAt: d('2026-01-01') }],
    });
    expect(r.due.map((f) => [f.customerId, f.channel, f.dueAt])).toEqual([
      ['old', 'phone', d('2026-01-31')],
      ['fallback', 'email', d('2026-03-10')],
    ]);
    expect(r.skipped).toEqual([{ customerId: 'noconsent', ruleId: 'vip', reason: 'no_consent' }]);
    // An at-risk customer contacted 2 days before entering the stage: due by the rule, skipped by the quiet period.
    const q = followUpsDue([cust('r', { lifecycleStage: 'at_risk' })], DEFAULT_FOLLOW_UP_RULES, {
      asOf,
      interactions: [{ customerId: 'r', occurredAt: d('2026-03-07') }],
      states: new Map([['r', { customerId: 'r', stage: 'at_risk', since: d('2026-03-09') }]]),
    });
    expect(q).toEqual({ due: [], skipped: [{ customerId: 'r', ruleId: 'at_risk', reason: 'recently_contacted' }] });
    // With no quiet period the same customer is due.
    expect(followUpsDue([cust('r', { lifecycleStage: 'at_risk' })], DEFAULT_FOLLOW_UP_RULES, {
      asOf, quietDays: 0,
      interactions: [{ customerId: 'r', occurredAt: d('2026-03-07') }],
      states: new Map([['r', { customerId: 'r', stage: 'at_risk', since: d('2026-03-09') }]]),
    }).due.length).toBe(1);
  });

  it('a contact after entering the stage or after the first purchase completes the follow-up; the future is ignored', () => {
    const r = followUpsDue([cust('risk', { lifecycleStage: 'at_risk' }), cust('new', { lifecycleStage: 'first_purchase' })], DEFAULT_FOLLOW_UP_RULES, {
      asOf,
      quietDays: 0,
      interactions: [{ customerId: 'risk', occurredAt: d('2026-03-09') }, { customerId: 'new', occurredAt: d('2026-03-02') }, { customerId: 'x', occurredAt: d('2026-12-01') }],
      transactions: [{ customerId: 'new', type: 'purchase', occurredAt: d('2026-03-01') }, { customerId: 'new', type: 'refund', occurredAt: d('2026-02-01') }],
      states: new Map([['risk', { customerId: 'risk', stage: 'at_risk', since: d('2026-03-08') }]]),
    });
    expect(r).toEqual({ due: [], skipped: [] });
  });

  it('bad input', () => {
    throwsCode(() => followUpsDue([], [{ id: 'x', cadence: { kind: 'every', days: 0 }, channels: ['sms'] }], { asOf }), 'VALIDATION_FAILED');
    throwsCode(() => followUpsDue([], DEFAULT_FOLLOW_UP_RULES, { asOf: new Date('x') }), 'INVALID_DATE');
    throwsCode(() => followUpsDue([], DEFAULT_FOLLOW_UP_RULES, { asOf, quietDays: -1 }), 'INVALID_ARGUMENT');
  });
});
