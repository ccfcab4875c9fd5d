import { assert } from './errors';
import { domainEvent } from '../core/events';
import { requireDate } from '../core/time';
import { type ValidateCustomerOptions, validateCustomer } from './validateCustomer';
import { failValidation, parseStoredOrFail } from './createCustomer';
import type { Customer, CustomerPatch } from './customer';
import type { CustomerUpdated } from './events';

/**
 * Options for {@link updateCustomer}.
 *
 * @example
 * ```ts
 * const options: UpdateCustomerOptions = { now: new Date('2026-02-01') };
 * ```
 */
export interface UpdateCustomerOptions extends Omit<ValidateCustomerOptions, 'stored'> {
  /** The time of the change; becomes `updatedAt`. Must not be before `createdAt`. */
  readonly now: Date;
}

const IMMUTABLE = /* @__PURE__ */ new Set(['id', 'kind', 'createdAt', 'updatedAt', 'version']);

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Applies a patch to a customer: top-level fields in the patch replace the customer's (arrays and
 * objects are replaced whole, not merged). The result is normalised and validated, `version` goes
 * up by one and `updatedAt` becomes `now`. A patch that changes nothing returns the same customer
 * and no event. Never mutates its inputs.
 *
 * @param customer - the current customer
 * @param patch - fields to change (`id`, `kind`, timestamps and `version` cannot be patched)
 * @param options - `now` (required), locale, default region, extra rules
 * @returns `{ customer, events }` with a `CustomerUpdated` event listing the changed fields
 * @throws {CrmError} `VALIDATION_FAILED` (also for a stored customer whose id, kind or timestamps are
 *   invalid); `INVALID_ARGUMENT` when the patch names an immutable field, `now` is before
 *   `createdAt`, or `customer.version` is not a positive integer; `INVALID_DATE` for a bad `now` or
 *   `customer.createdAt`
 *
 * @example
 * ```ts
 * import { createCustomer, updateCustomer } from 'crmkit';
 * const now = new Date('2026-01-01T00:00:00Z');
 * const { customer } = createCustomer({ id: 'c-1', kind: 'person', displayName: 'Ann' }, { now });
 * const next = updateCustomer(customer, { ownerId: 'u-7' }, { now: new Date('2026-01-02T00:00:00Z') });
 * [next.customer.version, next.events[0]?.changes];
 * //=> [2, ['ownerId']]
 * ```
 */
export function updateCustomer(
  customer: Customer,
  patch: CustomerPatch,
  options: UpdateCustomerOptions,
): { customer: Customer; events: CustomerUpdated[] } {
  const now = requireDate(options?.now, 'now');
  assert(customer !== null && typeof customer === 'object', 'INVALID_ARGUMENT', { params: { field: 'customer', rule: 'must be a customer object' } });
  requireDate(customer.createdAt, 'customer.createdAt');
  assert(Number.isSafeInteger(customer.version) && customer.version >= 1, 'INVALID_ARGUMENT', {
    params: { field: 'customer.version', rule: 'must be a positive integer' },
  });
  assert(patch !== null && typeof patch === 'object', 'INVALID_ARGUMENT', { params: { field: 'patch', rule: 'must be an object' } });
  const bad = Object.keys(patch).find((k) => IMMUTABLE.has(k));
  assert(bad === undefined, 'INVALID_ARGUMENT', { params: { field: bad, rule: 'cannot be changed by a patch' } });
  assert(now.getTime() >= customer.createdAt.getTime(), 'INVALID_ARGUMENT', {
    params: { field: 'now', rule: 'must not be before createdAt' },
  });
  const { id, kind, createdAt, updatedAt, version, ...rest } = customer;
  const result = validateCustomer({ ...rest, ...patch, id, kind }, options);
  if (!result.ok) failValidation('customer', result.issues);
  const candidate = { ...result.value, id, kind, createdAt, updatedAt, version };
  const changes = Object.keys(candidate).filter((k) => !sameValue((candidate as Record<string, unknown>)[k], (customer as Record<string, unknown>)[k]));
  for (const k of Object.keys(customer)) if (!(k in candidate) && !changes.includes(k)) changes.push(k);
  if (changes.length === 0) return { customer, events: [] };
  const after = parseStoredOrFail({ ...candidate, updatedAt: now, version: version + 1 });
  return { customer: after, events: [domainEvent('CustomerUpdated', id, now, { changes, before: customer, after })] };
}
