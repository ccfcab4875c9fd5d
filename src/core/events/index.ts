/**
 * The shape every domain event shares: a `type`, when it happened, and the customer it concerns.
 * Operations return events beside their result (`{ customer, events }`) so adopters can persist an
 * audit trail or publish them; crmkit itself never publishes anything.
 *
 * @typeParam T - the event's type name
 * @typeParam P - the event's payload
 *
 * @example
 * ```ts
 * import type { DomainEvent } from 'crmkit';
 * type NoteAdded = DomainEvent<'NoteAdded', { text: string }>;
 * ```
 */
export type DomainEvent<T extends string, P extends object = Record<never, never>> = Readonly<{
  type: T;
  /** When the operation took place (the `now` passed to it). */
  occurredAt: Date;
  /** The customer the event concerns. */
  customerId: string;
}> &
  Readonly<P>;

/**
 * Builds a domain event object (frozen).
 *
 * @param type - the event type
 * @param customerId - the customer concerned
 * @param occurredAt - when
 * @param payload - the rest of the event
 * @returns the event
 *
 * @example
 * ```ts
 * import { domainEvent } from 'crmkit';
 * domainEvent('NoteAdded', 'c-1', new Date('2026-01-01T00:00:00Z'), { text: 'hi' }).type;
 * //=> 'NoteAdded'
 * ```
 */
export function domainEvent<T extends string, P extends object>(
  type: T,
  customerId: string,
  occurredAt: Date,
  payload: P,
): DomainEvent<T, P> {
  return Object.freeze({ ...payload, type, customerId, occurredAt }) as DomainEvent<T, P>;
}
