// Issue 19, case by case: every breach the fuzzing of 0.1.0 listed, with the behaviour the issue
// asks for (a CrmError with a stable code, a bound, a copy). Expected codes come from the issue
// text and the TSDoc `@throws` of each function; expected values are written out by hand below.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLAYBOOK,
  Money,
  addBusinessMinutes,
  bgbbExpectedPurchases,
  checkCustomerFields,
  compileSegment,
  createCustomer,
  daysBetween,
  defaultLifecycle,
  digamma,
  evaluateSegment,
  evaluateTier,
  expectedPurchases,
  fitBetaGeoBetaBinomial,
  historicClv,
  initialState,
  isAnswerInScale,
  mergeCustomers,
  parseLoyaltyProgram,
  parseSegmentRule,
  periodKey,
  predictClv,
  probabilityOfPurchases,
  recommendTreatments,
  renderQualityReport,
  scaleRange,
  syntheticCustomers,
  toSql,
  transition,
  updateCustomer,
  validateCustomer,
  validateResponse,
  validateStoredCustomer,
  defineSurvey,
  balance,
  assessQuality,
} from 'crmkit';
import { sampleCustomer } from 'crmkit/testing';
import { expectThrowsCode } from '../errors';

const now = new Date('2026-01-01T00:00:00Z');
const program = (over: Record<string, unknown> = {}) => ({
  id: 'club',
  currency: 'CNY',
  earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } },
  tiers: [{ id: 'member', threshold: { points: 0 } }, { id: 'gold', threshold: { points: 1000 } }],
  ...over,
});
const bg = { model: 'bgnbd', params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } } as const;
const gg = { model: 'gammagamma', params: { p: 6.25, q: 3.74, v: 15.44 } } as const;
const bgbb = { model: 'bgbb', params: { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 } } as const;
/** An object whose `field` getter throws, as a hostile or broken input would. */
const throwingGetter = (base: object, field: string) =>
  Object.defineProperty({ ...base }, field, {
    enumerable: true,
    get() {
      throw new Error('getter failed');
    },
  });

describe('issue 19: raw errors on type-correct input become CrmErrors', () => {
  it('parseLoyaltyProgram: a rate spend with an empty currency is INVALID_PROGRAM, not a TypeError', () => {
    expectThrowsCode(() => parseLoyaltyProgram(program({ earning: { rate: { spend: { amount: '1', currency: '' }, points: 1 } } })), 'INVALID_PROGRAM');
  });

  it.each([NaN, Infinity, -Infinity, 1.5, -1])('updateCustomer: a stored version of %s is INVALID_ARGUMENT, not a ZodError', (version) => {
    const c = sampleCustomer(1);
    expectThrowsCode(() => updateCustomer({ ...c, version }, { ownerId: 'u-9' }, { now: new Date('2027-01-01T00:00:00Z') }), 'INVALID_ARGUMENT');
  });

  it('createCustomer: an id generator returning "" is VALIDATION_FAILED, not a ZodError', () => {
    expectThrowsCode(() => createCustomer({ kind: 'person', displayName: 'Ann' }, { now, newId: () => '' }), 'VALIDATION_FAILED');
  });

  it.each([NaN, Infinity, -Infinity, -1, 1.5])('Money.round: a scale of %s is INVALID_ARGUMENT, not a DecimalError', (scale) => {
    expectThrowsCode(() => Money.of('1.25', 'CNY').round('half-up', scale), 'INVALID_ARGUMENT');
  });

  it('segment rules: a group with holes is INVALID_RULE everywhere (no TypeError, no "WHERE ( AND )")', () => {
    const rule = { all: new Array(2) };
    expectThrowsCode(() => parseSegmentRule(rule), 'INVALID_RULE');
    expectThrowsCode(() => compileSegment(rule), 'INVALID_RULE');
    expectThrowsCode(() => evaluateSegment(rule, []), 'INVALID_RULE');
    expectThrowsCode(() => toSql(rule, { table: 'customers', columns: {} }), 'INVALID_RULE');
  });

  it('toSql withinLast and addBusinessMinutes refuse dates outside years 0001-9999 with INVALID_DATE', () => {
    const rule = { field: 'createdAt', op: 'withinLast', value: { amount: 1, unit: 'days' } };
    expectThrowsCode(() => toSql(rule, { table: 'customers', columns: { createdAt: 'created_at' }, asOf: new Date(-8.64e15) }), 'INVALID_DATE');
    expectThrowsCode(() => addBusinessMinutes(new Date(8.64e15), 120, {}), 'INVALID_DATE');
  });

  it('mergeCustomers: a consent key outside the channel list, or cyclic extra properties, is VALIDATION_FAILED', () => {
    const [a, b] = [sampleCustomer(1), sampleCustomer(3)];
    const badConsent = { ...b, consent: { fax: { granted: true, updatedAt: now } } } as never;
    expectThrowsCode(() => mergeCustomers([a, badConsent], { now }), 'VALIDATION_FAILED');
    const cyclic: Record<string, unknown> = { ...b };
    cyclic.self = cyclic;
    expectThrowsCode(() => mergeCustomers([a, cyclic as never], { now }), 'VALIDATION_FAILED');
  });

  it('evaluateTier with no tiers is INVALID_PROGRAM; renderQualityReport with an invalid asOf is INVALID_DATE', () => {
    const p = parseLoyaltyProgram(program());
    expectThrowsCode(() => evaluateTier([], { ...p, tiers: [] }, { asOf: now }), 'INVALID_PROGRAM');
    const report = assessQuality([sampleCustomer(1)], { asOf: now });
    expectThrowsCode(() => renderQualityReport({ ...report, asOf: new Date(NaN) }), 'INVALID_DATE');
  });
});

describe('issue 19: the never-throwing validators report a throwing getter as an issue', () => {
  const input = throwingGetter({ kind: 'person', displayName: 'Ann' }, 'contactPoints');
  it.each([
    ['validateCustomer', () => validateCustomer(input).issues],
    ['validateStoredCustomer', () => validateStoredCustomer(input).issues],
    ['checkCustomerFields', () => checkCustomerFields(input)],
    [
      'validateResponse',
      () => validateResponse(throwingGetter({ id: 'r1', surveyId: 's1' }, 'answers'), defineSurvey({ id: 's1', name: 'NPS', questions: [{ id: 'nps', scale: 'nps' }] })).issues,
    ],
  ])('%s', (_name, run) => {
    expect(run().map((i) => [i.path, i.code])).toEqual([[[], 'unreadable']]);
  });
});

describe('issue 19: hangs and unbounded work are refused', () => {
  it('Money.allocate with ratios summing beyond 2^53 is INVALID_ARGUMENT (it looped forever)', () => {
    const max = 2 ** 53 - 1;
    expectThrowsCode(() => Money.of('1' + '0'.repeat(30), 'CNY').allocate([max, max, max]), 'INVALID_ARGUMENT');
  });

  it('digamma(-Infinity) returns NaN at once; negative arguments use the reflection formula', () => {
    expect(digamma(-Infinity)).toBeNaN();
    // ψ(−0.5) = ψ(1.5) − π·cot(−π/2) = ψ(1.5) = 2 − γ − 2 ln 2 ≈ 0.03649 (A&S 6.3.4 and 6.3.7)
    expect(digamma(-0.5)).toBeCloseTo(2 - 0.5772156649 - 2 * Math.LN2, 10);
    expect(Number.isFinite(digamma(-1e300 - 0.5))).toBe(true);
  });

  it('evaluateTier with an entry dated new Date(NaN) is INVALID_DATE (it looped forever)', () => {
    const p = parseLoyaltyProgram(program());
    const history = [{ id: 'earn:1', customerId: 'c-1', type: 'earn', points: 10, occurredAt: new Date(NaN) }] as const;
    expectThrowsCode(() => evaluateTier(history as never, p, { asOf: now }), 'INVALID_DATE');
  });

  it('work proportional to a number argument has a documented maximum', () => {
    expectThrowsCode(() => fitBetaGeoBetaBinomial([{ frequency: 1, recency: 1, periods: 1e9 }]), 'INVALID_ARGUMENT');
    expectThrowsCode(() => bgbbExpectedPurchases(bgbb, [{ frequency: 1, recency: 1, periods: 6 }], 1e9), 'INVALID_ARGUMENT');
    expectThrowsCode(() => probabilityOfPurchases(bg, 1e9, 39), 'INVALID_ARGUMENT');
    const row = [{ frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }];
    expectThrowsCode(() => predictClv(bg, gg, row, { horizon: 1e9, currency: 'USD' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => historicClv({ averageOrderValue: Money.of('200', 'CNY'), purchasesPerYear: 4, grossMargin: 0.3, lifespanYears: 1e9, discountRate: 0.1 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => addBusinessMinutes(now, 1e10, {}), 'INVALID_ARGUMENT');
    expectThrowsCode(() => syntheticCustomers({ count: 1e12, asOf: now }), 'INVALID_ARGUMENT');
  });
});

describe('issue 19: results do not alias library state or the caller\'s Dates', () => {
  it('editing a recommended treatment leaves DEFAULT_PLAYBOOK as it was', () => {
    const t = recommendTreatments(['at-risk'])[0] as { name: { en: string } };
    t.name.en = 'X';
    expect(recommendTreatments(['at-risk'])[0]?.name.en).toBe('Win-back call from the account manager');
    expect(DEFAULT_PLAYBOOK.entries.find((e) => e.segment === 'at-risk')?.treatment.name.en).toBe('Win-back call from the account manager');
  });

  it('scaleRange returns a frozen range, so a 5-point question never accepts 40', () => {
    const r = scaleRange('csat5') as { max: number };
    expect(() => {
      r.max = 50;
    }).toThrow(TypeError);
    expect(isAnswerInScale({ id: 'q', scale: 'csat5', dimension: 'general', weight: 1, reversed: false }, 40)).toBe(false);
  });

  it('parsed loyalty programmes do not share their default qualification window and review', () => {
    const a = parseLoyaltyProgram(program());
    const b = parseLoyaltyProgram(program());
    expect(a.qualification.window).not.toBe(b.qualification.window);
    expect(a.downgrade.review).not.toBe(b.downgrade.review);
  });

  it("a lifecycle state's since is a copy of the caller's now", () => {
    const at = new Date('2026-01-01T00:00:00Z');
    const start = initialState(defaultLifecycle, 'c-1', { now: at });
    const later = new Date('2026-02-01T00:00:00Z');
    const { state } = transition(defaultLifecycle, start, 'purchase', { now: later });
    at.setTime(0);
    later.setTime(0);
    expect([start.since.toISOString(), state.since.toISOString()]).toEqual(['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z']);
  });
});

describe('issue 19: values that should have been refused', () => {
  it('daysBetween with an invalid date is INVALID_DATE, not NaN', () => {
    expectThrowsCode(() => daysBetween(new Date(NaN), now), 'INVALID_DATE');
  });

  it("periodKey of new Date(8.64e15) is INVALID_DATE, not 'NaN-NaN'", () => {
    expectThrowsCode(() => periodKey(new Date(8.64e15), 'month', { utcOffsetMinutes: 480 }), 'INVALID_DATE');
  });

  it('balance refuses an entry with expiresAt: new Date(NaN)', () => {
    const entries = [{ id: 'earn:1', customerId: 'c-1', type: 'earn', points: 10, occurredAt: now, expiresAt: new Date(NaN) }] as const;
    expectThrowsCode(() => balance(entries, { asOf: now }), 'INVALID_DATE');
  });

  it('CLV predictions with a parameter of 1e308 are INVALID_MODEL, not NaN', () => {
    const m = { model: 'bgnbd', params: { ...bg.params, r: 1e308 } } as const;
    expectThrowsCode(() => expectedPurchases(m, [{ frequency: 2, recency: 30.43, T: 38.86 }], 10), 'INVALID_MODEL');
    expectThrowsCode(() => probabilityOfPurchases(m, 3, 10), 'INVALID_MODEL');
  });

  it.each(['2026-02-30', '2025-02-29', '0000-06-01', '2026-13-01', '9999-12-31T23:00:00-05:00'])('parseSegmentRule refuses the date %s', (value) => {
    expectThrowsCode(() => parseSegmentRule({ field: 'createdAt', op: 'after', value }), 'INVALID_RULE');
  });

  it('parseSegmentRule refuses a Date after the year 9999 and still accepts 29 February of a leap year', () => {
    expectThrowsCode(() => parseSegmentRule({ field: 'createdAt', op: 'after', value: new Date('+010000-01-01T00:00:00Z') }), 'INVALID_RULE');
    expect(parseSegmentRule({ field: 'createdAt', op: 'after', value: '2024-02-29' })).toEqual({ field: 'createdAt', op: 'after', value: '2024-02-29T00:00:00.000Z' });
  });

  it.each(['constructor', 'prototype'])('mergeCustomers refuses a %s attribute key, as every other entry point does', (key) => {
    const [a, b] = [sampleCustomer(1), sampleCustomer(3)];
    const attributes = Object.defineProperty({}, key, { value: 'x', enumerable: true });
    expectThrowsCode(() => mergeCustomers([a, { ...b, attributes } as never], { now }), 'VALIDATION_FAILED');
  });
});
