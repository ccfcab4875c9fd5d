import type { Customer } from '../../customer/customer';

/**
 * How a merge chooses one value for a field among the records:
 *
 * - `mostRecent`: from the record updated last (`updatedAt`)
 * - `oldest`: from the record created first (`createdAt`)
 * - `mostComplete`: from the record with the most filled-in fields
 * - `sourcePriority`: from the record whose `source` comes first in the `sourcePriority` option
 * - `longest`: the longest text
 *
 * Only records where the field has a value take part; every rule breaks ties by the next rule in
 * `mostRecent`, then by the smaller id, so a merge never depends on the order of its inputs.
 *
 * @example
 * ```ts
 * import { SURVIVORSHIP_RULES } from 'crmkit/quality';
 * SURVIVORSHIP_RULES.includes('sourcePriority');
 * //=> true
 * ```
 */
export const SURVIVORSHIP_RULES = ['mostRecent', 'oldest', 'mostComplete', 'sourcePriority', 'longest'] as const;

/**
 * A rule in {@link SURVIVORSHIP_RULES}.
 *
 * @example
 * ```ts
 * const rule: SurvivorshipRule = 'mostComplete';
 * ```
 */
export type SurvivorshipRule = (typeof SURVIVORSHIP_RULES)[number];

/**
 * The fields whose value a rule chooses. Contact points, tags, attributes, external ids, consent,
 * organisation contacts and departments are always combined instead (see {@link mergeCustomers}).
 *
 * @example
 * ```ts
 * const field: SurvivorshipField = 'ownerId';
 * ```
 */
export type SurvivorshipField = 'displayName' | 'person' | 'organization' | 'source' | 'acquisitionChannel' | 'ownerId' | 'teamId' | 'lifecycleStage';

/**
 * The rule per field. Defaults: `displayName` mostRecent, `person` and `organization` mostComplete
 * (then gaps filled from the other records), `source` and `acquisitionChannel` oldest, `ownerId`,
 * `teamId` and `lifecycleStage` mostRecent.
 *
 * @example
 * ```ts
 * const rules: Survivorship = { displayName: 'longest', ownerId: 'sourcePriority' };
 * ```
 */
export type Survivorship = Partial<Record<SurvivorshipField, SurvivorshipRule>>;

/**
 * The default rule of each field; see {@link Survivorship}.
 *
 * @example
 * ```ts
 * import { DEFAULT_SURVIVORSHIP } from 'crmkit/quality';
 * DEFAULT_SURVIVORSHIP.ownerId;
 * //=> 'mostRecent'
 * ```
 */
export const DEFAULT_SURVIVORSHIP: Readonly<Record<SurvivorshipField, SurvivorshipRule>> = {
  displayName: 'mostRecent',
  person: 'mostComplete',
  organization: 'mostComplete',
  source: 'oldest',
  acquisitionChannel: 'oldest',
  ownerId: 'mostRecent',
  teamId: 'mostRecent',
  lifecycleStage: 'mostRecent',
};

export const hasValue = (v: unknown): boolean =>
  v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '') && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) && Object.keys(v).length === 0);

/** Number of filled-in fields, counting nested objects' leaves. */
export function completeness(value: unknown): number {
  if (!hasValue(value)) return 0;
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && !(value instanceof Date)) {
    let n = 0;
    for (const v of Object.values(value as object)) n += completeness(v);
    return n;
  }
  return 1;
}

const byId = (a: Customer, b: Customer) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const mostRecent = (a: Customer, b: Customer) => b.updatedAt.getTime() - a.updatedAt.getTime() || byId(a, b);

/** A total order over records for a rule: the first record wins. */
export function ruleOrder(rule: SurvivorshipRule, field: SurvivorshipField, sourcePriority: readonly string[]): (a: Customer, b: Customer) => number {
  switch (rule) {
    case 'mostRecent':
      return mostRecent;
    case 'oldest':
      return (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || mostRecent(a, b);
    case 'mostComplete':
      return (a, b) => completeness(b[field]) - completeness(a[field]) || completeness(b) - completeness(a) || mostRecent(a, b);
    case 'sourcePriority': {
      const rank = (c: Customer) => {
        const i = c.source === undefined ? -1 : sourcePriority.indexOf(c.source);
        return i < 0 ? sourcePriority.length : i;
      };
      return (a, b) => rank(a) - rank(b) || mostRecent(a, b);
    }
    case 'longest': {
      const len = (c: Customer) => {
        const v = c[field];
        return typeof v === 'string' ? v.trim().length : completeness(v);
      };
      return (a, b) => len(b) - len(a) || mostRecent(a, b);
    }
  }
}

/** The surviving value of one field, or undefined when no record has one. */
export function survivingValue<F extends SurvivorshipField>(records: readonly Customer[], field: F, rule: SurvivorshipRule, sourcePriority: readonly string[]): Customer[F] | undefined {
  const candidates = records.filter((c) => hasValue(c[field]));
  if (candidates.length === 0) return undefined;
  return [...candidates].sort(ruleOrder(rule, field, sourcePriority))[0]?.[field];
}

/** The records in the order their rule ranks them for `field` (used to fill gaps in objects). */
export function rankedFor(records: readonly Customer[], field: SurvivorshipField, rule: SurvivorshipRule, sourcePriority: readonly string[]): Customer[] {
  return [...records].sort(ruleOrder(rule, field, sourcePriority));
}
