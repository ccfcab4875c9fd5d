import { assert } from './errors';
import { domainEvent } from '../core/events';
import { requireDate } from '../core/time';
import { type Pipeline, type PipelineIndex, pipelineIndex, stagePosition } from './definePipeline';
import { machineStep } from './machineStep';
import type { MoveKind, OpportunityStageChanged } from './events';
import type { Opportunity } from './opportunity';

/**
 * Options of {@link moveOpportunity}.
 *
 * @example
 * ```ts
 * const o: MoveOpportunityOptions = { now: new Date('2026-03-01T00:00:00Z'), reason: 'budget cut' };
 * ```
 */
export interface MoveOpportunityOptions {
  /** When the move happens; not earlier than the start of the current stage. */
  readonly now: Date;
  /** Why (at most 512 characters). Required to go back, lose or reopen; recorded in the history. */
  readonly reason?: string;
}

/** The kind of a move from one stage position to another (both already validated). */
export function moveKind(index: PipelineIndex, from: number, to: number): MoveKind {
  const toKind = index.kind[to];
  if (toKind === 1) return 'win';
  if (toKind === 2) return 'lose';
  if (index.kind[from] === 2) return 'reopen';
  return to > from ? 'advance' : 'back';
}

/**
 * Moves an opportunity to another stage of its pipeline, as the pipeline's machine allows (see
 * `definePipeline`): forward (skipping stages), back, won, lost, or a lost deal reopened. The move
 * is checked by the lifecycle machinery (`transition`), so a disallowed move and a clock running
 * backwards fail the same way as in a lifecycle. Winning or losing sets `closedAt`; losing records
 * `reason` as `lostReason`; reopening clears both. A probability override is dropped (it belonged
 * to the old stage). `version` goes up by one and `updatedAt` becomes `now`. Never mutates the input.
 *
 * @param pipeline - from `definePipeline`
 * @param opportunity - the deal as stored
 * @param toStage - the stage to move to
 * @param options - `now` (required) and `reason` (required to go back, lose or reopen)
 * @returns the moved opportunity and one `OpportunityStageChanged` event
 * @throws {CrmError} `UNKNOWN_STAGE` for a stage not in the pipeline; `INVALID_TRANSITION` when the
 *   move is not allowed (including to the same stage, and out of a won stage); `INVALID_ARGUMENT`
 *   when a required reason is missing or too long, or `now` is before the current stage began;
 *   `INVALID_DATE` for a bad `now`
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, createOpportunity, moveOpportunity } from 'crmkit/pipeline';
 * const { opportunity } = createOpportunity(DEFAULT_B2B_PIPELINE, {
 *   id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP', amount: { amount: '5000', currency: 'CNY' },
 *   stage: 'lead', expectedCloseDate: '2026-06-30',
 * }, { now: new Date('2026-01-05T00:00:00Z') });
 * const moved = moveOpportunity(DEFAULT_B2B_PIPELINE, opportunity, 'lost', { now: new Date('2026-02-01T00:00:00Z'), reason: 'no budget' });
 * [moved.opportunity.stage, moved.opportunity.lostReason, moved.events[0].move];
 * //=> ['lost', 'no budget', 'lose']
 * ```
 */
export function moveOpportunity(
  pipeline: Pipeline,
  opportunity: Opportunity,
  toStage: string,
  options: MoveOpportunityOptions,
): { opportunity: Opportunity; events: [OpportunityStageChanged] } {
  const index = pipelineIndex(pipeline);
  const now = requireDate(options?.now, 'now');
  const history = opportunity?.stageHistory;
  assert(Array.isArray(history) && history.length > 0, 'INVALID_ARGUMENT', { params: { field: 'stageHistory', rule: 'must not be empty' } });
  const since = requireDate(history[history.length - 1]?.at, 'stageHistory.at');
  const from = stagePosition(index, opportunity.stage);
  const to = stagePosition(index, toStage);
  // The machine decides whether the move is allowed; its state is the deal's current stage.
  machineStep(pipeline, { customerId: opportunity.customerId, stage: opportunity.stage, since }, toStage, now);
  const kind = moveKind(index, from, to);
  const reason = options.reason;
  assert(reason === undefined || (typeof reason === 'string' && reason.length <= 512), 'INVALID_ARGUMENT', { params: { field: 'reason', rule: 'must be a string of at most 512 characters' } });
  if (kind === 'back' || kind === 'lose' || kind === 'reopen') {
    assert(reason !== undefined && reason.trim() !== '', 'INVALID_ARGUMENT', { params: { field: 'reason', rule: 'is required to go back, lose or reopen a deal' } });
  }
  const at = new Date(now.getTime());
  const { probability: _dropped, closedAt: _closed, lostReason: _lost, ...rest } = opportunity;
  const moved: Opportunity = {
    ...rest,
    stage: toStage,
    updatedAt: at,
    version: opportunity.version + 1,
    stageHistory: [...history.map((e) => ({ ...e, at: new Date(e.at.getTime()) })), { stage: toStage, at, ...(reason !== undefined && { reason }) }],
    ...((kind === 'win' || kind === 'lose') && { closedAt: at }),
    ...(kind === 'lose' && { lostReason: reason }),
  };
  const event: OpportunityStageChanged = domainEvent('OpportunityStageChanged', opportunity.customerId, at, {
    opportunityId: opportunity.id,
    pipelineId: pipeline.definition.id,
    from: opportunity.stage,
    to: toStage,
    move: kind,
    ...(reason !== undefined && { reason }),
  });
  return { opportunity: moved, events: [event] };
}
