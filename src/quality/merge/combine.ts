import type { ContactPoint } from '../../customer/contactPoint';
import type { Customer } from '../../customer/customer';
import { normalizeEmail } from '../../validation/normalize/email';
import { normalizePhone } from '../../validation/normalize/phone';
import { normalizePostalCode } from '../../validation/normalize/postalCode';
import { normalizeText } from '../../validation/normalize/text';
import { requireObject } from '../../core/guards';

/**
 * The identity of a contact point after normalisation: two points with the same key are the same
 * phone, email, handle or address.
 *
 * @param point - a contact point
 * @param defaultRegion - region for phones without a country code, default `CN`
 * @returns the key
 *
 * @throws {CrmError} `INVALID_ARGUMENT` when `point` is not an object
 *
 * @example
 * ```ts
 * import { contactPointKey } from 'crmkit/quality';
 * contactPointKey({ type: 'phone', value: '138 1234 5678' }) === contactPointKey({ type: 'phone', value: '+8613812345678' });
 * //=> true
 * ```
 */
export function contactPointKey(point: ContactPoint, defaultRegion = 'CN'): string {
  requireObject(point, 'point');
  switch (point.type) {
    case 'phone':
      return `phone:${normalizePhone(point.value, { defaultRegion }) ?? normalizeText(point.value)}`;
    case 'email':
      // normalizeEmail keeps the local part as typed (it may be case-sensitive, RFC 5321 2.4), so
      // Wang@x.com and wang@x.com are two points and both survive a merge.
      return `email:${normalizeEmail(point.value)}`;
    case 'social':
      return `social:${point.network}:${normalizeText(point.value)}`;
    case 'address':
      return `address:${point.country.toUpperCase()}:${normalizeText(point.line1)}:${normalizeText(point.line2 ?? '')}:${normalizePostalCode(point.postalCode ?? '', point.country.toUpperCase())}`;
  }
}

/**
 * Union of contact points over records in the given order: the first occurrence of each key is
 * kept (its value and label), `verified` if any copy was verified, and at most one `primary` per
 * type (the first one flagged).
 */
export function unionContactPoints(records: readonly Customer[], defaultRegion: string): ContactPoint[] {
  const out: ContactPoint[] = [];
  const at = new Map<string, number>();
  const primaryTaken = new Set<string>();
  for (const c of records) {
    for (const p of c.contactPoints) {
      const key = contactPointKey(p, defaultRegion);
      const i = at.get(key);
      if (i === undefined) {
        const { primary, ...rest } = p;
        const keepPrimary = primary === true && !primaryTaken.has(p.type);
        if (keepPrimary) primaryTaken.add(p.type);
        at.set(key, out.length);
        out.push((keepPrimary ? { ...rest, primary: true } : rest) as ContactPoint);
      } else if ('verified' in p && p.verified === true) {
        out[i] = { ...(out[i] as ContactPoint), verified: true } as ContactPoint;
      }
    }
  }
  return out;
}

/** Union of string lists, first-seen order. */
export function unionStrings(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}

/** Union of records' keys; on conflict the value of the earlier record (most recent first) wins. */
export function unionRecords<V>(records: readonly Readonly<Record<string, V>>[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (let i = records.length - 1; i >= 0; i--) {
    for (const [k, v] of Object.entries(records[i] as Record<string, V>)) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Consent per channel: the latest decision wins; on equal time a withdrawal wins over a grant. */
export function mergeConsent(records: readonly Customer[]): Customer['consent'] {
  const out: Record<string, NonNullable<Customer['consent'][keyof Customer['consent']]>> = {};
  for (const c of records) {
    for (const [channel, consent] of Object.entries(c.consent)) {
      if (!consent) continue;
      const cur = out[channel];
      const t = consent.updatedAt.getTime();
      if (!cur || t > cur.updatedAt.getTime() || (t === cur.updatedAt.getTime() && cur.granted && !consent.granted)) out[channel] = consent;
    }
  }
  return out as Customer['consent'];
}

/** Fills the fields missing in `first` from the later objects, in order. */
export function fillGaps<T extends object>(objects: readonly (T | undefined)[]): T | undefined {
  let out: Record<string, unknown> | undefined;
  for (const o of objects) {
    if (!o) continue;
    out ??= {};
    for (const [k, v] of Object.entries(o)) if (out[k] === undefined && v !== undefined) out[k] = v;
  }
  return out as T | undefined;
}

/** Union of items by `id`, first occurrence kept. */
export function unionById<T extends { readonly id: string }>(lists: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const list of lists) {
    for (const x of list) {
      if (seen.has(x.id)) continue;
      seen.add(x.id);
      out.push(x);
    }
  }
  return out;
}
