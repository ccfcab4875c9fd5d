import { expect } from 'vitest';
import { isCrmError, type ErrorCode } from 'crmkit';
import type { SurveyResponse } from 'crmkit/satisfaction';

/** Asserts that `fn` throws a CrmError with `code` and returns it. */
export function expectThrowsCode(fn: () => unknown, code: ErrorCode) {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isCrmError(caught) ? caught.code : caught, `expected CrmError ${code}`).toBe(code);
  return caught as { code: ErrorCode; message: string; details: Record<string, unknown> };
}

/** A response builder: one customer per id unless given. */
export function response(
  id: string,
  answers: SurveyResponse['answers'],
  extra: Partial<SurveyResponse> = {},
  surveyId = 's1',
): SurveyResponse {
  return { id, surveyId, customerId: `c-${id}`, channel: 'wechat', answeredAt: new Date('2026-03-01T00:00:00Z'), answers, ...extra };
}
