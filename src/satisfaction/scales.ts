import { assert } from './errors';

/**
 * The answer scales a survey question can use:
 * - `nps`: 0..10 likelihood to recommend (Reichheld, "The One Number You Need to Grow", HBR 2003);
 * - `csat5`, `csat7`: satisfaction 1..5 or 1..7 (5 or 7 = very satisfied);
 * - `ces7`: Customer Effort Score 2.0, agreement 1..7 with "the company made it easy for me to handle
 *   my issue" (7 = strongly agree, so higher means less effort; Dixon, Toman and DeLisi, "The
 *   Effortless Experience", 2013);
 * - `yes_no`: a boolean answer (yes = 1, no = 0);
 * - `text`: free text, kept with the response and never scored.
 *
 * @example
 * ```ts
 * import { SCALE_TYPES } from 'crmkit/satisfaction';
 * SCALE_TYPES;
 * //=> ['nps', 'csat5', 'csat7', 'ces7', 'yes_no', 'text']
 * ```
 */
export const SCALE_TYPES = ['nps', 'csat5', 'csat7', 'ces7', 'yes_no', 'text'] as const;

/**
 * One of {@link SCALE_TYPES}.
 *
 * @example
 * ```ts
 * const scale: ScaleType = 'csat5';
 * ```
 */
export type ScaleType = (typeof SCALE_TYPES)[number];

/**
 * A scored scale's range: answers are integers from `min` to `max` (yes/no counts as 0..1).
 *
 * @example
 * ```ts
 * const range: ScaleRange = { min: 1, max: 5 };
 * ```
 */
export interface ScaleRange {
  readonly min: number;
  readonly max: number;
}

// Frozen: scaleRange hands these out, and isAnswerInScale must not see a caller's edit.
const RANGES: Readonly<Record<Exclude<ScaleType, 'text'>, ScaleRange>> = /* @__PURE__ */ Object.freeze({
  nps: Object.freeze({ min: 0, max: 10 }),
  csat5: Object.freeze({ min: 1, max: 5 }),
  csat7: Object.freeze({ min: 1, max: 7 }),
  ces7: Object.freeze({ min: 1, max: 7 }),
  yes_no: Object.freeze({ min: 0, max: 1 }),
});

/**
 * The range of a scale, or `null` for free text (which is never scored).
 *
 * @param scale - the scale type
 * @returns `{ min, max }` (frozen, shared), or `null` for `text`
 * @throws {CrmError} `INVALID_ARGUMENT` for anything but a {@link ScaleType}
 *
 * @example
 * ```ts
 * import { scaleRange } from 'crmkit/satisfaction';
 * scaleRange('csat7');
 * //=> { min: 1, max: 7 }
 * scaleRange('text');
 * //=> null
 * ```
 */
export function scaleRange(scale: ScaleType): ScaleRange | null {
  if (scale === 'text') return null;
  assert(typeof scale === 'string' && Object.hasOwn(RANGES, scale), 'INVALID_ARGUMENT', {
    params: { field: 'scale', rule: `must be one of ${SCALE_TYPES.join(', ')}` },
  });
  return RANGES[scale];
}

/** `0-10`, `1-5`, ... for messages. */
export function scaleLabel(scale: ScaleType): string {
  const r = scaleRange(scale);
  return r === null ? 'text' : scale === 'yes_no' ? 'yes/no' : `${r.min}-${r.max}`;
}
