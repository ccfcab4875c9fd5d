import { assert } from './errors';
import type { Priority, Quadrant } from '../satisfaction';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * The improvement-priority quadrant (importance × performance): each dimension at its importance and
 * score, coloured by its quadrant, with rules at the mean importance and at the target. The data is
 * `improvementPriorities`' result, one row per dimension (dimensions without a score are left out).
 *
 * @param priorities - the result of `improvementPriorities` from `crmkit/satisfaction`
 * @param options - `locale`, `width`, `height`, `title`
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for rows that are not priorities, or bad options
 *
 * @example
 * ```ts
 * import { priorityQuadrantChart } from 'crmkit/charts';
 * const target = { target: 90, gap: -20, z: -4, pValue: 0.0001, meaningful: true, verdict: 'below' } as const;
 * const spec = priorityQuadrantChart([
 *   { rank: 1, dimension: 'delivery', n: 80, score: 70, gap: 20, importance: 0.7, correlation: null, priority: 14, quadrant: 'improve-first', target },
 *   { rank: 2, dimension: 'product', n: 80, score: 92, gap: 0, importance: 0.3, correlation: null, priority: 0, quadrant: 'maintain', target },
 * ]);
 * (spec.data as { values: { quadrant: string }[] }).values.map((v) => v.quadrant);
 * //=> ['Improve first', 'Maintain']
 * ```
 */
export function priorityQuadrantChart(priorities: readonly Priority[], options: ChartOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'quadrantTitle');
  assert(Array.isArray(priorities), 'INVALID_ARGUMENT', { params: { field: 'priorities', rule: 'must be the result of improvementPriorities' } });
  const values: { dimension: string; importance: number; score: number; quadrant: string }[] = [];
  let target: number | null = null;
  for (const p of priorities) {
    assert(p !== null && typeof p === 'object' && typeof p.dimension === 'string' && Number.isFinite(p.importance), 'INVALID_ARGUMENT', {
      params: { field: 'priorities', rule: 'must be the result of improvementPriorities' },
    });
    if (typeof p.target?.target === 'number') target = p.target.target;
    if (p.score === null || p.quadrant === null || p.quadrant === undefined) continue;
    values.push({ dimension: p.label ?? p.dimension, importance: p.importance, score: p.score, quadrant: labels[p.quadrant as Quadrant] });
  }
  const meanImportance = values.length === 0 ? 0 : values.reduce((s, v) => s + v.importance, 0) / values.length;
  const rules: Record<string, unknown>[] = [{ mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, data: { values: [{ importance: meanImportance }] }, encoding: { x: { field: 'importance', type: 'quantitative' } } }];
  if (target !== null) rules.push({ mark: { type: 'rule', strokeDash: [4, 4], color: '#888' }, data: { values: [{ score: target }] }, encoding: { y: { field: 'score', type: 'quantitative' } } });
  return {
    ...base,
    usermeta: { meanImportance, target },
    data: { values },
    layer: [
      ...rules,
      {
        mark: { type: 'point', filled: true, size: 120, tooltip: true },
        encoding: {
          x: { field: 'importance', type: 'quantitative', title: labels.importance, axis: { format: '%' } },
          y: { field: 'score', type: 'quantitative', title: labels.score, scale: { domain: [0, 100] } },
          color: { field: 'quadrant', type: 'nominal', title: labels.quadrant },
        },
      },
      { mark: { type: 'text', dy: -12 }, encoding: { x: { field: 'importance', type: 'quantitative' }, y: { field: 'score', type: 'quantitative' }, text: { field: 'dimension' } } },
    ],
  };
}
