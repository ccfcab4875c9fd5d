import { type Lifecycle, defineTrustedLifecycle } from '../machine/defineLifecycle';
import type { LifecycleDefinition } from '../machine/definition';

/**
 * The complaint workflow (投诉处理) as lifecycle data: opened → acknowledged → in_progress →
 * resolved → closed, with reopen from resolved or closed. A complaint may also be resolved straight
 * from opened (first-contact resolution). While the team waits on the customer (`await_customer`
 * → `waiting_on_customer`, 等待客户回复) the SLA clocks pause; `customer_replied` resumes work.
 *
 * @example
 * ```ts
 * COMPLAINT_LIFECYCLE_DEFINITION.stages;
 * //=> ['opened', 'acknowledged', 'in_progress', 'waiting_on_customer', 'resolved', 'closed', 'reopened']
 * ```
 */
export const COMPLAINT_LIFECYCLE_DEFINITION: LifecycleDefinition = {
  id: 'complaint',
  initial: 'opened',
  stages: ['opened', 'acknowledged', 'in_progress', 'waiting_on_customer', 'resolved', 'closed', 'reopened'],
  transitions: [
    { from: ['opened', 'reopened'], event: 'acknowledge', to: 'acknowledged' },
    { from: ['opened', 'acknowledged', 'reopened'], event: 'start', to: 'in_progress' },
    { from: ['opened', 'acknowledged', 'in_progress', 'reopened'], event: 'await_customer', to: 'waiting_on_customer' },
    { from: ['waiting_on_customer'], event: 'customer_replied', to: 'in_progress' },
    { from: ['opened', 'acknowledged', 'in_progress', 'waiting_on_customer', 'reopened'], event: 'resolve', to: 'resolved' },
    { from: ['resolved'], event: 'close', to: 'closed' },
    { from: ['resolved', 'closed'], event: 'reopen', to: 'reopened' },
  ],
};

/**
 * The complaint workflow built with {@link defineLifecycle}; drive it with {@link advanceComplaint}
 * (or {@link transition} directly).
 *
 * @example
 * ```ts
 * complaintLifecycle.definition.initial;
 * //=> 'opened'
 * ```
 */
export const complaintLifecycle: Lifecycle = /* @__PURE__ */ defineTrustedLifecycle(COMPLAINT_LIFECYCLE_DEFINITION);
