import { describe, expect, it } from 'vitest';
import { classifyFeedback, defineSurvey, feedbackTexts, type FeedbackClassifier } from 'crmkit/satisfaction';
import { response } from './helpers';

const survey = defineSurvey({ id: 's1', name: 'fb', questions: [{ id: 'q', scale: 'csat5' }, { id: 'why', scale: 'text' }, { id: 'else', scale: 'text' }] });
const rs = [
  response('r1', { q: 2, why: '配送太慢', else: '   ' }, { comment: '包装也破了' }),
  response('r2', { q: 5 }),
  response('r3', { else: 'great service' }),
];

describe('feedback', () => {
  it('collects non-blank text answers and comments in order, with their response', () => {
    expect(feedbackTexts(rs, survey).map((f) => [f.responseId, f.customerId, f.questionId, f.text])).toEqual([
      ['r1', 'c-r1', 'why', '配送太慢'],
      ['r1', 'c-r1', null, '包装也破了'],
      ['r3', 'c-r3', 'else', 'great service'],
    ]);
  });

  it('runs an async adopter classifier on the text only, in order', async () => {
    const seen: unknown[] = [];
    const classifier: FeedbackClassifier = {
      async classify(text, ...rest) {
        seen.push([text, rest.length]);
        return text.includes('慢') ? [{ label: 'slow', dimension: 'delivery', sentiment: 'negative', score: 0.9 }] : [];
      },
    };
    const out = await classifyFeedback(rs, survey, classifier);
    expect(out.map((o) => o.labels.map((l) => l.label))).toEqual([['slow'], [], []]);
    expect(seen).toEqual([['配送太慢', 0], ['包装也破了', 0], ['great service', 0]]);
  });

  it('lets classifier errors through', async () => {
    await expect(classifyFeedback(rs, survey, { classify: () => Promise.reject(new Error('model down')) })).rejects.toThrow('model down');
  });
});
