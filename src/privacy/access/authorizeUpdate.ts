import { assert } from '../errors';
import type { ContactPoint } from '../../customer/contactPoint';
import type { Customer, CustomerPatch } from '../../customer/customer';
import { type AccessPolicy, type PolicyField, type Principal, accessOf, allows, inScope, roleOf } from './policy';

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const pointsOf = (points: readonly ContactPoint[] | undefined, type: ContactPoint['type']) => (points ?? []).filter((p) => p.type === type);

const PERSON_FIELDS: Readonly<Record<string, PolicyField>> = { givenName: 'name', familyName: 'name', residentId: 'residentId', birthDate: 'birthDate', gender: 'profile', employerId: 'profile' };
const TOP_FIELDS: Readonly<Record<string, PolicyField>> = {
  displayName: 'name',
  tags: 'profile',
  externalIds: 'profile',
  source: 'profile',
  acquisitionChannel: 'profile',
  lifecycleStage: 'profile',
  ownerId: 'assignment',
  teamId: 'assignment',
  consent: 'consent',
};

/** The policy fields a patch changes (compared with `before`, so restating a value is no change). */
export function changedFields(before: Customer, patch: CustomerPatch): Set<PolicyField> {
  const out = new Set<PolicyField>();
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const before_ = (before as Record<string, unknown>)[key];
    if (key === 'contactPoints') {
      for (const type of ['phone', 'email', 'address', 'social'] as const) {
        if (!same(pointsOf(before.contactPoints, type), pointsOf(value as ContactPoint[], type))) out.add(type);
      }
    } else if (key === 'attributes') {
      const next = value as Record<string, unknown>;
      for (const k of new Set([...Object.keys(before.attributes ?? {}), ...Object.keys(next)])) {
        if (!same(before.attributes?.[k], next[k])) out.add(`attributes.${k}`);
      }
    } else if (key === 'person') {
      const next = value as Record<string, unknown>;
      const prev = (before.person ?? {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(prev), ...Object.keys(next)])) if (!same(prev[k], next[k])) out.add(PERSON_FIELDS[k] ?? 'profile');
    } else if (key === 'organization') {
      const next = value as Record<string, unknown>;
      const prev = (before.organization ?? {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(prev), ...Object.keys(next)])) {
        if (!same(prev[k], next[k])) out.add(k === 'uscc' ? 'uscc' : k === 'contacts' ? 'contacts' : 'profile');
      }
    } else if (!same(before_, value)) {
      out.add(TOP_FIELDS[key] ?? 'profile');
    }
  }
  return out;
}

/**
 * Checks that a principal may apply a patch to a customer: the customer must be within the role's
 * row scope (before the change, and after it when the patch moves the owner or team) and the role
 * must have `write` on every policy field the patch changes (contact points by type, attributes by
 * key, person and organisation fields one by one; restating a value is not a change). Call it
 * before `updateCustomer`.
 *
 * @param policy - from `defineAccessPolicy`
 * @param principal - who is writing
 * @param before - the stored customer
 * @param patch - the patch for `updateCustomer`
 * @returns the policy fields the patch changes, sorted
 * @throws {CrmError} `FORBIDDEN` for a customer outside the scope; `FORBIDDEN_FIELD` (with the
 *   field name, never its value) for a field the role may not write; `INVALID_ARGUMENT` for an
 *   unknown role or a patch that is not an object
 *
 * @example
 * ```ts
 * import { authorizeUpdate, defineAccessPolicy } from 'crmkit/privacy';
 * const policy = defineAccessPolicy({ roles: { agent: { scope: 'own', default: 'masked', fields: { profile: 'write', phone: 'write' } } } });
 * const before = {
 *   id: 'c-1', kind: 'person' as const, displayName: '张三', ownerId: 'u-7', contactPoints: [],
 *   tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {},
 *   createdAt: new Date('2026-01-01'), updatedAt: new Date('2026-01-01'), version: 1,
 * };
 * const agent = { id: 'u-7', role: 'agent' };
 * authorizeUpdate(policy, agent, before, { tags: ['vip'], contactPoints: [{ type: 'phone', value: '13812345678' }] });
 * //=> ['phone', 'profile']
 * ```
 * and `authorizeUpdate(policy, agent, before, { displayName: '李四' })` throws `FORBIDDEN_FIELD`.
 */
export function authorizeUpdate(policy: AccessPolicy, principal: Principal, before: Customer, patch: CustomerPatch): PolicyField[] {
  const role = roleOf(policy, principal);
  assert(before !== null && typeof before === 'object', 'INVALID_ARGUMENT', { params: { field: 'before', rule: 'must be a customer object' } });
  assert(patch !== null && typeof patch === 'object' && !Array.isArray(patch), 'INVALID_ARGUMENT', { params: { field: 'patch', rule: 'must be an object' } });
  const forbidden = { params: { role: principal.role, action: 'write', entity: 'customer' }, details: { customerId: before.id } };
  assert(inScope(role, principal, before), 'FORBIDDEN', forbidden);
  const fields = [...changedFields(before, patch)].sort();
  for (const field of fields) {
    assert(allows(accessOf(policy, role, field), 'write'), 'FORBIDDEN_FIELD', { params: { role: principal.role, action: 'write', field }, details: { customerId: before.id, field } });
  }
  const after = { ownerId: patch.ownerId ?? before.ownerId, teamId: patch.teamId ?? before.teamId };
  assert(inScope(role, principal, after), 'FORBIDDEN', forbidden);
  return fields;
}
