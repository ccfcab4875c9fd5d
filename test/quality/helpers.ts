import type { Customer } from 'crmkit';

export { expectThrowsCode } from '../errors';

const at = new Date('2026-01-01T00:00:00Z');

/** A minimal stored person, with overrides. */
export function person(id: string, displayName: string, extra: Partial<Customer> = {}): Customer {
  return {
    id, kind: 'person', displayName, contactPoints: [], tags: [], attributes: {}, externalIds: {},
    lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1, ...extra,
  } as Customer;
}

/** A minimal stored organisation, with overrides. */
export function organization(id: string, legalName: string, uscc?: string, extra: Partial<Customer> = {}): Customer {
  return person(id, legalName, {
    kind: 'organization',
    organization: { legalName, type: 'enterprise', departments: [], contacts: [], ...(uscc && { uscc }) },
    ...extra,
  });
}
