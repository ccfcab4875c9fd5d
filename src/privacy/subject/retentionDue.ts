import { assert } from '../errors';
import { MS_PER_DAY, isValidDate, requireDate } from '../../core/time';
import type { ConsentRecord } from '../consent/consentRecord';
import { CONSENT_CHANNELS } from '../../customer/consentChannels';
import { decideConsent } from '../consent/consentStatus';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../consent/purposes';

/**
 * How long data may be kept (存储期限, PIPL art. 19: no longer than the purpose needs), in days:
 * `inactiveDays`, after a customer's last activity (or creation), before the whole customer is due
 * for erasure; and per purpose in `purposes`, after consent for that purpose ended (withdrawn or
 * expired on every channel), before the data held for it is due for deletion.
 *
 * @example
 * ```ts
 * const p: RetentionPolicy = { inactiveDays: 3 * 365, purposes: { marketing: 30, profiling: 30 } };
 * ```
 */
export interface RetentionPolicy {
  readonly inactiveDays: number;
  readonly purposes?: Readonly<Partial<Record<ConsentPurpose, number>>>;
}

/**
 * What {@link retentionDue} reads of a customer: a full `Customer` fits, with `lastActivityAt` (the
 * latest transaction or interaction, say), the consent history and a `legalHold` flag (litigation,
 * tax audit: nothing is due while it is set) added by the caller.
 *
 * @example
 * ```ts
 * const s: RetentionSubject = { id: 'c-1', createdAt: new Date('2020-01-01'), lastActivityAt: new Date('2022-05-01') };
 * ```
 */
export interface RetentionSubject {
  readonly id: string;
  readonly createdAt: Date;
  readonly lastActivityAt?: Date;
  readonly consent?: readonly ConsentRecord[];
  readonly legalHold?: boolean;
}

/**
 * One customer past a retention period: the whole customer (`purpose: 'account'`, after
 * inactivity) or the data held for one purpose, and since when it has been due.
 *
 * @example
 * ```ts
 * const r: RetentionDue = { customerId: 'c-1', purpose: 'account', dueAt: new Date('2025-05-01') };
 * ```
 */
export interface RetentionDue {
  readonly customerId: string;
  readonly purpose: ConsentPurpose | 'account';
  readonly dueAt: Date;
}

const validDays = (d: unknown): d is number => typeof d === 'number' && Number.isFinite(d) && d >= 0 && d <= 36_500;

/** When consent for the purpose ended, if it had been given and no channel allows it at asOf (judged by consentStatus's rule). */
function purposeEnded(records: readonly ConsentRecord[], purpose: ConsentPurpose, asOf: number): number | undefined {
  let granted = false;
  let end = -Infinity;
  for (const r of records) {
    if (r.purpose !== purpose && r.purpose !== 'all') continue;
    const at = r.action === 'grant' ? r.givenAt.getTime() : r.withdrawnAt.getTime();
    if (at > asOf) continue;
    if (r.action === 'withdraw') end = Math.max(end, at);
    else {
      granted = true;
      const expires = r.expiresAt?.getTime();
      if (expires !== undefined && expires <= asOf) end = Math.max(end, expires);
    }
  }
  if (!granted || end === -Infinity) return undefined;
  for (const channel of CONSENT_CHANNELS) if (decideConsent(records, channel, purpose, asOf).allowed) return undefined;
  return end;
}

/**
 * Who is past a retention period at `asOf`: customers inactive for longer than `inactiveDays`
 * (purpose `account`: erase them, for example with `eraseCustomer`), and customers whose consent
 * for a purpose in `policy.purposes` ended longer ago than its period (delete what was held for that
 * purpose). A grant still live on any channel keeps a purpose; customers on `legalHold` are skipped.
 * Ordered by `dueAt`, then customer id. A purpose ends at its latest withdrawal or expiry when
 * `consentStatus` allows it on no channel at `asOf`.
 *
 * @param customers - see {@link RetentionSubject}
 * @param policy - see {@link RetentionPolicy}
 * @param options - `asOf` (required)
 * @returns the due items
 * @throws {CrmError} `INVALID_ARGUMENT` for periods outside 0-36500 days ("must be a non-negative number of days") or an unknown purpose;
 *   `INVALID_DATE` for a bad `asOf`, `createdAt` or `lastActivityAt`
 *
 * @example
 * ```ts
 * import { retentionDue } from 'crmkit/privacy';
 * retentionDue(
 *   [{ id: 'c-1', createdAt: new Date('2020-01-01T00:00:00Z'), lastActivityAt: new Date('2022-03-01T00:00:00Z') },
 *    { id: 'c-2', createdAt: new Date('2020-01-01T00:00:00Z'), lastActivityAt: new Date('2025-12-01T00:00:00Z') }],
 *   { inactiveDays: 3 * 365 },
 *   { asOf: new Date('2026-03-01T00:00:00Z') },
 * ).map((d) => `${d.customerId} ${d.purpose} ${d.dueAt.toISOString().slice(0, 10)}`);
 * //=> ['c-1 account 2025-02-28']
 * ```
 */
export function retentionDue(customers: Iterable<RetentionSubject>, policy: RetentionPolicy, options: { readonly asOf: Date }): RetentionDue[] {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  assert(policy !== null && typeof policy === 'object' && validDays(policy.inactiveDays), 'INVALID_ARGUMENT', { params: { field: 'inactiveDays', rule: 'must be a non-negative number of days' } });
  const purposes = Object.entries(policy.purposes ?? {}) as [ConsentPurpose, number][];
  for (const [purpose, days] of purposes) {
    assert((CONSENT_PURPOSES as readonly string[]).includes(purpose), 'INVALID_ARGUMENT', { params: { field: 'purposes', rule: `must be one of ${CONSENT_PURPOSES.join(', ')}` } });
    assert(validDays(days), 'INVALID_ARGUMENT', { params: { field: 'purposes', rule: 'must be a non-negative number of days' } });
  }
  const out: RetentionDue[] = [];
  for (const c of customers) {
    if (c.legalHold === true) continue;
    const last = c.lastActivityAt ?? c.createdAt;
    assert(isValidDate(last) && isValidDate(c.createdAt), 'INVALID_DATE', { params: { field: 'lastActivityAt' } });
    const inactiveDue = last.getTime() + policy.inactiveDays * MS_PER_DAY;
    if (inactiveDue <= asOf) out.push({ customerId: c.id, purpose: 'account', dueAt: new Date(inactiveDue) });
    if (c.consent === undefined) continue;
    for (const [purpose, days] of purposes) {
      const ended = purposeEnded(c.consent, purpose, asOf);
      if (ended === undefined) continue;
      const due = ended + days * MS_PER_DAY;
      if (due <= asOf) out.push({ customerId: c.id, purpose, dueAt: new Date(due) });
    }
  }
  out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  return out;
}
