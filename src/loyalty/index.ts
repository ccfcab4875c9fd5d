/**
 * Loyalty (会员积分): programme definitions, an append-only points ledger with FIFO lots, expiry,
 * redemption and reversal, earning rules with tier multipliers, bonuses and caps, and tier
 * evaluation with qualification windows, reviews, grace periods and downgrades. Points are whole
 * numbers; every ledger function is pure and takes `asOf`.
 *
 * @module loyalty
 */
export { LoyaltyProgramSchema, parseLoyaltyProgram, type LoyaltyProgram, type LoyaltyProgramInput } from './program';
export { earnPoints, type EarnOptions, type EarnResult, type Purchase } from './earn';
export { expiryOf } from './expiryOf';
export { evaluateTier, type EvaluateTierOptions, type TierAmount, type TierEvaluation } from './tiers';
export * from './ledger';
