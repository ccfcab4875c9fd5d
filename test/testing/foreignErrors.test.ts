// The contract suites recognise errors by the CrmError brand and code (isCrmError), never by
// `instanceof`: an adopter's repository loaded as CommonJS, or built against another installed copy
// of crmkit, throws CrmErrors of another class. Here every CrmError the memory repositories throw is
// rethrown as such a foreign copy (same brand, code and details; not this copy's class), and every
// suite must still pass. Expected behaviour: the suites' own.
import { describe, expect, it } from 'vitest';
import { CrmError, isCrmError } from 'crmkit/core';
import { createMemoryRepositories } from 'crmkit/memory';
import {
  customerRepositoryContract,
  interactionRepositoryContract,
  loyaltyLedgerRepositoryContract,
  transactionRepositoryContract,
} from 'crmkit/testing';

/** A CrmError from "another copy of crmkit": the shared brand, but a class of its own. */
class ForeignCrmError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'CrmError';
    Object.defineProperty(this, Symbol.for('crmkit.CrmError'), { value: true });
  }
}

function withForeignErrors<T extends object>(repo: T): T {
  return new Proxy(repo, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const out: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        if (!(out instanceof Promise)) return out;
        return out.catch((e: unknown) => {
          throw isCrmError(e) ? new ForeignCrmError(e.code, e.message, e.details) : e;
        });
      };
    },
  });
}

describe('the foreign CrmError copy', () => {
  it('carries the brand but is not an instance of this copy of CrmError', () => {
    const e = new ForeignCrmError('NOT_FOUND', 'x', undefined);
    expect(e instanceof CrmError).toBe(false);
    expect(isCrmError(e, 'NOT_FOUND')).toBe(true);
  });
});

customerRepositoryContract(() => withForeignErrors(createMemoryRepositories().customers));
transactionRepositoryContract(() => withForeignErrors(createMemoryRepositories().transactions));
interactionRepositoryContract(() => withForeignErrors(createMemoryRepositories().interactions));
loyaltyLedgerRepositoryContract(() => withForeignErrors(createMemoryRepositories().loyaltyLedger));
