import { assert } from '../errors';
import { requireDate } from '../../core/time';
import { CONSENT_CHANNELS, type ConsentChannel } from '../../customer/consentChannels';
import type { ConsentGrant, ConsentRecord } from './consentRecord';
import { CONSENT_PURPOSES, type ConsentPurpose, SEPARATE_CONSENT_PURPOSES } from './purposes';

/**
 * Why {@link consentStatus} answered as it did: `consented` (a consent covers it), `lawful-basis`
 * (a grant on another basis than consent, such as a contract), `withdrawn`, `expired`,
 * `separate-consent-required` (an ordinary consent for a purpose that needs separate consent) or
 * `no-record` (nothing covers it yet). See `consentReasonText` for the words in en and zh-CN.
 *
 * @example
 * ```ts
 * const r: ConsentReason = 'withdrawn';
 * ```
 */
export type ConsentReason = 'consented' | 'lawful-basis' | 'withdrawn' | 'expired' | 'separate-consent-required' | 'no-record';

/**
 * The answer of {@link consentStatus}: may we, why, and the history entry that decided it (null
 * when none did).
 *
 * @example
 * ```ts
 * const s: ConsentStatus = { allowed: false, reason: 'no-record', record: null };
 * ```
 */
export interface ConsentStatus {
  readonly allowed: boolean;
  readonly reason: ConsentReason;
  readonly record: ConsentRecord | null;
}

/**
 * Options of {@link consentStatus}: the channel and purpose asked about and the instant `asOf`.
 *
 * @example
 * ```ts
 * const q: ConsentQuery = { channel: 'sms', purpose: 'marketing', asOf: new Date('2026-03-01T00:00:00Z') };
 * ```
 */
export interface ConsentQuery {
  readonly channel: ConsentChannel;
  readonly purpose: ConsentPurpose;
  readonly asOf: Date;
}

const CHANNELS: ReadonlySet<string> = /* @__PURE__ */ new Set(CONSENT_CHANNELS);
const PURPOSES: ReadonlySet<string> = /* @__PURE__ */ new Set(CONSENT_PURPOSES);
const CONSENT_BASES: ReadonlySet<string> = /* @__PURE__ */ new Set(['consent', 'separate-consent']);

const timeOf = (r: ConsentRecord): number => (r.action === 'grant' ? r.givenAt : r.withdrawnAt).getTime();

/** The decision for already-checked arguments; `records` must be an array. */
export function decideConsent(records: readonly ConsentRecord[], channel: string, purpose: string, asOf: number): ConsentStatus {
  let latest: ConsentRecord | undefined;
  let latestAt = -Infinity;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (r === undefined || (r.channel !== channel && r.channel !== 'all') || (r.purpose !== purpose && r.purpose !== 'all')) continue;
    const at = timeOf(r);
    if (!(at <= asOf)) continue;
    // Later wins; at the same instant a withdrawal wins over a grant, then the greater id (so the
    // SQL of consentSql, ordered the same way, agrees).
    if (at > latestAt || (at === latestAt && latest !== undefined && beats(r, latest))) {
      latest = r;
      latestAt = at;
    }
  }
  if (latest === undefined) return { allowed: false, reason: 'no-record', record: null };
  if (latest.action === 'withdraw') return { allowed: false, reason: 'withdrawn', record: latest };
  return grantStatus(latest, purpose, asOf);
}

function beats(r: ConsentRecord, than: ConsentRecord): boolean {
  if (r.action !== than.action) return r.action === 'withdraw';
  return r.id > than.id;
}

function grantStatus(g: ConsentGrant, purpose: string, asOf: number): ConsentStatus {
  if (g.expiresAt !== undefined && g.expiresAt.getTime() <= asOf) return { allowed: false, reason: 'expired', record: g };
  if (g.lawfulBasis === 'consent' && SEPARATE_CONSENT_PURPOSES.has(purpose as ConsentPurpose)) {
    return { allowed: false, reason: 'separate-consent-required', record: g };
  }
  return { allowed: true, reason: CONSENT_BASES.has(g.lawfulBasis) ? 'consented' : 'lawful-basis', record: g };
}

/** Checks a channel and a purpose argument (without echoing the value). */
export function requireChannelAndPurpose(channel: unknown, purpose: unknown): void {
  assert(typeof channel === 'string' && CHANNELS.has(channel), 'INVALID_ARGUMENT', { params: { field: 'channel', rule: `must be one of ${CONSENT_CHANNELS.join(', ')}` } });
  assert(typeof purpose === 'string' && PURPOSES.has(purpose), 'INVALID_ARGUMENT', { params: { field: 'purpose', rule: `must be one of ${CONSENT_PURPOSES.join(', ')}` } });
}

/**
 * May we process for `purpose` on `channel` at `asOf`, and why. The latest entry of the history at
 * or before `asOf` that covers the pair (its channel or `all`, its purpose or `all`) decides; at the
 * same instant a withdrawal beats a grant (then the greater id wins). A grant allows unless it has expired, or it is an
 * ordinary `consent` for a purpose that needs separate consent (third-party sharing, cross-border
 * transfer: PIPL arts. 23 and 39). Entries after `asOf` are ignored, so the answer for a past
 * instant is what it was then.
 *
 * @param records - the customer's consent history (any order)
 * @param query - `channel`, `purpose`, `asOf`; see {@link ConsentQuery}
 * @returns `{ allowed, reason, record }`; see {@link ConsentStatus}
 * @throws {CrmError} `INVALID_ARGUMENT` for an unknown channel or purpose or a non-array history;
 *   `INVALID_DATE` for a bad `asOf`
 *
 * @example
 * ```ts
 * import { consentStatus } from 'crmkit/privacy';
 * const d = (s: string) => new Date(s);
 * const records = [
 *   { id: 'k-1', customerId: 'c-1', channel: 'sms', purpose: 'marketing', action: 'grant', lawfulBasis: 'consent',
 *     givenAt: d('2026-01-05T09:00:00Z'), method: 'checkbox', policyVersion: '2026-01' },
 *   { id: 'k-2', customerId: 'c-1', channel: 'all', purpose: 'all', action: 'withdraw',
 *     withdrawnAt: d('2026-02-01T00:00:00Z'), method: 'in-app' },
 * ] as const;
 * consentStatus(records, { channel: 'sms', purpose: 'marketing', asOf: d('2026-01-20T00:00:00Z') }).reason;
 * //=> 'consented'
 * consentStatus(records, { channel: 'sms', purpose: 'marketing', asOf: d('2026-03-01T00:00:00Z') }).reason;
 * //=> 'withdrawn'
 * ```
 */
export function consentStatus(records: readonly ConsentRecord[], query: ConsentQuery): ConsentStatus {
  assert(Array.isArray(records), 'INVALID_ARGUMENT', { params: { field: 'records', rule: 'must be an array' } });
  requireChannelAndPurpose(query?.channel, query?.purpose);
  const asOf = requireDate(query.asOf, 'asOf').getTime();
  return decideConsent(records, query.channel, query.purpose, asOf);
}
