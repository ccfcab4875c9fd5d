import { assert } from '../errors/assert';
import { requireDate } from '../time';

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
 * @param occurredAt - when (copied, so a later change to the caller's Date cannot reach the event)
 * @param payload - the rest of the event (its Date values are copied too)
 * @returns the event
 * @throws {CrmError} `INVALID_DATE` for an `occurredAt` that is not a valid Date in years 0001-9999;
 *   `INVALID_ARGUMENT` for a payload that is not an object, an empty `type` or a `customerId` that
 *   is not a string
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
  const at = new Date(requireDate(occurredAt, 'occurredAt').getTime());
  assert(typeof type === 'string' && type.length > 0, 'INVALID_ARGUMENT', { params: { field: 'type', rule: 'must be a non-empty string' } });
  assert(typeof customerId === 'string', 'INVALID_ARGUMENT', { params: { field: 'customerId', rule: 'must be a string' } });
  assert(payload !== null && typeof payload === 'object', 'INVALID_ARGUMENT', { params: { field: 'payload', rule: 'must be an object' } });
  const fields: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  // Dates of the payload are copied like occurredAt: the frozen event must not share the caller's Date.
  for (const k of Object.keys(fields)) if (fields[k] instanceof Date) fields[k] = new Date((fields[k] as Date).getTime());
  return Object.freeze({ ...fields, type, customerId, occurredAt: at }) as DomainEvent<T, P>;
}
