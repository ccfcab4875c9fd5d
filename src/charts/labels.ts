import { assert } from './errors';

const en: Readonly<Record<ChartLabel, string>> = {
  rfmGridTitle: 'RFM grid: customers by recency and frequency score',
  recencyScore: 'Recency score (R)',
  frequencyScore: 'Frequency score (F)',
  customers: 'Customers',
  lifetimeSpend: 'Lifetime spend',
  topSegment: 'Largest segment',
  valueCurveTitle: 'Value concentration (Pareto curve)',
  customerShare: 'Share of customers (highest value first)',
  revenueShare: 'Share of revenue',
  equalShare: 'Equal shares',
  cohortTitle: 'Cohort retention',
  cohort: 'Cohort',
  periodsSince: 'Periods since first purchase',
  retention: 'Retained',
  stageFlowTitle: 'Lifecycle stage flow',
  fromStage: 'Stage at start',
  toStage: 'Stage at end',
  clvTrackingTitle: 'CLV model tracking: cumulative repeat purchases',
  week: 'Week',
  cumulativePurchases: 'Cumulative repeat purchases',
  actual: 'Actual',
  predicted: 'Model',
  calibrationEnd: 'End of calibration',
  pAliveTitle: 'Probability alive',
  pAlive: 'P(alive)',
  trendTitle: 'Satisfaction trend',
  period: 'Period',
  score: 'Score',
  marginOfError: 'Margin of error',
  quadrantTitle: 'What to fix first: importance × performance',
  importance: 'Importance',
  target: 'Target',
  dimension: 'Dimension',
  quadrant: 'Quadrant',
  'improve-first': 'Improve first',
  keep: 'Keep up',
  maintain: 'Maintain',
  'low-priority': 'Low priority',
  duplicateTitle: 'Duplicate candidate scores',
  matchScore: 'Match score (log₂ weight)',
  pairs: 'Pairs',
  matchThreshold: 'Match threshold',
  reviewThreshold: 'Review threshold',
};

/**
 * The label keys every chart draws from; each locale gives every key.
 *
 * @example
 * ```ts
 * const key: ChartLabel = 'customers';
 * ```
 */
export type ChartLabel = 'rfmGridTitle' | 'recencyScore' | 'frequencyScore' | 'customers' |
  'lifetimeSpend' | 'topSegment' | 'valueCurveTitle' | 'customerShare' | 'revenueShare' |
  'equalShare' | 'cohortTitle' | 'cohort' | 'periodsSince' | 'retention' | 'stageFlowTitle' |
  'fromStage' | 'toStage' | 'clvTrackingTitle' | 'week' | 'cumulativePurchases' | 'actual' |
  'predicted' | 'calibrationEnd' | 'pAliveTitle' | 'pAlive' | 'trendTitle' | 'period' | 'score' |
  'marginOfError' | 'quadrantTitle' | 'importance' | 'target' | 'dimension' | 'quadrant' |
  'improve-first' | 'keep' | 'maintain' | 'low-priority' | 'duplicateTitle' | 'matchScore' |
  'pairs' | 'matchThreshold' | 'reviewThreshold';

const zhCN: Record<ChartLabel, string> = {
  rfmGridTitle: 'RFM 网格：按最近购买与购买频次得分分布的客户',
  recencyScore: '最近购买得分（R）',
  frequencyScore: '购买频次得分（F）',
  customers: '客户数',
  lifetimeSpend: '累计消费',
  topSegment: '最大分群',
  valueCurveTitle: '客户价值集中度（帕累托曲线）',
  customerShare: '客户占比（按价值从高到低）',
  revenueShare: '收入占比',
  equalShare: '平均分布',
  cohortTitle: '同期群留存',
  cohort: '同期群',
  periodsSince: '首购后的周期数',
  retention: '留存率',
  stageFlowTitle: '客户生命周期阶段流转',
  fromStage: '期初阶段',
  toStage: '期末阶段',
  clvTrackingTitle: 'CLV 模型跟踪：累计复购次数',
  week: '周',
  cumulativePurchases: '累计复购次数',
  actual: '实际',
  predicted: '模型预测',
  calibrationEnd: '校准期结束',
  pAliveTitle: '客户存活概率',
  pAlive: '存活概率 P(alive)',
  trendTitle: '满意度趋势',
  period: '周期',
  score: '得分',
  marginOfError: '误差范围',
  quadrantTitle: '优先改进：重要性 × 表现',
  importance: '重要性',
  target: '目标',
  dimension: '维度',
  quadrant: '象限',
  'improve-first': '优先改进',
  keep: '继续保持',
  maintain: '维持现状',
  'low-priority': '次要',
  duplicateTitle: '重复客户候选得分',
  matchScore: '匹配得分（log₂ 权重）',
  pairs: '候选对数',
  matchThreshold: '自动合并阈值',
  reviewThreshold: '人工复核阈值',
};

const catalogues: Record<string, Record<ChartLabel, string>> = { en, 'zh-CN': zhCN };

/**
 * The chart labels for a locale (`en` or `zh-CN`), as a fresh object.
 *
 * @param locale - `en` (default) or `zh-CN`
 * @returns every label
 * @throws {CrmError} `INVALID_ARGUMENT` for another locale
 *
 * @example
 * ```ts
 * import { chartLabels } from 'crmkit/charts';
 * chartLabels('zh-CN').customers;
 * //=> '客户数'
 * ```
 */
export function chartLabels(locale: string = 'en'): Record<ChartLabel, string> {
  const catalogue = Object.hasOwn(catalogues, locale) ? catalogues[locale] : undefined;
  assert(catalogue !== undefined, 'INVALID_ARGUMENT', { params: { field: 'locale', rule: 'must be en or zh-CN' } });
  return { ...catalogue };
}
