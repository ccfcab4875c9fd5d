/**
 * Satisfaction scoring: survey definitions and responses (zod), NPS, CSAT and CES with their
 * sampling errors, a weighted 0..100 satisfaction index overall, per dimension and per group,
 * comparison with a target, improvement priorities, trends, key driver analysis, the closed loop
 * (callbacks after low scores, on the complaint workflow), survey rules and sample sizes, and a
 * plug-in point for adopters' own feedback text classifiers.
 *
 * @module satisfaction
 */
export { SCALE_TYPES, scaleRange, type ScaleType, type ScaleRange } from './scales';
export {
  QuestionSchema,
  DimensionSchema,
  SurveySchema,
  defineSurvey,
  type Question,
  type Dimension,
  type Survey,
  type SurveyInput,
} from './survey';
export { ResponseSchema, type SurveyResponse, type Answer } from './response';
export { validateResponse, parseResponse, isAnswerInScale, type ResponseIssue, type ResponseValidation } from './validateResponse';
export { dedupeResponses, type DuplicatePolicy } from './duplicates';
export { nps, type NpsOptions, type NpsResult } from './nps';
export { csat, type CsatOptions, type CsatResult } from './csat';
export { ces, type CesOptions, type CesResult } from './ces';
export {
  satisfactionIndex,
  type SatisfactionIndex,
  type SatisfactionIndexOptions,
  type ScoreEstimate,
  type DimensionScore,
} from './index/satisfactionIndex';
export { satisfactionIndexBy, type GroupBy, type GroupIndex, type SatisfactionIndexByOptions } from './index/satisfactionIndexBy';
export { periodKey, type Period, type PeriodOptions } from './index/periodKey';
export { improvementPriorities, type Priority, type PriorityOptions, type Quadrant } from './priorities';
export { satisfactionTrend, type TrendMetric, type TrendOptions, type TrendPoint } from './trends';
export {
  feedbackTexts,
  classifyFeedback,
  type FeedbackText,
  type FeedbackLabel,
  type FeedbackClassifier,
  type ClassifiedFeedback,
} from './feedback';
export { compareToTarget, type TargetComparison } from './stats/estimate';
export { wilsonInterval, type Interval } from './stats/wilson';
export { clopperPearsonInterval } from './stats/clopperPearson';
export { SMALL_SAMPLE_SIZE, studentTCdf, studentTQuantile, criticalValueForSample } from './stats/studentT';
export { keyDrivers, type KeyDriver, type KeyDriverOptions, type KeyDriverResult } from './drivers/keyDrivers';
export type { DriverMethod } from './drivers/driverImportance';
export { DEFAULT_CLOSED_LOOP_POLICY, defineClosedLoopPolicy, type ClosedLoopPolicy, type CallbackRule } from './closedLoop/policy';
export {
  openSurveyFollowUps,
  recordCallback,
  type CallbackAttempt,
  type CallbackOutcome,
  type SurveyFollowUpOptions,
  type SurveyFollowUp,
  type SurveyFollowUpOpened,
  type SurveyCallbackRecorded,
} from './closedLoop/followUp';
export { closedLoopReport, type ClosedLoopReport, type ScoreChange } from './closedLoop/closedLoopReport';
export { surveyEligibility, type SurveyEligibility, type SurveyRules } from './planning/surveyEligibility';
export { requiredSampleSize, requiredSampleSizes, type SampleSizeOptions } from './planning/requiredSampleSize';
export { normalQuantile, normalCdf, criticalValue } from './stats/normal';
