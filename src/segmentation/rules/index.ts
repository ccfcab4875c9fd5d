export { SEGMENT_FIELDS, type SegmentFieldType, type CustomerMetrics, type SegmentCustomer, type AttributeTypes } from './fields';
export {
  SEGMENT_OPERATORS,
  DURATION_UNITS,
  MAX_RULE_DEPTH,
  MAX_RULE_NODES,
  SegmentConditionSchema,
  SegmentRuleSchema,
  type SegmentOperator,
  type SegmentCondition,
  type SegmentRule,
} from './schema';
export { parseSegmentRule, type ParseSegmentRuleOptions } from './parse';
export { compileSegment, type CompileSegmentOptions, type SegmentPredicate } from './compile';
export { evaluateSegment, type EvaluateSegmentOptions } from './evaluate';
export { toSql, type ToSqlOptions, type SqlQuery } from './toSql';
export type { SqlConsentOptions } from './consentFields';
