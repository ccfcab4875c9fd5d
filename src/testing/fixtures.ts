import { Money } from '../core/money/Money';
import type { Customer, CustomerInput } from '../customer/customer';
import { createCustomer } from '../customer/createCustomer';
import type { Interaction } from '../customer/interaction';
import type { Transaction } from '../customer/transaction';
import { requireFiniteInRange, requireString } from '../core/guards';

const BASE = /* @__PURE__ */ Date.UTC(2026, 0, 1);

/**
 * A valid customer for contract suites and adopters' own tests: `n` picks a deterministic variant
 * (person or government organisation, tags, owner, external id).
 *
 * @param n - an integer from 0 to 99,999; the same `n` gives the same customer
 * @returns a stored-shape customer at version 1
 * @throws {CrmError} `INVALID_ARGUMENT` when `n` is not an integer from 0 to 99,999
 *
 * @example
 * ```ts
 * import { sampleCustomer } from 'crmkit/testing';
 * sampleCustomer(3).id;
 * //=> 'cust-00003'
 * ```
 */
export function sampleCustomer(n: number): Customer {
  requireFiniteInRange(n, 'n', 0, 99_999, true);
  const id = `cust-${String(n).padStart(5, '0')}`;
  const org = n % 5 === 0;
  const input: CustomerInput = {
    id,
    kind: org ? 'organization' : 'person',
    displayName: org ? `示例市第${n}局` : `Customer ${n}`,
    ...(org && { organization: { legalName: `示例市第${n}局`, type: 'government' } }),
    contactPoints: [{ type: 'email', value: `user${n}@example.com` }],
    tags: n % 2 === 0 ? ['vip'] : ['new'],
    ownerId: `owner-${n % 3}`,
    externalIds: { erp: `E${n}` },
    attributes: { n },
  };
  return createCustomer(input, { now: new Date(BASE + n * 1000) }).customer;
}

/**
 * A valid purchase for contract suites: `n` picks the id, amount and time; `customerId` the owner.
 *
 * @param n - any non-negative integer
 * @param customerId - the customer it belongs to
 * @returns a transaction
 * @throws {CrmError} `INVALID_ARGUMENT` when `n` is not an integer from 0 to 999,999 or `customerId` is not a string
 *
 * @example
 * ```ts
 * import { sampleTransaction } from 'crmkit/testing';
 * sampleTransaction(1, 'cust-00001').amount.toString();
 * //=> '11.00 CNY'
 * ```
 */
export function sampleTransaction(n: number, customerId: string): Transaction {
  requireFiniteInRange(n, 'n', 0, 999_999, true);
  requireString(customerId, 'customerId');
  return {
    id: `tx-${String(n).padStart(6, '0')}`,
    customerId,
    type: 'purchase',
    amount: Money.of(`${10 + n}.00`, 'CNY'),
    occurredAt: new Date(BASE + (n % 97) * 3_600_000),
    channel: 'web',
  };
}

/**
 * A valid interaction for contract suites.
 *
 * @param n - any non-negative integer
 * @param customerId - the customer it belongs to
 * @returns an interaction
 * @throws {CrmError} `INVALID_ARGUMENT` when `n` is not an integer from 0 to 999,999 or `customerId` is not a string
 *
 * @example
 * ```ts
 * import { sampleInteraction } from 'crmkit/testing';
 * sampleInteraction(2, 'cust-00001').channel;
 * //=> 'wechat'
 * ```
 */
export function sampleInteraction(n: number, customerId: string): Interaction {
  requireFiniteInRange(n, 'n', 0, 999_999, true);
  requireString(customerId, 'customerId');
  return {
    id: `int-${String(n).padStart(6, '0')}`,
    customerId,
    channel: n % 2 === 0 ? 'wechat' : 'phone',
    type: 'follow_up',
    direction: 'outbound',
    occurredAt: new Date(BASE + (n % 89) * 3_600_000),
    summary: `follow-up ${n}`,
  };
}
