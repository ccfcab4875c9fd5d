import { assert } from '../errors';
import { requireFiniteInRange } from '../../core/guards';
import { requireDate } from '../../core/time';
import type { ContactPoint } from '../../customer/contactPoint';
import type { Customer } from '../../customer/customer';
import { residentIdCheckDigit } from '../../validation/checks/residentId';
import { usccCheckCharacter } from '../../validation/checks/uscc';
import { CITIES, GIVEN, ORG_TRADES, ORG_WORDS, SURNAMES, TRADITIONAL, TRADITIONAL_GIVEN } from './pools';
import { type Rng, mulberry32, rng } from './random';

/**
 * Options for {@link syntheticCustomers}.
 *
 * @example
 * ```ts
 * const options: SyntheticOptions = { count: 1000, seed: 7, asOf: new Date('2026-01-01') };
 * ```
 */
export interface SyntheticOptions {
  /** Number of records to produce (originals and duplicates together), an integer from 0 to 1,000,000. */
  readonly count: number;
  /** Seed of the mulberry32 source. Default 1. */
  readonly seed?: number;
  /** Chance that an original gets duplicates (one, or two one time in four). Default 0.2. */
  readonly duplicateRate?: number;
  /** Share of organisations among originals. Default 0.1. */
  readonly organizationShare?: number;
  /** Timestamps are spread over the five years before this. */
  readonly asOf: Date;
}

/**
 * The corruptions a duplicate can carry (one to three each): typo in the name, transposed name
 * characters, spaces inside the name, traditional surname character, full-width phone digits,
 * phone written with spaces or a country prefix, changed phone, missing phone, missing email,
 * missing address, email domain in capitals, traditional given-name characters, a dropped
 * given-name character, family and given name swapped in the declared fields, a missing given name,
 * an address without its street line, a birth date one digit off; for organisations also
 * full-width brackets, a different legal-form suffix, the leading city dropped and a missing USCC.
 * Name damage is applied to the display name, and the declared family and given names are then
 * dropped (as an import from a single name column would), except for `swappedNameParts`.
 *
 * @example
 * ```ts
 * import { SYNTHETIC_CORRUPTIONS } from 'crmkit/quality';
 * SYNTHETIC_CORRUPTIONS.includes('changedPhone');
 * //=> true
 * ```
 */
export const SYNTHETIC_CORRUPTIONS = [
  'nameTypo', 'transposedName', 'spacedName', 'traditionalSurname', 'fullWidthPhone', 'formattedPhone',
  'changedPhone', 'missingPhone', 'missingEmail', 'missingAddress', 'emailCase',
  'fullWidthBrackets', 'legalSuffix', 'missingUscc',
  'traditionalGiven', 'droppedGivenCharacter', 'swappedNameParts', 'missingGivenName', 'cityDropped', 'missingStreet', 'birthDateTypo',
] as const;

/**
 * A synthetic data set with its truth: `clusters` lists every group of ids that are the same
 * customer (originals with their duplicates).
 *
 * @example
 * ```ts
 * const truthSize = (s: SyntheticCustomers) => s.clusters.length;
 * ```
 */
export interface SyntheticCustomers {
  readonly customers: Customer[];
  readonly clusters: string[][];
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

function mobile(r: Rng): string {
  return `1${r.pick([3, 5, 7, 8, 9])}${r.digits(9)}`;
}

function uscc(r: Rng): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = `91${r.pick(['110', '310', '440', '330', '510'])}${r.digits(3)}`;
  for (let i = 0; i < 9; i++) body += alphabet[r.int(alphabet.length)];
  return body + (usccCheckCharacter(body) as string);
}

function residentId(r: Rng, birth: Date): string {
  const ymd = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const body = `110105${ymd}${r.digits(3)}`;
  return body + (residentIdCheckDigit(body) as string);
}

// Given-name characters are drawn with a skew (square of a uniform) so common names recur, as they
// do in real data: different people with the same name are what tests precision.
function givenName(r: Rng): string {
  const one = () => GIVEN[Math.floor(r.next() ** 2 * GIVEN.length)] as string;
  return r.chance(0.3) ? one() : one() + one();
}

function original(r: Rng, id: string, asOf: number, orgShare: number): Customer {
  const createdAt = new Date(asOf - r.int(5 * 365) * 86_400_000);
  const city = r.pick(CITIES);
  const points: ContactPoint[] = [];
  if (r.chance(0.9)) points.push({ type: 'phone', value: `+86${mobile(r)}`, ...(r.chance(0.3) && { verified: true }) });
  if (r.chance(0.5)) {
    let local = '';
    for (let i = 0; i < 8; i++) local += LOWER[r.int(26)];
    points.push({ type: 'email', value: `${local}@${r.pick(['qq.com', '163.com', 'example.cn'])}` });
  }
  if (r.chance(0.8)) {
    points.push({ type: 'address', country: 'CN', city, line1: `${r.pick(ORG_WORDS)}${r.pick(ORG_WORDS)}路${1 + r.int(300)}号`, postalCode: `${1 + r.int(8)}${r.digits(2)}${r.digits(1)}00` });
  }
  const base = { id, tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, contactPoints: points, createdAt, updatedAt: createdAt, version: 1 };
  if (r.chance(orgShare)) {
    const legalName = `${city}${r.pick(ORG_WORDS)}${r.pick(ORG_WORDS)}${r.pick(ORG_TRADES)}有限公司`;
    return { ...base, kind: 'organization', displayName: legalName, organization: { legalName, type: 'enterprise', departments: [], contacts: [], ...(r.chance(0.8) && { uscc: uscc(r) }) } };
  }
  const familyName = r.pick(SURNAMES);
  const given = givenName(r);
  const birthDate = r.chance(0.5) ? new Date(Date.UTC(1950 + r.int(55), r.int(12), 1 + r.int(28))) : undefined;
  const person = { familyName, givenName: given, ...(birthDate && { birthDate }), ...(birthDate && r.chance(0.1) && { residentId: residentId(r, birthDate) }) };
  return { ...base, kind: 'person', displayName: familyName + given, person };
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9+]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function corrupt(r: Rng, c: Customer, kind: (typeof SYNTHETIC_CORRUPTIONS)[number]): Customer {
  const points = c.contactPoints;
  const mapPhone = (fn: (v: string) => string) => points.map((p) => (p.type === 'phone' ? { ...p, value: fn(p.value) } : p));
  const drop = (type: ContactPoint['type']) => points.filter((p) => p.type !== type);
  const name = c.displayName;
  switch (kind) {
    case 'nameTypo': {
      if (c.kind === 'organization' || name.length < 2) return c;
      const at = 1 + r.int(name.length - 1);
      return renamed(c, name.slice(0, at) + r.pick(GIVEN) + name.slice(at + 1));
    }
    case 'transposedName': {
      if (name.length < 3) return c;
      const at = 1 + r.int(name.length - 2);
      return renamed(c, name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2));
    }
    case 'spacedName':
      return c.kind === 'person' ? renamed(c, `${name[0]}${r.pick([' ', '\u3000'])}${name.slice(1)}`) : c;
    case 'traditionalSurname': {
      const t = TRADITIONAL[name[0] as string];
      return t && c.kind === 'person' ? renamed(c, t + name.slice(1)) : c;
    }
    case 'traditionalGiven': {
      if (c.kind !== 'person') return c;
      const changed = name[0] + [...name.slice(1)].map((ch) => TRADITIONAL_GIVEN[ch] ?? ch).join('');
      return changed === name ? c : renamed(c, changed);
    }
    case 'droppedGivenCharacter': {
      if (c.kind !== 'person' || name.length !== 3) return c;
      const at = 1 + r.int(2);
      return renamed(c, name.slice(0, at) + name.slice(at + 1));
    }
    case 'swappedNameParts': {
      const p = c.person;
      if (c.kind !== 'person' || !p?.familyName || !p.givenName) return c;
      return { ...c, person: { ...p, familyName: p.givenName, givenName: p.familyName } };
    }
    case 'missingGivenName':
      return c.kind === 'person' ? renamed(c, name.slice(0, 1)) : c;
    case 'cityDropped': {
      const legal = c.organization?.legalName;
      const city = legal && CITIES.find((x) => legal.startsWith(x));
      return city ? withLegalName(c, (legal as string).slice(city.length)) : c;
    }
    case 'missingStreet':
      return { ...c, contactPoints: points.map((p) => (p.type === 'address' ? { ...p, line1: '-' } : p)) };
    case 'birthDateTypo': {
      const b = c.person?.birthDate;
      if (!b) return c;
      return { ...c, person: { ...(c.person as NonNullable<Customer['person']>), birthDate: new Date(b.getTime() + (1 + r.int(8)) * 86_400_000) } };
    }
    case 'fullWidthPhone':
      return { ...c, contactPoints: mapPhone((v) => FULL_WIDTH(v)) };
    case 'formattedPhone':
      return { ...c, contactPoints: mapPhone((v) => `${v.slice(3, 6)} ${v.slice(6, 10)} ${v.slice(10)}`) };
    case 'changedPhone':
      return { ...c, contactPoints: mapPhone(() => `+86${mobile(r)}`).map((p) => (p.type === 'phone' ? { type: 'phone' as const, value: p.value } : p)) };
    case 'missingPhone':
      return { ...c, contactPoints: drop('phone') };
    case 'missingEmail':
      return { ...c, contactPoints: drop('email') };
    case 'missingAddress':
      return { ...c, contactPoints: drop('address') };
    case 'emailCase':
      return { ...c, contactPoints: points.map((p) => (p.type === 'email' ? { ...p, value: p.value.replace(/@.*/, (d) => d.toUpperCase()) } : p)) };
    case 'fullWidthBrackets':
      return c.organization ? withLegalName(c, c.organization.legalName.replace(/^(..)(.*)$/, '$2（$1）').replace(/（(..)）(.*)有限公司$/, '$2（$1）有限公司')) : c;
    case 'legalSuffix':
      return c.organization ? withLegalName(c, c.organization.legalName.replace(/有限公司$/, '有限责任公司')) : c;
    case 'missingUscc': {
      if (!c.organization?.uscc) return c;
      const { uscc: _drop, ...organization } = c.organization;
      return { ...c, organization };
    }
  }
}

/** The record with a damaged display name; the declared name parts go, as from a single name column. */
function renamed(c: Customer, displayName: string): Customer {
  if (!c.person) return { ...c, displayName };
  const { familyName: _f, givenName: _g, ...person } = c.person;
  return { ...c, displayName, person };
}

function withLegalName(c: Customer, legalName: string): Customer {
  return { ...c, displayName: legalName, organization: { ...(c.organization as NonNullable<Customer['organization']>), legalName } };
}

/** Checked options of the generators, with their defaults. */
interface SyntheticSettings {
  readonly count: number;
  readonly asOf: number;
  readonly dupRate: number;
  readonly orgShare: number;
}

/**
 * Checks {@link SyntheticOptions} and fills in the defaults.
 * @internal
 */
export function syntheticSettings(options: SyntheticOptions): SyntheticSettings {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const count = options.count;
  const dupRate = options.duplicateRate ?? 0.2;
  const orgShare = options.organizationShare ?? 0.1;
  // At most a million records: syntheticCustomers builds every one in memory.
  requireFiniteInRange(count, 'count', 0, 1_000_000, true);
  assert(dupRate >= 0 && dupRate <= 1 && orgShare >= 0 && orgShare <= 1, 'INVALID_ARGUMENT', { params: { field: 'duplicateRate', rule: 'rates must be in [0, 1]' } });
  return { count, asOf, dupRate, orgShare };
}

/**
 * The records in the order they are made, each with its group (an original, then its duplicates),
 * ids still empty: what {@link syntheticCustomers} shuffles and syntheticCustomerStream numbers.
 * @internal
 */
export function* generatedRecords(r: Rng, { count, asOf, dupRate, orgShare }: SyntheticSettings): Generator<[Customer, number]> {
  let made = 0;
  for (let groups = 0; made < count; groups++) {
    const o = original(r, '', asOf, orgShare);
    const group = [o];
    if (r.chance(dupRate)) {
      const copies = r.chance(0.25) ? 2 : 1;
      for (let k = 0; k < copies; k++) {
        let d: Customer = { ...o, updatedAt: new Date(o.createdAt.getTime() + (1 + r.int(365)) * 86_400_000) };
        const n = 1 + r.int(3);
        for (let j = 0; j < n; j++) d = corrupt(r, d, r.pick(SYNTHETIC_CORRUPTIONS));
        group.push(d);
      }
    }
    for (const c of group.slice(0, count - made)) {
      made++;
      yield [c, groups];
    }
  }
}

/**
 * Generates customers with known duplicates, for measuring duplicate detection: mainland persons
 * (common surnames, skewed given names so that different people share names, mobiles, emails,
 * addresses with postal codes, birth dates, some resident ids) and organisations (with valid USCCs),
 * a share of which get one or two duplicates carrying one to three {@link SYNTHETIC_CORRUPTIONS}.
 * Records come out shuffled. Deterministic for a seed. Pinyin spellings of Chinese names are not
 * generated (the generator has no pinyin table of its own; the FEBRL and held-out tests cover them).
 *
 * @param options - {@link SyntheticOptions}
 * @returns the customers and the true duplicate clusters
 * @throws {CrmError} `INVALID_ARGUMENT` when `count` is not an integer from 0 to 1,000,000, or a rate is
 *   outside [0, 1]; `INVALID_DATE` when `asOf` is not a valid date
 *
 * @example
 * ```ts
 * import { syntheticCustomers } from 'crmkit/quality';
 * const { customers, clusters } = syntheticCustomers({ count: 100, seed: 1, asOf: new Date('2026-01-01') });
 * customers.length;
 * //=> 100
 * clusters.every((ids) => ids.length >= 2);
 * //=> true
 * ```
 */
export function syntheticCustomers(options: SyntheticOptions): SyntheticCustomers {
  const settings = syntheticSettings(options);
  const { count } = settings;
  const r = rng(mulberry32(options.seed ?? 1));
  const width = String(count).length;
  const id = (i: number) => `s-${String(i).padStart(width, '0')}`;
  const records: Customer[] = [];
  const groupOf: number[] = [];
  let groups = 0;
  for (const [c, group] of generatedRecords(r, settings)) {
    records.push(c);
    groupOf.push(group);
    groups = group + 1;
  }
  // Fisher-Yates shuffle of positions, so duplicates are not next to their originals.
  const order = Array.from({ length: count }, (_, i) => i);
  for (let i = count - 1; i > 0; i--) {
    const j = r.int(i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const customers: Customer[] = new Array<Customer>(count);
  const members: string[][] = Array.from({ length: groups }, () => []);
  order.forEach((from, to) => {
    customers[to] = { ...(records[from] as Customer), id: id(to + 1) };
    (members[groupOf[from] as number] as string[]).push(id(to + 1));
  });
  const clusters = members.filter((m) => m.length >= 2).map((m) => m.sort());
  clusters.sort((a, b) => ((a[0] as string) < (b[0] as string) ? -1 : 1));
  return { customers, clusters };
}
