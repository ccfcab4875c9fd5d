import { expect } from 'vitest';
import type { ErrorCode } from '../core/errors/codes';
import { isCrmError } from '../core/errors/CrmError';

/** Awaits `promise` and asserts it rejects with a CrmError of `code`. */
export async function expectCrmError(promise: Promise<unknown>, code: ErrorCode): Promise<void> {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a CrmError ${code}`).toBeDefined();
  expect(isCrmError(caught) ? caught.code : caught).toBe(code);
}
