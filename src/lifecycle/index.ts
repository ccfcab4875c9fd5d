/**
 * Customer lifecycle: a typed finite state machine defined as plain data, the default customer
 * lifecycle (prospect → lead → first purchase → repeat → loyal, at risk, churned, won back),
 * stage derivation and replay from transaction history, playbooks, follow-up plans (回访), care
 * calendars (客户关怀) and a complaint workflow with SLAs (投诉处理).
 *
 * @module lifecycle
 */
export { LifecycleDefinitionSchema, TransitionSchema, type LifecycleDefinition, type LifecycleTransition } from './machine/definition';
export { defineLifecycle, type Guard, type GuardInput, type Lifecycle } from './machine/defineLifecycle';
export type { LifecycleState, LifecycleStageChanged } from './machine/state';
export { transition, initialState, can, type TransitionOptions, type TransitionResult } from './machine/transition';
export { defaultLifecycle, DEFAULT_LIFECYCLE_DEFINITION, DEFAULT_GUARDS, DEFAULT_STAGES, DEFAULT_EVENTS, type DefaultStage } from './defaultLifecycle';
export { DEFAULT_STAGE_POLICY, type StagePolicy, type PurchaseSummary } from './derive/policy';
export type { CustomerHistory } from './derive/history';
export { historyEvents, type TimedEvent } from './derive/historyEvents';
export { deriveStage } from './derive/deriveStage';
export { replay, applyEvents, type ReplayResult, type StageSpan } from './derive/replay';
export { stageDurations } from './derive/stageDurations';
export { defineLifecyclePlaybook, playbookActions, PlaybookActionSchema, type LifecyclePlaybook, type PlaybookAction } from './playbooks';
export { defaultLifecyclePlaybook } from './defaultLifecyclePlaybook';
export { complaintLifecycle, COMPLAINT_LIFECYCLE_DEFINITION } from './complaints/complaintLifecycle';
export {
  openComplaint,
  advanceComplaint,
  COMPLAINT_PRIORITIES,
  type Complaint,
  type ComplaintPriority,
  type ComplaintOpened,
  type ComplaintStageChanged,
} from './complaints/complaint';
export { addBusinessMinutes, businessMinutesBetween, BusinessCalendarSchema, MAX_BUSINESS_MINUTES, type BusinessCalendar } from './complaints/businessCalendar';
export { slaStatus, slaBreaches, DEFAULT_SLA_POLICY, SlaPolicySchema, type SlaPolicy, type SlaStatus, type SlaTargetStatus, type SlaOptions } from './complaints/sla';
export { FollowUpRuleSchema, DEFAULT_FOLLOW_UP_RULES, type FollowUpRule } from './followups/followUpRule';
export { followUpsDue, type FollowUp, type FollowUpCustomer, type FollowUpOptions, type SkippedFollowUp } from './followups/followUpsDue';
export { careTasks, CareHolidaySchema, type CareCustomer, type CareHoliday, type CareTask, type CareOptions } from './care/careTasks';
export { lunarToGregorian, gregorianToLunar, type LunarDate } from './care/lunar/lunarDate';
export { lunarBirthdays } from './care/lunar/lunarBirthdays';
export { lunarHolidays } from './care/lunar/lunarHolidays';
export { cnPublicHolidays, withPublicHolidays, type PublicHolidayYear } from './complaints/cnPublicHolidays';
