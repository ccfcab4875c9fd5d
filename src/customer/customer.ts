import { z } from 'zod';
import { nonBlankText } from './text';
import { DateSchema } from '../core/time/schema';
import { AttributesSchema, SafeKeySchema } from './attributes';
import { ContactPointSchema } from './contactPoint';
import { OrganizationSchema } from './organization';
import { CONSENT_CHANNELS } from './consentChannels';
import { lazySchema } from '../core/zod/lazySchema';
import { MAX_CONTACT_POINTS } from './limits';

export { CONSENT_CHANNELS, type ConsentChannel } from './consentChannels';

/**
 * Consent for one channel: granted or withdrawn, when, and where it was recorded.
 *
 * @example
 * ```ts
 * import { ConsentSchema } from 'crmkit/customer';
 * ConsentSchema.parse({ granted: true, updatedAt: '2026-01-01' }).granted;
 * //=> true
 * ```
 */
export const ConsentSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  granted: z.boolean(),
  updatedAt: DateSchema,
  source: z.string().max(128).optional(),
}));

/**
 * Personal details of a customer of kind `person`.
 *
 * @example
 * ```ts
 * import { PersonSchema } from 'crmkit/customer';
 * PersonSchema.parse({ familyName: '李', givenName: '雷' }).familyName;
 * //=> '李'
 * ```
 */
export const PersonSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  givenName: z.string().max(128).optional(),
  familyName: z.string().max(128).optional(),
  gender: z.enum(['female', 'male', 'other', 'unknown']).optional(),
  birthDate: DateSchema.optional(),
  residentId: z.string().max(32).optional().describe('mainland resident identity number, GB 11643-1999'),
  employerId: z.string().max(128).optional().describe('customer id of the organisation they work for'),
}));

/** The fields both customer schemas share, built once on first use (with the schemas, not at import). */
function buildCustomerFields() {
  return {
    id: nonBlankText(128),
    kind: z.enum(['person', 'organization']),
    displayName: nonBlankText(256),
    person: PersonSchema.optional(),
    organization: OrganizationSchema.optional(),
    contactPoints: z.array(ContactPointSchema).max(MAX_CONTACT_POINTS).default([]),
    tags: z.array(nonBlankText(64)).max(500).default([]),
    attributes: AttributesSchema.default({}),
    externalIds: z.record(SafeKeySchema, z.string().min(1).max(256)).default({}).describe('id of this customer in other systems, by system name'),
    source: z.string().max(128).optional().describe('where the customer came from, e.g. referral, trade show'),
    acquisitionChannel: z.string().max(128).optional(),
    ownerId: z.string().max(128).optional().describe('the account manager responsible'),
    teamId: z.string().max(128).optional().describe('the customer team or business line'),
    lifecycleStage: nonBlankText(64).default('prospect'),
    consent: z.partialRecord(z.enum(CONSENT_CHANNELS), ConsentSchema).default({}),
  };
}
let customerFieldsBuilt: ReturnType<typeof buildCustomerFields> | undefined;
const customerFields = () => (customerFieldsBuilt ??= buildCustomerFields());

function requireKindDetails(c: { kind: string; organization?: unknown }, ctx: z.RefinementCtx): void {
  if (c.kind === 'organization' && c.organization === undefined) {
    ctx.addIssue({ code: 'custom', path: ['organization'], message: 'organization details are required for kind organization' });
  }
}

/**
 * The stored customer: a person or an organisation with contact points, tags, custom attributes,
 * owner and team, lifecycle stage, consent per channel, timestamps and a `version` for optimistic
 * concurrency. The schema is the source of truth; {@link Customer} is inferred from it.
 *
 * @example
 * ```ts
 * import { CustomerSchema } from 'crmkit/customer';
 * const c = CustomerSchema.parse({
 *   id: 'c-1', kind: 'person', displayName: '李雷',
 *   createdAt: '2026-01-01', updatedAt: '2026-01-01', version: 1,
 * });
 * c.lifecycleStage;
 * //=> 'prospect'
 * ```
 */
export const CustomerSchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({
    ...customerFields(),
    createdAt: DateSchema,
    updatedAt: DateSchema,
    version: z.number().int().min(1),
  })
  .superRefine(requireKindDetails)
  .meta({ id: 'Customer' }));

/**
 * What {@link createCustomer} accepts: a customer without timestamps and version; `id` is optional
 * (generated when absent).
 *
 * @example
 * ```ts
 * import { CustomerInputSchema } from 'crmkit/customer';
 * CustomerInputSchema.safeParse({ kind: 'person', displayName: 'Ann' }).success;
 * //=> true
 * ```
 */
export const CustomerInputSchema = /* @__PURE__ */ lazySchema(() => z
  .strictObject({ ...customerFields(), id: customerFields().id.optional() })
  .superRefine(requireKindDetails)
  .meta({ id: 'CustomerInput' }));

/**
 * A stored customer; see {@link CustomerSchema}.
 *
 * @example
 * ```ts
 * import type { Customer } from 'crmkit';
 * const name = (c: Customer) => c.displayName;
 * ```
 */
export type Customer = z.infer<typeof CustomerSchema>;

/**
 * Input to {@link createCustomer}, before defaults are applied; see {@link CustomerInputSchema}.
 *
 * @example
 * ```ts
 * const input: CustomerInput = { kind: 'person', displayName: 'Ann' };
 * ```
 */
export type CustomerInput = z.input<typeof CustomerInputSchema>;

/**
 * A patch for {@link updateCustomer}: any customer field except id, kind, timestamps and version.
 *
 * @example
 * ```ts
 * const patch: CustomerPatch = { ownerId: 'u-7', tags: ['vip'] };
 * ```
 */
export type CustomerPatch = Partial<Omit<CustomerInput, 'id' | 'kind'>>;
