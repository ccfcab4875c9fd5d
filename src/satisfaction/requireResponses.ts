import { assert } from './errors';
import { isValidDate } from '../core/time';
import { isDense } from '../core/guards';
import type { SurveyResponse } from './response';
import type { Survey } from './survey';

/**
 * @internal Checks the shape every scoring function reads from parsed responses: an array of
 * objects with string `surveyId` and `customerId`, a valid `answeredAt` and an `answers` object.
 * (Full checks are {@link validateResponse}'s; this guards against junk reaching the loops.)
 */
export function requireResponses(responses: unknown, field = 'responses'): readonly SurveyResponse[] {
  assert(Array.isArray(responses), 'INVALID_ARGUMENT', { params: { field, rule: 'must be an array of responses' } });
  for (let i = 0; i < responses.length; i++) {
    const r = responses[i] as Partial<SurveyResponse> | null | undefined;
    assert(
      r !== null &&
        typeof r === 'object' &&
        typeof r.surveyId === 'string' &&
        typeof r.customerId === 'string' &&
        typeof r.id === 'string' &&
        isValidDate(r.answeredAt) &&
        r.answers !== null &&
        typeof r.answers === 'object',
      'INVALID_ARGUMENT',
      { params: { field: `${field}.${i}`, rule: 'must be a parsed survey response' } },
    );
  }
  return responses as readonly SurveyResponse[];
}

/**
 * @internal Checks that `survey` has the shape {@link defineSurvey} returns (an id and a dense list
 * of question objects), before any loop reads it.
 */
export function requireSurvey(survey: unknown): Survey {
  const s = survey as Partial<Survey> | null | undefined;
  assert(
    s !== null && typeof s === 'object' && typeof s.id === 'string' && Array.isArray(s.questions) && isDense(s.questions) &&
      s.questions.every((q) => q !== null && typeof q === 'object'),
    'INVALID_SURVEY',
    { params: { rule: 'pass the result of defineSurvey' } },
  );
  return s as Survey;
}
