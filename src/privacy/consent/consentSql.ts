import { CrmError } from '../errors';
import { requireDate } from '../../core/time';
import type { ConsentRecord } from './consentRecord';
import { SEPARATE_CONSENT_PURPOSES, type ConsentPurpose } from './purposes';

/**
 * One row of the consent table that `toSql` reads when given `consent` (PostgreSQL types in
 * brackets): `id` (text), `customer_id` (text), `channel` (text), `purpose` (text), `action` (text:
 * grant or withdraw), `at` (timestamptz: given or withdrawn at), `lawful_basis` (text, null for
 * withdrawals), `expires_at` (timestamptz, null when open-ended). Build rows with
 * {@link consentRecordRow}.
 *
 * @example
 * ```ts
 * const row: ConsentRow = { id: 'k-1', customer_id: 'c-1', channel: 'sms', purpose: 'marketing', action: 'grant',
 *   at: new Date('2026-01-05T09:00:00Z'), lawful_basis: 'consent', expires_at: null };
 * ```
 */
export interface ConsentRow {
  readonly id: string;
  readonly customer_id: string;
  readonly channel: string;
  readonly purpose: string;
  readonly action: 'grant' | 'withdraw';
  readonly at: Date;
  readonly lawful_basis: string | null;
  readonly expires_at: Date | null;
}

/**
 * A consent record as a row of the consent table `toSql` reads (see {@link ConsentRow}).
 *
 * @param record - a consent record
 * @returns the row
 *
 * @example
 * ```ts
 * import { consentRecordRow } from 'crmkit/privacy';
 * consentRecordRow({ id: 'k-2', customerId: 'c-1', channel: 'all', purpose: 'all', action: 'withdraw',
 *   withdrawnAt: new Date('2026-02-01T00:00:00Z'), method: 'in-app' }).lawful_basis;
 * //=> null
 * ```
 */
export function consentRecordRow(record: ConsentRecord): ConsentRow {
  if (record === null || typeof record !== 'object' || (record.action !== 'grant' && record.action !== 'withdraw')) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'record', rule: 'must be a consent record' } });
  }
  const grant = record.action === 'grant';
  requireDate(grant ? record.givenAt : record.withdrawnAt, grant ? 'record.givenAt' : 'record.withdrawnAt');
  if (grant && record.expiresAt !== undefined) requireDate(record.expiresAt, 'record.expiresAt');
  return {
    id: record.id,
    customer_id: record.customerId,
    channel: record.channel,
    purpose: record.purpose,
    action: record.action,
    at: new Date((grant ? record.givenAt : record.withdrawnAt).getTime()),
    lawful_basis: grant ? record.lawfulBasis : null,
    expires_at: grant && record.expiresAt !== undefined ? new Date(record.expiresAt.getTime()) : null,
  };
}

/**
 * The PostgreSQL boolean expression for "may we contact on `channel` for `purpose` at `asOf`",
 * the same decision as `consentStatus`: the latest covering row at or before `asOf` (a withdrawal
 * first at a tie, then the greater id), for customers with any row; `fallback` (the old flag
 * column) for customers with none. `param` binds a value and returns its placeholder.
 *
 * @internal
 */
export function consentSql(x: {
  readonly table: string;
  readonly customerId: string;
  readonly channel: string;
  readonly purpose: ConsentPurpose;
  readonly asOf: Date;
  readonly fallback: string;
  readonly param: (value: unknown, cast: string) => string;
}): string {
  const at = x.param(x.asOf.toISOString(), 'timestamptz');
  const ch = x.param(x.channel, 'text');
  const p = x.param(x.purpose, 'text');
  const separate = SEPARATE_CONSENT_PURPOSES.has(x.purpose) ? ` AND r.lawful_basis IS DISTINCT FROM 'consent'` : '';
  const latest =
    `(SELECT r.action = 'grant' AND (r.expires_at IS NULL OR r.expires_at > ${at})${separate} FROM ${x.table} r ` +
    `WHERE r.customer_id = ${x.customerId} AND (r.channel = ${ch} OR r.channel = 'all') AND (r.purpose = ${p} OR r.purpose = 'all') AND r.at <= ${at} ` +
    `ORDER BY r.at DESC, (r.action = 'withdraw') DESC, r.id COLLATE "C" DESC LIMIT 1)`;
  return `(CASE WHEN EXISTS (SELECT 1 FROM ${x.table} r WHERE r.customer_id = ${x.customerId}) THEN COALESCE(${latest}, FALSE) ELSE ${x.fallback} END)`;
}
