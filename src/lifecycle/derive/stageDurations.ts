import { assert } from '../errors';
import { MS_PER_DAY, requireDate } from '../../core/time';
import type { StageSpan } from './replay';

/**
 * Total days (of 24 hours, fractional) spent in each stage of a timeline, up to `asOf` (an open
 * span ends at `asOf`; time after `asOf` is not counted). Stages visited twice add up.
 *
 * @param timeline - spans oldest first, as {@link replay} returns them
 * @param options - `asOf`: the end of an open span
 * @returns days per stage (only stages that occur)
 * @throws {CrmError} `INVALID_DATE` for bad dates; `INVALID_ARGUMENT` when a span ends before it starts
 *
 * @example
 * ```ts
 * const d = (s: string) => new Date(`${s}T00:00:00Z`);
 * stageDurations([
 *   { stage: 'lead', from: d('2026-01-01'), to: d('2026-01-11') },
 *   { stage: 'first_purchase', from: d('2026-01-11'), to: null },
 * ], { asOf: d('2026-01-31') });
 * //=> { lead: 10, first_purchase: 20 }
 * ```
 */
export function stageDurations(timeline: readonly StageSpan[], options: { readonly asOf: Date }): Record<string, number> {
  const asOf = requireDate(options?.asOf, 'asOf').getTime();
  const out: Record<string, number> = {};
  for (const span of timeline) {
    const from = requireDate(span.from, 'span.from').getTime();
    const to = Math.min(span.to === null ? asOf : requireDate(span.to, 'span.to').getTime(), asOf);
    assert(span.to === null || span.to.getTime() >= from, 'INVALID_ARGUMENT', { params: { field: 'timeline', rule: 'a span ends before it starts' } });
    const days = Math.max(0, to - from) / MS_PER_DAY;
    out[span.stage] = (out[span.stage] ?? 0) + days;
  }
  return out;
}
