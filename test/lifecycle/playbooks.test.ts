import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, defaultLifecycle, defaultLifecyclePlaybook, defineLifecyclePlaybook, playbookActions, stageDurations } from 'crmkit/lifecycle';
import { d, throwsCode } from './helpers';

describe('lifecycle playbooks', () => {
  it('the default playbook names the actions the issue lists, one entry per customer stage (disqualified and prospect have none)', () => {
    const ids = DEFAULT_STAGES.map((s) => [s, playbookActions(defaultLifecyclePlaybook, s).map((a) => a.id)]);
    expect(ids).toEqual([
      ['prospect', []],
      ['lead', ['nurture']],
      ['first_purchase', ['welcome', 'onboarding']],
      ['repeat', ['upsell']],
      ['loyal', ['vip_care']],
      ['at_risk', ['retention_offer']],
      ['churned', ['win_back']],
      ['won_back', ['welcome_back']],
      ['disqualified', []],
    ]);
    expect(JSON.parse(JSON.stringify(defaultLifecyclePlaybook))).toEqual(defaultLifecyclePlaybook);
  });
  it('rejects unknown stages and bad actions; unknown lookups give no actions (including prototype names)', () => {
    throwsCode(() => defineLifecyclePlaybook(defaultLifecycle, { vip: [] }), 'UNKNOWN_STAGE');
    throwsCode(() => defineLifecyclePlaybook(defaultLifecycle, { lead: [{ id: '', label: 'x' }] }), 'VALIDATION_FAILED');
    throwsCode(() => defineLifecyclePlaybook(defaultLifecycle, { lead: [{ id: 'a', label: 'x', channels: ['fax' as never] }] }), 'VALIDATION_FAILED');
    expect(playbookActions(defaultLifecyclePlaybook, 'toString')).toEqual([]);
  });
});

describe('stageDurations bad input', () => {
  it('a span ending before it starts is refused; time after asOf is not counted', () => {
    throwsCode(() => stageDurations([{ stage: 'a', from: d('2026-01-02'), to: d('2026-01-01') }], { asOf: d('2026-02-01') }), 'INVALID_ARGUMENT');
    expect(stageDurations([{ stage: 'a', from: d('2026-01-01'), to: d('2026-03-01') }], { asOf: d('2026-01-11') })).toEqual({ a: 10 });
  });
});
