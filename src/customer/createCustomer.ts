import { CrmError } from './errors';
import { domainEvent } from '../core/events';
import { type IdGenerator, randomId } from '../core/ids';
import { requireDate } from '../core/time';
import { type ValidateCustomerOptions, parseStoredCustomer, validateCustomer } from './validateCustomer';
import type { ValidationIssue } from '../validation/issue';
import type { Customer, CustomerInput } from './customer';
import type { CustomerRegistered } from './events';

/**
 * Options for {@link createCustomer}.
 *
 * @example
 * ```ts
 * import { sequentialIds } from 'crmkit';
 * const options: CreateCustomerOptions = { now: new Date('2026-01-01'), newId: sequentialIds('c') };
 * ```
 */
export interface CreateCustomerOptions extends Omit<ValidateCustomerOptions, 'stored'> {
  /** The creation time; becomes `createdAt` and `updatedAt`. Required: crmkit never reads the clock. */
  readonly now: Date;
  /** Id generator used when the input has no id. Default {@link randomId}. */
  readonly newId?: IdGenerator;
}

/** Throws VALIDATION_FAILED with the issues, naming how many and which rules, never the values. */
export function failValidation(entity: string, issues: readonly ValidationIssue[]): never {
  const rules = [...new Set(issues.map((i) => i.code))].join(', ');
  throw new CrmError('VALIDATION_FAILED', {
    params: { entity, count: issues.length, rules },
    details: { issues },
  });
}

/**
 * The stored customer a write produces, checked once more: a generated id, a stored `version` or
 * timestamp from the caller can still be wrong, and that must be a `VALIDATION_FAILED`, not a raw
 * zod error.
 *
 * @internal
 */
export function parseStoredOrFail(candidate: unknown): Customer {
  try {
    return parseStoredCustomer(candidate);
  } catch (e) {
    const zodIssues = (e as { issues?: readonly { path: PropertyKey[]; code: string; message: string }[] }).issues;
    if (!Array.isArray(zodIssues)) throw e;
    return failValidation('customer', zodIssues.map((i) => ({ path: i.path, code: i.code, message: i.message })) as ValidationIssue[]);
  }
}

/**
 * Creates a customer: parses, normalises and validates the input (see `validateCustomer`), stamps
 * `createdAt`/`updatedAt` with `now`, sets `version` 1, and returns it with a `CustomerRegistered`
 * event. Never mutates the input.
 *
 * @param input - customer input, typed as {@link CustomerInput} so a misspelt field or kind fails to
 *   compile; data of unknown shape (a request body) can be passed as `CustomerInput`: it is
 *   validated at run time all the same
 * @param options - `now` (required), `newId`, locale, default phone region, extra rules
 * @returns `{ customer, events }`
 * @throws {CrmError} `VALIDATION_FAILED` with every issue in `details.issues` (also when `newId`
 *   returns an invalid id); `INVALID_DATE` for a bad `now` (years 0001-9999)
 *
 * @example
 * ```ts
 * import { createCustomer } from 'crmkit';
 * const { customer, events } = createCustomer(
 *   { id: 'c-1', kind: 'person', displayName: '李雷', contactPoints: [{ type: 'phone', value: '138 1234 5678' }] },
 *   { now: new Date('2026-01-01T00:00:00Z') },
 * );
 * customer.contactPoints[0]?.value;
 * //=> '+8613812345678'
 * events[0]?.type;
 * //=> 'CustomerRegistered'
 * ```
 */
export function createCustomer(input: CustomerInput, options: CreateCustomerOptions): { customer: Customer; events: [CustomerRegistered] } {
  const now = requireDate(options?.now, 'now');
  const result = validateCustomer(input, options);
  if (!result.ok) failValidation('customer', result.issues);
  const customer = parseStoredOrFail({
    ...result.value,
    id: result.value.id ?? (options.newId ?? randomId)(),
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  return { customer, events: [domainEvent('CustomerRegistered', customer.id, now, { customer })] };
}
