import type { DomainEvent } from '../../core/events';
import type { ConsentGrant, ConsentWithdrawal } from './consentRecord';

/**
 * Raised when a consent is recorded.
 *
 * @example
 * ```ts
 * const purposeOf = (e: ConsentGranted) => e.record.purpose;
 * ```
 */
export type ConsentGranted = DomainEvent<'ConsentGranted', { record: ConsentGrant }>;

/**
 * Raised when a consent is withdrawn.
 *
 * @example
 * ```ts
 * const channelOf = (e: ConsentWithdrawn) => e.record.channel;
 * ```
 */
export type ConsentWithdrawn = DomainEvent<'ConsentWithdrawn', { record: ConsentWithdrawal }>;
