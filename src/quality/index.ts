/**
 * Data quality: duplicate detection (blocking, Jaro-Winkler, Fellegi-Sunter weights, clusters),
 * merging with survivorship rules and exact unmerge, re-pointing of customer-owned records, a
 * seeded synthetic data set with known duplicates, and the quality report (completeness, invalid
 * values, stale records, duplicates).
 *
 * @module quality
 */
export { jaro, jaroWinkler, normalizeName, normalizeOrganizationName } from './duplicates/similarity';
export { DEFAULT_MATCH_PARAMETERS, levelWeight, type LevelProbabilities, type MatchParameters } from './duplicates/fellegiSunter';
export { BLOCKING_KEYS, type BlockingKey, type CustomBlockingKey } from './duplicates/blocking';
export { RARE_NAME_MAX_RECORDS } from './duplicates/blockRules';
export type { FieldEvidence, MatchField } from './duplicates/comparePair';
export { findDuplicates, type DuplicatePair, type DuplicateResult, type FindDuplicatesOptions } from './duplicates/findDuplicates';
export { findDuplicatesInStream } from './duplicates/findDuplicatesInStream';
export { clusterPairs } from './duplicates/clusters';
export { evaluateDuplicates, type DuplicateQuality } from './duplicates/evaluateDuplicates';
export { mulberry32 } from './synthetic/random';
export { SYNTHETIC_CORRUPTIONS, syntheticCustomers, type SyntheticCustomers, type SyntheticOptions } from './synthetic/syntheticCustomers';
export { syntheticCustomerStream } from './synthetic/syntheticCustomerStream';
export {
  DEFAULT_SURVIVORSHIP,
  SURVIVORSHIP_RULES,
  type Survivorship,
  type SurvivorshipField,
  type SurvivorshipRule,
} from './merge/survivorship';
export { contactPointKey } from './merge/combine';
export { mergeCustomers, type MergeOptions, type MergeResult } from './merge/mergeCustomers';
export { unmergeCustomers, type UnmergeOptions } from './merge/unmergeCustomers';
export { repointRecords, restoreRepointedRecords } from './merge/repointRecords';
export type { MergeRecord, RepointedRecords } from './merge/mergeRecord';
export type { CustomersMerged, CustomersUnmerged } from './merge/events';
export {
  QUALITY_FIELDS,
  assessQuality,
  lastContactByCustomer,
  type AssessQualityOptions,
  type QualityField,
  type QualityReport,
} from './assessQuality';
export { renderQualityReport } from './renderQualityReport';
export { estimateMatchParameters, type EstimateOptions, type MatchParameterEstimate } from './duplicates/estimateMatchParameters';
export { buildDuplicateIndex, createDuplicateIndex, type DuplicateIndex } from './duplicates/duplicateIndex';
