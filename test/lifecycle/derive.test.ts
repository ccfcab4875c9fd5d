import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveStage, historyEvents, replay, stageDurations, type CustomerHistory, type StagePolicy } from 'crmkit/lifecycle';
import { buy, d, refund, throwsCode } from './helpers';

const DAY = 86_400_000;

describe('deriveStage (expected stages hand-traced from the documented policy)', () => {
  const policy: StagePolicy = { repeatAfterPurchases: 2, loyalAfterPurchases: 3, loyaltyWindowDays: 60, atRiskAfterDays: 30, churnAfterDays: 90 };

  it('no purchases: prospect since the start, lead from the first interaction', () => {
    expect(deriveStage({ customerId: 'c-1', since: d('2026-01-01'), transactions: [] }, policy, { asOf: d('2026-02-01') })).toEqual({ customerId: 'c-1', stage: 'prospect', since: d('2026-01-01') });
    const interactions = [{ id: 'i-1', customerId: 'c-1', type: 'inquiry' as const, direction: 'inbound' as const, channel: 'wechat' as const, occurredAt: d('2026-01-10') }];
    expect(deriveStage({ customerId: 'c-1', since: d('2026-01-01'), transactions: [], interactions }, policy, { asOf: d('2026-02-01') }).stage).toBe('lead');
    // A policy that only counts inbound inquiries as qualifying.
    expect(deriveStage({ customerId: 'c-1', transactions: [], interactions }, { ...policy, qualifies: (i) => i.type === 'sales' }, { asOf: d('2026-02-01') }).stage).toBe('prospect');
  });

  it('purchases on Jan 1, Jan 11, Jan 21: first_purchase, repeat (2 ≥ 2), loyal (3 within 60 days ≥ 3)', () => {
    const h = (n: number) => ({ customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('b', '2026-01-11'), buy('c', '2026-01-21')].slice(0, n) });
    expect(deriveStage(h(1), policy, { asOf: d('2026-01-25') }).stage).toBe('first_purchase');
    expect(deriveStage(h(2), policy, { asOf: d('2026-01-25') })).toEqual({ customerId: 'c-1', stage: 'repeat', since: d('2026-01-11') });
    expect(deriveStage(h(3), policy, { asOf: d('2026-01-25') })).toEqual({ customerId: 'c-1', stage: 'loyal', since: d('2026-01-21') });
  });

  it('last purchase Jan 21: at risk from Feb 20 (+30 days), churned from Apr 21 (+90 days)', () => {
    const h = { customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('b', '2026-01-11'), buy('c', '2026-01-21')] };
    expect(deriveStage(h, policy, { asOf: d('2026-02-19') }).stage).toBe('loyal');
    expect(deriveStage(h, policy, { asOf: d('2026-02-20') })).toEqual({ customerId: 'c-1', stage: 'at_risk', since: d('2026-02-20') });
    expect(deriveStage(h, policy, { asOf: d('2026-04-21') })).toEqual({ customerId: 'c-1', stage: 'churned', since: d('2026-04-21') });
  });

  it('a purchase after churn wins the customer back; after at-risk it resumes by the counts', () => {
    const back = { customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('b', '2026-06-01')] }; // gap 151 days ≥ 90
    expect(deriveStage(back, policy, { asOf: d('2026-06-02') })).toEqual({ customerId: 'c-1', stage: 'won_back', since: d('2026-06-01') });
    const resumed = { customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('b', '2026-03-01')] }; // gap 59 days: at risk, not churned
    expect(deriveStage(resumed, policy, { asOf: d('2026-03-02') })).toEqual({ customerId: 'c-1', stage: 'repeat', since: d('2026-03-01') });
  });

  it('loyalty survives purchases while active even when the window count falls (documented rule)', () => {
    // Window 1 day, loyal at 2: Jan 1 00:00 and 12:00 make the customer loyal; Jan 6 is alone in its window.
    const h = { customerId: 'c-1', transactions: [buy('a', '2026-01-01T00:00:00Z'), buy('b', '2026-01-01T12:00:00Z'), buy('c', '2026-01-06')] };
    const p = { repeatAfterPurchases: 2, loyalAfterPurchases: 2, loyaltyWindowDays: 1, atRiskAfterDays: 30, churnAfterDays: 60 };
    expect(deriveStage(h, p, { asOf: d('2026-01-07') })).toEqual({ customerId: 'c-1', stage: 'loyal', since: d('2026-01-01T12:00:00Z') });
  });

  it('duplicate transaction ids count once; refunds are not purchases; the future is ignored', () => {
    const h = { customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('a', '2026-01-01'), refund('r', '2026-01-05'), buy('z', '2026-12-01')] };
    expect(deriveStage(h, policy, { asOf: d('2026-01-10') }).stage).toBe('first_purchase');
  });

  it('the atRisk model callback moves an active buyer to at_risk from asOf, with the summary it documents', () => {
    const h = { customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('b', '2026-01-11')] };
    const seen: unknown[] = [];
    const s = deriveStage(h, { ...policy, atRisk: (x) => (seen.push(x), true) }, { asOf: d('2026-01-16') });
    expect(s).toEqual({ customerId: 'c-1', stage: 'at_risk', since: d('2026-01-16') });
    expect(seen).toEqual([{ customerId: 'c-1', purchases: 2, firstPurchaseAt: d('2026-01-01'), lastPurchaseAt: d('2026-01-11'), daysSinceLastPurchase: 5, asOf: d('2026-01-16') }]);
  });

  it('bad input: bad dates, foreign transactions, bad policies', () => {
    const h = { customerId: 'c-1', transactions: [buy('a', '2026-01-01')] };
    throwsCode(() => deriveStage(h, policy, { asOf: new Date('x') }), 'INVALID_DATE');
    throwsCode(() => deriveStage({ customerId: 'c-1', transactions: [buy('a', '2026-01-01', 'c-2')] }, policy, { asOf: d('2026-02-01') }), 'INVALID_ARGUMENT');
    throwsCode(() => deriveStage({ customerId: 'c-1', transactions: [{ ...buy('a', '2026-01-01'), occurredAt: new Date('x') }] }, policy, { asOf: d('2026-02-01') }), 'INVALID_DATE');
    throwsCode(() => deriveStage(h, { atRiskAfterDays: 100, churnAfterDays: 50 }, { asOf: d('2026-02-01') }), 'INVALID_ARGUMENT');
    throwsCode(() => deriveStage(h, { repeatAfterPurchases: 1 }, { asOf: d('2026-02-01') }), 'INVALID_ARGUMENT');
    throwsCode(() => deriveStage(h, { repeatAfterPurchases: 3, loyalAfterPurchases: 2 }, { asOf: d('2026-02-01') }), 'INVALID_ARGUMENT');
  });
});

describe('replay and stageDurations', () => {
  it('gives the timeline and events; durations add up to asOf − start (hand calculation)', () => {
    const h = { customerId: 'c-1', since: d('2026-01-01'), transactions: [buy('a', '2026-01-11'), buy('b', '2026-01-21')] };
    const policy = { atRiskAfterDays: 30, churnAfterDays: 90 };
    const r = replay(h, policy, { asOf: d('2026-04-01') });
    expect(r.timeline.map((s) => [s.stage, s.from.toISOString().slice(0, 10)])).toEqual([
      ['prospect', '2026-01-01'],
      ['first_purchase', '2026-01-11'],
      ['repeat', '2026-01-21'],
      ['at_risk', '2026-02-20'], // Jan 21 + 30 days
    ]);
    expect(r.events.map((e) => `${e.from}>${e.to}`)).toEqual(['prospect>first_purchase', 'first_purchase>repeat', 'repeat>at_risk']);
    // prospect 10 days, first_purchase 10, repeat 30, at_risk Feb 20 → Apr 1 = 8 + 31 = 40 days.
    expect(stageDurations(r.timeline, { asOf: d('2026-04-01') })).toEqual({ prospect: 10, first_purchase: 10, repeat: 30, at_risk: 40 });
  });

  it('historyEvents orders an event falling on a purchase instant before the purchase', () => {
    const h = { customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('b', '2026-01-31')] };
    expect(historyEvents(h, { atRiskAfterDays: 30, churnAfterDays: 60 }, { asOf: d('2026-02-01') }).map((e) => e.event)).toEqual(['purchase', 'inactivity', 'purchase']);
  });
});

describe('property: deriveStage equals folding transition over the events of the history', () => {
  const t0 = Date.UTC(2026, 0, 1);
  const historyArb = fc.record({
    purchases: fc.array(fc.record({ id: fc.integer({ min: 0, max: 40 }), day: fc.integer({ min: 0, max: 150 }), hour: fc.constantFrom(0, 0, 0, 12), refund: fc.boolean() }), { maxLength: 30, size: 'medium' }),
    contacts: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 3 }),
    asOfDay: fc.integer({ min: 0, max: 250 }),
    repeat: fc.integer({ min: 2, max: 4 }),
    loyalExtra: fc.integer({ min: 0, max: 3 }),
    window: fc.integer({ min: 1, max: 60 }),
    risk: fc.integer({ min: 1, max: 40 }),
    churnExtra: fc.integer({ min: 1, max: 40 }),
    model: fc.option(fc.integer({ min: 0, max: 60 })),
  });
  it('holds for random histories and policies (including duplicates, refunds, ties and a model callback)', () => {
    fc.assert(
      fc.property(historyArb, (x) => {
        const history: CustomerHistory = {
          customerId: 'c-1',
          transactions: x.purchases.map((p) => ({ id: `t${p.id}`, customerId: 'c-1', type: p.refund && p.id % 3 === 0 ? 'refund' : 'purchase', occurredAt: new Date(t0 + p.day * DAY + p.hour * 3_600_000) })),
          interactions: x.contacts.map((c, i) => ({ id: `i${i}`, customerId: 'c-1', type: 'inquiry', direction: 'inbound', channel: 'phone', occurredAt: new Date(t0 + c * DAY) })),
        };
        const policy: StagePolicy = {
          repeatAfterPurchases: x.repeat,
          loyalAfterPurchases: x.repeat + x.loyalExtra,
          loyaltyWindowDays: x.window,
          atRiskAfterDays: x.risk,
          churnAfterDays: x.risk + x.churnExtra,
          ...(x.model !== null && { atRisk: (s) => s.daysSinceLastPurchase > (x.model as number) }),
        };
        // Check at a random instant and right at every transaction, so earlier stages are not masked by a final churn.
        const instants = [t0 + x.asOfDay * DAY, ...history.transactions.map((t) => t.occurredAt.getTime())];
        for (const at of instants) {
          const asOf = new Date(at);
          expect(deriveStage(history, policy, { asOf })).toEqual(replay(history, policy, { asOf }).state);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('order of input and events', () => {
  it('property: the order transactions arrive in does not change deriveStage (the history is sorted first)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 }), { maxLength: 15 }), fc.integer(), (days, seed) => {
        const tx = days.map((day, i) => ({ id: `t${i}`, customerId: 'c-1', type: 'purchase' as const, occurredAt: new Date(Date.UTC(2026, 0, 1) + day * DAY) }));
        const shuffled = [...tx].sort((a, b) => ((Number(a.id.slice(1)) * 7919 + seed) % 101) - ((Number(b.id.slice(1)) * 7919 + seed) % 101));
        const asOf = d('2026-09-01');
        expect(deriveStage({ customerId: 'c-1', transactions: shuffled }, {}, { asOf })).toEqual(deriveStage({ customerId: 'c-1', transactions: tx }, {}, { asOf }));
      }),
    );
  });

  it('applyEvents refuses events out of time order (INVALID_ARGUMENT: the clock went backwards) and events in the wrong order (INVALID_TRANSITION)', async () => {
    const { applyEvents, defaultLifecycle, initialState } = await import('crmkit/lifecycle');
    const s = initialState(defaultLifecycle, 'c-1', { now: d('2026-01-01') });
    throwsCode(() => applyEvents(defaultLifecycle, s, [
      { event: 'purchase', at: d('2026-02-01'), context: {} },
      { event: 'inactivity', at: d('2026-01-15'), context: {} },
    ]), 'INVALID_ARGUMENT');
    throwsCode(() => applyEvents(defaultLifecycle, s, [{ event: 'churn', at: d('2026-02-01'), context: {} }]), 'INVALID_TRANSITION');
  });

  it('applyEvents compares with the last event, not `since`: a self-transition (repeat → repeat keeps since) does not hide a backdated event', async () => {
    const { applyEvents, defaultLifecycle, initialState } = await import('crmkit/lifecycle');
    const s = initialState(defaultLifecycle, 'c-1', { now: d('2026-01-01') });
    const repeat = { repeat: true };
    // Hand-traced: purchase Jan 10 → first_purchase (since Jan 10); purchase Jan 20 with repeat → repeat
    // (since Jan 20); purchase Mar 1 → repeat again, a self-transition that keeps since = Jan 20.
    // The next event, Feb 1, is after since (Jan 20) but before the previous event (Mar 1): refused.
    const events = [
      { event: 'purchase', at: d('2026-01-10'), context: {} },
      { event: 'purchase', at: d('2026-01-20'), context: repeat },
      { event: 'purchase', at: d('2026-03-01'), context: repeat },
    ];
    expect(applyEvents(defaultLifecycle, s, events).state).toEqual({ customerId: 'c-1', stage: 'repeat', since: d('2026-01-20') });
    throwsCode(() => applyEvents(defaultLifecycle, s, [...events, { event: 'inactivity', at: d('2026-02-01'), context: {} }]), 'INVALID_ARGUMENT');
    // the same instant as the previous event is not backwards
    expect(applyEvents(defaultLifecycle, s, [...events, { event: 'inactivity', at: d('2026-03-01'), context: {} }]).state.stage).toBe('at_risk');
  });

  it('a custom lifecycle that lacks a derived event makes replay fail loudly, not silently', async () => {
    const { defineLifecycle } = await import('crmkit/lifecycle');
    const tiny = defineLifecycle({ id: 'tiny', initial: 'prospect', stages: ['prospect', 'customer'], transitions: [{ from: 'prospect', event: 'purchase', to: 'customer' }] });
    throwsCode(() => replay({ customerId: 'c-1', transactions: [buy('a', '2026-01-01'), buy('b', '2026-01-02')] }, {}, { asOf: d('2026-01-03'), lifecycle: tiny }), 'INVALID_TRANSITION');
  });
});
