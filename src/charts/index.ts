/**
 * Charts: pure functions from crmkit results to Vega-Lite v6 specifications (plain JSON, no runtime
 * dependency): the RFM grid, value concentration, cohort retention, lifecycle stage flow, CLV model
 * tracking and P(alive), satisfaction trends with margins of error, the improvement-priority
 * quadrant, and duplicate-score distributions. Every builder aggregates first, so a spec stays
 * small for a million customers. Labels in `en` and `zh-CN`.
 *
 * @module charts
 */
export { chartLabels, type ChartLabel } from './labels';
export { VEGA_LITE_SCHEMA, type ChartOptions, type VegaLiteSpec } from './spec';
export { rfmGridChart, type RfmGridOptions } from './rfmGrid';
export { valueCurveChart, type ValueCurveOptions } from './valueCurve';
export { cohortRetentionChart } from './cohortRetention';
export { stageFlowChart, type StageAssignment } from './stageFlow';
export { clvTrackingChart, type ClvTrackingOptions } from './clvTracking';
export { probabilityAliveChart, type ProbabilityAliveOptions } from './probabilityAlive';
export { satisfactionTrendChart } from './satisfactionTrend';
export { priorityQuadrantChart } from './priorityQuadrant';
export { duplicateScoreChart, type DuplicateScoreOptions } from './duplicateScores';
