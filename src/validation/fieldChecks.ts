import type { Locale } from '../core/locales';
import { isEmail } from './checks/email';
import { isValidE164 } from './checks/phone';
import { isCnPostalCode } from './checks/postalCode';
import { isValidResidentId } from './checks/residentId';
import { isValidUscc } from './checks/uscc';
import { type ValidationIssue, type ValidationIssueCode, unreadableIssue, validationMessage } from './issue';
import { normalizePhone } from './normalize/phone';

/**
 * Options shared by validation and normalisation of customers.
 *
 * @example
 * ```ts
 * const options: FieldCheckOptions = { defaultRegion: 'CN', locale: 'zh-CN' };
 * ```
 */
export interface FieldCheckOptions {
  /** Region for phone numbers without a country code. Default `CN`. */
  readonly defaultRegion?: string;
  /** Message locale. Default `en`. */
  readonly locale?: Locale;
  /** Resident ids with a birth date after this are invalid; omitted, no future check. */
  readonly asOf?: Date;
}

const RESERVED = ['__proto__', 'constructor', 'prototype'];
type Path = readonly PropertyKey[];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): v is string => typeof v === 'string';

/** Checks a phone, email or social handle; returns its de-duplication key. */
/** The issue code for a phone or email that cannot be reached, or undefined; `key` gets its identity. */
function unreachable(type: unknown, value: string, o: FieldCheckOptions, key: { value: string }): ValidationIssueCode | undefined {
  if (type === 'phone') {
    const e164 = normalizePhone(value, o);
    key.value = `phone:${e164 ?? value}`;
    if (e164 !== undefined && isValidE164(e164, o)) return undefined;
    return e164?.startsWith('+861') || /^\s*1\d{10}\s*$/.test(value) ? 'cn_mobile' : 'phone';
  }
  if (type === 'email') {
    key.value = `email:${value.trim().toLowerCase()}`;
    return isEmail(value) ? undefined : 'email';
  }
  key.value = `${String(type)}:${value.trim()}`;
  return undefined;
}

/** Adds one issue; paths are built only here, since valid records are the common case. */
function report(out: ValidationIssue[], locale: Locale, code: ValidationIssueCode, where: readonly PropertyKey[]): void {
  out.push({ path: where, code, message: validationMessage(code, where, locale) });
}

/** The identity of the contact point last checked (one per call chain; checks are synchronous). */
const key = { value: '' };

function checkContactPoints(points: unknown, path: Path, o: FieldCheckOptions, out: ValidationIssue[]): void {
  if (!Array.isArray(points)) return;
  const locale = o.locale ?? 'en';
  // Up to a handful of contact points: a linear scan beats building a Set.
  const seen: string[] = [];
  for (let i = 0; i < points.length; i++) {
    const p: unknown = points[i];
    if (!isObject(p)) continue;
    if (p.type === 'address') {
      if (p.country === 'CN' && str(p.postalCode) && !isCnPostalCode(p.postalCode)) report(out, locale, 'postal_code', [...path, i, 'postalCode']);
      key.value = `address:${String(p.country)}\u0000${String(p.line1)}\u0000${String(p.postalCode)}`;
    } else if (str(p.value)) {
      const code = unreachable(p.type, p.value, o, key);
      if (code !== undefined) report(out, locale, code, [...path, i, 'value']);
    } else {
      continue;
    }
    if (seen.includes(key.value)) report(out, locale, 'duplicate_contact', [...path, i]);
    else seen.push(key.value);
  }
}

/**
 * Runs crmkit's built-in field rules (phone, mainland mobile, email, postal code, USCC, resident id,
 * duplicate contact points) over a customer-shaped value. Tolerates malformed input: parts that are
 * not of the expected shape are skipped here (the schema reports them). Never throws: when reading
 * the input throws (a getter, a Proxy), the one issue reported is `unreadable`.
 *
 * @param input - a customer or customer input, possibly malformed
 * @param options - {@link FieldCheckOptions}
 * @returns the issues found (empty when none)
 *
 * @example
 * ```ts
 * import { checkCustomerFields } from 'crmkit/validation';
 * checkCustomerFields({ contactPoints: [{ type: 'email', value: 'nope' }] }).map((i) => i.code);
 * //=> ['email']
 * ```
 */
export function checkCustomerFields(input: unknown, options: FieldCheckOptions = {}): ValidationIssue[] {
  try {
    return checkFields(input, options ?? {});
  } catch {
    // A getter or Proxy of the input threw: reported, as every other problem of the input is.
    return [unreadableIssue(options?.locale)];
  }
}

function checkFields(input: unknown, options: FieldCheckOptions): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!isObject(input)) return out;
  const locale = options.locale ?? 'en';
  checkContactPoints(input.contactPoints, ['contactPoints'], options, out);
  for (const field of ['attributes', 'externalIds']) {
    const record = input[field];
    if (isObject(record) && RESERVED.some((k) => Object.hasOwn(record, k))) {
      out.push({ path: [field], code: 'reserved_key', message: validationMessage('reserved_key', [field], locale) });
    }
  }
  const person = input.person;
  if (isObject(person) && str(person.residentId) && !isValidResidentId(person.residentId, options)) {
    const at = ['person', 'residentId'];
    out.push({ path: at, code: 'resident_id', message: validationMessage('resident_id', at, locale) });
  }
  const org = input.organization;
  if (isObject(org)) {
    if (str(org.uscc) && !isValidUscc(org.uscc)) {
      const at = ['organization', 'uscc'];
      out.push({ path: at, code: 'uscc', message: validationMessage('uscc', at, locale) });
    }
    if (Array.isArray(org.contacts)) {
      org.contacts.forEach((c: unknown, i) => {
        if (isObject(c)) checkContactPoints(c.contactPoints, ['organization', 'contacts', i, 'contactPoints'], options, out);
      });
    }
  }
  return out;
}
