import { assert } from './errors';
import { frame, type ChartOptions, type VegaLiteSpec } from './spec';

/**
 * Each customer's stage at one date: a map or a plain record from customer id to stage.
 *
 * @example
 * ```ts
 * const stages: StageAssignment = { 'c-1': 'active', 'c-2': 'at-risk' };
 * ```
 */
export type StageAssignment = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * Lifecycle stage flow between two dates: how many customers moved from each stage at the start
 * (for example `deriveStage` as of the first date) to each stage at the end, as a from × to grid.
 * A customer present at only one date shows `—` on the other side (new, or gone). Aggregates
 * first: one row per (from, to) pair that occurs.
 *
 * @param from - customer id → stage at the start (a Map or a plain object)
 * @param to - customer id → stage at the end
 * @param options - `locale`, `width`, `height`, `title`
 * @returns a Vega-Lite specification
 * @throws {CrmError} `INVALID_ARGUMENT` for stages that are not strings, or bad options
 *
 * @example
 * ```ts
 * import { stageFlowChart } from 'crmkit/charts';
 * const spec = stageFlowChart({ c1: 'new', c2: 'repeat', c3: 'repeat' }, { c1: 'repeat', c2: 'repeat', c3: 'at_risk', c4: 'new' });
 * (spec.data as { values: unknown[] }).values;
 * //=> [{ fromStage: 'new', toStage: 'repeat', customers: 1 }, { fromStage: 'repeat', toStage: 'at_risk', customers: 1 }, { fromStage: 'repeat', toStage: 'repeat', customers: 1 }, { fromStage: '—', toStage: 'new', customers: 1 }]
 * ```
 */
export function stageFlowChart(from: StageAssignment, to: StageAssignment, options: ChartOptions = {}): VegaLiteSpec {
  const { labels, base } = frame(options, 'stageFlowTitle');
  const start = entries(from, 'from');
  const end = entries(to, 'to');
  const counts = new Map<string, { fromStage: string; toStage: string; customers: number }>();
  const add = (a: string, b: string) => {
    const key = `${a}\u0000${b}`;
    const c = counts.get(key);
    if (c === undefined) counts.set(key, { fromStage: a, toStage: b, customers: 1 });
    else c.customers++;
  };
  for (const [id, stage] of start) add(stage, end.get(id) ?? '—');
  for (const [id, stage] of end) if (!start.has(id)) add('—', stage);
  const values = [...counts.values()].sort((a, b) => (a.fromStage < b.fromStage ? -1 : a.fromStage > b.fromStage ? 1 : a.toStage < b.toStage ? -1 : a.toStage > b.toStage ? 1 : 0));
  return {
    ...base,
    data: { values },
    encoding: {
      x: { field: 'toStage', type: 'nominal', title: labels.toStage },
      y: { field: 'fromStage', type: 'nominal', title: labels.fromStage },
    },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: { color: { field: 'customers', type: 'quantitative', title: labels.customers, scale: { scheme: 'purples' } } },
      },
      { mark: 'text', encoding: { text: { field: 'customers', type: 'quantitative', format: ',' } } },
    ],
  };
}

function entries(stages: StageAssignment, field: string): Map<string, string> {
  assert(stages !== null && typeof stages === 'object', 'INVALID_ARGUMENT', { params: { field, rule: 'must map customer ids to stages' } });
  const list = stages instanceof Map ? [...(stages as ReadonlyMap<string, string>)] : Object.entries(stages as Record<string, string>);
  for (const [, stage] of list) assert(typeof stage === 'string', 'INVALID_ARGUMENT', { params: { field, rule: 'stages must be strings' } });
  return new Map(list);
}
