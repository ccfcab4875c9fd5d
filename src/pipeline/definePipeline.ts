import { CrmError } from './errors';
import { defineTrustedLifecycle, type Lifecycle } from '../lifecycle/machine/defineLifecycle';
import type { LifecycleTransition } from '../lifecycle/machine/definition';

/**
 * Whether a stage is still being worked (`open`) or closed as `won` or `lost`.
 *
 * @example
 * ```ts
 * const k: StageKind = 'won';
 * ```
 */
export type StageKind = 'open' | 'won' | 'lost';

/**
 * One stage of a pipeline: its id (a letter, then letters, digits, `_ . -`, at most 48), kind,
 * default win probability (0 to 1, at most 4 decimals; 1 for `won`, 0 for `lost`) and names.
 *
 * @example
 * ```ts
 * const s: PipelineStage = { id: 'proposal', kind: 'open', probability: 0.5, name: { en: 'Proposal', 'zh-CN': '方案报价' } };
 * ```
 */
export interface PipelineStage {
  readonly id: string;
  readonly kind: StageKind;
  readonly probability: number;
  readonly name: { readonly en: string; readonly 'zh-CN': string };
}

/**
 * A pipeline as plain data: the stages in funnel order (every `open` stage before the closed
 * ones), and which moves are allowed besides going forward, winning and losing.
 *
 * @example
 * ```ts
 * const def: PipelineDefinition = {
 *   id: 'simple',
 *   stages: [
 *     { id: 'open', kind: 'open', probability: 0.5, name: { en: 'Open', 'zh-CN': '进行中' } },
 *     { id: 'won', kind: 'won', probability: 1, name: { en: 'Won', 'zh-CN': '赢单' } },
 *     { id: 'lost', kind: 'lost', probability: 0, name: { en: 'Lost', 'zh-CN': '输单' } },
 *   ],
 * };
 * ```
 */
export interface PipelineDefinition {
  readonly id: string;
  readonly stages: readonly PipelineStage[];
  /** Whether an open deal may go back to an earlier open stage. Default true. */
  readonly allowBack?: boolean;
  /** Whether a lost deal may be reopened into an open stage. Default true. */
  readonly allowReopen?: boolean;
}

/**
 * A validated pipeline: its definition (`JSON.stringify(pipeline)` gives exactly the definition)
 * and the lifecycle machine of its moves (see `defineLifecycle`). Build one with {@link definePipeline}.
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE } from 'crmkit/pipeline';
 * const p: Pipeline = DEFAULT_B2B_PIPELINE;
 * p.lifecycle.definition.initial;
 * //=> 'lead'
 * ```
 */
export interface Pipeline {
  readonly definition: PipelineDefinition;
  /** The allowed moves as a lifecycle machine: the event `to.<stage>` moves a deal to that stage. */
  readonly lifecycle: Lifecycle;
  toJSON(): PipelineDefinition;
}

/** Internal lookup of a pipeline: stage id → position, kind and probability in basis points. */
export interface PipelineIndex {
  readonly stages: readonly PipelineStage[];
  readonly position: ReadonlyMap<string, number>;
  /** Per stage position: 0 open, 1 won, 2 lost. */
  readonly kind: Uint8Array;
  /** Per stage position: default probability in basis points (1/10000). */
  readonly probabilityBp: Int32Array;
  /** How many open stages there are (they come first). */
  readonly openCount: number;
}

const indexes = /* @__PURE__ */ new WeakMap<Pipeline, PipelineIndex>();
const STAGE_ID = /^[A-Za-z][A-Za-z0-9_.-]{0,47}$/;
const KIND_CODE: Readonly<Record<StageKind, number>> = { open: 0, won: 1, lost: 2 };

/** The lookup of a pipeline made by {@link definePipeline}. */
export function pipelineIndex(pipeline: Pipeline): PipelineIndex {
  const index = indexes.get(pipeline);
  if (index === undefined) throw invalid('not created by definePipeline');
  return index;
}

/** The position of a stage in the pipeline, or UNKNOWN_STAGE. */
export function stagePosition(index: PipelineIndex, stage: string): number {
  const at = index.position.get(stage);
  if (at === undefined) throw new CrmError('UNKNOWN_STAGE', { params: { stage: String(stage) } });
  return at;
}

function invalid(rule: string): CrmError {
  return new CrmError('INVALID_PIPELINE', { params: { rule } });
}

/** A probability as whole basis points, or -1 when it is not in 0..1 with at most 4 decimals. */
export function probabilityToBp(p: unknown): number {
  if (typeof p !== 'number' || !(p >= 0 && p <= 1)) return -1;
  const bp = Math.round(p * 10_000);
  return Math.abs(p * 10_000 - bp) < 1e-6 ? bp : -1;
}

function checkStage(s: PipelineStage, at: number, seen: Set<string>, openSeen: { closed: boolean }): void {
  if (s === null || typeof s !== 'object') throw invalid(`stages.${at} is not an object`);
  if (typeof s.id !== 'string' || !STAGE_ID.test(s.id)) throw invalid(`stages.${at}.id is not a stage id`);
  if (seen.has(s.id)) throw invalid(`stage ${s.id} is listed twice`);
  seen.add(s.id);
  if (s.kind !== 'open' && s.kind !== 'won' && s.kind !== 'lost') throw invalid(`stage ${s.id} has no kind open, won or lost`);
  if (s.kind === 'open' && openSeen.closed) throw invalid(`open stage ${s.id} comes after a closed stage`);
  if (s.kind !== 'open') openSeen.closed = true;
  if (probabilityToBp(s.probability) < 0) throw invalid(`stage ${s.id} probability is not 0 to 1 with at most 4 decimals`);
  if (s.kind === 'won' && s.probability !== 1) throw invalid(`won stage ${s.id} must have probability 1`);
  if (s.kind === 'lost' && s.probability !== 0) throw invalid(`lost stage ${s.id} must have probability 0`);
  const name = s.name as { en?: unknown; 'zh-CN'?: unknown } | undefined;
  const named = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '' && v.length <= 64;
  if (name === null || typeof name !== 'object' || !named(name.en) || !named(name['zh-CN'])) {
    throw invalid(`stage ${s.id} needs names in en and zh-CN`);
  }
}

function moves(stages: readonly PipelineStage[], allowBack: boolean, allowReopen: boolean): LifecycleTransition[] {
  const open = stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const transitions: LifecycleTransition[] = [];
  stages.forEach((target, t) => {
    const from: string[] = [];
    if (target.kind === 'open') {
      open.forEach((id, f) => {
        if (f < t || (allowBack && f > t)) from.push(id);
      });
      if (allowReopen) for (const s of stages) if (s.kind === 'lost') from.push(s.id);
    } else {
      from.push(...open);
    }
    if (from.length > 0) transitions.push({ from, event: `to.${target.id}`, to: target.id });
  });
  return transitions;
}

/**
 * Validates a pipeline definition and builds the machine of its moves with the lifecycle
 * machinery (`defineLifecycle`): from an open stage a deal may move forward to any later open
 * stage (skipping stages), back to an earlier one (unless `allowBack: false`), or to any won or
 * lost stage; a lost deal may be reopened into any open stage (unless `allowReopen: false`); a won
 * deal is final. The first open stage is where new deals start.
 *
 * @param definition - stages in funnel order and the move options
 * @returns the pipeline, frozen
 * @throws {CrmError} `INVALID_PIPELINE` when the id or a stage id is malformed, a stage is listed
 *   twice, an open stage follows a closed one, a probability is outside 0..1 (or has more than 4
 *   decimals; won must be 1 and lost 0), a name is missing, or there is no open, won or lost stage
 *
 * @example
 * ```ts
 * import { definePipeline } from 'crmkit/pipeline';
 * const p = definePipeline({
 *   id: 'simple',
 *   stages: [
 *     { id: 'talking', kind: 'open', probability: 0.3, name: { en: 'Talking', 'zh-CN': '沟通中' } },
 *     { id: 'won', kind: 'won', probability: 1, name: { en: 'Won', 'zh-CN': '赢单' } },
 *     { id: 'lost', kind: 'lost', probability: 0, name: { en: 'Lost', 'zh-CN': '输单' } },
 *   ],
 * });
 * p.lifecycle.definition.transitions.map((t) => t.event);
 * //=> ['to.talking', 'to.won', 'to.lost']
 * ```
 */
export function definePipeline(definition: PipelineDefinition): Pipeline {
  if (definition === null || typeof definition !== 'object') throw invalid('the definition is not an object');
  if (typeof definition.id !== 'string' || !STAGE_ID.test(definition.id)) throw invalid('id is not a name');
  if (!Array.isArray(definition.stages) || definition.stages.length > 64) throw invalid('stages must be a list of at most 64');
  const seen = new Set<string>();
  const state = { closed: false };
  for (let i = 0; i < definition.stages.length; i++) {
    if (!(i in definition.stages)) throw invalid(`stages.${i} is missing`);
    checkStage(definition.stages[i] as PipelineStage, i, seen, state);
  }
  for (const kind of ['open', 'won', 'lost'] as const) {
    if (!definition.stages.some((s) => s.kind === kind)) throw invalid(`there is no ${kind} stage`);
  }
  for (const key of ['allowBack', 'allowReopen'] as const) {
    if (definition[key] !== undefined && typeof definition[key] !== 'boolean') throw invalid(`${key} must be a boolean`);
  }
  const stages = definition.stages.map((s) => Object.freeze({ id: s.id, kind: s.kind, probability: s.probability, name: Object.freeze({ en: s.name.en, 'zh-CN': s.name['zh-CN'] }) }));
  const def: PipelineDefinition = Object.freeze({
    id: definition.id,
    stages: Object.freeze(stages),
    ...(definition.allowBack !== undefined && { allowBack: definition.allowBack }),
    ...(definition.allowReopen !== undefined && { allowReopen: definition.allowReopen }),
  });
  // The moves are built here from stages checked above, so they need no second schema parse.
  const lifecycle = defineTrustedLifecycle({
    id: def.id,
    initial: (stages.find((s) => s.kind === 'open') as PipelineStage).id,
    stages: stages.map((s) => s.id),
    transitions: moves(stages, def.allowBack ?? true, def.allowReopen ?? true),
  });
  const pipeline: Pipeline = Object.freeze({ definition: def, lifecycle, toJSON: () => def });
  indexes.set(pipeline, {
    stages,
    position: new Map(stages.map((s, i) => [s.id, i])),
    kind: Uint8Array.from(stages, (s: PipelineStage) => KIND_CODE[s.kind]),
    probabilityBp: Int32Array.from(stages, (s: PipelineStage) => probabilityToBp(s.probability)),
    openCount: stages.filter((s) => s.kind === 'open').length,
  });
  return pipeline;
}

/**
 * The stage of a pipeline with this id.
 *
 * @param pipeline - from {@link definePipeline}
 * @param stage - a stage id
 * @returns the stage (frozen)
 * @throws {CrmError} `UNKNOWN_STAGE`; `INVALID_PIPELINE` when `pipeline` did not come from {@link definePipeline}
 *
 * @example
 * ```ts
 * import { DEFAULT_B2B_PIPELINE, pipelineStage } from 'crmkit/pipeline';
 * pipelineStage(DEFAULT_B2B_PIPELINE, 'proposal').name['zh-CN'];
 * //=> '方案报价'
 * ```
 */
export function pipelineStage(pipeline: Pipeline, stage: string): PipelineStage {
  const index = pipelineIndex(pipeline);
  return index.stages[stagePosition(index, stage)] as PipelineStage;
}
