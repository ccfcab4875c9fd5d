import { assert } from '../errors';
import { type DomainEvent, domainEvent } from '../../core/events';
import { requireDate } from '../../core/time';
import type { Lifecycle } from '../machine/defineLifecycle';
import type { LifecycleState } from '../machine/state';
import { transition } from '../machine/transition';
import { complaintLifecycle } from './complaintLifecycle';
import { requireComplaint } from './requireComplaint';

/**
 * Complaint priorities, most urgent last.
 *
 * @example
 * ```ts
 * COMPLAINT_PRIORITIES.includes('urgent');
 * //=> true
 * ```
 */
export const COMPLAINT_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * A complaint priority.
 *
 * @example
 * ```ts
 * const p: ComplaintPriority = 'high';
 * ```
 */
export type ComplaintPriority = (typeof COMPLAINT_PRIORITIES)[number];

/**
 * A complaint: who raised it, its priority, its current state in the complaint lifecycle and every
 * stage it entered (oldest first, the first being `opened`). Holds no complaint text, so it can be
 * logged without personal data.
 *
 * @example
 * ```ts
 * const c: Complaint = openComplaint({ id: 'k-1', customerId: 'c-1', priority: 'high' }, { now: new Date('2026-03-02T01:00:00Z') }).complaint;
 * ```
 */
export interface Complaint {
  readonly id: string;
  readonly customerId: string;
  readonly priority: ComplaintPriority;
  readonly openedAt: Date;
  readonly state: LifecycleState;
  readonly history: readonly { readonly stage: string; readonly at: Date; readonly trigger: string | null }[];
}

/**
 * Raised by {@link openComplaint}.
 *
 * @example
 * ```ts
 * const e: ComplaintOpened = domainEvent('ComplaintOpened', 'c-1', new Date(0), { complaintId: 'k-1', priority: 'low' });
 * ```
 */
export type ComplaintOpened = DomainEvent<'ComplaintOpened', { readonly complaintId: string; readonly priority: ComplaintPriority }>;

/**
 * Raised by {@link advanceComplaint} when the complaint's stage changes.
 *
 * @example
 * ```ts
 * const e: ComplaintStageChanged = domainEvent('ComplaintStageChanged', 'c-1', new Date(0), { complaintId: 'k-1', from: 'opened', to: 'acknowledged', trigger: 'acknowledge' });
 * ```
 */
export type ComplaintStageChanged = DomainEvent<'ComplaintStageChanged', { readonly complaintId: string; readonly from: string; readonly to: string; readonly trigger: string }>;

/**
 * Opens a complaint at `now`.
 *
 * @param input - `id`, `customerId`, `priority`
 * @param options - `now`: when it was received
 * @returns the complaint and a `ComplaintOpened` event
 * @throws {CrmError} `INVALID_ARGUMENT` for an empty id or unknown priority; `INVALID_DATE`
 *
 * @example
 * ```ts
 * openComplaint({ id: 'k-1', customerId: 'c-1', priority: 'urgent' }, { now: new Date('2026-03-02T01:00:00Z') }).complaint.state.stage;
 * //=> 'opened'
 * ```
 */
export function openComplaint(
  input: { readonly id: string; readonly customerId: string; readonly priority: ComplaintPriority },
  options: { readonly now: Date },
): { complaint: Complaint; events: ComplaintOpened[] } {
  const now = requireDate(options?.now, 'now');
  assert(typeof input?.id === 'string' && input.id !== '', 'INVALID_ARGUMENT', { params: { field: 'id', rule: 'must be a non-empty string' } });
  assert(typeof input.customerId === 'string' && input.customerId !== '', 'INVALID_ARGUMENT', { params: { field: 'customerId', rule: 'must be a non-empty string' } });
  assert((COMPLAINT_PRIORITIES as readonly string[]).includes(input.priority), 'INVALID_ARGUMENT', { params: { field: 'priority', rule: `must be one of ${COMPLAINT_PRIORITIES.join(', ')}` } });
  const complaint: Complaint = Object.freeze({
    id: input.id,
    customerId: input.customerId,
    priority: input.priority,
    openedAt: now,
    state: Object.freeze({ customerId: input.customerId, stage: complaintLifecycle.definition.initial, since: now }),
    history: Object.freeze([Object.freeze({ stage: complaintLifecycle.definition.initial, at: now, trigger: null })]),
  });
  return { complaint, events: [domainEvent('ComplaintOpened', input.customerId, now, { complaintId: input.id, priority: input.priority })] };
}

/**
 * Moves a complaint through its workflow: `acknowledge`, `start`, `resolve`, `close`, `reopen`.
 * The complaint is never mutated; a new one comes back with the stage entry appended.
 *
 * @param complaint - the current complaint
 * @param event - the workflow event
 * @param options - `now` (not earlier than the current stage's start); `lifecycle` (default
 *   {@link complaintLifecycle}, for adopters who extend the workflow)
 * @returns the new complaint and a `ComplaintStageChanged` event
 * @throws {CrmError} `INVALID_TRANSITION` (for example closing an unresolved complaint),
 *   `UNKNOWN_EVENT`, `INVALID_ARGUMENT` when the clock goes backwards or `complaint` is not a
 *   complaint, `INVALID_DATE`
 *
 * @example
 * ```ts
 * const { complaint } = openComplaint({ id: 'k-1', customerId: 'c-1', priority: 'high' }, { now: new Date('2026-03-02T01:00:00Z') });
 * const acked = advanceComplaint(complaint, 'acknowledge', { now: new Date('2026-03-02T02:00:00Z') });
 * acked.complaint.history.map((h) => h.stage);
 * //=> ['opened', 'acknowledged']
 * ```
 */
export function advanceComplaint(
  complaint: Complaint,
  event: string,
  options: { readonly now: Date; readonly lifecycle?: Lifecycle },
): { complaint: Complaint; events: ComplaintStageChanged[] } {
  requireComplaint(complaint);
  const r = transition(options?.lifecycle ?? complaintLifecycle, complaint.state, event, { now: options?.now });
  if (r.events.length === 0) return { complaint, events: [] };
  // The new state's own copy of `now`: the history must not hold the caller's Date.
  const now = r.state.since;
  const next: Complaint = Object.freeze({
    ...complaint,
    state: r.state,
    history: Object.freeze([...complaint.history, Object.freeze({ stage: r.state.stage, at: now, trigger: event })]),
  });
  return {
    complaint: next,
    events: [domainEvent('ComplaintStageChanged', complaint.customerId, now, { complaintId: complaint.id, from: complaint.state.stage, to: r.state.stage, trigger: event })],
  };
}
