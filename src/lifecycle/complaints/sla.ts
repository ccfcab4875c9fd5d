import { z } from 'zod';
import { CrmError } from '../../core/errors/CrmError';
import { requireDate } from '../../core/time';
import { type BusinessCalendar, addBusinessMinutes } from './businessCalendar';
import type { Complaint, ComplaintPriority } from './complaint';

const Target = /* @__PURE__ */ (() => z.strictObject({ firstResponseMinutes: z.number().positive().max(525_600), resolutionMinutes: z.number().positive().max(5_256_000) }))();

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
export const SlaPolicySchema = /* @__PURE__ */ z.strictObject({ low: Target, normal: Target, high: Target, urgent: Target });

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
 * const s: SlaStatus = { complaintId: 'k-1', priority: 'low', firstResponse: { dueAt: new Date(0), metAt: new Date(0), breached: false }, resolution: { dueAt: new Date(0), metAt: null, breached: false } };
 * ```
 */
export interface SlaStatus {
  readonly complaintId: string;
  readonly priority: ComplaintPriority;
  readonly firstResponse: SlaTargetStatus;
  readonly resolution: SlaTargetStatus;
}

/**
 * Options of {@link slaStatus} and {@link slaBreaches}: `asOf`, and `calendar` to count business
 * time only (default: wall-clock time, 24/7).
 *
 * @example
 * ```ts
 * const o: SlaOptions = { asOf: new Date('2026-03-02T10:00:00Z'), calendar: { holidays: ['2026-10-01'] } };
 * ```
 */
export interface SlaOptions {
  readonly asOf: Date;
  readonly calendar?: BusinessCalendar;
}

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
 * @param complaint - from {@link openComplaint} / {@link advanceComplaint}
 * @param policy - the {@link SlaPolicy}
 * @param options - `asOf`, optional business `calendar`
 * @returns deadlines, when they were met and breach flags
 * @throws {CrmError} `INVALID_DATE`; `INVALID_ARGUMENT` for a bad policy or calendar
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
  const target = parsePolicy(policy)[complaint.priority];
  if (target === undefined) throw new CrmError('INVALID_ARGUMENT', { params: { field: 'complaint.priority', rule: 'has no SLA target' } });
  const opened = requireDate(complaint.openedAt, 'complaint.openedAt');
  const due = (minutes: number) => (options.calendar === undefined ? new Date(opened.getTime() + minutes * 60_000) : addBusinessMinutes(opened, minutes, options.calendar));
  const seen = complaint.history.filter((h) => requireDate(h.at, 'complaint.history.at').getTime() <= asOf);
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
 * @throws {CrmError} as {@link slaStatus}
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
  const out: { s: SlaStatus; key: number }[] = [];
  for (const c of complaints) {
    const s = slaStatus(c, policy, options);
    if (!s.firstResponse.breached && !s.resolution.breached) continue;
    const key = s.firstResponse.breached ? s.firstResponse.dueAt.getTime() : s.resolution.dueAt.getTime();
    out.push({ s, key });
  }
  return out.sort((a, b) => a.key - b.key || (a.s.complaintId < b.s.complaintId ? -1 : 1)).map((x) => x.s);
}
