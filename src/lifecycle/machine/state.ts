import type { DomainEvent } from '../../core/events';

/**
 * Where one customer (or complaint, or any subject) stands: its stage and since when.
 *
 * @example
 * ```ts
 * const s: LifecycleState = { customerId: 'c-1', stage: 'lead', since: new Date('2026-01-01T00:00:00Z') };
 * ```
 */
export interface LifecycleState {
  readonly customerId: string;
  readonly stage: string;
  /** When the subject entered `stage`. */
  readonly since: Date;
}

/**
 * The domain event {@link transition} returns when a stage changes: `from`, `to`, the `trigger`
 * event and the lifecycle's id; `occurredAt` is the `now` of the transition.
 *
 * @example
 * ```ts
 * const e: LifecycleStageChanged = domainEvent('LifecycleStageChanged', 'c-1', new Date(0), {
 *   lifecycleId: 'default', from: 'lead', to: 'first_purchase', trigger: 'purchase',
 * });
 * ```
 */
export type LifecycleStageChanged = DomainEvent<
  'LifecycleStageChanged',
  { readonly lifecycleId: string; readonly from: string; readonly to: string; readonly trigger: string }
>;
