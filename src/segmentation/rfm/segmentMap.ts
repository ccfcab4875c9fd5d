import { z } from 'zod';
import { lazySchema } from '../../core/zod/lazySchema';

const range = /* @__PURE__ */ lazySchema(() => z
  .tuple([z.number().int().min(1).max(100), z.number().int().min(1).max(100)])
  .refine(([lo, hi]) => lo <= hi, { message: 'lower bound must not exceed upper bound' }));
const names = /* @__PURE__ */ lazySchema(() => z.strictObject({ en: z.string().min(1).max(128), 'zh-CN': z.string().min(1).max(128) }));

/**
 * zod schema of an RFM segment map: segments tried in order (the first whose R, F and M score
 * ranges all contain the customer's scores wins, inclusive), and a fallback for scores no segment
 * covers. Adopters replace the map to name their own segments.
 *
 * @example
 * ```ts
 * import { RfmSegmentMapSchema } from 'crmkit/segmentation';
 * RfmSegmentMapSchema.safeParse({
 *   segments: [{ key: 'best', name: { en: 'Best', 'zh-CN': '最佳' }, r: [4, 5], f: [4, 5], m: [4, 5] }],
 *   fallback: { key: 'rest', name: { en: 'Rest', 'zh-CN': '其他' } },
 * }).success;
 * //=> true
 * ```
 */
export const RfmSegmentMapSchema = /* @__PURE__ */ lazySchema(() => z.strictObject({
  segments: z
    .array(z.strictObject({ key: z.string().min(1).max(64), name: names, r: range, f: range, m: range }))
    .min(1)
    .max(200),
  fallback: z.strictObject({ key: z.string().min(1).max(64), name: names }),
}));

/**
 * An RFM segment map; see {@link RfmSegmentMapSchema}.
 *
 * @example
 * ```ts
 * import { DEFAULT_RFM_SEGMENT_MAP } from 'crmkit/segmentation';
 * const map: RfmSegmentMap = DEFAULT_RFM_SEGMENT_MAP;
 * ```
 */
export type RfmSegmentMap = z.infer<typeof RfmSegmentMapSchema>;

/**
 * A named segment as {@link rfmSegment} returns it: a stable `key` and its names.
 *
 * @example
 * ```ts
 * const s: RfmSegmentName = { key: 'champions', name: { en: 'Champions', 'zh-CN': '重要价值客户' } };
 * ```
 */
export interface RfmSegmentName {
  readonly key: string;
  readonly name: { readonly en: string; readonly 'zh-CN': string };
}

type Entry = RfmSegmentMap['segments'][number];
const seg = (key: string, en: string, zh: string, r: [number, number], f: [number, number], m: [number, number]): Entry => ({
  key,
  name: { en, 'zh-CN': zh },
  r,
  f,
  m,
});

/**
 * The widely used 11-segment RFM map for 1..5 scores, in English and Chinese.
 *
 * Source: the segment table of the `rfm` R package (Hebbali, rsquaredacademy, `rfm_segment()`
 * documentation and vignette, <https://rfm.rsquaredacademy.com/articles/rfm.html>), whose names
 * follow Putler's RFM segment guide (<https://www.putler.com/rfm-analysis/>). As in `rfm_segment()`
 * the first matching segment wins, and scores no segment covers get the fallback `others`. Two
 * documented adaptations make all 11 segments reachable: the order is changed (in the package's
 * order "Potential Loyalist" hides "New Customers" and "Promising", and "At Risk" hides "Can't Lose
 * Them"), and the package's "Lost" range (R 1-2, F 1-2, M 1-2) is split into "Lost" (1-1-1,
 * Putler's "lowest recency, frequency and monetary scores") and "Hibernating" (the rest of it).
 *
 * @example
 * ```ts
 * import { DEFAULT_RFM_SEGMENT_MAP } from 'crmkit/segmentation';
 * DEFAULT_RFM_SEGMENT_MAP.segments.length;
 * //=> 11
 * DEFAULT_RFM_SEGMENT_MAP.segments[0].name;
 * //=> { en: 'Champions', 'zh-CN': '重要价值客户' }
 * ```
 */
export const DEFAULT_RFM_SEGMENT_MAP: RfmSegmentMap = /* @__PURE__ */ (() => deepFreeze({
  segments: [
    seg('champions', 'Champions', '重要价值客户', [4, 5], [4, 5], [4, 5]),
    seg('loyal-customers', 'Loyal Customers', '忠诚客户', [2, 5], [3, 5], [3, 5]),
    seg('new-customers', 'New Customers', '新客户', [4, 5], [1, 1], [1, 1]),
    seg('promising', 'Promising', '有望发展客户', [3, 4], [1, 1], [1, 1]),
    seg('potential-loyalists', 'Potential Loyalists', '潜力客户', [3, 5], [1, 3], [1, 3]),
    seg('need-attention', 'Need Attention', '需要关注客户', [2, 3], [2, 3], [2, 3]),
    seg('about-to-sleep', 'About to Sleep', '即将沉睡客户', [2, 3], [1, 2], [1, 2]),
    seg('cant-lose-them', "Can't Lose Them", '不能流失的客户', [1, 1], [4, 5], [4, 5]),
    seg('at-risk', 'At Risk', '有流失风险客户', [1, 2], [2, 5], [2, 5]),
    seg('lost', 'Lost', '已流失客户', [1, 1], [1, 1], [1, 1]),
    seg('hibernating', 'Hibernating', '沉睡客户', [1, 2], [1, 2], [1, 2]),
  ],
  fallback: { key: 'others', name: { en: 'Others', 'zh-CN': '其他客户' } },
}))();

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
