import { assert } from '../errors';
import { dedupeResponses } from '../duplicates';
import type { SurveyResponse } from '../response';
import type { Survey } from '../survey';
import { aggregate } from './aggregate';
import { periodKey, type Period } from './periodKey';
import { indexOfGroup, type SatisfactionIndex, type SatisfactionIndexOptions } from './satisfactionIndex';
import { scoreResponses } from './scoreResponses';
import { requireSurvey } from '../requireResponses';

/**
 * What to group responses by: the response's `segment`, `owner` (`ownerId`), `channel`, the calendar
 * `period` it was answered in, or a function returning a key (`undefined` leaves the response out).
 *
 * @example
 * ```ts
 * const by: GroupBy = (r) => r.segment ?? 'unsegmented';
 * ```
 */
export type GroupBy = 'segment' | 'owner' | 'channel' | 'period' | ((response: SurveyResponse) => string | undefined);

/**
 * Options for {@link satisfactionIndexBy}.
 *
 * @example
 * ```ts
 * const options: SatisfactionIndexByOptions = { by: 'period', period: 'month', utcOffsetMinutes: 480, target: 90 };
 * ```
 */
export interface SatisfactionIndexByOptions extends SatisfactionIndexOptions {
  /** The grouping. */
  readonly by: GroupBy;
  /** The calendar period when `by` is `period` (default `month`). */
  readonly period?: Period;
  /** Time zone offset for periods, in minutes east of UTC (default 0). */
  readonly utcOffsetMinutes?: number;
}

/**
 * The satisfaction index of one group; see {@link satisfactionIndexBy}.
 *
 * @example
 * ```ts
 * const g: GroupIndex = { key: '2026-03', n: 0, score: null, standardError: null, marginOfError: null, target: null, confidence: 0.95, dimensions: [] };
 * ```
 */
export interface GroupIndex extends SatisfactionIndex {
  readonly key: string;
}

/**
 * The satisfaction index (see {@link satisfactionIndex}) computed separately for each segment,
 * owner, channel, period or custom key, in one pass. Responses without a key (no `segment`, no
 * `ownerId`, or `undefined` from a function) are left out. Duplicates are resolved over the whole
 * set first.
 *
 * @param responses - parsed responses to this survey
 * @param survey - the parsed survey
 * @param options - `by` (required), `period` (`month`), `utcOffsetMinutes` (0), and the options of
 * {@link satisfactionIndex}
 * @returns one index per key, sorted by key (periods therefore in time order)
 * @throws {CrmError} as {@link satisfactionIndex}; `INVALID_ARGUMENT` for an unknown grouping
 *
 * @example
 * ```ts
 * import { defineSurvey, satisfactionIndexBy } from 'crmkit/satisfaction';
 * const survey = defineSurvey({ id: 's1', name: 'CSAT', questions: [{ id: 'q1', scale: 'csat5' }] });
 * const r = (id: string, channel: string, q1: number) =>
 *   ({ id, surveyId: 's1', customerId: id, channel, answeredAt: new Date('2026-03-01'), answers: { q1 } });
 * satisfactionIndexBy([r('a', 'wechat', 5), r('b', 'phone', 3), r('c', 'wechat', 4)], survey, { by: 'channel' })
 *   .map((g) => [g.key, g.n, g.score]);
 * //=> [['phone', 1, 50], ['wechat', 2, 87.5]]
 * ```
 */
export function satisfactionIndexBy(responses: readonly SurveyResponse[], survey: Survey, options: SatisfactionIndexByOptions): GroupIndex[] {
  requireSurvey(survey);
  const kept = dedupeResponses(responses, { duplicates: options.duplicates ?? 'keep-latest' });
  const keyOf = keyFunction(options);
  const ids = new Map<string, number>();
  const groupOf = new Int32Array(kept.length);
  for (let i = 0; i < kept.length; i++) {
    const key = keyOf(kept[i] as SurveyResponse);
    if (key === undefined) {
      groupOf[i] = -1;
      continue;
    }
    let g = ids.get(key);
    if (g === undefined) {
      g = ids.size;
      ids.set(key, g);
    }
    groupOf[i] = g;
  }
  const scored = scoreResponses(kept, survey);
  const stats = aggregate(scored, groupOf, ids.size);
  return [...ids]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, g]) => ({ key, ...indexOfGroup(scored, stats, g, options) }));
}

const PERIODS: readonly string[] = ['day', 'week', 'month', 'quarter', 'year'];

function keyFunction(options: SatisfactionIndexByOptions): (r: SurveyResponse) => string | undefined {
  const by = options.by;
  if (typeof by === 'function') return by;
  switch (by) {
    case 'segment':
      return (r) => r.segment;
    case 'owner':
      return (r) => r.ownerId;
    case 'channel':
      return (r) => r.channel;
    case 'period': {
      const period = options.period ?? 'month';
      assert(PERIODS.includes(period), 'INVALID_ARGUMENT', { params: { field: 'period', rule: 'must be day, week, month, quarter or year' } });
      const p = { utcOffsetMinutes: options.utcOffsetMinutes ?? 0 };
      return (r) => periodKey(r.answeredAt, period, p);
    }
    default:
      assert(false, 'INVALID_ARGUMENT', { params: { field: 'by', rule: 'must be segment, owner, channel, period or a function' } });
  }
}
