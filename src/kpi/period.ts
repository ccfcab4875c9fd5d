import { assert } from './errors';
import { requireDate } from '../core/time';

/**
 * A half-open time period `[start, end)`: `start` is included, `end` is not.
 *
 * @example
 * ```ts
 * const march: KpiPeriod = { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') };
 * ```
 */
export interface KpiPeriod {
  readonly start: Date;
  readonly end: Date;
}

/**
 * Options every KPI takes: the `period` measured and `asOf`, the moment the figures are computed.
 * Nothing after `asOf` is read, and the period must have ended by `asOf` (a KPI of the future is
 * refused rather than silently under-counted).
 *
 * @example
 * ```ts
 * const o: KpiOptions = { period: { start: new Date('2026-03-01T00:00:00Z'), end: new Date('2026-04-01T00:00:00Z') }, asOf: new Date('2026-04-01T00:00:00Z') };
 * ```
 */
export interface KpiOptions {
  readonly period: KpiPeriod;
  readonly asOf: Date;
}

/** Checks a period against asOf; returns [start, end, asOf] in ms. */
export function checkPeriod(options: KpiOptions, field = 'period'): [number, number, number] {
  assert(options !== null && typeof options === 'object' && options.period != null, 'INVALID_ARGUMENT', { params: { field, rule: 'is required' } });
  const asOf = requireDate(options.asOf, 'asOf').getTime();
  const start = requireDate(options.period.start, `${field}.start`).getTime();
  const end = requireDate(options.period.end, `${field}.end`).getTime();
  assert(start < end, 'INVALID_ARGUMENT', { params: { field, rule: 'start must be before end' } });
  assert(end <= asOf, 'INVALID_ARGUMENT', { params: { field, rule: 'must end no later than asOf' } });
  return [start, end, asOf];
}
