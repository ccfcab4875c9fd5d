import { assert } from '../errors';

/**
 * The fields an access policy speaks of: `name` (display name, person names), the contact points
 * by type (`phone`, `email`, `address`, `social`), identity numbers (`residentId`, `uscc`),
 * `birthDate`, `contacts` (an organisation's contact people), `money` (attributes the policy lists
 * as money figures), `attributes` (every other attribute) or `attributes.<key>` (one attribute),
 * and the non-personal parts: `profile` (kind, tags, stage, source, external ids, gender, ...),
 * `assignment` (owner and team) and `consent`.
 *
 * @example
 * ```ts
 * import { POLICY_FIELDS } from 'crmkit/privacy';
 * POLICY_FIELDS.includes('residentId');
 * //=> true
 * ```
 */
export const POLICY_FIELDS = ['name', 'phone', 'email', 'address', 'social', 'residentId', 'uscc', 'birthDate', 'contacts', 'money', 'attributes', 'profile', 'assignment', 'consent'] as const;

/**
 * A field in {@link POLICY_FIELDS}, or `attributes.<key>`.
 *
 * @example
 * ```ts
 * const f: PolicyField = 'attributes.creditLimit';
 * ```
 */
export type PolicyField = (typeof POLICY_FIELDS)[number] | `attributes.${string}`;

/**
 * What a role may do with a field: nothing (`none`: the field is left out of the view), see it
 * masked (`masked`), see it (`read`) or see and change it (`write`).
 *
 * @example
 * ```ts
 * const a: FieldAccess = 'masked';
 * ```
 */
export type FieldAccess = 'none' | 'masked' | 'read' | 'write';

/**
 * Which customers a role reaches: those it owns (`own`: `ownerId` is the principal), those of its
 * teams (`team`: `teamId` among the principal's teams, or owned) or `all`.
 *
 * @example
 * ```ts
 * const s: RowScope = 'team';
 * ```
 */
export type RowScope = 'own' | 'team' | 'all';

/**
 * One role of a policy: its row scope, the access of each field it names, and `default` (default
 * `none`) for the fields it does not name. `profile` and `assignment` default to `read`.
 *
 * @example
 * ```ts
 * const agent: RoleDefinition = { scope: 'own', default: 'masked', fields: { profile: 'write', phone: 'masked' } };
 * ```
 */
export interface RoleDefinition {
  readonly scope: RowScope;
  readonly default?: FieldAccess;
  readonly fields?: Readonly<Partial<Record<PolicyField, FieldAccess>>>;
}

/**
 * The input of {@link defineAccessPolicy}: roles by name, and the attribute keys that hold money
 * figures (`moneyAttributes`, governed by the `money` field unless an `attributes.<key>` entry says otherwise).
 *
 * @example
 * ```ts
 * const input: AccessPolicyInput = { moneyAttributes: ['creditLimit'], roles: { auditor: { scope: 'all', default: 'masked' } } };
 * ```
 */
export interface AccessPolicyInput {
  readonly roles: Readonly<Record<string, RoleDefinition>>;
  readonly moneyAttributes?: readonly string[];
}

/**
 * A checked, frozen access policy; see {@link defineAccessPolicy}.
 *
 * @example
 * ```ts
 * const roles = (p: AccessPolicy) => [...p.roles.keys()];
 * ```
 */
export interface AccessPolicy {
  readonly roles: ReadonlyMap<string, Readonly<Required<RoleDefinition>>>;
  readonly moneyAttributes: ReadonlySet<string>;
}

/**
 * Who is asking: their id (matched against `ownerId`), their role in the policy and their teams
 * (matched against `teamId`).
 *
 * @example
 * ```ts
 * const p: Principal = { id: 'u-7', role: 'agent', teamIds: ['east'] };
 * ```
 */
export interface Principal {
  readonly id: string;
  readonly role: string;
  readonly teamIds?: readonly string[];
}

const FIELDS: ReadonlySet<string> = /* @__PURE__ */ new Set(POLICY_FIELDS);
const ACCESS: ReadonlySet<string> = /* @__PURE__ */ new Set(['none', 'masked', 'read', 'write']);
const ACCESS_LIST = 'none, masked, read, write';
const SCOPES: ReadonlySet<string> = /* @__PURE__ */ new Set(['own', 'team', 'all']);
const RANK: Readonly<Record<FieldAccess, number>> = { none: 0, masked: 1, read: 2, write: 3 };

/** Whether `access` is at least `needed`. */
export const allows = (access: FieldAccess, needed: FieldAccess): boolean => RANK[access] >= RANK[needed];

const isPolicyField = (f: string): boolean => FIELDS.has(f) || (f.startsWith('attributes.') && f.length > 'attributes.'.length && f.length <= 139);

/**
 * Defines an access policy (访问控制): roles, what each may do with each field (none, masked,
 * read, write) and which customers it reaches (own, team, all). Use it with `viewCustomer` (what
 * a role sees) and `authorizeUpdate` (what it may change). Access to an attribute is its
 * `attributes.<key>` entry, else `money` for money attributes, else `attributes`, else the default.
 *
 * @param input - roles and money attributes; see {@link AccessPolicyInput}
 * @returns the frozen policy
 * @throws {CrmError} `INVALID_ARGUMENT` for an unknown field, access level or scope, or no roles
 *   (the role and field names are not put in the message)
 *
 * @example
 * ```ts
 * import { defineAccessPolicy } from 'crmkit/privacy';
 * const policy = defineAccessPolicy({
 *   moneyAttributes: ['creditLimit'],
 *   roles: {
 *     agent: { scope: 'own', default: 'masked', fields: { profile: 'write', phone: 'write', residentId: 'none', money: 'none' } },
 *     manager: { scope: 'team', default: 'read' },
 *   },
 * });
 * policy.roles.get('agent')?.scope;
 * //=> 'own'
 * ```
 */
export function defineAccessPolicy(input: AccessPolicyInput): AccessPolicy {
  assert(input !== null && typeof input === 'object' && input.roles !== null && typeof input.roles === 'object', 'INVALID_ARGUMENT', {
    params: { field: 'roles', rule: 'must be an object' },
  });
  const roles = new Map<string, Readonly<Required<RoleDefinition>>>();
  for (const [name, role] of Object.entries(input.roles)) {
    assert(role !== null && typeof role === 'object' && SCOPES.has(role.scope), 'INVALID_ARGUMENT', { params: { field: 'roles.scope', rule: `must be one of ${'own, team, all'}` } });
    const fallback = role.default ?? 'none';
    assert(ACCESS.has(fallback), 'INVALID_ARGUMENT', { params: { field: 'roles.default', rule: `must be one of ${ACCESS_LIST}` } });
    const fields: Partial<Record<PolicyField, FieldAccess>> = {};
    for (const [field, access] of Object.entries(role.fields ?? {})) {
      assert(isPolicyField(field), 'INVALID_ARGUMENT', { params: { field: 'roles.fields', rule: 'lists an unknown field' } });
      assert(typeof access === 'string' && ACCESS.has(access), 'INVALID_ARGUMENT', { params: { field: 'roles.fields', rule: `must be one of ${ACCESS_LIST}` } });
      fields[field as PolicyField] = access as FieldAccess;
    }
    roles.set(name, Object.freeze({ scope: role.scope, default: fallback, fields: Object.freeze(fields) }));
  }
  assert(roles.size > 0, 'INVALID_ARGUMENT', { params: { field: 'roles', rule: 'is required' } });
  const money = input.moneyAttributes ?? [];
  assert(Array.isArray(money) && money.every((k) => typeof k === 'string' && k !== ''), 'INVALID_ARGUMENT', { params: { field: 'moneyAttributes', rule: 'must be non-empty strings' } });
  return Object.freeze({ roles, moneyAttributes: new Set(money) });
}

/** The role of a principal, checked. */
export function roleOf(policy: AccessPolicy, principal: Principal): Readonly<Required<RoleDefinition>> {
  assert(principal !== null && typeof principal === 'object' && typeof principal.id === 'string', 'INVALID_ARGUMENT', { params: { field: 'principal', rule: 'must be an object' } });
  const role = typeof principal.role === 'string' ? policy?.roles?.get(principal.role) : undefined;
  assert(role !== undefined, 'INVALID_ARGUMENT', { params: { field: 'principal.role', rule: `must be one of ${[...(policy?.roles?.keys() ?? [])].join(', ')}` } });
  return role;
}

/** A role's access to a field (attributes resolved by key, money, attributes, default). */
export function accessOf(policy: AccessPolicy, role: Readonly<Required<RoleDefinition>>, field: PolicyField): FieldAccess {
  const own = role.fields[field];
  if (own !== undefined) return own;
  if (field.startsWith('attributes.')) {
    const key = field.slice('attributes.'.length);
    const group = policy.moneyAttributes.has(key) ? role.fields.money : role.fields.attributes;
    if (group !== undefined) return group;
  }
  if ((field === 'profile' || field === 'assignment') && !allows(role.default, 'read')) return 'read';
  return role.default;
}

/** Whether the customer is within the principal's row scope. */
export function inScope(role: Readonly<Required<RoleDefinition>>, principal: Principal, customer: { readonly ownerId?: string | undefined; readonly teamId?: string | undefined }): boolean {
  if (role.scope === 'all') return true;
  if (customer.ownerId !== undefined && customer.ownerId === principal.id) return true;
  return role.scope === 'team' && customer.teamId !== undefined && (principal.teamIds ?? []).includes(customer.teamId);
}
