import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAYBOOK, DEFAULT_RFM_SEGMENT_MAP, type Playbook, recommendTreatments } from 'crmkit/segmentation';

describe('recommendTreatments', () => {
  it('the default playbook covers every default RFM segment (fallback others excepted)', () => {
    for (const s of DEFAULT_RFM_SEGMENT_MAP.segments) expect(recommendTreatments(s.key).length, s.key).toBeGreaterThan(0);
    expect(recommendTreatments('others')).toEqual([]);
  });

  it('the issue examples: VIP service, first-purchase discount, win-back call', () => {
    expect(recommendTreatments('champions').map((t) => t.key)).toEqual(['vip-service']);
    expect(recommendTreatments('prospect').map((t) => t.key)).toEqual(['first-purchase-discount']);
    expect(recommendTreatments('cant-lose-them').map((t) => t.key)).toEqual(['win-back-call']);
  });

  it('several segments: each treatment once, by priority (priorities from DEFAULT_PLAYBOOK: win-back 1, VIP 2)', () => {
    expect(recommendTreatments(['champions', 'at-risk', 'loyal-customers']).map((t) => t.key)).toEqual(['win-back-call', 'vip-service']);
  });

  it('accepts an adopter playbook and rejects an invalid one', () => {
    const mine: Playbook = {
      entries: [
        { segment: 'gold', treatment: { key: 'gift', name: { en: 'Gift', 'zh-CN': '礼品' }, priority: 5 } },
        { segment: 'gold', treatment: { key: 'call', name: { en: 'Call', 'zh-CN': '电话' }, priority: 1, channel: 'phone' } },
      ],
    };
    expect(recommendTreatments('gold', mine).map((t) => t.key)).toEqual(['call', 'gift']);
    const bad = { entries: [{ segment: 'x', treatment: { key: 'y', name: { en: 'Y' }, priority: 0 } }] } as unknown as Playbook;
    expect(() => recommendTreatments('x', bad)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });

  it('the default playbook is frozen data', () => {
    expect(Object.isFrozen(DEFAULT_PLAYBOOK.entries)).toBe(true);
  });
});
