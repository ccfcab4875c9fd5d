import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CrmError } from 'crmkit';
import { dedupeResponses, defineSurvey, isAnswerInScale, parseResponse, validateResponse, type SurveyResponse } from 'crmkit/satisfaction';
import { expectThrowsCode, response } from './helpers';

const survey = defineSurvey({
  id: 's1',
  name: '售后回访',
  dimensions: [
    { id: 'product', label: '产品质量', weight: 2 },
    { id: 'service', label: '服务态度' },
  ],
  questions: [
    { id: 'rec', scale: 'nps', dimension: 'product', weight: 0 },
    { id: 'q1', scale: 'csat5', dimension: 'product' },
    { id: 'q2', scale: 'csat7', dimension: 'service' },
    { id: 'effort', scale: 'ces7', dimension: 'service' },
    { id: 'again', scale: 'yes_no', dimension: 'service' },
    { id: 'why', scale: 'text' },
  ],
});

describe('defineSurvey', () => {
  it('fills in defaults: dimension general, weight 1, not reversed', () => {
    const s = defineSurvey({ id: 's', name: 'n', questions: [{ id: 'q', scale: 'csat5' }] });
    expect(s.questions[0]).toEqual({ id: 'q', scale: 'csat5', dimension: 'general', weight: 1, reversed: false });
  });

  it.each([
    ['duplicate question ids', { id: 's', name: 'n', questions: [{ id: 'q', scale: 'nps' }, { id: 'q', scale: 'csat5' }] }, ['questions', 1, 'id']],
    ['unlisted dimension', { id: 's', name: 'n', dimensions: [{ id: 'a' }], questions: [{ id: 'q', scale: 'nps', dimension: 'b' }] }, ['questions', 0, 'dimension']],
    ['duplicate dimension', { id: 's', name: 'n', dimensions: [{ id: 'a' }, { id: 'a' }], questions: [{ id: 'q', scale: 'nps', dimension: 'a' }] }, ['dimensions', 1, 'id']],
    ['only text questions', { id: 's', name: 'n', questions: [{ id: 'q', scale: 'text' }] }, ['questions']],
    ['only zero weights', { id: 's', name: 'n', questions: [{ id: 'q', scale: 'nps', weight: 0 }] }, ['questions']],
    ['negative weight', { id: 's', name: 'n', questions: [{ id: 'q', scale: 'nps', weight: -1 }] }, ['questions', 0, 'weight']],
    ['unknown scale', { id: 's', name: 'n', questions: [{ id: 'q', scale: 'stars' }] }, ['questions', 0, 'scale']],
    ['a reserved question id', { id: 's', name: 'n', questions: [{ id: 'toString', scale: 'nps' }] }, ['questions', 0, 'id']],
    ['no questions', { id: 's', name: 'n', questions: [] }, ['questions']],
  ])('rejects %s with INVALID_SURVEY naming the path', (_why, input, path) => {
    const err = expectThrowsCode(() => defineSurvey(input), 'INVALID_SURVEY') as unknown as CrmError;
    expect(err.details.issues?.map((i) => i.path)).toContainEqual(path);
  });

  it('does not mutate its input', () => {
    const input = { id: 's', name: 'n', questions: [{ id: 'q', scale: 'nps' }] };
    const copy = structuredClone(input);
    defineSurvey(input);
    expect(input).toEqual(copy);
  });
});

describe('validateResponse / parseResponse', () => {
  const good = { id: 'r1', surveyId: 's1', customerId: 'c1', channel: 'wechat', answeredAt: '2026-03-01T10:00:00+08:00', answers: { rec: 9, q1: 5, again: true, why: '很好' } };

  it('accepts a valid response and parses its date', () => {
    const r = validateResponse(good, survey);
    expect(r.ok).toBe(true);
    expect(r.ok && r.response.answeredAt.toISOString()).toBe('2026-03-01T02:00:00.000Z');
  });

  it('reports every issue at once, naming questions but never the answers', () => {
    const r = validateResponse({ ...good, answers: { rec: 11, q1: 0, q2: 8, effort: 2.5, again: 'yes', why: 3, zzz: 1 } }, survey);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['answers.rec', 'ANSWER_OUT_OF_SCALE'],
      ['answers.q1', 'ANSWER_OUT_OF_SCALE'],
      ['answers.q2', 'ANSWER_OUT_OF_SCALE'],
      ['answers.effort', 'ANSWER_OUT_OF_SCALE'],
      ['answers.again', 'ANSWER_OUT_OF_SCALE'],
      ['answers.why', 'ANSWER_OUT_OF_SCALE'],
      ['answers.zzz', 'UNKNOWN_QUESTION'],
    ]);
    expect(r.issues[0]!.message).toBe('answer to rec is outside its scale 0-10');
    expect(validateResponse({ ...good, answers: { q2: 9 } }, survey, { locale: 'zh-CN' }).issues[0]!.message).toBe('题目 q2 的答案超出量表范围 1-7');
  });

  it('reports shape errors with zod codes and a wrong survey id', () => {
    const r = validateResponse({ ...good, answeredAt: 'yesterday', extra: 1 }, survey);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['answeredAt']));
    expect(validateResponse({ ...good, surveyId: 's2' }, survey).issues.map((i) => i.code)).toEqual(['INVALID_ARGUMENT']);
  });

  it('parseResponse throws the specific code', () => {
    expect(parseResponse(good, survey).answers).toEqual(good.answers);
    expectThrowsCode(() => parseResponse({ ...good, answers: { q1: 6 } }, survey), 'ANSWER_OUT_OF_SCALE');
    expectThrowsCode(() => parseResponse({ ...good, answers: { nope: 1 } }, survey), 'UNKNOWN_QUESTION');
    expectThrowsCode(() => parseResponse({ ...good, surveyId: 'other' }, survey), 'INVALID_ARGUMENT');
    expectThrowsCode(() => parseResponse({ ...good, customerId: '' }, survey), 'VALIDATION_FAILED');
  });

  it('isAnswerInScale: integers in range for scored scales, booleans for yes/no, strings for text', () => {
    const q = (scale: 'nps' | 'csat5' | 'csat7' | 'ces7' | 'yes_no' | 'text') => ({ id: 'q', scale, dimension: 'g', weight: 1, reversed: false });
    expect([0, 10, -1, 11].map((v) => isAnswerInScale(q('nps'), v))).toEqual([true, true, false, false]);
    expect([1, 7, 0, 8].map((v) => isAnswerInScale(q('ces7'), v))).toEqual([true, true, false, false]);
    expect([true, 1].map((v) => isAnswerInScale(q('yes_no'), v))).toEqual([true, false]);
    expect(['x', 1].map((v) => isAnswerInScale(q('text'), v))).toEqual([true, false]);
  });
});

describe('dedupeResponses', () => {
  const at = (d: string) => new Date(`2026-03-${d}T00:00:00Z`);
  const rs: SurveyResponse[] = [
    response('a1', { q1: 1 }, { customerId: 'A', answeredAt: at('05') }),
    response('b1', { q1: 2 }, { customerId: 'B', answeredAt: at('01') }),
    response('a2', { q1: 3 }, { customerId: 'A', answeredAt: at('02') }),
    response('a3', { q1: 4 }, { customerId: 'A', answeredAt: at('05') }),
  ];

  it('keep-latest keeps the latest answer per customer (a tie goes to the later in input), in input order', () => {
    expect(dedupeResponses(rs).map((r) => r.id)).toEqual(['b1', 'a3']);
  });

  it('returns the same array when there is nothing to drop; different surveys are not duplicates', () => {
    const distinct = [rs[0]!, rs[1]!, response('x', {}, { customerId: 'A' }, 's2')];
    expect(dedupeResponses(distinct)).toBe(distinct);
  });

  it('reject throws DUPLICATE_RESPONSE with the ids involved, and the message has no customer id', () => {
    const err = expectThrowsCode(() => dedupeResponses(rs, { duplicates: 'reject' }), 'DUPLICATE_RESPONSE');
    expect(err.details).toEqual({ customerId: 'A', responseIds: ['a1', 'a2'] });
    expect(err.message).not.toContain('A');
  });

  it('property: one response per customer survives, and it is a latest one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 28 })), { maxLength: 60 }), (rows) => {
        const input = rows.map(([c, d], i) => response(`r${i}`, {}, { customerId: `c${c}`, answeredAt: at(String(d).padStart(2, '0')) }));
        const out = dedupeResponses(input);
        expect(new Set(out.map((r) => r.customerId)).size).toBe(out.length);
        expect(out.length).toBe(new Set(input.map((r) => r.customerId)).size);
        for (const r of out) {
          const latest = Math.max(...input.filter((x) => x.customerId === r.customerId).map((x) => x.answeredAt.getTime()));
          expect(r.answeredAt.getTime()).toBe(latest);
        }
      }),
    );
  });
});

describe('dedupeResponses options', () => {
  it('assume-unique returns the input untouched; an unknown policy is refused', () => {
    const twice = [response('a', {}, { customerId: 'X' }), response('b', {}, { customerId: 'X' })];
    expect(dedupeResponses(twice, { duplicates: 'assume-unique' })).toBe(twice);
    expectThrowsCode(() => dedupeResponses(twice, { duplicates: 'first' as 'reject' }), 'INVALID_ARGUMENT');
  });
});
