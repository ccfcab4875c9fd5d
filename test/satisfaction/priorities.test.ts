import { describe, expect, it } from 'vitest';
import { defineSurvey, improvementPriorities } from 'crmkit/satisfaction';
import { expectThrowsCode, response } from './helpers';

const survey = defineSurvey({
  id: 's1',
  name: 'drivers',
  dimensions: [
    { id: 'A', label: '产品质量', weight: 3 },
    { id: 'B', label: '配送速度', weight: 1 },
  ],
  questions: [
    { id: 'q1', scale: 'csat5', dimension: 'A' },
    { id: 'q2', scale: 'csat5', dimension: 'B' },
    { id: 'overall', scale: 'csat5', dimension: 'A', weight: 0 },
    { id: 'note', scale: 'text' },
  ],
});
// q1 1,2,3,4 → A = 0, 25, 50, 75 (mean 37.5); q2 2,1,4,3 → B = 25, 0, 75, 50 (mean 37.5); overall 1,2,3,4
const rows: [number, number, number][] = [[1, 2, 1], [2, 1, 2], [3, 4, 3], [4, 3, 4]];
const rs = rows.map(([q1, q2, overall], i) => response(`r${i}`, { q1, q2, overall }));

describe('improvementPriorities', () => {
  it('stated importance: weights 3 and 1 → 0.75 and 0.25; gaps 90 − 37.5 = 52.5; priorities 39.375 and 13.125', () => {
    const p = improvementPriorities(rs, survey, { target: 90 });
    expect(p.map((x) => [x.rank, x.dimension, x.label, x.importance, x.gap, x.priority, x.correlation])).toEqual([
      [1, 'A', '产品质量', 0.75, 52.5, 39.375, null],
      [2, 'B', '配送速度', 0.25, 52.5, 13.125, null],
    ]);
    expect(p[0]!.target).toMatchObject({ target: 90, gap: -52.5 });
  });

  it('derived importance from correlation with an outcome question, by hand', () => {
    // outcome 1,2,3,4 (centred −1.5, −0.5, 0.5, 1.5; Syy = 5). A centred −1.5, −0.5, 0.5, 1.5 → r = 1.
    // B (2,1,4,3) centred −0.5, −1.5, 1.5, 0.5: Sxy = 0.75 + 0.75 + 0.75 + 0.75 = 3, Sxx = 5 → r = 3/5 = 0.6.
    // importance 1/1.6 = 0.625 and 0.6/1.6 = 0.375; priorities 0.625·52.5 = 32.8125, 0.375·52.5 = 19.6875
    const p = improvementPriorities(rs, survey, { target: 90, importance: 'correlation', outcome: 'overall' });
    expect(p.map((x) => x.dimension)).toEqual(['A', 'B']);
    expect(p[0]!.correlation).toBeCloseTo(1, 12);
    expect(p[1]!.correlation).toBeCloseTo(0.6, 12);
    expect(p[0]!.importance).toBeCloseTo(0.625, 12);
    expect(p[1]!.priority).toBeCloseTo(19.6875, 10);
  });

  it('derived importance against the index itself when no outcome is named', () => {
    // index per response (weights 3:1): 0.75·A + 0.25·B = 6.25, 18.75, 56.25, 68.75.
    // A vs index: A centred −37.5, −12.5, 12.5, 37.5; index centred −31.25, −18.75, 18.75, 31.25;
    //   Sxy = 1171.875 + 234.375 + 234.375 + 1171.875 = 2812.5; Sxx = 3125; Syy = 2656.25; r = 2812.5/√(3125·2656.25) = 2812.5/2881.11 = 0.97619
    // B centred −12.5, −37.5, 37.5, 12.5: Sxy = 390.625 + 703.125 + 703.125 + 390.625 = 2187.5; r = 2187.5/2881.14 = 0.75926
    const p = improvementPriorities(rs, survey, { target: 90, importance: 'correlation' });
    expect(p[0]!.correlation).toBeCloseTo(0.97619, 5);
    expect(p[1]!.correlation).toBeCloseTo(0.75926, 5);
    expect(p[0]!.importance).toBeCloseTo(0.97619 / (0.97619 + 0.75926), 5);
  });

  it('negative correlations count as zero importance; a met target gives zero priority', () => {
    // q2 4,1,3,2 against outcome 1,2,3,4: Sxy = −2.25 + 0.75 + 0.25 − 0.75 = −2 → r = −0.4 → importance 0
    const neg = [[1, 4, 1], [2, 1, 2], [3, 3, 3], [4, 2, 4]].map(([q1, q2, overall], i) => response(`r${i}`, { q1: q1!, q2: q2!, overall: overall! }));
    const p = improvementPriorities(neg, survey, { target: 90, importance: 'correlation', outcome: 'overall' });
    expect(p.find((x) => x.dimension === 'B')).toMatchObject({ importance: 0, priority: 0 });
    expect(p.find((x) => x.dimension === 'B')!.correlation).toBeCloseTo(-0.4, 12);
    expect(improvementPriorities(rs, survey, { target: 30 }).every((x) => x.gap === 0 && x.priority === 0)).toBe(true);
  });

  it('ties rank the larger gap first, then by dimension id; empty input is defined', () => {
    const empty = improvementPriorities([], survey, { target: 90, importance: 'correlation' });
    expect(empty.map((x) => [x.rank, x.dimension, x.score, x.gap, x.importance, x.correlation])).toEqual([
      [1, 'A', null, 0, 0, null],
      [2, 'B', null, 0, 0, null],
    ]);
  });

  it('derived importance: relative weights of the dimension scores for the outcome, by the 2 × 2 closed form', () => {
    // Here the outcome is exactly A (overall = q1), so R² = 1; r(A, y) = 1, r(B, y) = r(A, B) = 0.6 (above).
    // Λ* = [[a, b], [b, a]] with a = (√1.6 + √0.4)/2, b = (√1.6 − √0.4)/2; det = a² − b² = √0.64 = 0.8;
    // β = Λ*⁻¹ r_xy; ε_A = a²β_A² + b²β_B², ε_B = b²β_A² + a²β_B² (Johnson 2000, eq. 7-9).
    const a = (Math.sqrt(1.6) + Math.sqrt(0.4)) / 2;
    const b = (Math.sqrt(1.6) - Math.sqrt(0.4)) / 2;
    const bA = (a * 1 - b * 0.6) / 0.8;
    const bB = (a * 0.6 - b * 1) / 0.8;
    const eA = a * a * bA * bA + b * b * bB * bB;
    const eB = b * b * bA * bA + a * a * bB * bB;
    expect(eA + eB).toBeCloseTo(1, 12);
    const p = improvementPriorities(rs, survey, { target: 90, importance: 'derived', outcome: 'overall' });
    expect(p.find((x) => x.dimension === 'A')!.importance).toBeCloseTo(eA, 10);
    expect(p.find((x) => x.dimension === 'B')!.importance).toBeCloseTo(eB, 10);
    // Shapley for two drivers: φ_A = ½r_A² + ½(R² − r_B²) = ½ + ½(1 − 0.36) = 0.82, φ_B = 0.18.
    const s = improvementPriorities(rs, survey, { target: 90, importance: 'derived', outcome: 'overall', method: 'shapley' });
    expect(s.find((x) => x.dimension === 'A')!.importance).toBeCloseTo(0.82, 10);
    expect(s.find((x) => x.dimension === 'B')!.importance).toBeCloseTo(0.18, 10);
    expectThrowsCode(() => improvementPriorities(rs, survey, { target: 90, importance: 'derived' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => improvementPriorities(rs.slice(0, 3), survey, { target: 90, importance: 'derived', outcome: 'overall' }), 'INSUFFICIENT_DATA');
  });

  it('quadrants: importance against the mean importance (1/2 here), score against the target', () => {
    // Both scores are 37.5; A has importance 0.75 (high), B 0.25 (low).
    expect(improvementPriorities(rs, survey, { target: 90 }).map((x) => [x.dimension, x.quadrant])).toEqual([
      ['A', 'improve-first'],
      ['B', 'low-priority'],
    ]);
    expect(improvementPriorities(rs, survey, { target: 30 }).map((x) => [x.dimension, x.quadrant])).toEqual([
      ['A', 'keep'],
      ['B', 'maintain'],
    ]);
    expect(improvementPriorities([], survey, { target: 90 }).map((x) => x.quadrant)).toEqual([null, null]);
  });

  it('rejects a bad target, importance or outcome', () => {
    expectThrowsCode(() => improvementPriorities(rs, survey, { target: 150 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => improvementPriorities(rs, survey, { target: Number.NaN }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => improvementPriorities(rs, survey, { target: 90, importance: 'gut' as 'weight' }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => improvementPriorities(rs, survey, { target: 90, importance: 'correlation', outcome: 'nope' }), 'UNKNOWN_QUESTION');
    expectThrowsCode(() => improvementPriorities(rs, survey, { target: 90, importance: 'correlation', outcome: 'note' }), 'UNKNOWN_QUESTION');
  });
});
