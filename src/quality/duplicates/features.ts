import { CrmError } from '../errors';
import { startsWithCalendarDay } from '../../core/time/calendarDay';
import type { Customer } from '../../customer/customer';
import { MAX_CONTACT_POINTS } from '../../customer/limits';
import { isValidResidentId } from '../../validation/checks/residentId';
import { isValidUscc, normalizeUscc } from '../../validation/checks/uscc';
import { toHalfWidth } from '../../validation/normalize/text';
import { normalizeEmail } from '../../validation/normalize/email';
import { phoneParts } from '../../validation/normalize/phone';
import { normalizePostalCode } from '../../validation/normalize/postalCode';
import { chineseNameOf, splitPersonName } from './personName';
import { normalizeName, normalizeOrganizationName, oneEditApart, organizationSite } from './similarity';
import { normalizeStreet } from './streetLine';
import { FNV_OFFSET, fieldHash, fnv2 } from './keyHash';
import { type ContactList, NO_CONTACTS, addContact, anyContactPair, contactCount } from './contactList';
import type { StringCache } from './stringCache';
import { type Column, put } from './column';

/** A column of 32-bit field hashes: a typed array for a batch, a plain array (small integers) where rows are appended. */
export type HashColumn = Int32Array | number[];

/**
 * The normalised fields of every record, column by column, so pairwise scoring reads flat arrays
 * instead of walking customer objects. Empty string means "missing". The text columns are kept in
 * chunks ({@link Column}: read row i with `at`); the hash columns are flat. Columns grow with
 * {@link writeFeatures}, which the incremental index uses too. The fields blocking keys are made
 * of are hashed once, here, so blocking reads integer columns instead of strings.
 */
export interface Features {
  /** Number of rows. */
  count: number;
  readonly ids: Column<string>;
  readonly kind: Column<number>;
  readonly name: Column<string>;
  readonly family: Column<string>;
  readonly given: Column<string>;
  /**
   * What tells namesakes apart: an organisation's site (its branch, `杭州分公司`, `Denver Office`,
   * normalised) or a person's generation (`jr`, `sr`, `iii`); '' for none.
   */
  readonly namesake: Column<string>;
  readonly familyLatin: Column<string>;
  readonly givenLatin: Column<string>;
  /** Normalised (E.164) phones ({@link ContactList}). */
  readonly phones: Column<ContactList>;
  /** The verified ones among them. */
  readonly verifiedPhones: Column<ContactList>;
  /** Normalised emails. */
  readonly emails: Column<ContactList>;
  /** Social and IM handles as `network:handle` ({@link socialKey}). */
  readonly socials: Column<ContactList>;
  readonly postalCode: Column<string>;
  readonly city: Column<string>;
  readonly district: Column<string>;
  readonly street: Column<string>;
  readonly birthDate: Column<string>;
  readonly uscc: Column<string>;
  readonly residentId: Column<string>;
  /** One column per declared identifier attribute, in the order declared. */
  readonly identifiers: Column<string>[];
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

const TEXT_COLUMNS = [
  'ids', 'kind', 'name', 'family', 'given', 'namesake', 'familyLatin', 'givenLatin', 'phones', 'verifiedPhones', 'emails',
  'socials', 'postalCode', 'city', 'district', 'street', 'birthDate', 'uscc', 'residentId',
] as const satisfies readonly (keyof Features)[];

/** The keys of the hash columns of {@link Features}. */
export const HASH_COLUMNS = ['nameHash', 'familyHash', 'givenHash', 'postalHash', 'birthHash', 'streetHash', 'initialHash', 'latinHash'] as const satisfies readonly (keyof Features)[];

/** Every text column of `f` (the declared identifiers' included), for code that treats them alike. */
export function textColumns(f: Features): Column<unknown>[] {
  return [...TEXT_COLUMNS.map((key) => f[key] as Column<unknown>), ...f.identifiers];
}

const NONE_POINTS: Customer['contactPoints'] = [];
// Administrative suffixes dropped from city and district names: 杭州市 / 杭州, 西湖区 / 西湖.
const ADMIN_SUFFIX = /(?:自治州|地区|市|区|县|盟|旗)$/;

// The ISO 8601 texts the customer schema (DateSchema) reads as dates: a calendar date, or a date
// and time to the second with `Z` or an offset (records parsed from JSON carry their dates so).
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** {@link dateKey} of ISO text: a calendar date and a UTC time give their own day; an offset is applied through Date. */
function dateKeyOfText(text: string): string {
  const dateOnly = ISO_DATE.test(text);
  if ((!dateOnly && !ISO_DATE_TIME.test(text)) || !startsWithCalendarDay(text)) return '';
  if (dateOnly || text.endsWith('Z')) return text.slice(0, 4) + text.slice(5, 7) + text.slice(8, 10);
  return dateKey(new Date(text));
}

/**
 * A birth date's matching key, YYYYMMDD of its UTC calendar date ('' when absent or invalid), so
 * one-digit typos can be recognised. A Date, or ISO text as the customer schema accepts it
 * (`1972-10-26`, `1972-10-26T00:00:00.000Z`): a record parsed from JSON keeps its birth date as
 * evidence instead of silently losing it.
 */
function dateKey(value: unknown): string {
  if (typeof value === 'string') return dateKeyOfText(value);
  if (!(value instanceof Date)) return '';
  const t = value.getTime();
  if (Number.isNaN(t)) return '';
  const y = value.getUTCFullYear();
  if (y < 1 || y > 9999) return '';
  return String(y * 10000 + (value.getUTCMonth() + 1) * 100 + value.getUTCDate()).padStart(8, '0');
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
/**
 * Phone lists hold each number's E.164 form, followed, for a number other than a mainland mobile,
 * by its national number marked with how it was written: NO_CODE when the text gave no country
 * code (`#2070202579` for `(020) 7020 2579`, read in the default region, which may be wrong), else
 * GIVEN_CODE (`%2070202579` for `+44 20 7020 2579`). A number without its code agrees with any
 * number of the same national number; two with their codes agree only as E.164. Blocking keys a
 * number on its national number when it has one, so the two forms meet.
 */
export const NO_CODE = '#';
/** See {@link NO_CODE}. */
export const GIVEN_CODE = '%';

/**
 * An extension after a number (`0571-8800 1234转8001`, `分机 8001`, `ext. 8001`, `x8001`, `#8001`):
 * the switchboard's number is what two records share; people at one office are told apart by
 * their names, as colleagues are.
 */
const EXTENSION = /\s*(?:转|轉|分机|分機|ext\.?|x|#)\s*\d{1,6}\s*$/i;

/** Whether a phone list's entry is a national number (marked {@link NO_CODE} or {@link GIVEN_CODE}), not an E.164 form. */
export const isNationalEntry = (entry: string): boolean => entry.startsWith(NO_CODE) || entry.startsWith(GIVEN_CODE);

/**
 * Two phone entries of one length one digit or one swap of neighbouring digits apart: two E.164
 * numbers, or two national numbers however each was written (`312.392.7499` without its code,
 * `+1 312-392-7498` with it), as a number without its code agrees with one with it. An E.164
 * number and a national one are never close.
 */
export function phonesClose(x: string, y: string): boolean {
  if (x.length !== y.length) return false;
  if (x.charCodeAt(0) === y.charCodeAt(0)) return oneEditApart(x, y);
  return isNationalEntry(x) && isNationalEntry(y) && oneEditApart(x.slice(1), y.slice(1));
}

/** Whether any number of list a is {@link phonesClose} to one of list b. */
export const closePhones = (a: ContactList, b: ContactList): boolean => anyContactPair(a, b, phonesClose);
const emailKey = (value: string) => (PLAIN_EMAIL.test(value) ? value : normalizeEmail(value).toLowerCase());

/**
 * A WhatsApp account is a phone number: its digits after an international prefix (`+44 7700
 * 900123`, `0044 7700 900123` and `447700900123` are one account); '' without digits. Not
 * normalizePhone: WhatsApp ids are written with the country code and often without a `+`
 * (`wa.me/447700900123`), which it would read in the default region.
 */
function whatsAppKey(handle: string): string {
  const digits = toHalfWidth(handle).replace(/[^0-9]/g, '').replace(/^00/, '');
  return digits === '' ? '' : `whatsapp:${digits}`;
}

/**
 * A social or IM handle's matching key, `network:handle` ('' when the handle is blank): the
 * handle in half-width lower case without spaces, a leading `@`, or the profile address before it
 * (`@Sandra_W`, `sandra_w` and `https://x.com/Sandra_W/` are one handle: a profile address ends
 * with the handle); a WhatsApp account by its number's digits. Handles of different networks
 * never agree: a WeChat id and a QQ number that look alike belong to different accounts. Linear in
 * the handle's length.
 */
export function socialKey(network: string, handle: string): string {
  if (network === 'whatsapp') return whatsAppKey(handle);
  let h = toHalfWidth(handle).toLowerCase().replace(/\s+/g, '');
  let end = h.length;
  while (end > 0 && h.charCodeAt(end - 1) === 47) end--;
  h = h.slice(h.lastIndexOf('/', end - 1) + 1, end);
  let start = 0;
  while (start < h.length && h.charCodeAt(start) === 64) start++;
  h = h.slice(start);
  return h === '' ? '' : `${network}:${h}`;
}

/** An identifier attribute's matching key: text without separators, lower case ('' when absent). */
function identifierKey(v: unknown): string {
  if (typeof v === 'string') return normalizeName(v);
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v instanceof Date) return dateKey(v);
  return '';
}

/**
 * Checks the shape findDuplicates and the duplicate index read (an object with a string id and
 * display name, contact points as an array when present, of at most the customer model's 200):
 * junk gets a CrmError, not a TypeError. Contact points are compared every one with every one, so
 * the bound is what keeps a pair's comparison short.
 */
export function requireCustomerShape(c: unknown): asserts c is Customer {
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof (c as Customer).id === 'string' &&
    typeof (c as Customer).displayName === 'string' &&
    ((c as Customer).contactPoints === undefined || Array.isArray((c as Customer).contactPoints));
  if (!ok) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'customers', rule: 'must be customers with a string id and displayName' } });
  const points = (c as Customer).contactPoints;
  if (points !== undefined && points.length > MAX_CONTACT_POINTS) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field: 'customers', rule: 'must have at most 200 contact points each' } });
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Empty feature columns: text columns without chunks, hash columns as `hashes` gives them (plain
 * arrays by default, which the index appends to; findDuplicates passes typed arrays).
 */
export function emptyFeatures(defaultRegion: string, identifierKeys: readonly string[], hashes: () => HashColumn = () => []): Features {
  return {
    count: 0,
    ids: [], kind: [], name: [], family: [], given: [], namesake: [], familyLatin: [], givenLatin: [],
    phones: [], verifiedPhones: [], emails: [], socials: [], postalCode: [], city: [], district: [],
    street: [], birthDate: [], uscc: [], residentId: [],
    identifiers: identifierKeys.map(() => []), identifierKeys, defaultRegion,
    nameHash: hashes(), familyHash: hashes(), givenHash: hashes(), postalHash: hashes(), birthHash: hashes(), streetHash: hashes(),
    initialHash: hashes(), latinHash: hashes(),
    customHashes: [],
  };
}

// A generational suffix closing a Western name: John Smith Jr. and John Smith Sr. are two people.
const GENERATION = /[\s,]+(jr|sr|junior|senior|ii|iii|iv)\.?$/i;
const GENERATIONS: Readonly<Record<string, string>> = { junior: 'jr', senior: 'sr' };

/** A person's generational suffix (`jr`, `sr`, `ii`, `iii`, `iv`), '' without one. */
function generationOf(displayName: string): string {
  // the suffix closes the name: reading the last 16 characters keeps the pattern's backtracking bounded
  const m = GENERATION.exec(displayName.trimEnd().slice(-16));
  if (m === null) return '';
  const g = (m[1] as string).toLowerCase();
  return GENERATIONS[g] ?? g;
}

/** `value`, or the copy `strings` keeps of it. */
const keep = (strings: StringCache | undefined, value: string, hash: number) => (strings === undefined ? value : strings.share(value, hash));

/**
 * Normalises one customer into row `i` of the columns (appending when `i` is the length). Values
 * that repeat across records are kept once through `strings` when given.
 */
export function writeFeatures(f: Features, i: number, c: Customer, strings?: StringCache): void {
  const org = c.kind === 'organization';
  put(f.ids, i, c.id);
  put(f.kind, i, org ? 1 : 0);
  const site = org ? organizationSite(text(c.organization?.legalName) ?? c.displayName) : undefined;
  const personName = org ? c.displayName : chineseNameOf(c.displayName);
  const normalName = site !== undefined ? normalizeOrganizationName(site.name) : normalizeName(personName);
  const namesake = site !== undefined ? site.site : generationOf(c.displayName);
  put(f.namesake, i, namesake === '' ? '' : keep(strings, namesake, fieldHash(namesake)));
  const nameHash = fieldHash(normalName);
  const name = keep(strings, normalName, nameHash);
  put(f.name, i, name);
  f.nameHash[i] = nameHash;
  f.initialHash[i] = name ? Math.imul(FNV_OFFSET ^ name.charCodeAt(0), 0x01000193) | 0 || 1 : 0;
  if (org) {
    put(f.family, i, '');
    put(f.given, i, '');
    put(f.familyLatin, i, '');
    put(f.givenLatin, i, '');
    f.familyHash[i] = f.givenHash[i] = f.latinHash[i] = 0;
  } else {
    const parts = splitPersonName(personName, text(c.person?.givenName), text(c.person?.familyName));
    const familyHash = fieldHash(parts.family);
    const givenHash = fieldHash(parts.given);
    put(f.family, i, keep(strings, parts.family, familyHash));
    put(f.given, i, keep(strings, parts.given, givenHash));
    f.familyHash[i] = familyHash;
    f.givenHash[i] = givenHash;
    const x = keep(strings, parts.familyLatin, fieldHash(parts.familyLatin));
    const y = keep(strings, parts.givenLatin, fieldHash(parts.givenLatin));
    put(f.familyLatin, i, x);
    put(f.givenLatin, i, y);
    f.latinHash[i] = x && y ? (x < y ? fnv2(x, y) : fnv2(y, x)) | 0 || 1 : 0;
  }
  let phones = NO_CONTACTS;
  let verified = NO_CONTACTS;
  let emails = NO_CONTACTS;
  let socials = NO_CONTACTS;
  let postal = '';
  let city = '';
  let district = '';
  let street = '';
  let addressSeen = false;
  for (const p of c.contactPoints ?? NONE_POINTS) {
    if (p === null || typeof p !== 'object') continue;
    if ((p.type === 'phone' || p.type === 'email') && typeof p.value !== 'string') continue;
    if (p.type === 'phone') {
      // a mainland mobile in E.164 as stored (most numbers) is its own key and no other country's
      let e164 = p.value;
      let national = '';
      if (!CN_MOBILE_E164.test(e164)) {
        const parts = phoneParts(e164.replace(EXTENSION, ''), f.defaultRegion);
        if (parts === undefined) continue;
        e164 = parts.e164;
        if (parts.national !== '') national = (parts.international ? GIVEN_CODE : NO_CODE) + parts.national;
      }
      phones = addContact(phones, e164);
      if (national !== '') phones = addContact(phones, national);
      if (p.verified === true) verified = addContact(verified, e164);
    } else if (p.type === 'email') {
      // a blank address is no address (it would agree with every other blank one)
      const email = emailKey(p.value);
      if (email !== '') emails = addContact(emails, email);
    } else if (p.type === 'social') {
      if (typeof p.network !== 'string' || typeof p.value !== 'string') continue;
      const handle = socialKey(p.network, p.value);
      if (handle !== '') socials = addContact(socials, handle);
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
  put(f.phones, i, phones);
  // every phone verified: the same list, not a copy
  put(f.verifiedPhones, i, contactCount(verified) === contactCount(phones) ? phones : verified);
  put(f.emails, i, emails);
  put(f.socials, i, socials);
  const postalHash = fieldHash(postal);
  put(f.postalCode, i, keep(strings, postal, postalHash));
  f.postalHash[i] = postalHash;
  put(f.city, i, keep(strings, city, fieldHash(city)));
  put(f.district, i, keep(strings, district, fieldHash(district)));
  put(f.street, i, street);
  f.streetHash[i] = fieldHash(street);
  const birth = dateKey(c.person?.birthDate);
  const birthHash = fieldHash(birth);
  put(f.birthDate, i, keep(strings, birth, birthHash));
  f.birthHash[i] = birthHash;
  const uscc = text(c.organization?.uscc);
  put(f.uscc, i, uscc && isValidUscc(uscc) ? normalizeUscc(uscc) : '');
  const rid = text(c.person?.residentId);
  put(f.residentId, i, rid && isValidResidentId(rid) ? toHalfWidth(rid).trim().toUpperCase() : '');
  const attributes = c.attributes !== null && typeof c.attributes === 'object' ? (c.attributes as Readonly<Record<string, unknown>>) : undefined;
  for (let k = 0; k < f.identifierKeys.length; k++) {
    put(f.identifiers[k] as Column<string>, i, attributes ? identifierKey(attributes[f.identifierKeys[k] as string]) : '');
  }
}
