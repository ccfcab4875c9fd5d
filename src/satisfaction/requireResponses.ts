import { assert } from '../core/errors/assert';
import { isValidDate } from '../core/time';
import type { SurveyResponse } from './response';

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
