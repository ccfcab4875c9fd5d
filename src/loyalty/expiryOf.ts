import { requireDate } from '../core/time';
import { addLocalMonths, localMidnight, localParts } from './calendar';
import type { LoyaltyProgram } from './program';
import { requireObject } from '../core/guards';

/**
 * When points earned at `earnedAt` expire under the programme's rule: `months-after-earn` adds N
 * calendar months (clamped to month end, in the programme's UTC offset); `year-end` is local
 * midnight starting 1 January after the year earned (plus `yearsAfter` years); `never` gives undefined.
 * Points are unusable from that instant on.
 *
 * @param earnedAt - when the points were earned
 * @param program - the parsed programme
 * @returns the expiry instant, or undefined
 * @throws {CrmError} `INVALID_ARGUMENT` when `program` is not a parsed programme; `INVALID_DATE`
 *
 * @example
 * ```ts
 * import { expiryOf, parseLoyaltyProgram } from 'crmkit/loyalty';
 * const base = { id: 'p', currency: 'CNY', earning: { rate: { spend: { amount: '1', currency: 'CNY' }, points: 1 } }, tiers: [{ id: 'm', threshold: { points: 0 } }] };
 * expiryOf(new Date('2026-01-31T12:00:00Z'), parseLoyaltyProgram({ ...base, expiry: { kind: 'months-after-earn', months: 1 } })).toISOString();
 * //=> '2026-02-28T12:00:00.000Z'
 * expiryOf(new Date('2026-05-01T00:00:00Z'), parseLoyaltyProgram({ ...base, utcOffsetMinutes: 480, expiry: { kind: 'year-end' } })).toISOString();
 * //=> '2026-12-31T16:00:00.000Z'
 * ```
 */
export function expiryOf(earnedAt: Date, program: LoyaltyProgram): Date | undefined {
  requireObject(requireObject<LoyaltyProgram>(program, 'program').expiry, 'program.expiry');
  const ms = requireDate(earnedAt, 'earnedAt').getTime();
  const rule = program.expiry;
  const offset = program.utcOffsetMinutes;
  if (rule.kind === 'never') return undefined;
  if (rule.kind === 'months-after-earn') return new Date(addLocalMonths(ms, rule.months, offset));
  const { year } = localParts(ms, offset);
  return new Date(localMidnight(year + 1 + rule.yearsAfter, 0, 1, offset));
}
