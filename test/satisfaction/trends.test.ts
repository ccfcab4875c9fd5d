import { describe, expect, it } from 'vitest';
import { defineSurvey, satisfactionTrend } from 'crmkit/satisfaction';
import { expectThrowsCode, response } from './helpers';

const survey = defineSurvey({
  id: 's1',
  name: 'trend',
  dimensions: [{ id: 'service' }, { id: 'loyalty', weight: 0 }],
  questions: [
    { id: 'q', scale: 'csat5', dimension: 'service' },
    { id: 'rec', scale: 'nps', dimension: 'loyalty' },
  ],
});
const survey2 = defineSurvey({
  id: 's1',
  name: 'mixed',
  questions: [
    { id: 'c', scale: 'csat5' },
    { id: 'e', scale: 'ces7' },
    { id: 'y', scale: 'yes_no' },
  ],
});
const on = (day: string) => ({ answeredAt: new Date(`${day}T12:00:00Z`) });

describe('satisfactionTrend', () => {
  it('NPS by month with a change beyond the margin of error, by hand', () => {
    // January: 2 promoters, 3 passives, 5 detractors → NPS 100·(0.2 − 0.5) = −30;
    //   Var = (0.2·0.8 + 0.5·0.5 + 2·0.2·0.5)/10 = 0.061 → SE 24.698
    // February: 8 promoters, 2 passives → NPS 80; Var = (0.8·0.2)/10 = 0.016 → SE 12.649
    // change 110; margin 1.959964·√(0.061 + 0.016)·100 = 1.959964·27.749 = 54.387 → significant
    const jan = [10, 9, 8, 7, 7, 6, 5, 4, 0, 3].map((rec, i) => response(`j${i}`, { rec }, on('2026-01-15')));
    const feb = [10, 9, 9, 10, 9, 9, 10, 9, 8, 7].map((rec, i) => response(`f${i}`, { rec }, on('2026-02-15')));
    const t = satisfactionTrend([...feb, ...jan], survey, { metric: { question: 'rec' } });
    expect(t.map((p) => [p.period, p.n])).toEqual([['2026-01', 10], ['2026-02', 10]]);
    expect(t[0]!.score).toBeCloseTo(-30, 10);
    expect(t[0]!.standardError).toBeCloseTo(24.698, 3);
    expect(t[1]!.standardError).toBeCloseTo(12.649, 3);
    expect(t[1]!.change).toBeCloseTo(110, 10);
    expect(t[1]!.changeMarginOfError).toBeCloseTo(54.387, 2);
    expect(t[1]!.significant).toBe(true);
    expect(t[0]).toMatchObject({ change: null, changeMarginOfError: null, significant: false });
  });

  it('the index by quarter: a change inside the margin is not significant', () => {
    // Q1: csat 5, 4 → 100, 75: mean 87.5, SD 17.678, SE 12.5; Q2: 4, 3 → 75, 50: mean 62.5, SE 12.5
    // change −25; margin 1.959964·√(12.5² + 12.5²) = 1.959964·17.678 = 34.648 → not significant
    const rs = [response('a', { q: 5 }, on('2026-01-05')), response('b', { q: 4 }, on('2026-03-30')), response('c', { q: 4 }, on('2026-04-01')), response('d', { q: 3 }, on('2026-06-30'))];
    const t = satisfactionTrend(rs, survey, { period: 'quarter' });
    expect(t.map((p) => [p.period, p.score, p.change])).toEqual([['2026-Q1', 87.5, null], ['2026-Q2', 62.5, -25]]);
    expect(t[1]!.changeMarginOfError).toBeCloseTo(34.648, 3);
    expect(t[1]!.significant).toBe(false);
    const d = satisfactionTrend(rs, survey, { period: 'quarter', metric: { dimension: 'service' } });
    expect(d.map((p) => p.score)).toEqual([87.5, 62.5]);
  });

  it('question metrics follow the scale: CSAT top-2-box %, CES mean, % yes', () => {
    const s = survey2;
    // January: csat 5, 3 → 1 of 2 satisfied = 50%, Wald SE 100·√(0.25/2) = 35.355; ces 7, 5 → mean 6;
    //   yes, no → 50%. February: csat 4, 4, 5 → 100%, SE 0; ces 3, 4, 2 → 3; yes ×3 → 100%.
    const rs = [
      response('a', { c: 5, e: 7, y: true }, on('2026-01-03')),
      response('b', { c: 3, e: 5, y: false }, on('2026-01-04')),
      response('c', { c: 4, e: 3, y: true }, on('2026-02-03')),
      response('d', { c: 4, e: 4, y: true }, on('2026-02-04')),
      response('e', { c: 5, e: 2, y: true }, on('2026-02-05')),
    ];
    const c = satisfactionTrend(rs, s, { metric: { question: 'c' } });
    expect(c.map((p) => [p.score, p.change])).toEqual([[50, null], [100, 50]]);
    expect(c[0]!.standardError).toBeCloseTo(35.355, 3);
    expect(c[1]!.changeMarginOfError).toBeCloseTo(1.959964 * 35.355, 2);
    expect(satisfactionTrend(rs, s, { metric: { question: 'e' } }).map((p) => [p.score, p.change])).toEqual([[6, null], [3, -3]]);
    expect(satisfactionTrend(rs, s, { metric: { question: 'y' } }).map((p) => p.score)).toEqual([50, 100]);
  });

  it('empty input gives an empty trend; bad metrics are refused', () => {
    expect(satisfactionTrend([], survey)).toEqual([]);
    expect(satisfactionTrend([], survey, { metric: { question: 'rec' } })).toEqual([]);
    expectThrowsCode(() => satisfactionTrend([], survey, { metric: { question: 'nope' } }), 'UNKNOWN_QUESTION');
    expectThrowsCode(() => satisfactionTrend([], survey, { metric: { dimension: 'price' } }), 'INVALID_ARGUMENT');
    // a dimension holding only free text is not scored, so it has no trend
    const textOnly = defineSurvey({ id: 's1', name: 't', questions: [{ id: 'q', scale: 'csat5' }, { id: 'why', scale: 'text', dimension: 'notes' }] });
    expectThrowsCode(() => satisfactionTrend([], textOnly, { metric: { dimension: 'notes' } }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => satisfactionTrend([response('a', { rec: 11 })], survey, { metric: { question: 'rec' } }), 'ANSWER_OUT_OF_SCALE');
  });
});
