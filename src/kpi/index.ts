/**
 * Customer KPIs for a period, each taking `asOf` and the period explicitly: retention and churn
 * rates, repeat-purchase rate, average purchase interval, cohort retention by acquisition month,
 * and per-owner figures. Formulas are in each function's documentation and in the guide
 * "Lifecycle and KPIs".
 *
 * @module kpi
 */
export type { KpiPeriod, KpiOptions } from './period';
export type { KpiTransaction } from './purchases';
export { retentionRate, churnRate, type RetentionOptions, type RetentionFigures, type ChurnFigures } from './retention';
export { repeatPurchaseRate, type RepeatPurchaseFigures } from './repeatPurchaseRate';
export { averagePurchaseInterval, type PurchaseIntervalFigures } from './averagePurchaseInterval';
export { cohortRetention, type CohortOptions, type CohortRow } from './cohortRetention';
export { ownerFigures, type OwnerFigures, type OwnerFiguresOptions, type SatisfactionScore } from './ownerFigures';
