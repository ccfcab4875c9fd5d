// The opportunity model, pipelines and moves. Expected values come from the definitions written in
// the issue (the B2B and B2G stages) and from the move rules stated in definePipeline's TSDoc.
import { describe, expect, it } from 'vitest';
import { Money } from 'crmkit';
import {
  DEFAULT_B2B_PIPELINE,
  DEFAULT_B2G_PIPELINE,
  createOpportunity,
  definePipeline,
  moveOpportunity,
  opportunityJsonSchema,
  pipelineStage,
  replayStages,
  type Opportunity,
  type PipelineDefinition,
} from 'crmkit/pipeline';
import { expectThrowsCode } from '../errors';

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const P = DEFAULT_B2B_PIPELINE;

function deal(overrides: Record<string, unknown> = {}): Opportunity {
  return createOpportunity(P, {
    id: 'o-1', customerId: 'c-1', ownerId: 'u-1', name: 'ERP rollout',
    amount: { amount: '1000.00', currency: 'CNY' }, stage: 'lead', expectedCloseDate: '2026-06-30', ...overrides,
  }, { now: d('2026-01-01') }).opportunity;
}

describe('createOpportunity', () => {
  it('stamps times, version 1 and a one-entry history, and raises OpportunityCreated', () => {
    const { opportunity, events } = createOpportunity(P, {
      customerId: 'c-9', ownerId: 'u-1', name: 'CRM', amount: Money.of('10', 'CNY'), stage: 'qualified', expectedCloseDate: d('2026-03-31'),
    }, { now: d('2026-01-02'), newId: () => 'gen-1' });
    expect(opportunity.id).toBe('gen-1');
    expect(opportunity.version).toBe(1);
    expect(opportunity.createdAt).toEqual(d('2026-01-02'));
    expect(opportunity.stageHistory).toEqual([{ stage: 'qualified', at: d('2026-01-02') }]);
    expect(events[0].type).toBe('OpportunityCreated');
    expect(events[0].customerId).toBe('c-9');
  });

  it('rejects bad input with CrmError codes and names no value', () => {
    const e = expectThrowsCode(() => deal({ amount: { amount: '-1', currency: 'CNY' } }), 'VALIDATION_FAILED');
    expect(e.message).not.toContain('-1');
    expectThrowsCode(() => deal({ amount: { amount: '1.005', currency: 'CNY' } }), 'VALIDATION_FAILED');
    expectThrowsCode(() => deal({ probability: 1.5 }), 'VALIDATION_FAILED');
    expectThrowsCode(() => deal({ stage: 'nowhere' }), 'UNKNOWN_STAGE');
    expectThrowsCode(() => deal({ stage: 'won' }), 'INVALID_TRANSITION');
    expectThrowsCode(() => createOpportunity(P, {}, { now: new Date('x') }), 'INVALID_DATE');
  });

  it('exports JSON Schema with Money in its JSON form', () => {
    const schema = opportunityJsonSchema('OpportunityInput') as { $defs: Record<string, { required?: string[]; anyOf?: { required?: string[] }[] }> };
    expect(schema.$defs.OpportunityInput?.required).toEqual(['customerId', 'ownerId', 'name', 'amount', 'stage', 'expectedCloseDate']);
    expect(schema.$defs.Money?.anyOf?.[1]?.required).toEqual(['amount', 'currency']);
  });
});

describe('definePipeline and the default pipelines', () => {
  it('holds the stages of the issue, frozen, and serialises to its definition', () => {
    expect(DEFAULT_B2B_PIPELINE.definition.stages.map((s) => [s.id, s.name['zh-CN'], s.kind])).toEqual([
      ['lead', '线索', 'open'], ['qualified', '需求确认', 'open'], ['proposal', '方案报价', 'open'],
      ['negotiation', '商务谈判', 'open'], ['won', '赢单', 'won'], ['lost', '输单', 'lost'],
    ]);
    expect(DEFAULT_B2G_PIPELINE.definition.stages.map((s) => s.name['zh-CN'])).toEqual(['立项', '招标', '投标', '评标', '中标', '废标']);
    expect(Object.isFrozen(DEFAULT_B2B_PIPELINE.definition.stages[0])).toBe(true);
    const again = definePipeline(JSON.parse(JSON.stringify(DEFAULT_B2G_PIPELINE)) as PipelineDefinition);
    expect(again.lifecycle.definition).toEqual(DEFAULT_B2G_PIPELINE.lifecycle.definition);
    expect(pipelineStage(P, 'negotiation').probability).toBe(0.8);
  });

  it('rejects malformed definitions with INVALID_PIPELINE', () => {
    const base = DEFAULT_B2B_PIPELINE.definition;
    const withStages = (stages: unknown[]) => () => definePipeline({ ...base, stages } as PipelineDefinition);
    const [lead, , , , won, lost] = base.stages;
    expectThrowsCode(withStages([lead, lead, won, lost]), 'INVALID_PIPELINE');
    expectThrowsCode(withStages([won, lead, lost]), 'INVALID_PIPELINE');
    expectThrowsCode(withStages([{ ...lead, probability: 0.12345 }, won, lost]), 'INVALID_PIPELINE');
    expectThrowsCode(withStages([{ ...lead, probability: Number.NaN }, won, lost]), 'INVALID_PIPELINE');
    expectThrowsCode(withStages([lead, { ...won, probability: 0.9 }, lost]), 'INVALID_PIPELINE');
    expectThrowsCode(withStages([lead, won]), 'INVALID_PIPELINE');
    expectThrowsCode(withStages([{ ...lead, name: { en: 'Lead' } }, won, lost]), 'INVALID_PIPELINE');
    expectThrowsCode(withStages([{ ...lead, id: '线索' }, won, lost]), 'INVALID_PIPELINE');
    expectThrowsCode(() => pipelineStage({ ...P }, 'lead'), 'INVALID_PIPELINE');
  });
});

describe('moveOpportunity', () => {
  it('skips forward, goes back with a reason, loses, reopens and wins, recording each move', () => {
    let o = deal();
    const steps: [string, string, string | undefined, string][] = [
      ['proposal', '2026-01-10', undefined, 'advance'],
      ['qualified', '2026-01-20', 'scope changed', 'back'],
      ['lost', '2026-02-01', 'no budget', 'lose'],
      ['negotiation', '2026-03-01', 'budget found', 'reopen'],
      ['won', '2026-03-15', undefined, 'win'],
    ];
    for (const [stage, when, reason, kind] of steps) {
      const r = moveOpportunity(P, o, stage, { now: d(when), ...(reason !== undefined && { reason }) });
      expect(r.events[0]).toMatchObject({ type: 'OpportunityStageChanged', from: o.stage, to: stage, move: kind, opportunityId: 'o-1', pipelineId: 'b2b' });
      expect(r.opportunity.version).toBe(o.version + 1);
      if (stage === 'lost') expect([r.opportunity.lostReason, r.opportunity.closedAt]).toEqual(['no budget', d(when)]);
      if (stage === 'negotiation') expect([r.opportunity.lostReason, r.opportunity.closedAt]).toEqual([undefined, undefined]);
      o = r.opportunity;
    }
    expect(o.closedAt).toEqual(d('2026-03-15'));
    expect(o.stageHistory.map((e) => e.stage)).toEqual(['lead', 'proposal', 'qualified', 'lost', 'negotiation', 'won']);
    expect(replayStages(P, o.stageHistory)).toBe('won');
  });

  it('never mutates its input and drops a probability override', () => {
    const o = deal({ probability: 0.35 });
    const copy = structuredClone(o);
    const moved = moveOpportunity(P, o, 'qualified', { now: d('2026-01-02') }).opportunity;
    expect(o.stageHistory).toHaveLength(copy.stageHistory.length);
    expect(o.probability).toBe(0.35);
    expect('probability' in moved).toBe(false);
  });

  it('refuses what the machine does not allow, and missing reasons', () => {
    const o = deal();
    expectThrowsCode(() => moveOpportunity(P, o, 'lead', { now: d('2026-01-02') }), 'INVALID_TRANSITION');
    expectThrowsCode(() => moveOpportunity(P, o, 'lost', { now: d('2026-01-02') }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => moveOpportunity(P, o, 'mars', { now: d('2026-01-02') }), 'UNKNOWN_STAGE');
    expectThrowsCode(() => moveOpportunity(P, o, 'won', { now: d('2025-12-31') }), 'INVALID_ARGUMENT');
    expectThrowsCode(() => moveOpportunity(P, o, 'won', { now: new Date(Number.NaN) }), 'INVALID_DATE');
    const won = moveOpportunity(P, o, 'won', { now: d('2026-01-02') }).opportunity;
    expectThrowsCode(() => moveOpportunity(P, won, 'lead', { now: d('2026-01-03'), reason: 'oops' }), 'INVALID_TRANSITION');
    const strict = definePipeline({ ...P.definition, id: 'strict', allowBack: false, allowReopen: false });
    const ahead = moveOpportunity(strict, o, 'proposal', { now: d('2026-01-02') }).opportunity;
    expectThrowsCode(() => moveOpportunity(strict, ahead, 'lead', { now: d('2026-01-03'), reason: 'r' }), 'INVALID_TRANSITION');
    const lost = moveOpportunity(strict, ahead, 'lost', { now: d('2026-01-03'), reason: 'r' }).opportunity;
    expectThrowsCode(() => moveOpportunity(strict, lost, 'lead', { now: d('2026-01-04'), reason: 'r' }), 'INVALID_TRANSITION');
  });

  it('replayStages rejects a history the pipeline does not allow', () => {
    expectThrowsCode(() => replayStages(P, [{ stage: 'won', at: d('2026-01-01') }]), 'INVALID_TRANSITION');
    expectThrowsCode(() => replayStages(P, [{ stage: 'lead', at: d('2026-01-01') }, { stage: 'won', at: d('2026-01-02') }, { stage: 'lead', at: d('2026-01-03') }]), 'INVALID_TRANSITION');
    expectThrowsCode(() => replayStages(P, []), 'INVALID_ARGUMENT');
  });
});
