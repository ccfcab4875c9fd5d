import { z } from 'zod';
import { nonBlankText } from './text';
import { ContactPointSchema } from './contactPoint';
import { lazySchema } from '../core/zod/lazySchema';

/**
 * Kinds of organisation. Government accounts are first-class.
 *
 * @example
 * ```ts
 * import { ORGANIZATION_TYPES } from 'crmkit/customer';
 * ORGANIZATION_TYPES.includes('government');
 * //=> true
 * ```
 */
export const ORGANIZATION_TYPES = ['enterprise', 'government', 'nonprofit', 'education', 'other'] as const;

/**
 * Roles a contact plays in an organisation's buying decisions.
 *
 * @example
 * ```ts
 * import { CONTACT_ROLES } from 'crmkit/customer';
 * CONTACT_ROLES[0];
 * //=> 'decision_maker'
 * ```
 */
export const CONTACT_ROLES = [
  'decision_maker',
  'purchaser',
  'user',
  'influencer',
  'finance',
  'technical',
  'legal',
  'other',
] as const;

/**
 * A person who speaks for an organisation, with a role and their own contact points.
 *
 * @example
 * ```ts
 * import { OrganizationContactSchema } from 'crmkit/customer';
 * OrganizationContactSchema.parse({ id: 'p1', name: '王芳', role: 'purchaser' }).role;
 * //=> 'purchaser'
 * ```
 */
export const OrganizationContactSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id: nonBlankText(128),
  name: nonBlankText(256),
  role: z.enum(CONTACT_ROLES),
  title: z.string().max(128).optional(),
  departmentId: z.string().max(128).optional(),
  primary: z.boolean().optional(),
  contactPoints: z.array(ContactPointSchema).max(100).default([]),
}));

/**
 * A department inside an organisation (may nest through `parentId`).
 *
 * @example
 * ```ts
 * import { DepartmentSchema } from 'crmkit/customer';
 * DepartmentSchema.parse({ id: 'd1', name: '信息中心' }).name;
 * //=> '信息中心'
 * ```
 */
export const DepartmentSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  id: nonBlankText(128),
  name: nonBlankText(256),
  parentId: z.string().max(128).optional(),
}));

/**
 * The organisation details of a customer of kind `organization`: legal name, Unified Social Credit
 * Code (统一社会信用代码), type, industry, parent organisation, departments and contacts.
 *
 * @example
 * ```ts
 * import { OrganizationSchema } from 'crmkit/customer';
 * OrganizationSchema.parse({ legalName: '某市数据局', type: 'government' }).contacts;
 * //=> []
 * ```
 */
export const OrganizationSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  legalName: nonBlankText(512),
  uscc: z.string().max(32).optional().describe('Unified Social Credit Code, GB 32100-2015'),
  type: z.enum(ORGANIZATION_TYPES),
  industry: z.string().max(128).optional(),
  parentId: z.string().max(128).optional().describe('customer id of the parent organisation'),
  departments: z.array(DepartmentSchema).max(1000).default([]),
  contacts: z.array(OrganizationContactSchema).max(1000).default([]),
}));

/**
 * Organisation details; see {@link OrganizationSchema}.
 *
 * @example
 * ```ts
 * const org: Organization = { legalName: 'Acme Ltd', type: 'enterprise', departments: [], contacts: [] };
 * ```
 */
export type Organization = z.infer<typeof OrganizationSchema>;

/**
 * A contact person of an organisation; see {@link OrganizationContactSchema}.
 *
 * @example
 * ```ts
 * const c: OrganizationContact = { id: 'p1', name: 'Li Lei', role: 'decision_maker', contactPoints: [] };
 * ```
 */
export type OrganizationContact = z.infer<typeof OrganizationContactSchema>;
