import { CrmError } from '../errors';
import type { Customer } from '../../customer/customer';
import { isValidResidentId } from '../../validation/checks/residentId';
import { isValidUscc, normalizeUscc } from '../../validation/checks/uscc';
import { toHalfWidth } from '../../validation/normalize/text';
import { normalizeEmail } from '../../validation/normalize/email';
import { normalizePhone } from '../../validation/normalize/phone';
import { normalizePostalCode } from '../../validation/normalize/postalCode';
import { splitPersonName } from './personName';
import { normalizeName, normalizeOrganizationName } from './similarity';
import { normalizeStreet } from './streetLine';
import { FNV_OFFSET, fieldHash, fnv2 } from './keyHash';

/** A column of 32-bit field hashes: a typed array for a batch, a plain array (small integers) where rows are appended. */
export type HashColumn = Int32Array | number[];

/**
 * The normalised fields of every record, column by column, so pairwise scoring reads flat arrays
 * instead of walking customer objects. Empty string or empty array means "missing". Columns grow
 * with {@link writeFeatures}, which the incremental index uses too. The fields blocking keys are
 * made of are hashed once, here, so blocking reads integer columns instead of strings.
 */
export interface Features {
  readonly ids: string[];
  readonly kind: number[];
  readonly name: string[];
  readonly family: string[];
  readonly given: string[];
  readonly familyLatin: string[];
  readonly givenLatin: string[];
  readonly phones: (readonly string[])[];
  readonly verifiedPhones: (readonly string[])[];
  readonly emails: (readonly string[])[];
  readonly postalCode: string[];
  readonly city: string[];
  readonly district: string[];
  readonly street: string[];
  readonly birthDate: string[];
  readonly uscc: string[];
  readonly residentId: string[];
  /** One column per declared identifier attribute, in the order declared. */
  readonly identifiers: string[][];
  readonly identifierKeys: readonly string[];
  readonly defaultRegion: string;
  /** {@link fieldHash} of name, family, given, postal code, birth date, street; 0 when missing. */
  readonly nameHash: HashColumn;
  readonly familyHash: HashColumn;
  readonly givenHash: HashColumn;
  readonly postalHash: HashColumn;
  readonly birthHash: HashColumn;
  readonly streetHash: HashColumn;
  /** Hash of the name's first character, for `postalCodeInitial`. */
  readonly initialHash: HashColumn;
  /** Hash of family and given name in Latin letters in either order, for `nameLatin`. */
  readonly latinHash: HashColumn;
  /**
   * One list per custom blocking key, its keys' hashes flat as `row, hash` pairs: computed while
   * the record is at hand, so blocking does not need the records.
   */
  readonly customHashes: number[][];
}

const NONE: readonly string[] = [];
const NONE_POINTS: Customer['contactPoints'] = [];
// Administrative suffixes dropped from city and district names: 杭州市 / 杭州, 西湖区 / 西湖.
const ADMIN_SUFFIX = /(?:自治州|地区|市|区|县|盟|旗)$/;

/** A date as `YYYYMMDD` in UTC ('' when absent or invalid), so one-digit typos can be recognised. */
function dateKey(d: unknown): string {
  if (!(d instanceof Date)) return '';
  const t = d.getTime();
  if (Number.isNaN(t)) return '';
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return '';
  return String(y * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate()).padStart(8, '0');
}

// The last characters of ADMIN_SUFFIX's alternatives: a name ending otherwise needs no replace.
const SUFFIX_ENDS = new Set([...'州区市县盟旗'].map((c) => c.charCodeAt(0)));

function place(s: string | undefined): string {
  if (!s) return '';
  const n = normalizeName(s);
  return SUFFIX_ENDS.has(n.charCodeAt(n.length - 1)) ? n.replace(ADMIN_SUFFIX, '') : n;
}

// Fast paths for values already in normal form, which most stored values are: they skip the
// normaliser's checks and copies and give what it would (the value itself). A mainland mobile in
// E.164 is returned as is by normalizePhone; an email of lower-case ASCII letters, digits and
// `._%+-`, with no space, is unchanged by normalizeEmail and by toLowerCase.
const CN_MOBILE_E164 = /^\+861[3-9]\d{9}$/;
const PLAIN_EMAIL = /^[a-z0-9._%+-]+@[a-z0-9.-]+$/;
const phoneKey = (value: string, defaultRegion: string) => (CN_MOBILE_E164.test(value) ? value : normalizePhone(value, { defaultRegion }));
const emailKey = (value: string) => (PLAIN_EMAIL.test(value) ? value : normalizeEmail(value).toLowerCase());

/** An identifier attribute's matching key: text without separators, lower case ('' when absent). */
function identifierKey(v: unknown): string {
  if (typeof v === 'string') return normalizeName(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v instanceof Date) return dateKey(v);
  return '';
}

/**
 * Checks the shape findDuplicates and the duplicate index read (an object with a string id and
 * display name, contact points as an array when present): junk gets a CrmError, not a TypeError.
 */
export function requireCustomerShape(c: unknown): asserts c is Customer {
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof (c as Customer).id === 'string' &&
    typeof (c as Customer).displayName === 'string' &&
    ((c as Customer).contactPoints === undefined || Array.isArray((c as Customer).contactPoints));
  if (!ok) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'customers', rule: 'must be customers with a string id and displayName' } });
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Feature columns for records to be appended, or sized for `rows` records written in place: the
 * columns are a large share of the search's memory (17 pointers a record), and growing them by
 * appending leaves up to half of each unused.
 */
export function emptyFeatures(defaultRegion: string, identifierKeys: readonly string[], rows = 0): Features {
  const column = <T>(): T[] => (rows === 0 ? [] : new Array<T>(rows));
  const hashes = (): HashColumn => (rows === 0 ? [] : new Int32Array(rows));
  return {
    ids: column(), kind: column(), name: column(), family: column(), given: column(), familyLatin: column(), givenLatin: column(),
    phones: column(), verifiedPhones: column(), emails: column(), postalCode: column(), city: column(), district: column(),
    street: column(), birthDate: column(), uscc: column(), residentId: column(),
    identifiers: identifierKeys.map(() => column()), identifierKeys, defaultRegion,
    nameHash: hashes(), familyHash: hashes(), givenHash: hashes(), postalHash: hashes(), birthHash: hashes(), streetHash: hashes(),
    initialHash: hashes(), latinHash: hashes(),
    customHashes: [],
  };
}

/**
 * `list` with `s` added. A one-element list starts as a literal: `[].push(s)` would reserve 17
 * slots, retained per record for the whole search.
 */
const append = (list: string[] | undefined, s: string): string[] => {
  if (list === undefined) return [s];
  list.push(s);
  return list;
};

/** Normalises one customer into row `i` of the columns (appending when `i` is the length). */
export function writeFeatures(f: Features, i: number, c: Customer): void {
  const org = c.kind === 'organization';
  f.ids[i] = c.id;
  f.kind[i] = org ? 1 : 0;
  const name = org ? normalizeOrganizationName(text(c.organization?.legalName) ?? c.displayName) : normalizeName(c.displayName);
  f.name[i] = name;
  if (org) {
    f.family[i] = f.given[i] = f.familyLatin[i] = f.givenLatin[i] = '';
  } else {
    const parts = splitPersonName(c.displayName, text(c.person?.givenName), text(c.person?.familyName));
    f.family[i] = parts.family;
    f.given[i] = parts.given;
    f.familyLatin[i] = parts.familyLatin;
    f.givenLatin[i] = parts.givenLatin;
  }
  let phones: string[] | undefined;
  let verified: string[] | undefined;
  let emails: string[] | undefined;
  let postal = '';
  let city = '';
  let district = '';
  let street = '';
  let addressSeen = false;
  for (const p of c.contactPoints ?? NONE_POINTS) {
    if (p === null || typeof p !== 'object') continue;
    if ((p.type === 'phone' || p.type === 'email') && typeof p.value !== 'string') continue;
    if (p.type === 'phone') {
      const e164 = phoneKey(p.value, f.defaultRegion);
      if (e164 === undefined) continue;
      phones = append(phones, e164);
      if (p.verified === true) verified = append(verified, e164);
    } else if (p.type === 'email') {
      emails = append(emails, emailKey(p.value));
    } else if (p.type === 'address') {
      const country = typeof p.country === 'string' ? p.country.toUpperCase() : '';
      if (postal === '' && typeof p.postalCode === 'string' && p.postalCode) postal = normalizePostalCode(p.postalCode, country);
      if (!addressSeen) {
        addressSeen = true;
        city = place(text(p.city));
        district = place(text(p.district));
        street = typeof p.line1 === 'string' ? normalizeStreet(p.line1) : '';
      }
    }
  }
  f.phones[i] = phones ?? NONE;
  // every phone verified (most records with a verified phone have that one alone): the same list, not a copy
  f.verifiedPhones[i] = verified === undefined ? NONE : verified.length === phones?.length ? phones : verified;
  f.emails[i] = emails ?? NONE;
  f.postalCode[i] = postal;
  f.city[i] = city;
  f.district[i] = district;
  f.street[i] = street;
  const birth = dateKey(c.person?.birthDate);
  f.birthDate[i] = birth;
  writeHashes(f, i, name, postal, birth, street);
  const uscc = text(c.organization?.uscc);
  f.uscc[i] = uscc && isValidUscc(uscc) ? normalizeUscc(uscc) : '';
  const rid = text(c.person?.residentId);
  f.residentId[i] = rid && isValidResidentId(rid) ? toHalfWidth(rid).trim().toUpperCase() : '';
  const attributes = c.attributes !== null && typeof c.attributes === 'object' ? (c.attributes as Readonly<Record<string, unknown>>) : undefined;
  for (let k = 0; k < f.identifierKeys.length; k++) {
    (f.identifiers[k] as string[])[i] = attributes ? identifierKey(attributes[f.identifierKeys[k] as string]) : '';
  }
}

/** The hashes blocking reads (builtInKeys in blocking.ts), written while the strings are at hand. */
function writeHashes(f: Features, i: number, name: string, postal: string, birth: string, street: string): void {
  f.nameHash[i] = fieldHash(name);
  f.familyHash[i] = fieldHash(f.family[i] as string);
  f.givenHash[i] = fieldHash(f.given[i] as string);
  f.postalHash[i] = fieldHash(postal);
  f.birthHash[i] = fieldHash(birth);
  f.streetHash[i] = fieldHash(street);
  f.initialHash[i] = name ? Math.imul(FNV_OFFSET ^ name.charCodeAt(0), 0x01000193) | 0 || 1 : 0;
  const x = f.familyLatin[i] as string;
  const y = f.givenLatin[i] as string;
  f.latinHash[i] = x && y ? (x < y ? fnv2(x, y) : fnv2(y, x)) | 0 || 1 : 0;
}
