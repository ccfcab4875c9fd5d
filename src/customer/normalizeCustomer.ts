import type { ContactPoint } from './contactPoint';
import type { CustomerInput } from './customer';
import type { Organization } from './organization';
import { normalizeUscc } from '../validation/checks/uscc';
import { normalizeEmail } from '../validation/normalize/email';
import { type PhoneOptions, normalizePhone } from '../validation/normalize/phone';
import { normalizePostalCode } from '../validation/normalize/postalCode';
import { normalizeTags, normalizeText, toHalfWidth } from '../validation/normalize/text';
import { requireObject, requireString } from '../core/guards';

/**
 * Normalises one contact point: phones to E.164 (kept as typed when unparseable, so validation can
 * flag them), emails with lower-case domains, postal codes, and text tidied.
 *
 * @param point - the contact point
 * @param options - {@link PhoneOptions}
 * @returns a new, normalised contact point
 * @throws {CrmError} `INVALID_ARGUMENT` for a point that is not an object or whose text fields are not strings
 *
 * @example
 * ```ts
 * import { normalizeContactPoint } from 'crmkit/customer';
 * normalizeContactPoint({ type: 'phone', value: '138-1234-5678' }).value;
 * //=> '+8613812345678'
 * ```
 */
export function normalizeContactPoint<T extends ContactPoint>(point: T, options: PhoneOptions = {}): T {
  requireObject(point, 'point');
  switch (point.type) {
    case 'phone':
      return { ...point, value: normalizePhone(point.value, options) ?? normalizeText(point.value) };
    case 'email':
      return { ...point, value: normalizeEmail(point.value) };
    case 'social':
      return { ...point, value: normalizeText(point.value) };
    case 'address':
      return {
        ...point,
        country: requireString(point.country, 'country').toUpperCase(),
        line1: normalizeText(point.line1),
        ...(point.line2 !== undefined && { line2: normalizeText(point.line2) }),
        ...(point.postalCode !== undefined && { postalCode: normalizePostalCode(point.postalCode, point.country.toUpperCase()) }),
      };
    default:
      return point;
  }
}

function normalizeOrganization(org: Organization, options: PhoneOptions): Organization {
  return {
    ...org,
    legalName: normalizeText(org.legalName),
    ...(org.uscc !== undefined && { uscc: normalizeUscc(org.uscc) }),
    contacts: org.contacts.map((c) => ({
      ...c,
      name: normalizeText(c.name),
      contactPoints: c.contactPoints.map((p) => normalizeContactPoint(p, options)),
    })),
  };
}

/** The given optional string fields, trimmed (only those present). */
/**
 * The parsed customer input that {@link normalizeCustomer} works on (defaults applied).
 *
 * @example
 * ```ts
 * const n = (c: NormalizableCustomer) => c.displayName;
 * ```
 */
export type NormalizableCustomer = Omit<CustomerInput, 'contactPoints' | 'tags' | 'organization'> & {
  contactPoints: ContactPoint[];
  tags: string[];
  organization?: Organization | undefined;
};

/**
 * Normalises a parsed customer: names tidied (half-width, single spaces), ids and owner/team trimmed,
 * contact points normalised,
 * tags canonical and unique, USCC and resident id in canonical form. Idempotent.
 *
 * @param customer - a parsed customer (or input with defaults applied)
 * @param options - {@link PhoneOptions}
 * @returns a new, normalised customer
 *
 * @throws {CrmError} `INVALID_ARGUMENT` when `customer` is not an object
 *
 * @example
 * ```ts
 * import { normalizeCustomer } from 'crmkit/customer';
 * normalizeCustomer({ kind: 'person', displayName: ' 李　雷 ', contactPoints: [], tags: ['VIP'] }).tags;
 * //=> ['vip']
 * ```
 */
export function normalizeCustomer<T extends NormalizableCustomer>(customer: T, options: PhoneOptions = {}): T {
  requireObject(customer, 'customer');
  // Copy once and overwrite keys in place: the copy keeps one shape (a spread of computed keys
  // would turn it into a slow dictionary object for every later reader).
  const out: Record<string, unknown> = { ...customer };
  out.displayName = normalizeText(customer.displayName);
  for (const key of TRIMMED) {
    const v = out[key];
    if (typeof v === 'string') out[key] = v.trim();
  }
  out.contactPoints = customer.contactPoints.map((p) => normalizeContactPoint(p, options));
  out.tags = normalizeTags(customer.tags);
  if (customer.person?.residentId !== undefined) {
    out.person = { ...customer.person, residentId: toHalfWidth(customer.person.residentId).trim().toUpperCase() };
  }
  if (customer.organization !== undefined) out.organization = normalizeOrganization(customer.organization, options);
  return out as T;
}

const TRIMMED = ['id', 'ownerId', 'teamId', 'source', 'acquisitionChannel', 'lifecycleStage'] as const;
