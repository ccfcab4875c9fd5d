import { expect } from 'vitest';
import { isCrmError, type ErrorCode } from 'crmkit';

export const d = (s: string) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s);

/** Asserts `fn` throws a CrmError with `code`. */
export function throwsCode(fn: () => unknown, code: ErrorCode): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(isCrmError(caught) ? caught.code : caught, `expected CrmError ${code}`).toBe(code);
}

export const buy = (id: string, at: string, customerId = 'c-1') => ({ id, customerId, type: 'purchase' as const, occurredAt: d(at) });
export const refund = (id: string, at: string, customerId = 'c-1') => ({ id, customerId, type: 'refund' as const, occurredAt: d(at) });
