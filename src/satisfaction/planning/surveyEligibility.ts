import { assert } from '../errors';
import { requireDate } from '../../core/time';
import type { Complaint } from '../../lifecycle';

/**
 * The rules an adopter sets for whom to survey.
 *
 * @example
 * ```ts
 * const rules: SurveyRules = { minDaysBetween: 90, skipWhileComplaintOpen: true };
 * ```
 */
export interface SurveyRules {
  /** Do not survey a customer again within this many days of the last survey (0 to 3,650; default 0). */
  readonly minDaysBetween?: number;
  /** Do not survey a customer with a complaint opened and not yet closed (default true). */
  readonly skipWhileComplaintOpen?: boolean;
}

/**
 * Whether one customer may be surveyed now, and why not.
 *
 * @example
 * ```ts
 * const e: SurveyEligibility = { customerId: 'c1', eligible: false, reason: 'surveyed-recently', nextEligibleAt: new Date('2026-06-01') };
 * ```
 */
export interface SurveyEligibility {
  readonly customerId: string;
  readonly eligible: boolean;
  /** `surveyed-recently`, `complaint-open`, or `null` when eligible (the first reason that applies). */
  readonly reason: 'surveyed-recently' | 'complaint-open' | null;
  /** When the quiet period ends (`null` when it does not apply or an open complaint decides). */
  readonly nextEligibleAt: Date | null;
}

const DAY = 86_400_000;

/**
 * Applies survey rules to candidates: no one surveyed within `minDaysBetween` days (by the times in
 * `history.surveyedAt`, surveys sent or answered), and no one with a complaint opened by `asOf` that
 * has not reached `closed` by then. Pure: the adopter passes who was surveyed when and the complaints.
 *
 * @param candidates - customer ids to consider (duplicates are reported once)
 * @param history - `surveyedAt`: `{ customerId, at }` rows; `complaints`: complaints from the lifecycle area
 * @param rules - `minDaysBetween` (0), `skipWhileComplaintOpen` (true)
 * @param options - `asOf` (required)
 * @returns one row per distinct candidate, in the order given
 * @throws {CrmError} `INVALID_DATE` for an invalid `asOf` or history date; `INVALID_ARGUMENT` for bad rules
 *
 * @example
 * ```ts
 * import { surveyEligibility } from 'crmkit/satisfaction';
 * const asOf = new Date('2026-03-01T00:00:00Z');
 * surveyEligibility(['c1', 'c2'], { surveyedAt: [{ customerId: 'c1', at: new Date('2026-02-01T00:00:00Z') }] }, { minDaysBetween: 90 }, { asOf })
 *   .map((e) => [e.customerId, e.reason, e.nextEligibleAt?.toISOString() ?? null]);
 * //=> [['c1', 'surveyed-recently', '2026-05-02T00:00:00.000Z'], ['c2', null, null]]
 * ```
 */
export function surveyEligibility(
  candidates: Iterable<string>,
  history: { readonly surveyedAt?: readonly { readonly customerId: string; readonly at: Date }[]; readonly complaints?: readonly Complaint[] },
  rules: SurveyRules,
  options: { readonly asOf: Date },
): SurveyEligibility[] {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  assert(rules !== null && typeof rules === 'object', 'INVALID_ARGUMENT', { params: { field: 'rules', rule: 'must be an object' } });
  assert(history !== null && typeof history === 'object', 'INVALID_ARGUMENT', { params: { field: 'history', rule: 'must be an object' } });
  assert(candidates !== null && typeof (candidates as Iterable<string>)?.[Symbol.iterator] === 'function', 'INVALID_ARGUMENT', { params: { field: 'candidates', rule: 'must be an iterable of customer ids' } });
  const days = rules.minDaysBetween ?? 0;
  assert(Number.isInteger(days) && days >= 0 && days <= 3650, 'INVALID_ARGUMENT', { params: { field: 'minDaysBetween', rule: 'must be an integer from 0 to 3650' } });
  const skipComplaints = rules.skipWhileComplaintOpen ?? true;
  assert(typeof skipComplaints === 'boolean', 'INVALID_ARGUMENT', { params: { field: 'skipWhileComplaintOpen', rule: 'must be true or false' } });
  const last = new Map<string, number>();
  assert(history.surveyedAt === undefined || Array.isArray(history.surveyedAt), 'INVALID_ARGUMENT', { params: { field: 'history.surveyedAt', rule: 'must be an array' } });
  assert(history.complaints === undefined || Array.isArray(history.complaints), 'INVALID_ARGUMENT', { params: { field: 'history.complaints', rule: 'must be an array' } });
  for (const s of history.surveyedAt ?? []) {
    const t = requireDate(s?.at, 'history.surveyedAt.at').getTime();
    if (t > asOf) continue;
    const prior = last.get(s.customerId);
    if (prior === undefined || t > prior) last.set(s.customerId, t);
  }
  const open = new Set<string>();
  if (skipComplaints) for (const c of history.complaints ?? []) if (isOpenAt(c, asOf)) open.add(c.customerId);
  const out: SurveyEligibility[] = [];
  const seen = new Set<string>();
  for (const id of candidates) {
    assert(typeof id === 'string', 'INVALID_ARGUMENT', { params: { field: 'candidates', rule: 'must be customer ids' } });
    if (seen.has(id)) continue;
    seen.add(id);
    const at = last.get(id);
    const quietUntil = at === undefined || days === 0 ? null : at + days * DAY;
    if (quietUntil !== null && asOf < quietUntil) {
      out.push(Object.freeze({ customerId: id, eligible: false, reason: 'surveyed-recently', nextEligibleAt: new Date(quietUntil) }));
    } else if (open.has(id)) {
      out.push(Object.freeze({ customerId: id, eligible: false, reason: 'complaint-open', nextEligibleAt: null }));
    } else {
      out.push(Object.freeze({ customerId: id, eligible: true, reason: null, nextEligibleAt: null }));
    }
  }
  return out;
}

/** Opened by `asOf` and, as of then, not closed. */
function isOpenAt(c: Complaint, asOf: number): boolean {
  if (requireDate(c?.openedAt, 'complaint.openedAt').getTime() > asOf) return false;
  assert(Array.isArray(c.history), 'INVALID_ARGUMENT', { params: { field: 'complaint.history', rule: 'must be an array' } });
  let stage: string | null = null;
  for (const h of c.history) if (h.at.getTime() <= asOf) stage = h.stage;
  return stage !== 'closed';
}
