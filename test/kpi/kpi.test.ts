import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averagePurchaseInterval, churnRate, cohortRetention, ownerFigures, repeatPurchaseRate, retentionRate } from 'crmkit/kpi';
import { d, throwsCode } from '../lifecycle/helpers';

const t = (id: string, c: string, at: string, type: 'purchase' | 'refund' = 'purchase') => ({ id, customerId: c, type, occurredAt: d(at) });

// A small shop, first half of 2026 (all times UTC):
//   ann:  Jan 05, Jan 25, Feb 14, Apr 10          (4 purchases)
//   bo:   Jan 20, Mar 03                          (2)
//   cy:   Feb 02 (+ a refund Feb 09)              (1)
//   dee:  Mar 15, Mar 16, Mar 31                  (3)
//   eve:  Apr 01, May 20                          (2)
//   a duplicate of dee's Mar 16 row (same id) and one purchase after asOf (ann, Jul 2).
const data = [
  t('1', 'ann', '2026-01-05'), t('2', 'ann', '2026-01-25'), t('3', 'ann', '2026-02-14'), t('4', 'ann', '2026-04-10'),
  t('5', 'bo', '2026-01-20'), t('6', 'bo', '2026-03-03'),
  t('7', 'cy', '2026-02-02'), t('8', 'cy', '2026-02-09', 'refund'),
  t('9', 'dee', '2026-03-15'), t('10', 'dee', '2026-03-16'), t('10', 'dee', '2026-03-16'), t('11', 'dee', '2026-03-31'),
  t('12', 'eve', '2026-04-01'), t('13', 'eve', '2026-05-20'),
  t('14', 'ann', '2026-07-02'),
];
const Q1 = { start: d('2026-01-01'), end: d('2026-04-01') };
const Q2 = { start: d('2026-04-01'), end: d('2026-07-01') };
const asOf = d('2026-07-01');

describe('retention and churn (hand count)', () => {
  it('Q2 vs Q1: Q1 buyers ann, bo, cy, dee (4); of those only ann bought in Q2 → 1/4; churn 3/4', () => {
    expect(retentionRate(data, { period: Q2, asOf })).toEqual({ base: 4, retained: 1, rate: 0.25 });
    expect(churnRate(data, { period: Q2, asOf })).toEqual({ base: 4, churned: 3, rate: 0.75 });
  });
  it('default base period is the equal-length period just before (Q2 is 91 days: Dec 31 – Apr 1 covers the same buyers)', () => {
    // Q2 length = 91 days (Apr 30 + May 31 + Jun 30), so the base is [Dec 31 2025, Apr 1 2026): same 4 buyers.
    expect(retentionRate(data, { period: Q2, asOf }).base).toBe(4);
  });
  it('empty base gives rate null, never NaN', () => {
    expect(retentionRate(data, { period: { start: d('2025-01-01'), end: d('2025-02-01') }, asOf })).toEqual({ base: 0, retained: 0, rate: null });
  });
  it('refuses a period ending after asOf, reversed or bad dates', () => {
    throwsCode(() => retentionRate(data, { period: Q2, asOf: d('2026-06-30') }), 'INVALID_ARGUMENT');
    throwsCode(() => retentionRate(data, { period: { start: Q2.end, end: Q2.start }, asOf }), 'INVALID_ARGUMENT');
    throwsCode(() => retentionRate(data, { period: { start: new Date('x'), end: Q2.end }, asOf }), 'INVALID_DATE');
    throwsCode(() => retentionRate([{ ...t('1', 'a', '2026-01-01'), occurredAt: new Date('x') }], { period: Q2, asOf }), 'INVALID_DATE');
  });
  it('property: retention + churn = 1 and 0 ≤ rate ≤ 1 whenever the base is not empty', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ c: fc.integer({ min: 0, max: 9 }), day: fc.integer({ min: 0, max: 180 }) }), { maxLength: 60 }), (rows) => {
        const tx = rows.map((r, i) => ({ id: `t${i}`, customerId: `c${r.c}`, type: 'purchase' as const, occurredAt: new Date(Date.UTC(2026, 0, 1) + r.day * 86_400_000) }));
        const r = retentionRate(tx, { period: Q2, asOf });
        const c = churnRate(tx, { period: Q2, asOf });
        expect(r.base).toBe(c.base);
        if (r.base === 0) expect(r.rate).toBeNull();
        else {
          expect((r.rate as number) + (c.rate as number)).toBeCloseTo(1, 12);
          expect(r.rate).toBeGreaterThanOrEqual(0);
          expect(r.rate).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('repeat-purchase rate (hand count)', () => {
  it('Q1: buyers ann(3), bo(2: Jan 20, Mar 03), cy(1; refund ignored), dee(3; duplicate id once) → 3 of 4 repeat', () => {
    expect(repeatPurchaseRate(data, { period: Q1, asOf })).toEqual({ buyers: 4, repeatBuyers: 3, rate: 0.75 });
  });
  it('Q2: ann(1; the Jul 2 row is after asOf), eve(2) → 1 of 2', () => {
    expect(repeatPurchaseRate(data, { period: Q2, asOf })).toEqual({ buyers: 2, repeatBuyers: 1, rate: 0.5 });
  });
});

describe('average purchase interval (hand calculation)', () => {
  it('Q1 intervals: ann 20, 20; bo 42; dee 1, 15 → mean 98/5 = 19.6, median 20', () => {
    // ann Jan05→Jan25 = 20, Jan25→Feb14 = 20; bo Jan20→Mar03 = 11+28+3 = 42; dee Mar15→16 = 1, Mar16→31 = 15.
    expect(averagePurchaseInterval(data, { period: Q1, asOf })).toEqual({ intervals: 5, customers: 3, meanDays: 19.6, medianDays: 20 });
  });
  it('Q2 intervals: ann Feb14→Apr10 = 14+31+10 = 55 (earlier purchase before the period counts); eve Apr01→May20 = 49 → mean 52', () => {
    expect(averagePurchaseInterval(data, { period: Q2, asOf })).toEqual({ intervals: 2, customers: 2, meanDays: 52, medianDays: 52 });
  });
  it('no intervals → nulls', () => {
    expect(averagePurchaseInterval([t('1', 'a', '2026-03-01')], { period: Q1, asOf })).toEqual({ intervals: 0, customers: 0, meanDays: null, medianDays: null });
  });
});

describe('cohort retention (hand count)', () => {
  it('first-half cohorts by first purchase month, columns only for months complete by Jul 1', () => {
    // Jan cohort: ann (Jan 05), bo (Jan 20). Jan: both; Feb: ann; Mar: bo; Apr: ann; May: none; Jun: none.
    // Feb cohort: cy. Feb: cy; then nothing. Mar cohort: dee. Mar: dee; nothing after. Apr cohort: eve. Apr, May (May 20).
    expect(cohortRetention(data, { period: { start: d('2026-01-01'), end: d('2026-07-01') }, asOf })).toEqual([
      { cohort: '2026-01', size: 2, active: [2, 1, 1, 1, 0, 0], rates: [1, 0.5, 0.5, 0.5, 0, 0] },
      { cohort: '2026-02', size: 1, active: [1, 0, 0, 0, 0], rates: [1, 0, 0, 0, 0] },
      { cohort: '2026-03', size: 1, active: [1, 0, 0, 0], rates: [1, 0, 0, 0] },
      { cohort: '2026-04', size: 1, active: [1, 1, 0], rates: [1, 1, 0] },
    ]);
  });
  it('months caps the columns; acquiredAt replaces first purchase as the acquisition date', () => {
    const rows = cohortRetention(data, { period: Q1, asOf, months: 2, acquiredAt: new Map([['bo', d('2026-02-28')], ['zed', d('2026-03-01')]]) });
    // bo acquired in Feb: Feb none (bought Jan 20 and Mar 3), Mar yes. zed never bought.
    expect(rows).toEqual([
      { cohort: '2026-02', size: 1, active: [0, 1], rates: [0, 1] },
      { cohort: '2026-03', size: 1, active: [0, 0], rates: [0, 0] },
    ]);
    throwsCode(() => cohortRetention(data, { period: Q1, asOf, months: 0 }), 'INVALID_ARGUMENT');
  });
});

describe('per-owner figures (hand count)', () => {
  it('Q2 vs Q1 per owner, satisfaction only from scores dated in Q2', () => {
    const customers = [
      { id: 'ann', ownerId: 'u-1', createdAt: d('2026-01-01') },
      { id: 'bo', ownerId: 'u-1', createdAt: d('2026-01-01') },
      { id: 'cy', ownerId: 'u-2', createdAt: d('2026-01-01') },
      { id: 'dee', createdAt: d('2026-01-01') },
      { id: 'eve', ownerId: 'u-2', createdAt: d('2026-03-30') },
      { id: 'late', ownerId: 'u-2', createdAt: d('2026-07-01') }, // created at the period end: not counted
    ];
    const satisfaction = [
      { customerId: 'ann', score: 4, at: d('2026-04-11') },
      { customerId: 'bo', score: 2, at: d('2026-05-01') },
      { customerId: 'eve', score: 5, at: d('2026-03-01') }, // before the period
    ];
    expect(ownerFigures(customers, data, { period: Q2, asOf, satisfaction })).toEqual([
      // u-1: ann, bo. Q2 active: ann. Q1 base ann, bo → retained ann. Scores 4, 2 → 3.
      { ownerId: 'u-1', customers: 2, activeCustomers: 1, retention: { base: 2, retained: 1, rate: 0.5 }, satisfaction: { responses: 2, mean: 3 } },
      // u-2: cy, eve. Q2 active: eve. Q1 base: cy → not retained.
      { ownerId: 'u-2', customers: 2, activeCustomers: 1, retention: { base: 1, retained: 0, rate: 0 }, satisfaction: null },
      // no owner: dee. Not active in Q2; base dee, not retained.
      { ownerId: null, customers: 1, activeCustomers: 0, retention: { base: 1, retained: 0, rate: 0 }, satisfaction: null },
    ]);
    throwsCode(() => ownerFigures(customers, data, { period: Q2, asOf, satisfaction: [{ customerId: 'ann', score: Number.NaN, at: d('2026-04-11') }] }), 'INVALID_ARGUMENT');
  });
});

describe('cohort months in a time zone', () => {
  it('utcOffsetMinutes 480: a purchase at 2026-01-31T20:00Z is 1 Feb 04:00 in Beijing, so it belongs to the February cohort', () => {
    const tx = [{ id: '1', customerId: 'a', type: 'purchase' as const, occurredAt: d('2026-01-31T20:00:00Z') }];
    const period = { start: d('2025-12-31T16:00:00Z'), end: d('2026-02-28T16:00:00Z') };
    expect(cohortRetention(tx, { period, asOf: d('2026-03-31T16:00:00Z'), utcOffsetMinutes: 480 }).map((r) => [r.cohort, r.active])).toEqual([['2026-02', [1, 0]]]);
    expect(cohortRetention(tx, { period, asOf: d('2026-03-31T16:00:00Z') }).map((r) => [r.cohort, r.active])).toEqual([['2026-01', [1, 0]]]);
  });
});

describe('internal sortTimes', () => {
  it('property: equals a comparator sort, for short (insertion) and long (typed) lists', async () => {
    const { sortTimes } = await import('../../src/core/time/sortTimes');
    fc.assert(fc.property(fc.array(fc.double({ noNaN: true, min: -1e13, max: 1e13 }), { maxLength: 80 }), (xs) => {
      expect(sortTimes([...xs])).toEqual([...xs].sort((a, b) => a - b));
    }));
  });
});
