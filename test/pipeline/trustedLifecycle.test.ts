// definePipeline builds the machine of its moves through the trusted lifecycle path (no second
// schema parse). Expected values come from the parsing path: LifecycleDefinitionSchema must accept
// every moves definition definePipeline writes and give it back unchanged, for the built-in
// pipelines and for random valid pipelines (fast-check), and defineLifecycle must build a machine
// that allows exactly the same moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { can, defineLifecycle, type Lifecycle } from 'crmkit/lifecycle';
import { DEFAULT_B2B_PIPELINE, DEFAULT_B2G_PIPELINE, definePipeline, type PipelineStage } from 'crmkit/pipeline';
import { parseDefinition } from '../../src/lifecycle/machine/definition';

const now = new Date('2026-02-01T00:00:00Z');
const since = new Date('2026-01-01T00:00:00Z');

function sameMoves(a: Lifecycle, b: Lifecycle): void {
  const events = [...new Set(a.definition.transitions.map((t) => t.event))];
  for (const stage of a.definition.stages) {
    for (const event of events) {
      const state = { customerId: 'c-1', stage, since };
      expect(can(a, state, event, { now })).toBe(can(b, state, event, { now }));
    }
  }
}

function checkAgainstParse(lifecycle: Lifecycle): void {
  expect(parseDefinition(lifecycle.definition)).toStrictEqual(lifecycle.definition);
  sameMoves(lifecycle, defineLifecycle(lifecycle.definition));
}

// Stage ids at the limits of the pipeline's rule: a letter, then letters, digits, _ . - (at most 48).
const stageId = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_.-]{0,47}$/);
const name = { en: 'Stage', 'zh-CN': '阶段' };
const pipelineArb = fc
  .record({
    id: stageId,
    ids: fc.uniqueArray(stageId, { minLength: 3, maxLength: 64 }),
    opens: fc.integer({ min: 1, max: 62 }),
    wins: fc.integer({ min: 1, max: 62 }),
    allowBack: fc.option(fc.boolean(), { nil: undefined }),
    allowReopen: fc.option(fc.boolean(), { nil: undefined }),
  })
  .map(({ id, ids, opens, wins, allowBack, allowReopen }) => {
    const open = Math.min(opens, ids.length - 2);
    const won = Math.min(wins, ids.length - open - 1);
    const stages: PipelineStage[] = ids.map((s, i) =>
      i < open ? { id: s, kind: 'open', probability: 0.5, name } : i < open + won ? { id: s, kind: 'won', probability: 1, name } : { id: s, kind: 'lost', probability: 0, name },
    );
    return { id, stages, ...(allowBack !== undefined && { allowBack }), ...(allowReopen !== undefined && { allowReopen }) };
  });

describe('definePipeline moves (trusted lifecycle path)', () => {
  it.each([DEFAULT_B2B_PIPELINE, DEFAULT_B2G_PIPELINE])('$definition.id: the schema gives the moves back unchanged; defineLifecycle allows the same moves', (pipeline) => {
    checkAgainstParse(pipeline.lifecycle);
  });

  it('holds for random valid pipelines (up to 64 stages, 48-character ids)', () => {
    fc.assert(
      fc.property(pipelineArb, (definition) => checkAgainstParse(definePipeline(definition).lifecycle)),
      { numRuns: 60 },
    );
  });
});
