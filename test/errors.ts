// Shared by the area tests: what a call throws, by CrmError code.
import { expect } from 'vitest';
import { type CrmError, type ErrorCode, isCrmError } from 'crmkit';

/** The code of the CrmError `fn` throws; 'no error' when it returns, 'not a CrmError' for any other throw. */
export function thrownCode(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return isCrmError(e) ? e.code : 'not a CrmError';
  }
  return 'no error';
}

/** Asserts that `fn` throws a CrmError with `code`, and returns the error. */
export function expectThrowsCode(fn: () => unknown, code: ErrorCode | string): CrmError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isCrmError(caught) ? caught.code : caught, `expected CrmError ${code}`).toBe(code);
  return caught as CrmError;
}
