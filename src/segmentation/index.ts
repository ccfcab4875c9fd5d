/**
 * Segmentation: RFM summaries, scores and the 11-segment map, value tiers, rule segments that run
 * in memory or compile to PostgreSQL, tag rules and segment playbooks.
 *
 * @module segmentation
 */
export * from './rfm/index';
export { valueTiers, type ValueTier, type ValueTierOptions } from './valueTiers';
export * from './rules/index';
