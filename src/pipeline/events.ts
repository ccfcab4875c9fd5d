import type { DomainEvent } from '../core/events';
import type { Opportunity } from './opportunity';

/**
 * Raised when an opportunity is created. `customerId` is the deal's customer.
 *
 * @example
 * ```ts
 * const onEvent = (e: OpportunityCreated) => e.opportunity.name;
 * ```
 */
export type OpportunityCreated = DomainEvent<'OpportunityCreated', { readonly opportunity: Opportunity }>;

/**
 * Raised when an opportunity moves to another stage: `from`, `to`, the kind of move, the reason
 * given, and the pipeline's id. `customerId` is the deal's customer; `occurredAt` the move's `now`.
 *
 * @example
 * ```ts
 * const onEvent = (e: OpportunityStageChanged) => `${e.opportunityId}: ${e.from} -> ${e.to}`;
 * ```
 */
export type OpportunityStageChanged = DomainEvent<
  'OpportunityStageChanged',
  {
    readonly opportunityId: string;
    readonly pipelineId: string;
    readonly from: string;
    readonly to: string;
    readonly move: MoveKind;
    readonly reason?: string;
  }
>;

/**
 * What kind of move a stage change is: `advance` (forward, perhaps skipping stages), `back`,
 * `win`, `lose` or `reopen` (a lost deal back to an open stage).
 *
 * @example
 * ```ts
 * const k: MoveKind = 'reopen';
 * ```
 */
export type MoveKind = 'advance' | 'back' | 'win' | 'lose' | 'reopen';
