import { assert } from '../errors';
import { type DomainEvent, domainEvent } from '../../core/events';
import { requireDate } from '../../core/time';
import type { ContactPoint } from '../../customer/contactPoint';
import type { Customer } from '../../customer/customer';
import { maskValue } from '../masking/maskValue';
import { type AccessPolicy, type FieldAccess, type PolicyField, type Principal, accessOf, allows, inScope, roleOf } from './policy';

/**
 * What {@link viewCustomer} returns for one customer: the customer with every field the role may
 * not read left out and every masked field masked. `id` and `kind` are always there.
 *
 * @example
 * ```ts
 * const name = (v: CustomerView) => v.displayName ?? '(hidden)';
 * ```
 */
export type CustomerView = Readonly<Partial<Customer>> & { readonly id: string; readonly kind: Customer['kind'] };

/**
 * The audit event of a view (个人信息访问记录): who (principal id and role) saw which personal fields
 * of which customer in full (`revealed`), and which masked (`masked`). Only fields the customer has
 * are listed.
 *
 * @example
 * ```ts
 * const shown = (e: PersonalDataViewed) => e.revealed.join(', ');
 * ```
 */
export type PersonalDataViewed = DomainEvent<'PersonalDataViewed', { principalId: string; role: string; revealed: readonly PolicyField[]; masked: readonly PolicyField[] }>;

const CONTACT_FIELD = { phone: 'phone', email: 'email', address: 'address', social: 'social' } as const;
const ATTRIBUTE_MASK = '***';

class Projector {
  readonly revealed = new Set<PolicyField>();
  readonly masked = new Set<PolicyField>();
  private readonly cache = new Map<PolicyField, FieldAccess>();
  constructor(private readonly access: (f: PolicyField) => FieldAccess) {}

  level(field: PolicyField, present: boolean): FieldAccess {
    let a = this.cache.get(field);
    if (a === undefined) this.cache.set(field, (a = this.access(field)));
    if (present && field !== 'profile' && field !== 'assignment' && field !== 'consent') {
      if (allows(a, 'read')) this.revealed.add(field);
      else if (a === 'masked') this.masked.add(field);
    }
    return a;
  }

  /** The value as the role may see it: itself, masked, or undefined (left out). */
  text(field: PolicyField, value: string | undefined, mask: (v: string) => string): string | undefined {
    if (value === undefined) return undefined;
    const a = this.level(field, true);
    return allows(a, 'read') ? value : a === 'masked' ? mask(value) : undefined;
  }

  contactPoints(points: readonly ContactPoint[]): ContactPoint[] {
    const out: ContactPoint[] = [];
    for (const p of points) {
      const field = CONTACT_FIELD[p.type];
      const a = this.level(field, true);
      if (allows(a, 'read')) out.push({ ...p });
      else if (a === 'masked') out.push(maskPoint(p));
    }
    return out;
  }
}

function maskPoint(p: ContactPoint): ContactPoint {
  switch (p.type) {
    case 'phone':
      return { ...p, value: maskValue(p.value, 'phone') };
    case 'email':
      return { ...p, value: maskValue(p.value, 'email') };
    case 'social':
      return { ...p, value: maskValue(p.value, 'name') };
    case 'address': {
      // Keep to the district: region, city and district stay; street and postcode go.
      const { line2: _line2, postalCode: _postalCode, ...rest } = p;
      return { ...rest, line1: maskValue(p.line1, 'address') };
    }
  }
}

const present = (v: unknown) => v !== undefined && v !== null;
const omitUndefined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * What a principal may see of a customer: the projected, masked view, and the audit event naming
 * the personal fields shown in full and masked. Masking uses {@link maskValue} (a masked address
 * keeps region, city and district and drops the street and postcode; a masked attribute reads `***`;
 * a masked birth date is left out).
 *
 * @param policy - from {@link defineAccessPolicy}
 * @param principal - who is asking
 * @param customer - the stored customer
 * @param options - `now` (required): when the view happens, for the audit event
 * @returns `{ view, audit }`
 * @throws {CrmError} `FORBIDDEN` when the customer is outside the role's row scope;
 *   `INVALID_ARGUMENT` for a role the policy does not define; `INVALID_DATE` for a bad `now`
 *
 * @example
 * ```ts
 * import { defineAccessPolicy, viewCustomer } from 'crmkit/privacy';
 * const policy = defineAccessPolicy({ roles: { agent: { scope: 'own', default: 'masked' } } });
 * const customer = {
 *   id: 'c-1', kind: 'person' as const, displayName: '张三', ownerId: 'u-7',
 *   contactPoints: [{ type: 'phone' as const, value: '13812345678' }],
 *   tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {},
 *   createdAt: new Date('2026-01-01'), updatedAt: new Date('2026-01-01'), version: 1,
 * };
 * const { view, audit } = viewCustomer(policy, { id: 'u-7', role: 'agent' }, customer, { now: new Date('2026-03-01') });
 * [view.displayName, view.contactPoints?.[0]?.value, audit.masked];
 * //=> ['张*', '138****5678', ['name', 'phone']]
 * ```
 */
export function viewCustomer(policy: AccessPolicy, principal: Principal, customer: Customer, options: { readonly now: Date }): { view: CustomerView; audit: PersonalDataViewed } {
  const now = new Date(requireDate(options?.now, 'now').getTime());
  const role = roleOf(policy, principal);
  assert(customer !== null && typeof customer === 'object', 'INVALID_ARGUMENT', { params: { field: 'customer', rule: 'must be a customer object' } });
  assert(inScope(role, principal, customer), 'FORBIDDEN', { params: { role: principal.role, action: 'read', entity: 'customer' }, details: { customerId: customer.id } });
  const p = new Projector((f) => accessOf(policy, role, f));
  const view: Record<string, unknown> = { id: customer.id, kind: customer.kind };
  if (allows(p.level('profile', true), 'read')) {
    for (const k of ['tags', 'externalIds', 'source', 'acquisitionChannel', 'lifecycleStage', 'createdAt', 'updatedAt', 'version'] as const) {
      const v = customer[k];
      if (v !== undefined) view[k] = Array.isArray(v) ? [...v] : v instanceof Date ? new Date(v.getTime()) : typeof v === 'object' ? { ...v } : v;
    }
  }
  if (allows(p.level('assignment', true), 'read')) Object.assign(view, omitUndefined({ ownerId: customer.ownerId, teamId: customer.teamId }));
  if (allows(p.level('consent', true), 'read')) view.consent = { ...customer.consent };
  view.displayName = p.text('name', customer.displayName, (v) => maskValue(v, 'name'));
  if (customer.person !== undefined) view.person = personView(p, customer.person);
  if (customer.organization !== undefined) view.organization = organizationView(p, customer.organization);
  view.contactPoints = p.contactPoints(customer.contactPoints ?? []);
  view.attributes = attributesView(p, customer.attributes ?? {});
  const audit = domainEvent('PersonalDataViewed', customer.id, now, {
    principalId: principal.id,
    role: principal.role,
    revealed: Object.freeze([...p.revealed]),
    masked: Object.freeze([...p.masked]),
  });
  return { view: omitUndefined(view) as CustomerView, audit };
}

function personView(p: Projector, person: NonNullable<Customer['person']>): NonNullable<Customer['person']> {
  const name = (v: string) => maskValue(v, 'name');
  const birth = person.birthDate === undefined ? undefined : p.level('birthDate', true);
  return omitUndefined({
    givenName: p.text('name', person.givenName, name),
    familyName: p.text('name', person.familyName, name),
    residentId: p.text('residentId', person.residentId, (v) => maskValue(v, 'residentId')),
    birthDate: birth !== undefined && allows(birth, 'read') && person.birthDate ? new Date(person.birthDate.getTime()) : undefined,
    ...(allows(p.level('profile', false), 'read') && omitUndefined({ gender: person.gender, employerId: person.employerId })),
  });
}

function organizationView(p: Projector, org: NonNullable<Customer['organization']>): NonNullable<Customer['organization']> {
  const contacts = org.contacts.length === 0 ? 'none' : p.level('contacts', true);
  return omitUndefined({
    legalName: org.legalName,
    type: org.type,
    uscc: p.text('uscc', org.uscc, (v) => maskValue(v, 'uscc')),
    industry: org.industry,
    parentId: org.parentId,
    departments: org.departments.map((d) => ({ ...d })),
    contacts: allows(contacts, 'read')
      ? org.contacts.map((c) => ({ ...c, contactPoints: c.contactPoints.map((cp) => ({ ...cp })) }))
      : contacts === 'masked'
        ? org.contacts.map((c) => ({ ...c, name: maskValue(c.name, 'name'), contactPoints: c.contactPoints.map(maskPoint) }))
        : [],
  });
}

function attributesView(p: Projector, attributes: Customer['attributes']): Customer['attributes'] {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [key, value] of Object.entries(attributes)) {
    const a = p.level(`attributes.${key}`, present(value));
    if (allows(a, 'read')) out[key] = value;
    else if (a === 'masked') out[key] = ATTRIBUTE_MASK;
  }
  return out;
}
