import { z } from 'zod';
import { CrmError, assert } from '../errors';
import { requireDate } from '../../core/time';
import { type BusinessCalendar, addBusinessMinutes, businessMinutesBetween } from './businessCalendar';
import type { Complaint, ComplaintPriority } from './complaint';
import { lazySchema } from '../../core/zod/lazySchema';
import { requireIterable } from '../../core/guards';
import { requireComplaint } from './requireComplaint';

const Target = /* @__PURE__ */ lazySchema(() => z.strictObject({ firstResponseMinutes: z.number().positive().max(525_600), resolutionMinutes: z.number().positive().max(5_256_000) }));

/**
 * zod schema of an SLA policy: per priority, the first-response and resolution targets in minutes,
 * counted from the complaint's opening (business minutes when a calendar is given).
 *
 * @example
 * ```ts
 * SlaPolicySchema.shape.urgent.parse({ firstResponseMinutes: 30, resolutionMinutes: 240 }).resolutionMinutes;
 * //=> 240
 * ```
 */
export const SlaPolicySchema = /* @__PURE__ */ lazySchema(() => z.strictObject({ low: Target, normal: Target, high: Target, urgent: Target }));

/**
 * An SLA policy; see {@link SlaPolicySchema}.
 *
 * @example
 * ```ts
 * const p: SlaPolicy = { ...DEFAULT_SLA_POLICY, urgent: { firstResponseMinutes: 15, resolutionMinutes: 120 } };
 * ```
 */
export type SlaPolicy = z.infer<typeof SlaPolicySchema>;

/**
 * A starting SLA policy: urgent 1 h / 8 h, high 4 h / 24 h, normal 8 h / 72 h, low 24 h / 168 h
 * (first response / resolution). Adjust it to your service commitments.
 *
 * @example
 * ```ts
 * DEFAULT_SLA_POLICY.high.firstResponseMinutes;
 * //=> 240
 * ```
 */
export const DEFAULT_SLA_POLICY: SlaPolicy = /* @__PURE__ */ Object.freeze({
  urgent: { firstResponseMinutes: 60, resolutionMinutes: 480 },
  high: { firstResponseMinutes: 240, resolutionMinutes: 1440 },
  normal: { firstResponseMinutes: 480, resolutionMinutes: 4320 },
  low: { firstResponseMinutes: 1440, resolutionMinutes: 10080 },
});

/**
 * One SLA target's status: when it is due, when it was met (null if not yet), and whether it is
 * breached (met after the deadline, or still unmet at `asOf` past the deadline).
 *
 * @example
 * ```ts
 * const s: SlaTargetStatus = { dueAt: new Date(0), metAt: null, breached: true };
 * ```
 */
export interface SlaTargetStatus {
  readonly dueAt: Date;
  readonly metAt: Date | null;
  readonly breached: boolean;
}

/**
 * A complaint's SLA status; see {@link slaStatus}.
 *
 * @example
 * ```ts
 * const s: SlaStatus = { complaintId: 'k-1', priority: 'low', pausedSince: null, firstResponse: { dueAt: new Date(0), metAt: new Date(0), breached: false }, resolution: { dueAt: new Date(0), metAt: null, breached: false } };
 * ```
 */
export interface SlaStatus {
  readonly complaintId: string;
  readonly priority: ComplaintPriority;
  /** When the clocks paused, if the complaint is waiting on the customer at `asOf`; otherwise null. */
  readonly pausedSince: Date | null;
  readonly firstResponse: SlaTargetStatus;
  readonly resolution: SlaTargetStatus;
}

/**
 * Options of {@link slaStatus} and {@link slaBreaches}: `asOf`, `calendar` to count business
 * time only (default: wall-clock time, 24/7), and `pauseStages`, the stages in which the clocks stop
 * (default `['waiting_on_customer']`; `[]` never pauses).
 *
 * @example
 * ```ts
 * const o: SlaOptions = { asOf: new Date('2026-03-02T10:00:00Z'), calendar: { holidays: ['2026-10-01'] } };
 * ```
 */
export interface SlaOptions {
  readonly asOf: Date;
  readonly calendar?: BusinessCalendar;
  readonly pauseStages?: readonly string[];
}

const DEFAULT_PAUSE_STAGES: readonly string[] = ['waiting_on_customer'];

function parsePolicy(policy: SlaPolicy): SlaPolicy {
  const parsed = SlaPolicySchema.safeParse(policy);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CrmError('INVALID_ARGUMENT', { params: { field: `policy.${issue?.path.join('.') ?? ''}`, rule: issue?.message ?? 'invalid' } });
  }
  return parsed.data;
}

/**
 * The SLA status of a complaint at `asOf`. First response is met by the first stage change after
 * `opened` (acknowledged, in progress or resolved); resolution is met by the latest entry into
 * `resolved` when the complaint is now resolved or closed (a reopened complaint is unresolved again,
 * measured against the same deadline from its opening). Stage entries after `asOf` are ignored.
 *
 * The clocks pause while the complaint is in a pause stage (waiting on the customer) and resume
 * when it leaves it, as service desks do: a deadline is the opening plus the target, counting only
 * the (business) time outside pauses. While paused at `asOf`, `dueAt` assumes the pause ends at
 * `asOf` (the earliest the deadline can be) and `pausedSince` says since when; a deadline that had
 * already passed before the pause stays breached.
 *
 * @param complaint - from {@link openComplaint} / {@link advanceComplaint}
 * @param policy - the {@link SlaPolicy}
 * @param options - `asOf`, optional business `calendar`
 * @returns deadlines, when they were met and breach flags
 * @throws {CrmError} `INVALID_DATE`; `INVALID_ARGUMENT` for a bad policy or calendar, or a `complaint` that is not one
 *
 * @example
 * ```ts
 * const { complaint } = openComplaint({ id: 'k-1', customerId: 'c-1', priority: 'urgent' }, { now: new Date('2026-03-02T01:00:00Z') });
 * const s = slaStatus(complaint, DEFAULT_SLA_POLICY, { asOf: new Date('2026-03-02T02:30:00Z') });
 * [s.firstResponse.dueAt.toISOString(), s.firstResponse.breached, s.resolution.breached];
 * //=> ['2026-03-02T02:00:00.000Z', true, false]
 * ```
 */
export function slaStatus(complaint: Complaint, policy: SlaPolicy, options: SlaOptions): SlaStatus {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  requireComplaint(complaint);
  const target = parsePolicy(policy)[complaint.priority];
  if (target === undefined) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'complaint.priority', rule: 'has no SLA target' } });
  const opened = requireDate(complaint.openedAt, 'complaint.openedAt');
  const pauseStages = options.pauseStages ?? DEFAULT_PAUSE_STAGES;
  assert(Array.isArray(pauseStages) && pauseStages.every((x) => typeof x === 'string'), 'INVALID_ARGUMENT', { params: { field: 'pauseStages', rule: 'must be an array of stage names' } });
  const seen = complaint.history.filter((h) => requireDate(h.at, 'complaint.history.at').getTime() <= asOf);
  // the pauses [from, to) from the history; one still running at asOf ends there
  const pauses: [number, number][] = [];
  seen.forEach((h, i) => {
    if (!pauseStages.includes(h.stage)) return;
    const next = seen[i + 1];
    pauses.push([h.at.getTime(), next === undefined ? asOf : next.at.getTime()]);
  });
  const last = seen[seen.length - 1];
  const pausedSince = last !== undefined && pauseStages.includes(last.stage) ? last.at : null;
  const calendar = options.calendar;
  const add = (from: number, minutes: number): number => (calendar === undefined ? from + minutes * 60_000 : addBusinessMinutes(new Date(from), minutes, calendar).getTime());
  const between = (from: number, to: number): number => (calendar === undefined ? Math.max(0, to - from) / 60_000 : businessMinutesBetween(new Date(from), new Date(to), calendar));
  const due = (minutes: number): Date => {
    let cursor = opened.getTime();
    let remaining = minutes;
    for (const [from, to] of pauses) {
      if (to <= cursor) continue;
      const before = between(cursor, from);
      if (before >= remaining) break;
      remaining -= before;
      cursor = Math.max(cursor, to);
    }
    return new Date(add(cursor, remaining));
  };
  const firstResponse = seen.find((h, i) => i > 0 && h.stage !== 'opened')?.at ?? null;
  const current = seen[seen.length - 1]?.stage;
  let resolved: Date | null = null;
  if (current === 'resolved' || current === 'closed') {
    for (const h of seen) if (h.stage === 'resolved') resolved = h.at;
  }
  const status = (dueAt: Date, metAt: Date | null): SlaTargetStatus => ({ dueAt, metAt, breached: (metAt === null ? asOf : metAt.getTime()) > dueAt.getTime() });
  return {
    complaintId: complaint.id,
    priority: complaint.priority,
    pausedSince,
    firstResponse: status(due(target.firstResponseMinutes), firstResponse),
    resolution: status(due(target.resolutionMinutes), resolved),
  };
}

/**
 * The complaints whose SLA is breached at `asOf` (first response or resolution), with their status,
 * most overdue first (by the earlier breached deadline).
 *
 * @param complaints - complaints to check
 * @param policy - the {@link SlaPolicy}
 * @param options - `asOf`, optional business `calendar`
 * @returns the breached complaints' statuses
 * @throws {CrmError} as {@link slaStatus}; `INVALID_ARGUMENT` when `complaints` is not iterable
 *
 * @example
 * ```ts
 * const now = new Date('2026-03-02T01:00:00Z');
 * const a = openComplaint({ id: 'k-1', customerId: 'c-1', priority: 'urgent' }, { now }).complaint;
 * const b = openComplaint({ id: 'k-2', customerId: 'c-2', priority: 'low' }, { now }).complaint;
 * slaBreaches([a, b], DEFAULT_SLA_POLICY, { asOf: new Date('2026-03-02T03:00:00Z') }).map((s) => s.complaintId);
 * //=> ['k-1']
 * ```
 */
export function slaBreaches(complaints: Iterable<Complaint>, policy: SlaPolicy, options: SlaOptions): SlaStatus[] {
  requireIterable(complaints, 'complaints');
  const out: { s: SlaStatus; key: number }[] = [];
  for (const c of complaints) {
    const s = slaStatus(c, policy, options);
    if (!s.firstResponse.breached && !s.resolution.breached) continue;
    const key = s.firstResponse.breached ? s.firstResponse.dueAt.getTime() : s.resolution.dueAt.getTime();
    out.push({ s, key });
  }
  return out.sort((a, b) => a.key - b.key || (a.s.complaintId < b.s.complaintId ? -1 : 1)).map((x) => x.s);
}
