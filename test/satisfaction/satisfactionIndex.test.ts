import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineSurvey, satisfactionIndex, satisfactionIndexBy } from 'crmkit/satisfaction';
import { expectThrowsCode, response } from './helpers';

// product (weight 2): q1 csat5 (weight 1), q2 csat7 (weight 3), rec nps (weight 0: not in the index)
// service (weight 1): q3 yes/no; delivery (weight 1): q4 ces7; why: free text (never scored)
const survey = defineSurvey({
  id: 's1',
  name: '售后回访',
  dimensions: [
    { id: 'product', label: '产品质量', weight: 2 },
    { id: 'service', label: '服务态度', weight: 1 },
    { id: 'delivery', label: '配送速度', weight: 1 },
  ],
  questions: [
    { id: 'q1', scale: 'csat5', dimension: 'product', weight: 1 },
    { id: 'q2', scale: 'csat7', dimension: 'product', weight: 3 },
    { id: 'rec', scale: 'nps', dimension: 'product', weight: 0 },
    { id: 'q3', scale: 'yes_no', dimension: 'service' },
    { id: 'q4', scale: 'ces7', dimension: 'delivery' },
    { id: 'why', scale: 'text' },
  ],
});

// r1: q1 5 → (5−1)/4·100 = 100; q2 7 → (7−1)/6·100 = 100; product (1·100 + 3·100)/4 = 100;
//     service yes = 100; delivery q4 4 → (4−1)/6·100 = 50; index (2·100 + 1·100 + 1·50)/4 = 87.5
// r2: q1 3 → 50; q2 4 → 50; product 50; service no = 0; no delivery answer;
//     index renormalised over answered dimensions (2·50 + 1·0)/3 = 33.3333
// r3: q1 4 → 75 only; product 75; index 75
const rs = [
  response('r1', { q1: 5, q2: 7, rec: 10, q3: true, q4: 4, why: '不错' }, { channel: 'wechat', segment: 'vip', ownerId: 'o1', answeredAt: new Date('2026-01-10T00:00:00Z') }),
  response('r2', { q1: 3, q2: 4, q3: false, rec: 2 }, { channel: 'phone', segment: 'vip', ownerId: 'o2', answeredAt: new Date('2026-02-10T00:00:00Z') }),
  response('r3', { q1: 4 }, { channel: 'wechat', answeredAt: new Date('2026-02-20T00:00:00Z') }),
];

describe('satisfactionIndex', () => {
  it('weights answers and dimensions as derived by hand', () => {
    const idx = satisfactionIndex(rs, survey);
    // overall: mean(87.5, 33.3333, 75) = 195.8333/3 = 65.2778
    expect(idx.n).toBe(3);
    expect(idx.score).toBeCloseTo(65.2778, 4);
    // SD: deviations 22.2222, −31.9444, 9.7222; squares 493.827 + 1020.447 + 94.522 = 1608.796;
    // /2 = 804.398; SD 28.3619; SE 28.3619/√3 = 16.3748; 3 responses, so t(0.975, 2) = 4.302653
    // (t table) instead of z: margin 4.302653 × 16.3748 = 70.4551
    expect(idx.standardError).toBeCloseTo(16.3748, 3);
    expect(idx.marginOfError).toBeCloseTo(70.4551, 2);
    expect(idx.intervalMethod).toBe('t');
    expect(idx.dimensions.map((d) => [d.dimension, d.label, d.weight, d.n])).toEqual([
      ['product', '产品质量', 2, 3],
      ['service', '服务态度', 1, 2],
      ['delivery', '配送速度', 1, 1],
    ]);
    // product mean(100, 50, 75) = 75; service mean(100, 0) = 50; delivery 50 from one answer (no SE)
    expect(idx.dimensions.map((d) => d.score)).toEqual([75, 50, 50]);
    expect(idx.dimensions[2]).toMatchObject({ standardError: null, marginOfError: null });
    expect(idx.target).toBeNull();
  });

  it('compares with a target: 65.28 vs 90 is a gap of −24.72, within the margin 32.09 → unclear', () => {
    const idx = satisfactionIndex(rs, survey, { target: 90 });
    expect(idx.target!.gap).toBeCloseTo(-24.7222, 4);
    expect(idx.target!.z).toBeCloseTo(-24.7222 / 16.3748, 3);
    expect(idx.target!.verdict).toBe('unclear');
    expect(idx.dimensions[0]!.target!.gap).toBe(-15);
  });

  it('a large enough sample makes the same gap meaningful: 200 answers of 4 and 5 on csat5', () => {
    // 100 × 100 and 100 × 75: mean 87.5, SD = √((100·12.5² + 100·12.5²)/199) = √157.035 = 12.5314, SE 12.5314/√200 = 0.8861;
    // gap −2.5 vs margin 1.96 × 0.8861 = 1.7367 → meaningful, below
    const s = defineSurvey({ id: 's1', name: 'csat', questions: [{ id: 'q', scale: 'csat5' }] });
    const many = Array.from({ length: 200 }, (_, i) => response(`r${i}`, { q: i % 2 === 0 ? 5 : 4 }));
    const idx = satisfactionIndex(many, s, { target: 90 });
    expect(idx.score).toBeCloseTo(87.5, 10);
    expect(idx.standardError).toBeCloseTo(0.8861, 4);
    expect(idx.target).toMatchObject({ meaningful: true, verdict: 'below' });
  });

  it('flips reversed questions', () => {
    const s = defineSurvey({ id: 's1', name: 'r', questions: [{ id: 'wait', scale: 'csat5', reversed: true }] });
    // answer 2 → (2−1)/4·100 = 25, reversed 100 − 25 = 75
    expect(satisfactionIndex([response('a', { wait: 2 })], s).score).toBe(75);
  });

  it('empty input and text-only responses give n = 0 and null scores, never NaN', () => {
    const empty = satisfactionIndex([], survey, { target: 90 });
    expect(empty).toMatchObject({ n: 0, score: null, standardError: null, marginOfError: null });
    expect(empty.target!.verdict).toBe('no-data');
    expect(empty.dimensions.every((d) => d.n === 0 && d.score === null)).toBe(true);
    expect(satisfactionIndex([response('a', { why: 'x', rec: 9 })], survey).n).toBe(0);
  });

  it('rejects out-of-scale answers, unknown questions and other surveys; resolves duplicates', () => {
    expectThrowsCode(() => satisfactionIndex([response('a', { q1: 6 })], survey), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => satisfactionIndex([response('a', { q3: 1 })], survey), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => satisfactionIndex([response('a', { why: 5 })], survey), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => satisfactionIndex([response('a', { q1: 4, q9: 1 })], survey), 'UNKNOWN_QUESTION');
    expectThrowsCode(() => satisfactionIndex([response('a', { q1: 4 }, {}, 's2')], survey), 'INVALID_ARGUMENT');
    const again = [response('a', { q1: 1 }, { customerId: 'X', answeredAt: new Date('2026-01-01') }), response('b', { q1: 5 }, { customerId: 'X', answeredAt: new Date('2026-02-01') })];
    expect(satisfactionIndex(again, survey)).toMatchObject({ n: 1, score: 100 });
    expectThrowsCode(() => satisfactionIndex(again, survey, { duplicates: 'reject' }), 'DUPLICATE_RESPONSE');
  });

  const arbResponses = fc.array(
    fc.record({ q1: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), q2: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }), q3: fc.option(fc.boolean(), { nil: undefined }), q4: fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }) }),
    { maxLength: 80 },
  );
  const toResponses = (rows: Record<string, number | boolean | undefined>[]) =>
    rows.map((a, i) => response(`r${i}`, Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as Record<string, number | boolean>));

  it('property: the index and every dimension stay within 0..100', () => {
    fc.assert(
      fc.property(arbResponses, (rows) => {
        const idx = satisfactionIndex(toResponses(rows), survey);
        for (const e of [idx, ...idx.dimensions]) {
          if (e.n === 0) expect(e.score).toBeNull();
          else {
            expect(e.score!).toBeGreaterThanOrEqual(-1e-9);
            expect(e.score!).toBeLessThanOrEqual(100 + 1e-9);
          }
        }
      }),
    );
  });

  it('property: with complete answers the index is the weighted mean of the dimension scores', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 7 }), fc.boolean(), fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 50 }), (rows) => {
        const idx = satisfactionIndex(rows.map(([q1, q2, q3, q4], i) => response(`r${i}`, { q1, q2, q3, q4 })), survey);
        const [p, s, d] = idx.dimensions.map((x) => x.score!);
        expect(idx.score!).toBeCloseTo((2 * p! + s! + d!) / 4, 9);
      }),
    );
  });

  it('property: the order of responses does not matter', () => {
    fc.assert(
      fc.property(arbResponses, (rows) => {
        const rsA = toResponses(rows);
        const a = satisfactionIndex(rsA, survey);
        const b = satisfactionIndex([...rsA].reverse(), survey);
        if (a.score === null) expect(b.score).toBeNull();
        else expect(b.score!).toBeCloseTo(a.score, 9);
      }),
    );
  });
});

describe('satisfactionIndexBy', () => {
  it('groups by channel, segment, owner, period and a function, sorted by key', () => {
    // wechat: r1 87.5 and r3 75 → 81.25; phone: r2 33.3333
    const byChannel = satisfactionIndexBy(rs, survey, { by: 'channel' });
    expect(byChannel.map((g) => [g.key, g.n])).toEqual([['phone', 1], ['wechat', 2]]);
    expect(byChannel[1]!.score).toBeCloseTo(81.25, 10);
    // vip: r1 and r2 (r3 has no segment and is left out) → (87.5 + 33.3333)/2 = 60.4167
    const bySegment = satisfactionIndexBy(rs, survey, { by: 'segment' });
    expect(bySegment.map((g) => g.key)).toEqual(['vip']);
    expect(bySegment[0]!.score).toBeCloseTo(60.4167, 4);
    expect(satisfactionIndexBy(rs, survey, { by: 'owner' }).map((g) => g.key)).toEqual(['o1', 'o2']);
    // months: January r1 87.5; February r2 and r3 → (33.3333 + 75)/2 = 54.1667
    const byMonth = satisfactionIndexBy(rs, survey, { by: 'period', target: 90 });
    expect(byMonth.map((g) => g.key)).toEqual(['2026-01', '2026-02']);
    expect(byMonth[1]!.score).toBeCloseTo(54.1667, 4);
    expect(byMonth[0]!.target!.gap).toBe(-2.5);
    expect(satisfactionIndexBy(rs, survey, { by: (r) => (r.answers.q4 === undefined ? 'partial' : 'complete') }).map((g) => [g.key, g.n])).toEqual([
      ['complete', 1],
      ['partial', 2],
    ]);
  });

  it('group results agree with satisfactionIndex on each subset (second path)', () => {
    for (const g of satisfactionIndexBy(rs, survey, { by: 'channel', target: 80 })) {
      const alone = satisfactionIndex(rs.filter((r) => r.channel === g.key), survey, { target: 80 });
      expect({ ...g, key: undefined }).toEqual({ ...alone, key: undefined });
    }
  });

  it('rejects an unknown grouping', () => {
    expectThrowsCode(() => satisfactionIndexBy(rs, survey, { by: 'city' as 'channel' }), 'INVALID_ARGUMENT');
  });
});

describe('satisfactionIndex options', () => {
  it('rejects a non-finite target, a bad confidence and an unknown period', () => {
    expectThrowsCode(() => satisfactionIndex(rs, survey, { target: Number.NaN }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => satisfactionIndex(rs, survey, { confidence: 1 }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => satisfactionIndexBy([], survey, { by: 'period', period: 'decade' as 'day' }), 'INVALID_ARGUMENT');
  });

  it('a 90% confidence narrows the margin: t(0.95, 2) = 2.919986 × SE 16.3748 = 47.8140', () => {
    expect(satisfactionIndex(rs, survey, { confidence: 0.9 }).marginOfError).toBeCloseTo(47.814, 2);
  });
});
