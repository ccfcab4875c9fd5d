import { assert } from './errors';
import type { LifecycleState } from '../lifecycle/machine/state';
import { type Pipeline, pipelineIndex, stagePosition } from './definePipeline';
import { machineStep } from './machineStep';
import type { StageHistoryEntry } from './opportunity';

/**
 * Replays a stage history through the pipeline's machine and returns the stage it ends in: every
 * step must be a move the pipeline allows, in time order, starting in an open stage. For a
 * consistent opportunity the result is its `stage`.
 *
 * @param pipeline - from `definePipeline`
 * @param history - the opportunity's `stageHistory`, oldest first
 * @returns the final stage
 * @throws {CrmError} `INVALID_ARGUMENT` for an empty history; `UNKNOWN_STAGE`;
 *   `INVALID_TRANSITION` for a move the pipeline does not allow (or a first stage that is closed);
 *   `INVALID_DATE`; `INVALID_ARGUMENT` when an entry is earlier than the one before it
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, replayStages } from 'crmkit/pipeline';
 * replayStages(DEFAULT_B2B_PIPELINE, [
 *   { stage: 'lead', at: new Date('2026-01-01T00:00:00Z') },
 *   { stage: 'proposal', at: new Date('2026-01-10T00:00:00Z') },
 *   { stage: 'won', at: new Date('2026-02-01T00:00:00Z') },
 * ]);
 * //=> 'won'
 * ```
 */
export function replayStages(pipeline: Pipeline, history: readonly StageHistoryEntry[]): string {
  const index = pipelineIndex(pipeline);
  assert(Array.isArray(history) && history.length > 0, 'INVALID_ARGUMENT', { params: { field: 'stageHistory', rule: 'must not be empty' } });
  const first = history[0] as StageHistoryEntry;
  assert(index.kind[stagePosition(index, first.stage)] === 0, 'INVALID_TRANSITION', { params: { event: 'create', from: first.stage } });
  let state: LifecycleState = { customerId: 'replay', stage: first.stage, since: first.at };
  for (let i = 1; i < history.length; i++) {
    const entry = history[i] as StageHistoryEntry;
    stagePosition(index, entry.stage);
    state = machineStep(pipeline, state, entry.stage, entry.at);
  }
  return state.stage;
}
