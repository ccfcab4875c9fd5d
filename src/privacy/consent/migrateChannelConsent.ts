import { assert } from '../errors';
import { isValidDate, requireDate } from '../../core/time';
import { CONSENT_CHANNELS } from '../../customer/consentChannels';
import type { Customer } from '../../customer/customer';
import type { ConsentRecord } from './consentRecord';

/**
 * Options of {@link migrateChannelConsent}.
 *
 * - `asOf` (required): when the migration runs; a channel flag updated after it is skipped.
 * - `policyVersion` (required): the privacy-policy version the old flags are taken to stand for.
 * - `purpose` (default `marketing`): the purpose the old per-channel flag meant.
 *
 * @example
 * ```ts
 * const o: MigrateConsentOptions = { asOf: new Date('2026-03-01T00:00:00Z'), policyVersion: 'legacy' };
 * ```
 */
export interface MigrateConsentOptions {
  readonly asOf: Date;
  readonly policyVersion: string;
  readonly purpose?: 'marketing' | 'service';
}

/**
 * Turns the per-channel boolean `consent` of a customer (the model before consent by purpose) into
 * consent records: a granted flag becomes a grant (lawful basis `consent`, method `imported`,
 * given at the flag's `updatedAt`), a withdrawn flag a withdrawal at its `updatedAt`. Record ids
 * are `<customer id>:consent:<channel>`, so running the migration twice yields the same records.
 * The customer is not changed; keep its flags until every reader passes the records
 * (`followUpsDue`, `careTasks` and segment rules fall back to the flags without them).
 *
 * @param customer - a customer (its `id`, `consent` and `source` are read)
 * @param options - `asOf`, `policyVersion`, `purpose`; see {@link MigrateConsentOptions}
 * @returns the records, frozen, in channel order
 * @throws {CrmError} `INVALID_DATE` for a bad `asOf`; `INVALID_ARGUMENT` for a missing customer id
 *   or policy version
 *
 * @example
 * ```ts
 * import { migrateChannelConsent } from 'crmkit/privacy';
 * const at = new Date('2025-06-01T00:00:00Z');
 * const records = migrateChannelConsent(
 *   { id: 'c-1', consent: { sms: { granted: true, updatedAt: at }, email: { granted: false, updatedAt: at } } },
 *   { asOf: new Date('2026-03-01T00:00:00Z'), policyVersion: 'legacy' },
 * );
 * records.map((r) => `${r.id} ${r.action}`);
 * //=> ['c-1:consent:sms grant', 'c-1:consent:email withdraw']
 * ```
 */
export function migrateChannelConsent(customer: Pick<Customer, 'id' | 'consent'> & { readonly source?: string | undefined }, options: MigrateConsentOptions): readonly ConsentRecord[] {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  assert(typeof customer?.id === 'string' && customer.id !== '', 'INVALID_ARGUMENT', { params: { field: 'customer.id', rule: 'must be a non-empty string' } });
  const policyVersion = options.policyVersion;
  assert(typeof policyVersion === 'string' && policyVersion !== '' && policyVersion.length <= 64, 'INVALID_ARGUMENT', {
    params: { field: 'policyVersion', rule: 'must be a non-empty string' },
  });
  const purpose = options.purpose ?? 'marketing';
  assert(purpose === 'marketing' || purpose === 'service', 'INVALID_ARGUMENT', { params: { field: 'purpose', rule: `must be one of ${'marketing, service'}` } });
  const out: ConsentRecord[] = [];
  for (const channel of CONSENT_CHANNELS) {
    const flag = customer.consent?.[channel];
    if (flag === undefined || !isValidDate(flag.updatedAt) || flag.updatedAt.getTime() > asOf) continue;
    const at = new Date(flag.updatedAt.getTime());
    const base = { id: `${customer.id}:consent:${channel}`, customerId: customer.id, channel, method: 'imported' as const, ...(flag.source !== undefined && { source: flag.source }) };
    out.push(
      Object.freeze(
        flag.granted === true
          ? { ...base, purpose, action: 'grant' as const, lawfulBasis: 'consent' as const, givenAt: at, policyVersion }
          : { ...base, purpose, action: 'withdraw' as const, withdrawnAt: at },
      ),
    );
  }
  return Object.freeze(out);
}
