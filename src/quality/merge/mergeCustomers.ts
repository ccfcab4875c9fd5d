import { assert } from '../errors';
import { domainEvent } from '../../core/events';
import { requireDate } from '../../core/time';
import type { Customer } from '../../customer/customer';
import { parseStoredOrFail } from '../../customer/createCustomer';
import { requireDenseArray } from '../../core/guards';
import { fillGaps, mergeConsent, unionById, unionContactPoints, unionRecords, unionStrings } from './combine';
import type { CustomersMerged } from './events';
import type { MergeRecord } from './mergeRecord';
import { DEFAULT_SURVIVORSHIP, SURVIVORSHIP_RULES, type Survivorship, type SurvivorshipField, rankedFor, ruleOrder, survivingValue } from './survivorship';

/**
 * Options for {@link mergeCustomers}.
 *
 * @example
 * ```ts
 * const options: MergeOptions = { now: new Date('2026-03-01'), survivorship: { displayName: 'longest' } };
 * ```
 */
export interface MergeOptions {
  /** When the merge happens: the golden record's `updatedAt` and the event's time. */
  readonly now: Date;
  /** Rule per field; unspecified fields use {@link DEFAULT_SURVIVORSHIP}. */
  readonly survivorship?: Survivorship;
  /** `source` values from most to least trusted, for the `sourcePriority` rule. Default none. */
  readonly sourcePriority?: readonly string[];
  /** The id the golden record keeps. Default: the record created first (ties: smaller id). */
  readonly survivorId?: string;
  /** Region for phones without a country code when de-duplicating contact points. Default `CN`. */
  readonly defaultRegion?: string;
}

/**
 * The result of {@link mergeCustomers}.
 *
 * @example
 * ```ts
 * const golden = (r: MergeResult) => r.customer;
 * ```
 */
export interface MergeResult {
  readonly customer: Customer;
  readonly mergeRecord: MergeRecord;
  readonly events: readonly CustomersMerged[];
}

const FIELDS = /* @__PURE__ */ Object.keys(DEFAULT_SURVIVORSHIP) as SurvivorshipField[];
const byCreation = /* @__PURE__ */ ruleOrder('oldest', 'displayName', []);

function checkRecords(records: readonly Customer[], survivorId: string | undefined): void {
  assert(Array.isArray(records) && records.length >= 2, 'INVALID_MERGE', { params: { rule: 'needs at least two records' } });
  requireDenseArray(records, 'records');
  const ids = new Set(records.map((c) => c.id));
  assert(ids.size === records.length, 'INVALID_MERGE', { params: { rule: 'record ids must be distinct' } });
  assert(records.every((c) => c.kind === records[0]?.kind), 'INVALID_MERGE', { params: { rule: 'records must be of the same kind' } });
  assert(survivorId === undefined || ids.has(survivorId), 'INVALID_MERGE', { params: { rule: 'survivorId must be one of the records' } });
}

/**
 * Merges duplicate customers into one golden record. Single-valued fields follow a
 * {@link SurvivorshipRule} each ({@link DEFAULT_SURVIVORSHIP}); `person` and `organization` take the
 * chosen record's details with gaps filled from the others. Nothing is dropped: contact points are
 * the union after normalisation ({@link contactPointKey}; verified if any copy was), tags the union,
 * attributes and external ids the union of keys (most recently updated record wins a conflict),
 * consent per channel the latest decision (a withdrawal wins a tie), organisation contacts and
 * departments the union by id. `createdAt` is the earliest, `updatedAt` is `now`, `version` is the
 * survivor's plus one. The result does not depend on the order of `records`. Records of the merged
 * ids in other repositories move with {@link repointRecords}.
 *
 * @param records - two or more customers of the same kind with distinct ids
 * @param options - {@link MergeOptions}
 * @returns the golden record, the merge record (for {@link unmergeCustomers}) and a `CustomersMerged` event
 * @throws {CrmError} `INVALID_MERGE` for fewer than two records, repeated ids, mixed kinds or an
 *   unknown `survivorId`; `VALIDATION_FAILED` when a record does not match the stored-customer
 *   schema (for example a reserved attribute key such as `constructor`, a consent channel not in the
 *   list, or an unknown property);
 *   `INVALID_ARGUMENT` for a sparse `records` array; `INVALID_ARGUMENT` for an unknown field or rule in `survivorship`;
 *   `INVALID_DATE` when `now` is not a valid date
 *
 * @example
 * ```ts
 * import { mergeCustomers } from 'crmkit/quality';
 * const base = { kind: 'person', attributes: {}, externalIds: {}, lifecycleStage: 'customer', consent: {}, version: 1 } as const;
 * const { customer, mergeRecord } = mergeCustomers([
 *   { ...base, id: 'c-1', displayName: '李雷', tags: ['vip'], contactPoints: [{ type: 'phone', value: '+8613812345678' }],
 *     createdAt: new Date('2025-01-01'), updatedAt: new Date('2025-01-01') },
 *   { ...base, id: 'c-2', displayName: '李 雷', tags: ['wechat'], contactPoints: [{ type: 'phone', value: '138 1234 5678' }, { type: 'email', value: 'li@example.cn' }],
 *     createdAt: new Date('2025-06-01'), updatedAt: new Date('2025-06-01') },
 * ], { now: new Date('2026-01-01'), survivorship: { displayName: 'oldest' } });
 * customer.id;
 * //=> 'c-1'
 * customer.displayName;
 * //=> '李雷'
 * customer.tags;
 * //=> ['vip', 'wechat']
 * customer.contactPoints.map((p) => p.type);
 * //=> ['phone', 'email']
 * mergeRecord.mergedIds;
 * //=> ['c-2']
 * ```
 */
export function mergeCustomers(records: readonly Customer[], options: MergeOptions): MergeResult {
  const now = requireDate(options?.now, 'now');
  checkRecords(records, options.survivorId);
  // Re-checked against the stored-customer schema like every other entry point (no reserved
  // attribute keys, no unknown consent channels, no extra or cyclic properties). Field rules such as
  // duplicate contact points are not applied: folding duplicates is what a merge is for. The merge
  // keeps the records exactly as given.
  for (const c of records) parseStoredOrFail(c);
  const rules = { ...DEFAULT_SURVIVORSHIP, ...options.survivorship };
  for (const [field, rule] of Object.entries(rules)) {
    assert(FIELDS.includes(field as SurvivorshipField) && (SURVIVORSHIP_RULES as readonly string[]).includes(rule), 'INVALID_ARGUMENT', {
      params: { field: `survivorship.${field}`, rule: 'must name a known field and rule' },
    });
  }
  const priority = options.sourcePriority ?? [];
  const region = options.defaultRegion ?? 'CN';
  const canonical = [...records].sort(byCreation);
  const survivorId = options.survivorId ?? (canonical[0] as Customer).id;
  const survivor = records.find((c) => c.id === survivorId) as Customer;
  // The survivor's own values come first wherever order decides (contact points, tags).
  const ordered = [survivor, ...canonical.filter((c) => c !== survivor)];
  const recentFirst = [...records].sort(ruleOrder('mostRecent', 'displayName', []));

  const chosen: Partial<Record<SurvivorshipField, unknown>> = {};
  for (const field of FIELDS) {
    if (field === 'person' || field === 'organization') continue;
    const v = survivingValue(records, field, rules[field], priority);
    if (v !== undefined) chosen[field] = v;
  }
  const person = fillGaps(rankedFor(records, 'person', rules.person, priority).map((c) => c.person));
  const orgRanked = rankedFor(records, 'organization', rules.organization, priority);
  const orgBase = fillGaps(orgRanked.map((c) => c.organization));
  const organization = orgBase && {
    ...orgBase,
    departments: unionById(orgRanked.map((c) => c.organization?.departments ?? [])),
    contacts: unionById(orgRanked.map((c) => c.organization?.contacts ?? [])),
  };

  // The golden record shares unchanged sub-objects with the inputs (they are immutable values);
  // the merge record gets its own deep copy so it keeps the inputs exactly as they were.
  const golden = {
    ...survivor,
    ...chosen,
    ...(person && { person }),
    ...(organization && { organization }),
    contactPoints: unionContactPoints(ordered, region),
    tags: unionStrings(ordered.map((c) => c.tags)),
    attributes: unionRecords(recentFirst.map((c) => c.attributes)),
    externalIds: unionRecords(recentFirst.map((c) => c.externalIds)),
    consent: mergeConsent(canonical),
    createdAt: (canonical[0] as Customer).createdAt,
    updatedAt: now,
    version: survivor.version + 1,
  } as Customer;
  const mergedIds = records.map((c) => c.id).filter((id) => id !== survivorId).sort();
  const copies = structuredClone({ inputs: [...records], golden });
  const mergeRecord: MergeRecord = { survivorId, mergedIds, inputs: copies.inputs, golden: copies.golden, mergedAt: now, repointed: [] };
  const event = domainEvent('CustomersMerged', survivorId, now, { survivorId, mergedIds: [...mergedIds], golden });
  return { customer: golden, mergeRecord, events: [event] };
}
