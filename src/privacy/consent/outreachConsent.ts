import { assert } from '../errors';
import { requireDate } from '../../core/time';
import type { ConsentChannel } from '../../customer/customer';
import type { ConsentRecord } from './consentRecord';
import { decideConsent, requireChannelAndPurpose } from './consentStatus';
import type { ConsentPurpose } from './purposes';

/**
 * Consent histories for outreach: what `followUpsDue`, `careTasks` and segment rules (`consent.*`
 * fields) take so that their answers come from `consentStatus`, and one withdrawal stops every
 * kind of outreach at once.
 *
 * - `records` (required): each customer's consent history, by customer id. A customer absent from
 *   the map, or with an empty history, is read the old way, from its per-channel `consent` flags
 *   (see `migrateChannelConsent`); a customer with any entry is judged by the history alone.
 * - `purpose` (default `marketing`): the purpose the outreach serves.
 * - `asOf`: the instant consent is judged at; defaults to the caller's own `asOf` (required for
 *   `careTasks`, which has none).
 *
 * @example
 * ```ts
 * const consent: OutreachConsent = { records: new Map([['c-1', []]]), purpose: 'marketing' };
 * ```
 */
export interface OutreachConsent {
  readonly records: ReadonlyMap<string, readonly ConsentRecord[]>;
  readonly purpose?: ConsentPurpose;
  readonly asOf?: Date;
}

/** Whether a customer may be contacted on a channel: true, false, or undefined when there is no answer (no flag).
 * @internal
 */
export type ChannelConsent = (customer: { readonly id: string; readonly consent?: Partial<Record<ConsentChannel, { readonly granted: boolean }>> | undefined }, channel: ConsentChannel) => boolean | undefined;

const flag: ChannelConsent = (c, ch) => {
  const g = c.consent?.[ch]?.granted;
  return typeof g === 'boolean' ? g : undefined;
};

/**
 * The consent test the outreach functions share: through {@link consentStatus} for customers with a
 * history in `consent.records`, from the per-channel flag otherwise (and for everyone when `consent`
 * is undefined).
 *
 * @internal
 */
export function channelConsent(consent: OutreachConsent | undefined, fallbackAsOf: Date | undefined): ChannelConsent {
  if (consent === undefined) return flag;
  assert(consent !== null && typeof consent === 'object' && consent.records instanceof Map, 'INVALID_ARGUMENT', {
    params: { field: 'consent.records', rule: 'must be a Map of consent histories by customer id' },
  });
  const purpose = consent.purpose ?? 'marketing';
  requireChannelAndPurpose('sms', purpose);
  const asOf = requireDate(consent.asOf ?? fallbackAsOf, 'consent.asOf').getTime();
  const records = consent.records;
  return (c, ch) => {
    const history = records.get(c.id);
    if (history === undefined || (Array.isArray(history) && history.length === 0)) return flag(c, ch);
    assert(Array.isArray(history), 'INVALID_ARGUMENT', { params: { field: 'consent.records', rule: 'must be a Map of consent histories by customer id' } });
    return decideConsent(history, ch, purpose, asOf).allowed;
  };
}
