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
export { toOpportunityBook, type OpportunityBook } from './book';
export {
  DEFAULT_FORECAST_CATEGORY_RULES,
  FORECAST_CATEGORIES,
  type ForecastCategory,
  type ForecastCategoryRule,
} from './forecastCategories';
export { weightedForecast, type ForecastAmounts, type ForecastRow, type WeightedForecast, type WeightedForecastOptions } from './weightedForecast';
export { winRate, type ClosedFigureOptions, type WinRate, type WinRateByAmount } from './winRate';
export { averageDealSize, type AverageDealSize } from './averageDealSize';
export { salesCycleLength, type SalesCycleLength, type SalesCycleOptions } from './salesCycleLength';
export { salesVelocity, type SalesVelocity } from './salesVelocity';
export { stageConversion, type FunnelStep, type StageConversionOptions } from './stageConversion';
export { stageAging, type StageAge, type StageAgingOptions, type StuckDeal } from './stageAging';
export { pipelineCoverage, type OwnerQuota, type PipelineCoverage } from './pipelineCoverage';
export { pipelineChanges, type DealCount, type PipelineChanges } from './pipelineChanges';
