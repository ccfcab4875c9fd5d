import type { DomainEvent } from '../core/events';
import type { Customer } from './customer';

/**
 * Raised when a customer is created.
 *
 * @example
 * ```ts
 * const onEvent = (e: CustomerRegistered) => e.customer.displayName;
 * ```
 */
export type CustomerRegistered = DomainEvent<'CustomerRegistered', { customer: Customer }>;

/**
 * Raised when a customer changes; `changes` lists the top-level fields that changed.
 *
 * @example
 * ```ts
 * const fields = (e: CustomerUpdated) => e.changes;
 * ```
 */
export type CustomerUpdated = DomainEvent<'CustomerUpdated', { changes: readonly string[]; before: Customer; after: Customer }>;

/**
 * Every event the customer area raises.
 *
 * @example
 * ```ts
 * const label = (e: CustomerEvent) => e.type;
 * ```
 */
export type CustomerEvent = CustomerRegistered | CustomerUpdated;
