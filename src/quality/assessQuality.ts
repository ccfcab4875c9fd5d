import { assert } from './errors';
import { MS_PER_DAY, requireDate } from '../core/time';
import type { Customer } from '../customer/customer';
import { checkCustomerFields } from '../validation/fieldChecks';
import { type LongRunningOptions, throwIfAborted } from '../core/abort';
import { type FindDuplicatesOptions, findDuplicates } from './duplicates/findDuplicates';
import { requireIterable } from '../core/guards';

/**
 * Fields whose completeness {@link assessQuality} measures. `phone`, `email`, `address`,
 * `postalCode` and `wechat` look at contact points; `person.*` fields count persons only,
 * `organization.*` organisations only.
 *
 * @example
 * ```ts
 * import { QUALITY_FIELDS } from 'crmkit/quality';
 * QUALITY_FIELDS.includes('organization.uscc');
 * //=> true
 * ```
 */
export const QUALITY_FIELDS = [
  'displayName', 'phone', 'email', 'address', 'postalCode', 'wechat', 'ownerId', 'teamId', 'source', 'tags', 'consent',
  'person.familyName', 'person.givenName', 'person.gender', 'person.birthDate', 'organization.uscc', 'organization.industry',
] as const;

/**
 * A field in {@link QUALITY_FIELDS}.
 *
 * @example
 * ```ts
 * const field: QualityField = 'phone';
 * ```
 */
export type QualityField = (typeof QUALITY_FIELDS)[number];

const filled = (v: unknown) => v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '');

/** Whether the field applies to the customer (undefined) and, if so, whether it is filled. */
function fieldState(c: Customer, field: QualityField): boolean | undefined {
  const points = c.contactPoints ?? [];
  switch (field) {
    case 'phone':
    case 'email':
      return points.some((p) => p.type === field);
    case 'address':
      return points.some((p) => p.type === 'address');
    case 'postalCode':
      return points.some((p) => p.type === 'address' && filled(p.postalCode));
    case 'wechat':
      return points.some((p) => p.type === 'social' && (p.network === 'wechat' || p.network === 'wecom'));
    case 'tags':
      return (c.tags ?? []).length > 0;
    case 'consent':
      return Object.keys(c.consent ?? {}).length > 0;
    case 'displayName':
    case 'ownerId':
    case 'teamId':
    case 'source':
      return filled(c[field]);
  }
  const [group, key] = field.split('.') as ['person' | 'organization', string];
  if ((group === 'person') !== (c.kind === 'person')) return undefined;
  return filled((c[group] as Record<string, unknown> | undefined)?.[key]);
}

/**
 * Options for {@link assessQuality}.
 *
 * @example
 * ```ts
 * const options: AssessQualityOptions = { asOf: new Date('2026-06-01'), staleAfter: 180, required: ['phone', 'ownerId'] };
 * ```
 */
export interface AssessQualityOptions extends LongRunningOptions {
  /** The day of the assessment: staleness and resident-id birth dates are measured against it. */
  readonly asOf: Date;
  /** Days without update (and without contact, when known) after which a record is stale. Default 365. */
  readonly staleAfter?: number;
  /** Fields whose completeness is reported. Default `displayName`, `phone`, `email`, `address`, `ownerId`. */
  readonly required?: readonly QualityField[];
  /** Last contact per customer id, for example from {@link lastContactByCustomer}. Default unknown. */
  readonly lastContactedAt?: ReadonlyMap<string, Date>;
  /** Options for the duplicate search, or `false` to skip it. Default `{}` (search with defaults). */
  readonly duplicates?: FindDuplicatesOptions | false;
  /** Region for phone numbers without a country code. Default `CN`. */
  readonly defaultRegion?: string;
}

/**
 * The data quality of a set of customers; render it with {@link renderQualityReport}.
 *
 * @example
 * ```ts
 * const share = (r: QualityReport) => r.invalidRecords / r.total;
 * ```
 */
export interface QualityReport {
  readonly asOf: Date;
  readonly total: number;
  /** Per required field: records it applies to, records with it filled, and the filled share (1 when none apply). */
  readonly completeness: readonly { readonly field: QualityField; readonly applicable: number; readonly filled: number; readonly ratio: number }[];
  /** Per validation rule code (see `VALIDATION_ISSUE_CODES`): records failing it and failures in all. */
  readonly invalid: readonly { readonly code: string; readonly records: number; readonly occurrences: number }[];
  readonly invalidRecords: number;
  readonly invalidIds: readonly string[];
  readonly stale: {
    readonly staleAfterDays: number;
    /** Records whose `updatedAt` is more than `staleAfter` days before `asOf`. */
    readonly notUpdated: number;
    /** Records not contacted within `staleAfter` days (never contacted included); undefined when contacts are unknown. */
    readonly notContacted?: number;
    /** Records neither updated nor (when known) contacted within `staleAfter` days. */
    readonly stale: number;
    readonly staleIds: readonly string[];
  };
  /** Duplicate matches found; undefined when the search was skipped. */
  readonly duplicates?: { readonly clusters: number; readonly records: number; readonly surplus: number; readonly reviewPairs: number };
}

/**
 * The latest interaction time per customer, for the `lastContactedAt` option of
 * {@link assessQuality}.
 *
 * @param records - interactions (or anything with `customerId` and `occurredAt`)
 * @returns a map from customer id to (a copy of) its latest `occurredAt`
 * @throws {CrmError} `INVALID_ARGUMENT` when `records` is not iterable or holds an item without a
 *   string `customerId`; `INVALID_DATE` for an `occurredAt` that is not a valid Date in years 0001-9999
 *
 * @example
 * ```ts
 * import { lastContactByCustomer } from 'crmkit/quality';
 * lastContactByCustomer([
 *   { customerId: 'c-1', occurredAt: new Date('2026-01-01') },
 *   { customerId: 'c-1', occurredAt: new Date('2026-03-01') },
 * ]).get('c-1')?.toISOString();
 * //=> '2026-03-01T00:00:00.000Z'
 * ```
 */
export function lastContactByCustomer(records: Iterable<{ readonly customerId: string; readonly occurredAt: Date }>): Map<string, Date> {
  requireIterable(records, 'records');
  const out = new Map<string, Date>();
  for (const r of records) {
    assert(r !== null && typeof r === 'object' && typeof r.customerId === 'string', 'INVALID_ARGUMENT', { params: { field: 'records', rule: 'must be records with a customerId' } });
    const t = requireDate(r.occurredAt, 'occurredAt').getTime();
    const cur = out.get(r.customerId);
    // A copy: the map must not hand back the caller's own Date objects.
    if (!cur || t > cur.getTime()) out.set(r.customerId, new Date(t));
  }
  return out;
}

/**
 * Assesses data quality (重复记录、缺失信息、过时信息): completeness of the required fields, invalid
 * values per validation rule (src/validation's `checkCustomerFields`: phones, mainland mobiles,
 * emails, postal codes, USCC, resident ids, repeated contact points), stale records (not updated
 * and, when contacts are known, not contacted within `staleAfter` days of `asOf`), and duplicates
 * ({@link findDuplicates}).
 *
 * @param customers - the customers to assess
 * @param options - {@link AssessQualityOptions}
 * @returns the {@link QualityReport}
 * @throws {CrmError} `INVALID_DATE` when `asOf` is not a valid date; `INVALID_ARGUMENT` when
 *   `customers` is not an array, `staleAfter` is not a non-negative number or a required field is unknown; `ABORTED` when
 *   `signal` aborts (checked every 16,384 records and during the duplicate search, which also
 *   reports progress through `onProgress`: phases `check`, `block`, `compare`); those of
 *   {@link findDuplicates}
 *
 * @example
 * ```ts
 * import { assessQuality } from 'crmkit/quality';
 * const at = new Date('2025-01-01');
 * const base = { kind: 'person', tags: [], attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, createdAt: at, updatedAt: at, version: 1 } as const;
 * const report = assessQuality([
 *   { ...base, id: 'c-1', displayName: '李雷', contactPoints: [{ type: 'phone', value: '+8613812345678' }] },
 *   { ...base, id: 'c-2', displayName: '韩梅梅', contactPoints: [{ type: 'email', value: 'not-an-email' }], updatedAt: new Date('2026-05-01') },
 * ], { asOf: new Date('2026-06-01'), required: ['phone', 'email'] });
 * report.completeness.map((c) => `${c.field} ${c.filled}/${c.applicable}`);
 * //=> ['phone 1/2', 'email 1/2']
 * report.invalid;
 * //=> [{ code: 'email', records: 1, occurrences: 1 }]
 * report.stale.staleIds;
 * //=> ['c-1']
 * ```
 */
export function assessQuality(customers: readonly Customer[], options: AssessQualityOptions): QualityReport {
  const asOf = requireDate(options?.asOf, 'asOf');
  assert(Array.isArray(customers), 'INVALID_ARGUMENT', { params: { field: 'customers', rule: 'must be an array of customers' } });
  const staleAfter = options.staleAfter ?? 365;
  assert(Number.isFinite(staleAfter) && staleAfter >= 0, 'INVALID_ARGUMENT', { params: { field: 'staleAfter', rule: 'must be a non-negative number of days' } });
  const required = options.required ?? ['displayName', 'phone', 'email', 'address', 'ownerId'];
  const unknown = required.find((f) => !(QUALITY_FIELDS as readonly string[]).includes(f));
  assert(unknown === undefined, 'INVALID_ARGUMENT', { params: { field: 'required', rule: 'lists an unknown field' } });

  const applicable = new Float64Array(required.length);
  const present = new Float64Array(required.length);
  const invalid = new Map<string, { records: number; occurrences: number }>();
  const invalidIds: string[] = [];
  const staleIds: string[] = [];
  const cutoff = asOf.getTime() - staleAfter * MS_PER_DAY;
  const contacts = options.lastContactedAt;
  let notUpdated = 0;
  let notContacted = 0;
  const checkOptions = { asOf, defaultRegion: options.defaultRegion ?? 'CN' };
  const { signal, onProgress } = options;
  throwIfAborted(signal, 'assessQuality');
  let done = 0;
  for (const c of customers) {
    if ((++done & 0x3fff) === 0) {
      throwIfAborted(signal, 'assessQuality');
      onProgress?.({ phase: 'check', done, total: customers.length });
    }
    for (let f = 0; f < required.length; f++) {
      const s = fieldState(c, required[f] as QualityField);
      if (s === undefined) continue;
      applicable[f] = (applicable[f] as number) + 1;
      if (s) present[f] = (present[f] as number) + 1;
    }
    const issues = checkCustomerFields(c, checkOptions);
    if (issues.length > 0) {
      invalidIds.push(c.id);
      const seen = new Set<string>();
      for (const i of issues) {
        const e = invalid.get(i.code) ?? { records: 0, occurrences: 0 };
        e.occurrences++;
        if (!seen.has(i.code)) e.records++;
        seen.add(i.code);
        invalid.set(i.code, e);
      }
    }
    const oldUpdate = c.updatedAt.getTime() < cutoff;
    const last = contacts?.get(c.id);
    const oldContact = contacts !== undefined && (last === undefined || last.getTime() < cutoff);
    if (oldUpdate) notUpdated++;
    if (oldContact) notContacted++;
    if (oldUpdate && (contacts === undefined || oldContact)) staleIds.push(c.id);
  }
  onProgress?.({ phase: 'check', done: customers.length, total: customers.length });
  const dup =
    options.duplicates === false
      ? undefined
      : findDuplicates(customers, { defaultRegion: checkOptions.defaultRegion, ...(signal && { signal }), ...(onProgress && { onProgress }), ...options.duplicates });
  const inClusters = dup?.clusters.reduce((s, g) => s + g.length, 0) ?? 0;
  return {
    asOf,
    total: customers.length,
    completeness: required.map((field, f) => ({
      field,
      applicable: applicable[f] as number,
      filled: present[f] as number,
      ratio: applicable[f] === 0 ? 1 : (present[f] as number) / (applicable[f] as number),
    })),
    invalid: [...invalid].map(([code, e]) => ({ code, ...e })).sort((a, b) => b.records - a.records || (a.code < b.code ? -1 : 1)),
    invalidRecords: invalidIds.length,
    invalidIds,
    stale: {
      staleAfterDays: staleAfter,
      notUpdated,
      ...(contacts !== undefined && { notContacted }),
      stale: staleIds.length,
      staleIds,
    },
    ...(dup && {
      duplicates: {
        clusters: dup.clusters.length,
        records: inClusters,
        surplus: inClusters - dup.clusters.length,
        reviewPairs: dup.pairs.filter((p) => p.status === 'review').length,
      },
    }),
  };
}
