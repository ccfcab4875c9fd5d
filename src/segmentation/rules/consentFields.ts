import { CrmError } from '../errors';
import { requireDate } from '../../core/time';
import type { ConsentChannel } from '../../customer/customer';
import type { ConsentPurpose } from '../../privacy/consent/purposes';
import { consentSql } from '../../privacy/consent/consentSql';
import { requireChannelAndPurpose } from '../../privacy/consent/consentStatus';
import { type ChannelConsent } from '../../privacy/consent/outreachConsent';
import type { SegmentCustomer } from './fields';
import type { RuleNode } from './parse';

const PREFIX = 'consent.';

/** The tree with every `consent.<channel>` condition reading through `mayContact` (consentStatus). */
export function withConsentFields(node: RuleNode, mayContact: ChannelConsent): RuleNode {
  switch (node.kind) {
    case 'all':
    case 'any':
      return { ...node, children: node.children.map((n) => withConsentFields(n, mayContact)) };
    case 'not':
      return { ...node, child: withConsentFields(node.child, mayContact) };
    default: {
      if (!node.field.name.startsWith(PREFIX)) return node;
      const channel = node.field.name.slice(PREFIX.length) as ConsentChannel;
      const get = (c: SegmentCustomer) => mayContact(c as Parameters<ChannelConsent>[0], channel);
      return { ...node, field: { ...node.field, get } };
    }
  }
}

/**
 * The consent table {@link toSql} reads for `consent.*` fields, so they answer as `consentStatus`
 * does (rows as `consentRecordRow` makes them; see `ConsentRow`).
 *
 * - `table` (required): the consent table, a name or `[schema, name]`.
 * - `customerIdColumn` (default `id`): the column of the customer table the rows' `customer_id` matches.
 * - `purpose` (default `marketing`), `asOf` (default the options' `asOf`): as `consentStatus`.
 *
 * Customers with no row at all read the column mapped for the field (`columns['consent.sms']`, the
 * old flag), or NULL when none is mapped.
 *
 * @example
 * ```ts
 * const c: SqlConsentOptions = { table: 'consent_records', purpose: 'marketing' };
 * ```
 */
export interface SqlConsentOptions {
  readonly table: string | readonly string[];
  readonly customerIdColumn?: string;
  readonly purpose?: ConsentPurpose;
  readonly asOf?: Date;
}

/** The SQL expression of a `consent.<channel>` field read through the consent table. */
export function consentColumnSql(x: {
  readonly consent: SqlConsentOptions;
  readonly asOf: Date | undefined;
  readonly field: string;
  readonly mainTable: string;
  readonly fallback: string | undefined;
  readonly identifier: (name: unknown, field: string) => string;
  readonly param: (value: unknown, cast: string) => string;
}): string {
  const c = x.consent;
  if (c === null || typeof c !== 'object') throw new CrmError('INVALID_ARGUMENT', { params: { field: 'consent', rule: 'must be an object' } });
  const purpose = c.purpose ?? 'marketing';
  requireChannelAndPurpose('sms', purpose);
  const asOf = requireDate(c.asOf ?? x.asOf, 'consent.asOf');
  const table = (typeof c.table === 'string' ? [c.table] : Array.isArray(c.table) ? c.table : [undefined]).map((part, i) => x.identifier(part, `consent.table.${i}`)).join('.');
  const customerId = `${x.mainTable}.${x.identifier(c.customerIdColumn ?? 'id', 'consent.customerIdColumn')}`;
  return consentSql({
    table,
    customerId,
    channel: x.field.slice(PREFIX.length),
    purpose,
    asOf,
    fallback: x.fallback ?? 'NULL::boolean',
    param: x.param,
  });
}
