export { summarizeRfm, type RfmSummary, type RfmTransaction, type SummarizeRfmOptions } from './summarizeRfm';
export { summarizeRfmColumns } from './summarizeRfmColumns';
export type { RfmSummaryColumns } from './rfmAccumulator';
export type { TransactionColumns, DictionaryColumn } from '../../customer/transactionColumns';
export {
  rfmScores,
  rfmScoresColumns,
  type RfmScore,
  type RfmScoreOptions,
  type RfmThresholds,
  type RfmColumns,
  type RfmScoreColumns,
} from './rfmScores';
export type { NumberColumn } from './quantileScores';
export { rfmSegment } from './rfmSegment';
export { DEFAULT_RFM_SEGMENT_MAP, RfmSegmentMapSchema, type RfmSegmentMap, type RfmSegmentName } from './segmentMap';
export { rfmSummarySql, type RfmSummarySqlOptions } from './rfmSummarySql';
