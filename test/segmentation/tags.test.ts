import { describe, expect, it } from 'vitest';
import { CrmError } from 'crmkit';
import { applyTagRules, compileTagRules } from 'crmkit/segmentation';

describe('applyTagRules', () => {
  const rules = [
    { tag: 'VIP Customer', when: { field: 'rfm.segment', op: 'in', value: ['champions'] } },
    { tag: 'win-back', when: { field: 'recencyDays', op: 'gt', value: 180 }, action: 'add' as const },
    { tag: 'b2b', when: { field: 'kind', op: 'eq', value: 'person' }, action: 'remove' as const },
  ];

  it('sync adds on match and removes otherwise; add only adds; remove only removes (hand-worked cases)', () => {
    // champions, recent, organisation: VIP added (normalised to vip-customer), nothing else changes
    expect(applyTagRules({ kind: 'organization', tags: ['b2b'] }, rules, { metrics: { rfmSegment: 'champions', recencyDays: 3 } })).toEqual({
      tags: ['b2b', 'vip-customer'],
      added: ['vip-customer'],
      removed: [],
      changed: true,
    });
    // no longer a champion, dormant, a person tagged b2b: VIP removed (sync), win-back added, b2b removed
    expect(applyTagRules({ kind: 'person', tags: ['vip-customer', 'b2b'] }, rules, { metrics: { rfmSegment: 'at-risk', recencyDays: 200 } })).toEqual({
      tags: ['win-back'],
      added: ['win-back'],
      removed: ['vip-customer', 'b2b'],
      changed: true,
    });
    // an add rule that does not match leaves an existing tag alone
    expect(applyTagRules({ tags: ['win-back'] }, rules, { metrics: { recencyDays: 1 } }).tags).toEqual(['win-back']);
  });

  it('normalises the existing tags and reports a change when only normalisation changed them', () => {
    const r = applyTagRules({ tags: [' Win Back ', 'win-back'] }, [], {});
    expect(r).toEqual({ tags: ['win-back'], added: [], removed: [], changed: true });
    expect(applyTagRules({ tags: ['x'] }, []).changed).toBe(false);
  });

  it('rules see the customer as given, and the last rule touching a tag wins', () => {
    const r = applyTagRules({ tags: [] }, [
      { tag: 'a', when: { all: [] } },
      { tag: 'b', when: { field: 'tags', op: 'hasTag', value: 'a' } }, // does not see tag a set above
      { tag: 'a', when: { any: [] }, action: 'sync' }, // later sync removes a again
    ]);
    expect(r.tags).toEqual([]);
  });

  it('does not mutate the customer', () => {
    const c = { tags: ['x'] };
    applyTagRules(c, [{ tag: 'y', when: { all: [] } }]);
    expect(c).toEqual({ tags: ['x'] });
  });

  it('reports bad rules with their path', () => {
    const err = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e instanceof CrmError ? [e.code, e.params.path] : e;
      }
    };
    expect(err(() => compileTagRules([{ tag: 'ok', when: { all: [] } }, { tag: 'x', when: { all: [{ field: 'nope', op: 'eq', value: 1 }] } }]))).toEqual(['UNKNOWN_FIELD', 'rules.1.when.all.0.field']);
    expect(err(() => compileTagRules([{ tag: '  ', when: { all: [] } }]))).toEqual(['INVALID_RULE', 'rules.0']);
    expect(err(() => compileTagRules([{ tag: 'x', when: { all: [] }, action: 'toggle' as 'add' }]))).toEqual(['INVALID_RULE', 'rules.0']);
  });
});
