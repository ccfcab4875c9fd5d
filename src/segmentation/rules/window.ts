import { subMonths } from 'date-fns/subMonths';
import { subYears } from 'date-fns/subYears';
import { CrmError } from '../errors';
import { isValidDate } from '../../core/time/index';
import { MIN_TIME } from '../../core/time/range';
import type { ParsedValue } from './parse';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000, weeks: 604_800_000 } as const;

/** The inclusive [from, to] epoch-ms window of `withinLast`, computed once per compile so memory and SQL use the same instants. */
export function withinLastWindow(value: ParsedValue, asOf: Date | undefined): [number, number] {
  if (!isValidDate(asOf)) throw new CrmError('INVALID_DATE', { params: { field: 'asOf' } });
  const { amount, unit } = value as { amount: number; unit: keyof typeof UNIT_MS | 'months' | 'years' };
  const to = asOf.getTime();
  const from = unit === 'months' ? subMonths(asOf, amount).getTime() : unit === 'years' ? subYears(asOf, amount).getTime() : to - amount * UNIT_MS[unit];
  // A window reaching before year 1 starts at the earliest instant crmkit accepts (nothing is older).
  return [Math.max(from, MIN_TIME), to];
}
