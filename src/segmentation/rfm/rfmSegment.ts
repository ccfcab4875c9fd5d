import { CrmError } from '../errors';
import { DEFAULT_RFM_SEGMENT_MAP, RfmSegmentMapSchema, type RfmSegmentMap, type RfmSegmentName } from './segmentMap';

const checked = /* @__PURE__ */ new WeakSet<object>([DEFAULT_RFM_SEGMENT_MAP]);

function checkMap(map: RfmSegmentMap): void {
  if (checked.has(map)) return;
  const parsed = RfmSegmentMapSchema.safeParse(map);
  if (!parsed.success) {
    throw new CrmError('INVALID_ARGUMENT', {
      params: { field: 'map', rule: 'not a valid RFM segment map' },
      details: { issues: parsed.error.issues.map((i) => ({ path: i.path, code: i.code, message: i.message })) },
    });
  }
  checked.add(map);
}

function checkScore(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new CrmError('INVALID_ARGUMENT', { params: { field, rule: 'must be an integer score of at least 1' } });
  }
  return value;
}

/**
 * Names the segment of one R/F/M score triple with a segment map: the first segment whose score
 * ranges contain all three scores, else the map's fallback. The default map is
 * {@link DEFAULT_RFM_SEGMENT_MAP} (11 segments for 1..5 scores, English and Chinese names); pass
 * your own {@link RfmSegmentMap} to rename or re-cut segments.
 *
 * @param score - `{ r, f, m }` integer scores (for example from {@link rfmScores})
 * @param map - the segment map; default {@link DEFAULT_RFM_SEGMENT_MAP}
 * @returns the segment's key and names
 * @throws {CrmError} `INVALID_ARGUMENT` for a non-integer or non-positive score or an invalid map
 *
 * @example
 * ```ts
 * import { rfmSegment } from 'crmkit/segmentation';
 * rfmSegment({ r: 5, f: 5, m: 4 }).key;
 * //=> 'champions'
 * rfmSegment({ r: 1, f: 5, m: 5 }).name['zh-CN'];
 * //=> '不能流失的客户'
 * rfmSegment({ r: 1, f: 1, m: 3 }).key;
 * //=> 'others'
 * ```
 */
export function rfmSegment(score: { readonly r: number; readonly f: number; readonly m: number }, map: RfmSegmentMap = DEFAULT_RFM_SEGMENT_MAP): RfmSegmentName {
  checkMap(map);
  const r = checkScore(score?.r, 'r');
  const f = checkScore(score.f, 'f');
  const m = checkScore(score.m, 'm');
  for (const s of map.segments) {
    if (r >= s.r[0] && r <= s.r[1] && f >= s.f[0] && f <= s.f[1] && m >= s.m[0] && m <= s.m[1]) return { key: s.key, name: s.name };
  }
  return map.fallback;
}
