import type { SurveyResponse } from 'crmkit/satisfaction';

export { expectThrowsCode } from '../errors';

/** A response builder: one customer per id unless given. */
export function response(
  id: string,
  answers: SurveyResponse['answers'],
  extra: Partial<SurveyResponse> = {},
  surveyId = 's1',
): SurveyResponse {
  return { id, surveyId, customerId: `c-${id}`, channel: 'wechat', answeredAt: new Date('2026-03-01T00:00:00Z'), answers, ...extra };
}
