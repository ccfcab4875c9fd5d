import type { DomainEvent } from '../../core/events';
import type { Customer } from '../../customer/customer';

/**
 * Customers were merged into one golden record; `customerId` is the surviving id.
 *
 * @example
 * ```ts
 * const merged = (e: CustomersMerged) => e.mergedIds.length;
 * ```
 */
export type CustomersMerged = DomainEvent<'CustomersMerged', { survivorId: string; mergedIds: readonly string[]; golden: Customer }>;

/**
 * A merge was undone: the input records are restored; `customerId` is the id that had survived.
 *
 * @example
 * ```ts
 * const restored = (e: CustomersUnmerged) => e.restoredIds;
 * ```
 */
export type CustomersUnmerged = DomainEvent<'CustomersUnmerged', { survivorId: string; restoredIds: readonly string[] }>;
