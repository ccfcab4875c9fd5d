import { domainEvent } from '../../core/events';
import { type ConsentChangeOptions, appendConsent, changeBasics } from './appendConsent';
import { type ConsentGrant, ConsentGrantSchema, type ConsentRecord } from './consentRecord';
import type { ConsentGranted } from './events';

/**
 * What {@link grantConsent} records: a consent without its id and action; `givenAt` defaults to `now`.
 *
 * @example
 * ```ts
 * const input: ConsentGrantInput = { customerId: 'c-1', channel: 'sms', purpose: 'marketing',
 *   lawfulBasis: 'consent', method: 'checkbox', policyVersion: '2026-01' };
 * ```
 */
export type ConsentGrantInput = Omit<ConsentGrant, 'id' | 'action' | 'givenAt'> & { readonly givenAt?: Date };

/**
 * Records a consent: appends a grant to the customer's consent history (append-only; nothing is
 * changed or removed) and returns the new history with a `ConsentGranted` event.
 *
 * @param records - the customer's consent history so far
 * @param input - channel (or `all`), purpose, lawful basis, method, source, policy version, `givenAt`, `expiresAt`
 * @param options - `now` (required), `newId`; see {@link ConsentChangeOptions}
 * @returns `{ records, events }`: the new frozen history and the event
 * @throws {CrmError} `VALIDATION_FAILED` when the input does not parse; `INVALID_DATE` for a bad
 *   `now`; `INVALID_ARGUMENT` when the history holds another customer's records; `DUPLICATE_ID`
 *
 * @example
 * ```ts
 * import { sequentialIds } from 'crmkit';
 * import { grantConsent } from 'crmkit/privacy';
 * const { records, events } = grantConsent([], {
 *   customerId: 'c-1', channel: 'sms', purpose: 'marketing', lawfulBasis: 'consent', method: 'checkbox', policyVersion: '2026-01',
 * }, { now: new Date('2026-01-05T09:00:00Z'), newId: sequentialIds('k') });
 * [records.length, records[0]?.id, events[0]?.type];
 * //=> [1, 'k-1', 'ConsentGranted']
 * ```
 */
export function grantConsent(
  records: readonly ConsentRecord[],
  input: ConsentGrantInput,
  options: ConsentChangeOptions,
): { records: readonly ConsentRecord[]; events: ConsentGranted[] } {
  const { now, id } = changeBasics(options);
  const out = appendConsent(records, { ...input, id, action: 'grant', givenAt: input?.givenAt ?? now }, (v) => ConsentGrantSchema.safeParse(v));
  return { records: out.records, events: [domainEvent('ConsentGranted', out.record.customerId, now, { record: out.record })] };
}
