import { describe, expect, it } from 'vitest';
import { isCrmError } from 'crmkit';
import { DEFAULT_RFM_SEGMENT_MAP, rfmSegment, type RfmSegmentMap } from 'crmkit/segmentation';

describe('rfmSegment with the default map', () => {
  // Expected keys looked up by hand in the table documented on DEFAULT_RFM_SEGMENT_MAP
  // (rfm R package ranges, reordered; first match wins).
  const cases: [number, number, number, string][] = [
    [5, 5, 5, 'champions'],
    [2, 3, 3, 'loyal-customers'],
    [5, 1, 1, 'new-customers'],
    [3, 1, 1, 'promising'],
    [5, 2, 2, 'potential-loyalists'],
    [2, 2, 2, 'need-attention'],
    [2, 1, 1, 'about-to-sleep'],
    [1, 5, 5, 'cant-lose-them'],
    [1, 3, 3, 'at-risk'],
    [1, 1, 1, 'lost'],
    [1, 2, 1, 'hibernating'],
    [1, 1, 3, 'others'],
  ];
  for (const [r, f, m, key] of cases) {
    it(`${r}${f}${m} is ${key}`, () => expect(rfmSegment({ r, f, m }).key).toBe(key));
  }

  it('every one of the 11 segments is reachable from some 1..5 score triple', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) seen.add(rfmSegment({ r, f, m }).key);
    for (const s of DEFAULT_RFM_SEGMENT_MAP.segments) expect(seen.has(s.key), s.key).toBe(true);
  });

  it('names segments in English and Chinese', () => {
    expect(rfmSegment({ r: 5, f: 5, m: 5 }).name).toEqual({ en: 'Champions', 'zh-CN': '重要价值客户' });
  });

  it('the map is frozen data', () => {
    expect(Object.isFrozen(DEFAULT_RFM_SEGMENT_MAP.segments[0])).toBe(true);
  });

  it('accepts a custom map and rejects an invalid one or a bad score', () => {
    const map: RfmSegmentMap = {
      segments: [{ key: 'vip', name: { en: 'VIP', 'zh-CN': '贵宾' }, r: [3, 3], f: [3, 3], m: [2, 3] }],
      fallback: { key: 'rest', name: { en: 'Rest', 'zh-CN': '其他' } },
    };
    expect(rfmSegment({ r: 3, f: 3, m: 3 }, map).key).toBe('vip');
    expect(rfmSegment({ r: 3, f: 3, m: 1 }, map).key).toBe('rest');
    const bad = { ...map, segments: [{ ...map.segments[0]!, r: [4, 2] as [number, number] }] };
    expect(() => rfmSegment({ r: 1, f: 1, m: 1 }, bad)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    for (const r of [0, 1.5, Number.NaN]) {
      try {
        rfmSegment({ r, f: 1, m: 1 });
        expect.unreachable();
      } catch (e) {
        expect(isCrmError(e, 'INVALID_ARGUMENT')).toBe(true);
      }
    }
  });
});
