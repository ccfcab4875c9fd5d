/**
 * Customer lifetime value (客户生命周期价值): transaction summaries, the probabilistic BG/NBD,
 * MBG/NBD, Pareto/NBD, Gamma-Gamma and BG/BB models (fitted by maximum likelihood, matching the
 * published CDNOW and donation estimates), per-customer predictions, discounted CLV in Money,
 * the simple historic CLV and a churn-risk ranking.
 *
 * @module clv
 */
export { summarizeTransactions, summaryColumns, type CustomerSummaries, type CustomerSummary, type SummarizeOptions, type SummaryPeriod } from './summary';
export { summarizeTransactionsColumns, type CustomerSummaryColumns } from './summarizeTransactionsColumns';
export type { TransactionColumns, DictionaryColumn } from '../customer/transactionColumns';
export { clvSummarySql, clvSummaryCountsSql, type ClvSummarySqlOptions } from './summarySql';
export type { FrequencyRecencyRow, FrequencyRecencyColumns, FrequencyRecencyData } from './data';
export type { FitInfo, FitOptions } from './fit';
export type { BgNbdParams, BgNbdModel, ModifiedBgNbdModel } from './bgnbd/model';
export { fitBgNbd, fitModifiedBgNbd } from './bgnbd/fit';
export type { ParetoNbdModel } from './paretonbd/model';
export { fitParetoNbd } from './paretonbd/fit';
export type { GammaGammaModel, SpendColumns, SpendRow } from './gammagamma/model';
export { fitGammaGamma } from './gammagamma/fit';
export { expectedAverageSpend } from './gammagamma/predict';
export type { BgBbModel, BgBbRow } from './bgbb/model';
export { fitBetaGeoBetaBinomial } from './bgbb/fit';
export { bgbbProbabilityAlive, bgbbExpectedPurchases } from './bgbb/score';
export type { PurchaseModel } from './models';
export { probabilityAlive, expectedPurchases, expectedPurchasesNewCustomer, probabilityOfPurchases } from './predict';
export { conditionalProbabilityOfPurchases } from './conditionalProbability';
export { predictClv, predictClvValues, type ClvColumns, type ClvRow, type PredictClvOptions } from './predictClv';
export { historicClv, type HistoricClvInput } from './historic';
export { churnRisk, type ChurnRisk, type ChurnRiskOptions } from './churnRisk';
export { purchaseTracking, type TrackingOptions, type TrackingPoint } from './tracking';
export { ClvModelSchema, modelFromJSON, modelToJSON, type ClvModel } from './serialize';
export { logGamma, digamma, logBeta, logAddExp, hyp2f1 } from './math';
