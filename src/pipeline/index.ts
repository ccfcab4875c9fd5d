/**
 * The sales pipeline (销售管道, 商机): opportunities, pipelines of stages with the moves between
 * them, and the figures a sales team runs on (weighted forecast, win rate, velocity, funnel, stage
 * aging, coverage, the pipeline waterfall).
 *
 * @module pipeline
 */
export { OpportunityInputSchema, OpportunitySchema, StageHistoryEntrySchema, type Opportunity, type OpportunityInput, type StageHistoryEntry } from './opportunity';
export { opportunityJsonSchema } from './jsonSchema';
export type { MoveKind, OpportunityCreated, OpportunityStageChanged } from './events';
export { definePipeline, pipelineStage, type Pipeline, type PipelineDefinition, type PipelineStage, type StageKind } from './definePipeline';
export { DEFAULT_B2B_PIPELINE, DEFAULT_B2G_PIPELINE } from './defaultPipelines';
export { createOpportunity, type CreateOpportunityOptions } from './createOpportunity';
export { moveOpportunity, type MoveOpportunityOptions } from './moveOpportunity';
export { replayStages } from './replayStages';
