// The exports the fuzz treats differently, each with its reason. Keep it short: an entry here is a
// promise the reviewers check. Everything not listed must pass every property of exports.test.ts.

/** Exports not called at all. */
export const SKIPPED: Readonly<Record<string, string>> = {
  // The contract suites register vitest `describe`/`it` blocks; calling them outside a test file
  // would register tests into the fuzz run. They are exercised by test/memory/contracts.test.ts.
  customerRepositoryContract: 'registers vitest tests; run by test/memory/contracts.test.ts',
  transactionRepositoryContract: 'registers vitest tests; run by test/memory/contracts.test.ts',
  interactionRepositoryContract: 'registers vitest tests; run by test/memory/contracts.test.ts',
  loyaltyLedgerRepositoryContract: 'registers vitest tests; run by test/memory/contracts.test.ts',
};

/** Exports whose results legitimately differ between two identical calls (so no aliasing check). */
export const NONDETERMINISTIC: Readonly<Record<string, string>> = {
  randomId: 'a fresh random id on every call, by design',
  'new CrmError': 'every instance has its own stack trace',
};

/**
 * "Documented never to throw": nothing may escape them, not even the error of a throwing getter of
 * the input (that is reported as an `unreadable` issue). Options and `survey` are the programmer's
 * own arguments: only their CrmErrors may escape.
 */
export const NEVER_THROW: Readonly<Record<string, number>> = {
  // export name → index of the argument that is the input under validation
  validateCustomer: 0,
  validateStoredCustomer: 0,
  checkCustomerFields: 0,
  validateResponse: 0,
};
