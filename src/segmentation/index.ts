/**
 * Segmentation: RFM summaries, scores and the 11-segment map, value tiers, rule segments that run
 * in memory or compile to PostgreSQL, tag rules and segment playbooks.
 *
 * @module segmentation
 */
export * from './rfm/index';
export { valueTiers, type ValueTier, type ValueTierOptions } from './valueTiers';
export * from './rules/index';
export { rfmMetrics, NO_PURCHASE_SEGMENT, type RfmMetricsOptions } from './metrics';
export { applyTagRules, compileTagRules, TagRuleSchema, type TagRule, type TagRuleResult, type TagRuleOptions } from './tags';
export { recommendTreatments, DEFAULT_PLAYBOOK, PlaybookSchema, type Playbook, type Treatment } from './playbooks';
