import { domainEvent } from '../../core/events';
import { type ConsentChangeOptions, appendConsent, changeBasics } from './appendConsent';
import { type ConsentRecord, type ConsentWithdrawal, ConsentWithdrawalSchema } from './consentRecord';
import type { ConsentWithdrawn } from './events';

/**
 * What {@link withdrawConsent} records: a withdrawal without its id and action; `withdrawnAt`
 * defaults to `now`. `channel: 'all'` and `purpose: 'all'` withdraw everything at once.
 *
 * @example
 * ```ts
 * const input: ConsentWithdrawalInput = { customerId: 'c-1', channel: 'all', purpose: 'marketing', method: 'in-app' };
 * ```
 */
export type ConsentWithdrawalInput = Omit<ConsentWithdrawal, 'id' | 'action' | 'withdrawnAt'> & { readonly withdrawnAt?: Date };

/**
 * Records a withdrawal of consent (撤回同意, PIPL art. 15): appends it to the customer's consent
 * history and returns the new history with a `ConsentWithdrawn` event. From `withdrawnAt` on,
 * `consentStatus` answers "no" for every (channel, purpose) the withdrawal covers, and so do
 * `followUpsDue`, `careTasks` and the `consent.*` segment fields when given the history.
 *
 * @param records - the customer's consent history so far
 * @param input - channel (or `all`), purpose (or `all`), method, source, `withdrawnAt`
 * @param options - `now` (required), `newId`; see {@link ConsentChangeOptions}
 * @returns `{ records, events }`
 * @throws {CrmError} `VALIDATION_FAILED`; `INVALID_DATE`; `INVALID_ARGUMENT` when the history
 *   holds another customer's records; `DUPLICATE_ID`
 *
 * @example
 * ```ts
 * import { withdrawConsent } from 'crmkit/privacy';
 * const { records, events } = withdrawConsent([], { customerId: 'c-1', channel: 'all', purpose: 'all', method: 'in-app' },
 *   { now: new Date('2026-02-01T00:00:00Z'), newId: () => 'k-9' });
 * [records[0]?.action, events[0]?.type];
 * //=> ['withdraw', 'ConsentWithdrawn']
 * ```
 */
export function withdrawConsent(
  records: readonly ConsentRecord[],
  input: ConsentWithdrawalInput,
  options: ConsentChangeOptions,
): { records: readonly ConsentRecord[]; events: ConsentWithdrawn[] } {
  const { now, id } = changeBasics(options);
  const out = appendConsent(records, { ...input, id, action: 'withdraw', withdrawnAt: input?.withdrawnAt ?? now }, (v) => ConsentWithdrawalSchema.safeParse(v));
  return { records: out.records, events: [domainEvent('ConsentWithdrawn', out.record.customerId, now, { record: out.record })] };
}
